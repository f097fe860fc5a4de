// Offline history in the cache (real SQLCipher files): which rooms hold their whole history
// ("complete": start reached, no gaps), how back-fill pages move a room there, that the state
// survives closing the file mid-way (each page is committed with its token) without an
// event stored twice or a hole, and the read-only connection the GUI reads through.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "store/cache.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;
using namespace std::chrono_literals;

namespace {

constexpr const char* kRoom = "!history:example.org";

Cache openCache(const TempDir& dir) {
    auto cache = Cache::open(dir.path(), keyOf(4));
    REQUIRE(cache.ok());
    return std::move(*cache);
}

matrix::RoomEvent createEvent() {
    return stateEvent("$create", "m.room.create", "", {{"creator", "@admin:example.org"}}, 1);
}

/// A room's whole history on the server: m.room.create then `posts` messages, oldest first.
/// Token "t<k>" reads backwards from just before event k, as /messages?dir=b does.
struct ServerHistory {
    std::vector<matrix::RoomEvent> events;

    explicit ServerHistory(int posts) {
        events.push_back(createEvent());
        for (auto& m : messages("h", posts, 10'000)) events.push_back(std::move(m));
    }
    [[nodiscard]] int size() const { return static_cast<int>(events.size()); }
    static std::string token(int before) { return "t" + std::to_string(before); }
    /// The page for `token`, `limit` events, newest first.
    [[nodiscard]] matrix::MessagesResponse page(const std::string& from, int limit) const {
        const int before = std::stoi(from.substr(1));
        const int first = std::max(0, before - limit);
        std::optional<std::string> end;
        if (first > 0) end = token(first);
        return messagesPage({events.begin() + first, events.begin() + before}, end);
    }
    /// A limited sync holding the newest `newest` events.
    [[nodiscard]] matrix::SyncResponse sync(int newest) const {
        const int first = size() - newest;
        return limitedSyncWith("s1", kRoom, token(first), {events.begin() + first, events.end()});
    }
    [[nodiscard]] std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& e : events) out.push_back(e.event_id);
        return out;
    }
};

std::vector<std::string> storedIds(const Cache& cache) {
    auto events = cache.latestEvents(kRoom, 100'000);
    REQUIRE(events.ok());
    std::vector<std::string> out;
    for (const auto& e : *events) out.push_back(e.event_id);
    return out;
}

RoomHistory historyOf(const Cache& cache) {
    auto rooms = cache.history();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 1);
    return rooms->front();
}

bool roomListSaysComplete(const Cache& cache) {
    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 1);
    return rooms->front().history_complete;
}

/// Fills the newest gap with one page, as Session::backfillHistory does. False if none.
bool fillOnePage(Cache& cache, const ServerHistory& server, int limit) {
    auto gap = cache.gapBefore(kRoom, std::nullopt);
    REQUIRE(gap.ok());
    if (!*gap) return false;
    REQUIRE(cache.applyBackfill(**gap, server.page((*gap)->prev_batch, limit)).ok());
    return true;
}

}  // namespace

TEST_CASE("history: back-fill pages a limited room down to its start, then it is complete",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    const ServerHistory server(300);
    REQUIRE(cache.applySync(server.sync(50)).ok());
    CHECK_FALSE(historyOf(cache).complete());
    CHECK(historyOf(cache).gaps == 1);
    CHECK_FALSE(roomListSaysComplete(cache));

    int pages = 0;
    while (fillOnePage(cache, server, 100)) ++pages;
    CHECK(pages == 3);  // 251 older events: 100 + 100 + 51, the last with no `end`
    const RoomHistory h = historyOf(cache);
    CHECK(h.complete());
    CHECK(h.oldest_is_create);
    CHECK(h.oldest_ts == 1);
    CHECK(roomListSaysComplete(cache));
    CHECK(storedIds(cache) == server.ids());  // every event once, in order
}

TEST_CASE("history: closed mid-way and reopened, back-fill continues without doubles or holes",
          "[store][history]") {
    TempDir dir;
    const ServerHistory server(300);
    Gap taken_before_close;
    {
        Cache cache = openCache(dir);
        REQUIRE(cache.applySync(server.sync(50)).ok());
        REQUIRE(fillOnePage(cache, server, 70));
        auto gap = cache.gapBefore(kRoom, std::nullopt);
        REQUIRE(gap.ok());
        REQUIRE(gap->has_value());
        taken_before_close = **gap;
        REQUIRE(fillOnePage(cache, server, 70));
    }  // the file is closed between two pages, as a killed process leaves it
    Cache cache = openCache(dir);
    CHECK(storedIds(cache).size() == 50 + 140);
    CHECK_FALSE(historyOf(cache).complete());
    // A page fetched for a gap that has moved since (a step cut short) is not stored again.
    auto stale = cache.applyBackfill(taken_before_close,
                                     server.page(taken_before_close.prev_batch, 70));
    REQUIRE(stale.ok());
    CHECK(stale->events_added == 0);
    while (fillOnePage(cache, server, 70)) {
    }
    CHECK(historyOf(cache).complete());
    CHECK(storedIds(cache) == server.ids());
}

TEST_CASE("history: a room whose first batch is not limited is complete at once",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    auto events = messages("a", 3);
    events.insert(events.begin(), createEvent());
    REQUIRE(cache.applySync(syncWith("s1", kRoom, events)).ok());
    CHECK(historyOf(cache).complete());
    CHECK(roomListSaysComplete(cache));
}

TEST_CASE("history: a limited first batch that holds m.room.create is complete",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    auto events = messages("a", 3);
    events.insert(events.begin(), createEvent());
    REQUIRE(cache.applySync(limitedSyncWith("s1", kRoom, "p0", events)).ok());
    // The server's gap is recorded, but filling it finds only what is stored already.
    CHECK(historyOf(cache).start_reached);
}

TEST_CASE("history: a page holding m.room.create ends the back-fill even with an end token",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    const ServerHistory server(10);
    REQUIRE(cache.applySync(server.sync(5)).ok());
    auto gap = cache.gapBefore(kRoom, std::nullopt);
    REQUIRE(gap.ok());
    REQUIRE(cache.applyBackfill(**gap, messagesPage({server.events.begin(),
                                                     server.events.begin() + 6},
                                                    std::string("more")))
                .ok());
    CHECK(historyOf(cache).complete());
    CHECK(storedIds(cache) == server.ids());
}

TEST_CASE("history: a later limited sync opens a hole; filling it completes the room again",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    const ServerHistory server(20);
    REQUIRE(cache.applySync(server.sync(5)).ok());
    while (fillOnePage(cache, server, 50)) {
    }
    REQUIRE(historyOf(cache).complete());

    // Offline for a while: 30 posts later, the sync is limited to the newest 5.
    auto later = messages("later", 30, 50'000);
    auto next = limitedSyncWith("s2", kRoom, "later-gap", {later.begin() + 25, later.end()});
    REQUIRE(cache.applySync(next).ok());
    CHECK_FALSE(historyOf(cache).complete());
    CHECK_FALSE(roomListSaysComplete(cache));
    auto gap = cache.gapBefore(kRoom, std::nullopt);
    REQUIRE(gap.ok());
    // The hole's page reaches the stored history: the gap closes, the start mark stays.
    std::vector<matrix::RoomEvent> hole(later.begin(), later.begin() + 25);
    hole.insert(hole.begin(), server.events.back());
    REQUIRE(cache.applyBackfill(**gap, messagesPage(hole, std::string("older"))).ok());
    CHECK(historyOf(cache).complete());
    CHECK(storedIds(cache).size() == server.ids().size() + 30);
}

TEST_CASE("history: the oldest gap closed by a page without end marks the start; a middle one "
          "closed by overlap does not",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    const ServerHistory server(40);
    REQUIRE(cache.applySync(server.sync(10)).ok());
    REQUIRE(fillOnePage(cache, server, 10));  // the oldest gap moves down: still partial
    auto later = messages("later", 10, 90'000);
    REQUIRE(cache.applySync(limitedSyncWith("s2", kRoom, "mid", {later.begin() + 5, later.end()}))
                .ok());
    REQUIRE(historyOf(cache).gaps == 2);
    auto newest = cache.gapBefore(kRoom, std::nullopt);
    REQUIRE(newest.ok());
    std::vector<matrix::RoomEvent> mid(later.begin(), later.begin() + 5);
    mid.insert(mid.begin(), server.events.back());
    REQUIRE(cache.applyBackfill(**newest, messagesPage(mid, std::nullopt)).ok());
    CHECK(historyOf(cache).gaps == 1);
    CHECK_FALSE(historyOf(cache).start_reached);
    while (fillOnePage(cache, server, 10)) {
    }
    CHECK(historyOf(cache).complete());
}

TEST_CASE("history: a cache from before the start mark is marked when it holds m.room.create",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    auto events = messages("a", 2);
    events.insert(events.begin(), createEvent());
    REQUIRE(cache.applySync(syncWith("s1", kRoom, events)).ok());
    REQUIRE(cache.applySync(syncWith("s1b", "!other:example.org", messages("b", 2))).ok());
    REQUIRE(cache.database().exec("UPDATE rooms SET history_start = 0").ok());
    auto marked = cache.markHistoryStartIfCreate(kRoom);
    REQUIRE(marked.ok());
    CHECK(*marked);
    auto other = cache.markHistoryStartIfCreate("!other:example.org");
    REQUIRE(other.ok());
    CHECK_FALSE(*other);
    auto unknown = cache.markHistoryStartIfCreate("!unknown:example.org");
    REQUIRE(unknown.ok());
    CHECK_FALSE(*unknown);
}

TEST_CASE("history: rooms are listed newest activity first, joined rooms only",
          "[store][history]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(syncWith("s1", "!old:x", messages("o", 2, 100))).ok());
    REQUIRE(cache.applySync(syncWith("s2", "!new:x", messages("n", 2, 900))).ok());
    matrix::SyncResponse left;
    left.next_batch = "s3";
    left.leave["!gone:x"].timeline.events = messages("g", 1, 5000);
    REQUIRE(cache.applySync(left).ok());
    auto rooms = cache.history();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 2);
    CHECK((*rooms)[0].room_id == "!new:x");
    CHECK((*rooms)[1].room_id == "!old:x");
    auto ts = cache.eventTsFrom("!new:x", 0);
    REQUIRE(ts.ok());
    CHECK(*ts == 900);
}

TEST_CASE("read-only cache: reads committed data, refuses writes, never waits for the writer",
          "[store][history]") {
    TempDir dir;
    Cache writer = openCache(dir);
    REQUIRE(writer.applySync(syncWith("s1", kRoom, messages("a", 3))).ok());
    auto reader = Cache::openReadOnly(dir.path(), keyOf(4));
    REQUIRE(reader.ok());
    CHECK(storedIds(*reader).size() == 3);
    CHECK(reader->setOwnUserId("@me:example.org").error().errcode.find("READONLY") !=
          std::string::npos);
    auto wrong_key = Cache::openReadOnly(dir.path(), keyOf(5));
    REQUIRE_FALSE(wrong_key.ok());
    CHECK(wrong_key.error().errcode == "SQLITE_NOTADB");

    // The writer holds a write transaction open; the reader answers at once with the last
    // committed state, and sees the new events once the writer commits.
    std::promise<void> written;
    std::promise<void> read_done;
    auto write = std::async(std::launch::async, [&] {
        return writer.database().transaction([&]() -> Result<void> {
            if (auto r = writer.applySync(syncWith("s2", kRoom, messages("b", 200, 5000))); !r)
                return r.failure();
            written.set_value();
            read_done.get_future().wait_for(5s);
            return {};
        });
    });
    written.get_future().wait();
    const auto started = std::chrono::steady_clock::now();
    const auto during = storedIds(*reader).size();
    const auto took = std::chrono::steady_clock::now() - started;
    read_done.set_value();
    REQUIRE(write.get().ok());
    CHECK(during == 3);
    CHECK(took < 1s);
    CHECK(storedIds(*reader).size() == 203);
}
