// Benchmark: /sync ingest (JSON parse + SQLCipher commit) and timeline paging.
// Targets (ARCHITECTURE.md): ingest >= 100,000 events/s; newest 50 posts of a 50,000-event
// room, or 50 before a given post, <= 5 ms. Prints results; asserts nothing about time.
//
// usage: renkei-bench-ingest [events_per_batch=1000] [batches=50] [dir]
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "matrix/sync.h"
#include "store/cache.h"

using namespace renkei;
using Clock = std::chrono::steady_clock;

namespace {

// A Synapse-shaped /sync body with `count` m.room.message events in one room.
std::string syncBody(int batch, int count, const std::string& room_id) {
    nlohmann::json events = nlohmann::json::array();
    for (int i = 0; i < count; ++i) {
        const int n = batch * count + i;
        events.push_back({
            {"event_id", "$bench" + std::to_string(n)},
            {"type", "m.room.message"},
            {"sender", n % 3 == 0 ? "@nurse.sato:localhost" : "@dr.tanaka:localhost"},
            {"origin_server_ts", 1'790'000'000'000LL + n * 1000LL},
            {"content", {{"msgtype", "m.text"},
                         {"body", "本日訪問。血圧 " + std::to_string(110 + n % 40) +
                                      "/72 mmHg、体温 36.6℃、SpO2 97%。食事摂取 8 割、水分 1,200 mL。"}}},
            {"unsigned", {{"age", 1234}}},
        });
    }
    nlohmann::json body = {
        {"next_batch", "s" + std::to_string(batch + 1)},
        {"rooms", {{"join", {{room_id, {{"timeline", {{"events", events}, {"limited", false}}}}}}}}},
    };
    return body.dump();
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

}  // namespace

int main(int argc, char** argv) {
    const int per_batch = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int batches = argc > 2 ? std::atoi(argv[2]) : 50;
    const std::filesystem::path dir = argc > 3 ? std::filesystem::path(argv[3])
                                               : std::filesystem::temp_directory_path() / "renkei-bench-ingest";
    if (sodium_init() < 0 || per_batch <= 0 || batches <= 0) return 2;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store::RawKey key{};
    randombytes_buf(key.data(), key.size());
    auto cache = store::Cache::open(dir, key);
    if (!cache) {
        std::fprintf(stderr, "open: %s\n", cache.error().describe().c_str());
        return 1;
    }
    const std::string room = "!bench:localhost";
    std::vector<std::string> bodies;
    for (int b = 0; b < batches; ++b) bodies.push_back(syncBody(b, per_batch, room));

    Clock::duration parse_time{}, apply_time{};
    for (const auto& body : bodies) {
        const auto t0 = Clock::now();
        auto parsed = matrix::parseSyncResponse(body);
        const auto t1 = Clock::now();
        if (!parsed) return 1;
        auto applied = cache->applySync(*parsed);
        const auto t2 = Clock::now();
        if (!applied) {
            std::fprintf(stderr, "apply: %s\n", applied.error().describe().c_str());
            return 1;
        }
        parse_time += t1 - t0;
        apply_time += t2 - t1;
    }
    const double total = static_cast<double>(per_batch) * batches;
    const double seconds = ms(parse_time + apply_time) / 1000.0;
    std::printf("ingest: %.0f events in %.1f ms (parse %.1f ms, store %.1f ms) = %.0f events/s\n", total,
                seconds * 1000.0, ms(parse_time), ms(apply_time), total / seconds);

    // Paging: newest 50, and 50 before an event in the middle; median of 200 runs each.
    auto measure = [&](auto&& op) {
        std::vector<double> runs;
        for (int i = 0; i < 200; ++i) {
            const auto t0 = Clock::now();
            op();
            runs.push_back(ms(Clock::now() - t0));
        }
        std::sort(runs.begin(), runs.end());
        return std::pair{runs[runs.size() / 2], runs[runs.size() * 95 / 100]};
    };
    const std::string middle = "$bench" + std::to_string(static_cast<int>(total) / 2);
    auto [latest_med, latest_p95] = measure([&] { (void)cache->latestEvents(room, 50); });
    auto [before_med, before_p95] = measure([&] { (void)cache->eventsBefore(room, middle, 50); });
    std::printf("page: newest 50 of %.0f: median %.3f ms, p95 %.3f ms\n", total, latest_med, latest_p95);
    std::printf("page: 50 before a middle event: median %.3f ms, p95 %.3f ms\n", before_med, before_p95);
    auto check = cache->latestEvents(room, 50);
    if (!check || check->size() != 50) return 1;
    std::filesystem::remove_all(dir);
    return 0;
}
