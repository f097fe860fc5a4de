// Benchmark: the outbox against a real homeserver. Queues N posts (vault inserts, fsync'd:
// synchronous=FULL), flushes them with the SendQueue (one PUT /send at a time, in order),
// then syncs until every post is confirmed by its echo. Prints rates; asserts nothing about
// time. The homeserver comes from the test harness's state.json (tests/homeserver).
//
// usage: renkei-bench-flush STATE_JSON [posts=200] [user=nurse.sato]
#include <sodium.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "session/send_queue.h"
#include "session/session.h"
#include "store/keys.h"

using namespace renkei;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

int die(const char* what, const Error& e) {
    std::fprintf(stderr, "renkei-bench-flush: %s: %s\n", what, e.describe().c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: renkei-bench-flush STATE_JSON [posts=200] [user=nurse.sato]\n");
        return 2;
    }
    const int posts = argc > 2 ? std::atoi(argv[2]) : 200;
    const std::string user = argc > 3 ? argv[3] : "nurse.sato";
    std::ifstream state_file(argv[1]);
    const auto state = nlohmann::json::parse(state_file, nullptr, false);
    if (state.is_discarded() || posts <= 0 || sodium_init() < 0) {
        std::fprintf(stderr, "renkei-bench-flush: unreadable state file or bad post count\n");
        return 2;
    }
    const std::string base_url = state.value("base_url", "");
    const std::string password = state["users"][user].value("password", "");

    const auto dir = std::filesystem::temp_directory_path() /
                     ("renkei-bench-flush-" + std::to_string(randombytes_random()));
    int rc = 0;
    {
        store::AccountKeys keys{};
        randombytes_buf(keys.vault.data(), keys.vault.size());
        randombytes_buf(keys.cache.data(), keys.cache.size());
        store::RawKeyProvider provider(keys);
        session::SessionConfig config;
        config.data_dir = dir;
        auto opened = session::Session::open(std::move(config), provider);
        if (!opened) return die("open", opened.error());
        auto& s = **opened;
        if (auto r = s.login(base_url, user, password); !r) return die("login", r.error());
        auto room = s.createRoom("flush benchmark", {});
        if (!room) return die("createRoom", room.error());

        auto start = Clock::now();
        for (int i = 0; i < posts; ++i) {
            auto q = s.queueText(*room, "ベンチマーク投稿 " + std::to_string(i) + "：血圧 128/80、SpO2 97%");
            if (!q) return die("queueText", q.error());
        }
        const double queue_s = secondsSince(start);

        std::mutex mutex;
        std::condition_variable done;
        int sent = 0, failed = 0;
        session::SendQueue sender(s, [&](const session::SendNotification& n) {
            std::lock_guard lock(mutex);
            sent += n.kind == session::SendNotification::Kind::Sent ? 1 : 0;
            failed += n.kind == session::SendNotification::Kind::Failed ? 1 : 0;
            done.notify_all();
        });
        start = Clock::now();
        sender.start();
        {
            std::unique_lock lock(mutex);
            done.wait_for(lock, std::chrono::minutes(10), [&] { return sent + failed >= posts; });
        }
        const double flush_s = secondsSince(start);
        sender.stop();

        start = Clock::now();
        while (s.outbox().value().size() > 0 && secondsSince(start) < 120) {
            if (auto r = s.syncOnce(1000); !r) return die("sync", r.error());
        }
        const double confirm_s = secondsSince(start);
        std::printf("posts %d: queued in %.3f s (%.0f posts/s, each one fsync'd vault transaction)\n",
                    posts, queue_s, posts / queue_s);
        std::printf("flushed %d (failed %d) in %.3f s: %.1f posts/s to the homeserver\n", sent, failed,
                    flush_s, sent / flush_s);
        std::printf("confirmed by sync echoes after another %.3f s; outbox left %zu\n", confirm_s,
                    s.outbox().value().size());
        rc = (sent == posts && failed == 0) ? 0 : 1;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return rc;
}
