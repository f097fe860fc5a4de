#include "hostile_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace renkei::test {
namespace {

constexpr std::size_t kMaxHead = 64 * 1024;
constexpr std::size_t kMaxBody = 16 * 1024 * 1024;

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// Parses "METHOD target HTTP/1.1" and the header lines of `head` (without the blank line).
bool parseHead(const std::string& head, HttpRequest& out) {
    std::size_t line_end = head.find("\r\n");
    const std::string line = head.substr(0, line_end);
    const auto sp1 = line.find(' ');
    const auto sp2 = line.find(' ', sp1 + 1);
    if (sp1 == std::string::npos || sp2 == std::string::npos) return false;
    out.method = line.substr(0, sp1);
    out.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    while (line_end != std::string::npos) {
        const std::size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        const std::string header = head.substr(start, line_end - start);
        const auto colon = header.find(':');
        if (colon != std::string::npos) {
            out.headers[lower(header.substr(0, colon))] = trim(header.substr(colon + 1));
        }
    }
    return true;
}

/// Reads more bytes into `buffer`; false on EOF, error or stop.
bool readMore(int fd, int wake, std::string& buffer) {
    char chunk[16384];
    for (;;) {
        pollfd fds[2] = {{wake, POLLIN, 0}, {fd, POLLIN, 0}};
        if (pollRetry(fds, 2, -1) < 0 || fds[0].revents != 0) return false;
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            buffer.append(chunk, static_cast<std::size_t>(n));
            return true;
        }
        if (n == 0) return false;
        if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return false;
    }
}

bool sendText(int fd, const std::string& text, int wake) {
    return sendAll(fd, text.data(), text.size(), wake);
}

std::string hex(std::size_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zx", n);
    return buf;
}

}  // namespace

std::optional<std::string> HttpRequest::query(const std::string& key) const {
    const auto q = target.find('?');
    if (q == std::string::npos) return std::nullopt;
    std::size_t pos = q + 1;
    while (pos <= target.size()) {
        const auto amp = std::min(target.find('&', pos), target.size());
        const std::string pair = target.substr(pos, amp - pos);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == key) return eq == std::string::npos ? "" : pair.substr(eq + 1);
        pos = amp + 1;
    }
    return std::nullopt;
}

HttpReply jsonReply(int status, std::string body) {
    HttpReply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

HttpReply redirectReply(int status, std::string location) {
    HttpReply r = jsonReply(status, R"({"moved":true})");
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

HostileServer::HostileServer(HttpHandler handler)
    : handler_(std::move(handler)),
      listener_(std::make_unique<LoopbackListener>(
          [this](int client, int wake) { serve(client, wake); })) {}

HostileServer::~HostileServer() { listener_->stop(); }

std::vector<HttpRequest> HostileServer::requests() const {
    std::lock_guard lock(mutex_);
    return log_;
}

void HostileServer::serve(int client, int wake) {
    std::string buffer;
    for (;;) {
        std::size_t head_end = std::string::npos;
        while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
            if (buffer.size() > kMaxHead || !readMore(client, wake, buffer)) {
                closeFd(client);
                return;
            }
        }
        HttpRequest request;
        if (!parseHead(buffer.substr(0, head_end), request)) break;
        buffer.erase(0, head_end + 4);
        std::size_t length = 0;
        if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
            length = std::strtoull(it->second.c_str(), nullptr, 10);
        }
        if (length > kMaxBody) break;
        if (length > buffer.size() && request.headers.count("expect") != 0 &&
            !sendText(client, "HTTP/1.1 100 Continue\r\n\r\n", wake)) {
            break;
        }
        while (buffer.size() < length) {
            if (!readMore(client, wake, buffer)) {
                closeFd(client);
                return;
            }
        }
        request.body = buffer.substr(0, length);
        buffer.erase(0, length);
        {
            std::lock_guard lock(mutex_);
            log_.push_back(request);
        }
        if (!answer(client, wake, handler_(request))) break;
    }
    closeFd(client);
}

bool HostileServer::answer(int client, int wake, const HttpReply& reply) {
    if (reply.delay.count() > 0) {
        pollfd fds[1] = {{wake, POLLIN, 0}};
        if (pollRetry(fds, 1, static_cast<int>(reply.delay.count())) != 0) return false;
    }
    std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " Hostile\r\n";
    bool has_type = false;
    for (const auto& [name, value] : reply.headers) {
        head += name + ": " + value + "\r\n";
        has_type = has_type || lower(name) == "content-type";
    }
    if (!has_type) head += "Content-Type: application/json\r\n";
    if (!reply.stream) {
        head += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n\r\n";
        return sendText(client, head, wake) && sendText(client, reply.body, wake);
    }
    const bool chunked = !reply.declared_length;
    head += chunked ? std::string("Transfer-Encoding: chunked\r\n\r\n")
                    : "Content-Length: " + std::to_string(*reply.declared_length) + "\r\n\r\n";
    if (!sendText(client, head, wake)) return false;
    std::string piece;
    std::uint64_t sent = 0;
    for (;;) {
        piece.clear();
        const bool more = reply.stream(piece);
        if (!piece.empty()) {
            const std::string framed =
                chunked ? hex(piece.size()) + "\r\n" + piece + "\r\n" : piece;
            if (!sendText(client, framed, wake)) return false;  // the client gave up
            sent += piece.size();
        }
        if (!more) break;
    }
    if (!chunked) return sent == *reply.declared_length;
    return sendText(client, "0\r\n\r\n", wake);
}

}  // namespace renkei::test
