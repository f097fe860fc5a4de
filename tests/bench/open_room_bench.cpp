// Benchmark: opening a room of mixed posts from the encrypted cache, as the timeline does it:
// read the cached events (SQLCipher), turn them into RoomEvents and fold them into a
// RoomTimeline (edits, reactions, redactions, replies applied). Measures the first page the
// window shows (newest 50 events) and the whole room (scrolled to its first post). Prints
// min / median / p95 / max over the runs; asserts nothing about time.
//
// usage: renkei-bench-open-room [posts=1000] [runs=50] [dir]
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "matrix/sync.h"
#include "mixed_room.h"
#include "store/cache.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

using namespace renkei;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
    double min, median, p95, max;
};

Stats stats(std::vector<double> runs) {
    std::sort(runs.begin(), runs.end());
    return {runs.front(), runs[runs.size() / 2], runs[runs.size() * 95 / 100], runs.back()};
}

}  // namespace

int main(int argc, char** argv) {
    const int posts = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 50;
    const std::filesystem::path dir = argc > 3 ? std::filesystem::path(argv[3])
                                               : std::filesystem::temp_directory_path() / "renkei-bench-open-room";
    if (sodium_init() < 0 || posts <= 0 || runs <= 0) return 2;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    store::RawKey key{};
    randombytes_buf(key.data(), key.size());
    const std::string room = "!mixed:localhost";
    {
        auto cache = store::Cache::open(dir, key);
        if (!cache) {
            std::fprintf(stderr, "open: %s\n", cache.error().describe().c_str());
            return 1;
        }
        constexpr int kBatch = 100;
        for (int first = 0, batch = 0; first < posts; first += kBatch, ++batch) {
            auto parsed = matrix::parseSyncResponse(
                bench::mixedSyncBody(room, first, std::min(kBatch, posts - first), batch));
            if (!parsed || !cache->applySync(*parsed)) {
                std::fprintf(stderr, "could not store the mixed room\n");
                return 1;
            }
        }
    }
    // Each run opens the cache afresh (as a window opening the room after start-up would
    // find it) only once; the page reads and folds are what is timed.
    auto cache = store::Cache::open(dir, key);
    if (!cache) return 1;
    std::size_t items_newest = 0, items_all = 0;
    auto open = [&](int limit, std::size_t& items) {
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = Clock::now();
            auto events = cache->latestEvents(room, limit);
            if (!events) std::exit(1);
            timeline::RoomTimeline timeline;
            (void)timeline.appendEvents(timeline::toRoomEvents(std::move(*events)));
            items = timeline.items().size();
            times.push_back(ms(Clock::now() - t0));
        }
        return stats(times);
    };
    const auto newest = open(50, items_newest);
    const auto all = open(posts, items_all);
    std::printf("open room (%d mixed events): newest 50 -> %zu items: min %.3f, median %.3f, "
                "p95 %.3f, max %.3f ms\n",
                posts, items_newest, newest.min, newest.median, newest.p95, newest.max);
    std::printf("open room (%d mixed events): all -> %zu items: min %.3f, median %.3f, p95 %.3f, "
                "max %.3f ms\n",
                posts, items_all, all.min, all.median, all.p95, all.max);
    std::filesystem::remove_all(dir);
    return items_all > 0 ? 0 : 1;
}
