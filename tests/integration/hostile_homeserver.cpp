#include "hostile_homeserver.h"

#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace renkei::test {
namespace {

constexpr std::string_view kClient = "/_matrix/client/v3";
constexpr std::size_t kPiece = 64 * 1024;  ///< what a streamed reply sends at a time

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

HostileHomeserver::HostileHomeserver()
    : server_([this](const HttpRequest& request) { return answer(request); }) {}

void HostileHomeserver::queueSync(HttpReply reply) {
    std::lock_guard lock(mutex_);
    syncs_.push_back(std::move(reply));
}

void HostileHomeserver::route(std::string method, std::string prefix, HttpHandler handler,
                              bool once) {
    std::lock_guard lock(mutex_);
    routes_.push_back(Route{std::move(method), std::move(prefix), std::move(handler), once});
}

std::vector<HttpRequest> HostileHomeserver::requests(const std::string& prefix) const {
    std::vector<HttpRequest> out;
    for (auto& r : server_.requests()) {
        if (startsWith(r.path(), prefix)) out.push_back(std::move(r));
    }
    return out;
}

HttpReply HostileHomeserver::answer(const HttpRequest& request) {
    HttpHandler handler;
    {
        std::lock_guard lock(mutex_);
        for (auto it = routes_.rbegin(); it != routes_.rend(); ++it) {
            if (it->method != request.method || !startsWith(request.path(), it->prefix)) continue;
            handler = it->handler;
            if (it->once) routes_.erase(std::next(it).base());
            break;
        }
    }
    return handler ? handler(request) : standard(request);
}

HttpReply HostileHomeserver::standard(const HttpRequest& request) {
    const std::string path = request.path();
    const std::string client(kClient);
    if (path == "/.well-known/matrix/client") {
        return jsonReply(404, R"({"errcode":"M_NOT_FOUND","error":"no well-known"})");
    }
    if (path == "/_matrix/client/versions") return jsonReply(200, R"({"versions":["v1.11"]})");
    if (request.method == "POST" && path == client + "/login") {
        return jsonReply(200, std::string(R"({"user_id":")") + kUser + R"(","access_token":")" +
                                  kToken + R"(","device_id":"HOSTILE1"})");
    }
    if (request.method == "POST" && startsWith(path, client + "/user/")) {
        return jsonReply(200, R"({"filter_id":"1"})");
    }
    if (request.method == "GET" && path == client + "/sync") {
        std::lock_guard lock(mutex_);
        if (!syncs_.empty()) {
            HttpReply next = std::move(syncs_.front());
            syncs_.pop_front();
            return next;
        }
        // Nothing new: an empty batch, after a short long-poll so that a sync loop idles.
        HttpReply idle =
            jsonReply(200, R"({"next_batch":"idle-)" + std::to_string(++idle_batches_) + R"("})");
        if (request.query("timeout").value_or("0") != "0")
            idle.delay = std::chrono::milliseconds(200);
        return idle;
    }
    if (request.method == "PUT" && startsWith(path, client + "/rooms/")) {
        return jsonReply(200, R"({"event_id":"$sent-by-hostile"})");
    }
    return jsonReply(404, R"({"errcode":"M_UNRECOGNIZED","error":"not here"})");
}

std::string syncBody(const std::string& next_batch, const std::vector<std::string>& timeline) {
    const std::string name =
        R"({"event_id":"$name:hostile.test","type":"m.room.name","sender":"@nurse:hostile.test",)"
        R"("state_key":"","origin_server_ts":1,"content":{"name":"試験 太郎 様"}})";
    return syncBody(next_batch, HostileHomeserver::kRoom, timeline, {name});
}

HttpReply streamedReply(std::string prefix, std::size_t filler, std::string suffix) {
    struct State {
        std::string prefix, suffix;
        std::size_t left;
        bool endless;
        int stage = 0;  // 0 prefix, 1 filler, 2 suffix
    };
    auto state =
        std::make_shared<State>(State{std::move(prefix), std::move(suffix), filler, filler == 0});
    HttpReply reply;
    reply.stream = [state](std::string& piece) {
        if (state->stage == 0) {
            piece = state->prefix;
            state->stage = 1;
            return true;
        }
        if (state->stage == 1) {
            const std::size_t n = state->endless ? kPiece : std::min(kPiece, state->left);
            piece.assign(n, 'a');
            if (!state->endless) state->left -= n;
            if (state->endless || state->left > 0) return true;
            state->stage = 2;
            return true;
        }
        piece = state->suffix;
        return false;
    };
    return reply;
}

std::string gzipBomb(const std::string& prefix, std::size_t spaces, const std::string& suffix) {
    z_stream zs{};
    // windowBits 15 + 16: a gzip wrapper, as Content-Encoding: gzip expects.
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out;
    auto feed = [&](const std::string& data, int flush) {
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        zs.avail_in = static_cast<uInt>(data.size());
        char buffer[65536];
        do {
            zs.next_out = reinterpret_cast<Bytef*>(buffer);
            zs.avail_out = sizeof buffer;
            deflate(&zs, flush);
            out.append(buffer, sizeof buffer - zs.avail_out);
        } while (zs.avail_out == 0);
    };
    feed(prefix, Z_NO_FLUSH);
    const std::string block(std::size_t{1} << 20, ' ');
    for (std::size_t left = spaces; left > 0;) {
        const std::size_t n = std::min(left, block.size());
        feed(n == block.size() ? block : block.substr(0, n), Z_NO_FLUSH);
        left -= n;
    }
    feed(suffix, Z_FINISH);
    deflateEnd(&zs);
    return out;
}

bool resetPeakRss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear.flush());
}

std::size_t procStatusKb(const char* field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(status, line)) {
        if (line.compare(0, key.size(), key) == 0)
            return std::strtoull(line.c_str() + key.size(), nullptr, 10);
    }
    return 0;
}

}  // namespace renkei::test
