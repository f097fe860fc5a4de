// Cache timeline: gaps from limited syncs, back-fill, paging, seq layout.
#include <catch2/catch_test_macros.hpp>

#include "store/cache.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!ward:example.org";
constexpr std::int64_t kFirstSeq = std::int64_t{1} << 40;
constexpr std::int64_t kGapSpan = std::int64_t{1} << 32;

Cache openCache(const TempDir& dir) {
    auto cache = Cache::open(dir.path(), keyOf(9));
    REQUIRE(cache.ok());
    return std::move(*cache);
}

matrix::SyncResponse limitedSync(const std::string& next_batch, const std::string& prev_batch,
                                 std::vector<matrix::RoomEvent> events) {
    return limitedSyncWith(next_batch, kRoom, prev_batch, std::move(events));
}

matrix::MessagesResponse page(std::vector<matrix::RoomEvent> oldest_first,
                              std::optional<std::string> end) {
    return messagesPage(std::move(oldest_first), std::move(end));
}

std::vector<std::string> ids(const std::vector<StoredEvent>& events) {
    std::vector<std::string> out;
    out.reserve(events.size());
    for (const auto& e : events) out.push_back(e.event_id);
    return out;
}

std::vector<std::string> idRange(const std::string& prefix, int from, int to) {
    std::vector<std::string> out;
    for (int i = from; i < to; ++i) out.push_back("$" + prefix + std::to_string(i));
    return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("timeline: a limited first sync records a gap before its first event",
          "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(limitedSync("s1", "p0", messages("e", 5, 100))).ok());

    auto events = *cache.latestEvents(kRoom, 10);
    REQUIRE(events.size() == 5);
    CHECK(events.front().seq == kFirstSeq);

    auto gaps = *cache.gaps(kRoom);
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].room_id == kRoom);
    CHECK(gaps[0].prev_batch == "p0");
    CHECK(gaps[0].anchor_seq == kFirstSeq);
    CHECK((*cache.gapBefore(kRoom, std::nullopt))->id == gaps[0].id);
    CHECK((*cache.gapBefore(kRoom, std::string("$e3")))->id == gaps[0].id);
    CHECK_FALSE(cache.gapBefore("!unknown:x", std::nullopt)->has_value());
    auto unknown = cache.gapBefore(kRoom, std::string("$nope"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("timeline: back-fill moves the gap until the page has no end", "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(limitedSync("s1", "p0", messages("e", 5, 100))).ok());
    const auto history = messages("h", 10, 10);  // older than the synced batch

    Gap gap = **cache.gapBefore(kRoom, std::nullopt);
    auto first = cache.applyBackfill(gap, page({history.begin() + 7, history.end()}, "p1"));
    REQUIRE(first.ok());
    CHECK(first->events_added == 3);
    CHECK(first->rooms == std::set<std::string>{kRoom});
    auto moved = *cache.gaps(kRoom);
    REQUIRE(moved.size() == 1);
    CHECK(moved[0].id == gap.id);
    CHECK(moved[0].prev_batch == "p1");
    CHECK(moved[0].anchor_seq == kFirstSeq - 3);
    CHECK(ids(*cache.latestEvents(kRoom, 100)) == concat(idRange("h", 7, 10), idRange("e", 0, 5)));

    SECTION("a stale gap is ignored") {
        auto stale =
            cache.applyBackfill(gap, page({history.begin(), history.begin() + 7}, std::nullopt));
        REQUIRE(stale.ok());
        CHECK(stale->events_added == 0);
        CHECK(cache.latestEvents(kRoom, 100)->size() == 8);
        CHECK(cache.gaps(kRoom)->size() == 1);
    }
    SECTION("no end: the start of the room closes the gap") {
        auto last = cache.applyBackfill(moved[0],
                                        page({history.begin(), history.begin() + 7}, std::nullopt));
        REQUIRE(last.ok());
        CHECK(last->events_added == 7);
        CHECK(cache.gaps(kRoom)->empty());
        CHECK_FALSE(cache.gapBefore(kRoom, std::nullopt)->has_value());
        const auto all = *cache.latestEvents(kRoom, 100);
        CHECK(ids(all) == concat(idRange("h", 0, 10), idRange("e", 0, 5)));
        for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].seq < all[i].seq);
    }
}

TEST_CASE("timeline: back-fill that reaches stored events closes the gap, nothing doubled",
          "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(syncWith("s1", kRoom, messages("a", 5, 100))).ok());
    REQUIRE(cache.applySync(limitedSync("s2", "p", messages("c", 3, 300))).ok());

    auto events = *cache.latestEvents(kRoom, 3);
    CHECK(events.front().seq == kFirstSeq + 4 + kGapSpan);  // max + 2^32
    Gap gap = **cache.gapBefore(kRoom, std::string("$c0"));
    CHECK(gap.anchor_seq == events.front().seq);
    CHECK_FALSE(cache.gapBefore(kRoom, std::string("$a4"))->has_value());

    const auto all_a = messages("a", 5, 100);
    auto chunk = messages("b", 3, 200);
    chunk.insert(chunk.begin(), all_a.begin() + 3, all_a.end());  // a3, a4, b0, b1, b2
    auto r = cache.applyBackfill(gap, page(chunk, "q"));
    REQUIRE(r.ok());
    CHECK(r->events_added == 3);
    CHECK(cache.gaps(kRoom)->empty());
    CHECK(ids(*cache.latestEvents(kRoom, 100)) ==
          concat(concat(idRange("a", 0, 5), idRange("b", 0, 3)), idRange("c", 0, 3)));

    // The same page again after the gap closed is stale: still nothing doubled.
    auto again = cache.applyBackfill(gap, page(chunk, "q"));
    REQUIRE(again.ok());
    CHECK(again->events_added == 0);
    CHECK(cache.latestEvents(kRoom, 100)->size() == 11);
}

TEST_CASE("timeline: gapBefore finds the nearest gap at or before an event", "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(limitedSync("s1", "p1", messages("a", 2, 100))).ok());
    REQUIRE(cache.applySync(limitedSync("s2", "p2", messages("b", 2, 200))).ok());
    REQUIRE(cache.applySync(syncWith("s3", kRoom, messages("c", 2, 300))).ok());
    auto gaps = *cache.gaps(kRoom);
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0].prev_batch == "p1");
    CHECK(gaps[1].prev_batch == "p2");
    CHECK((*cache.gapBefore(kRoom, std::string("$a1")))->prev_batch == "p1");
    CHECK((*cache.gapBefore(kRoom, std::string("$b0")))->prev_batch == "p2");
    CHECK((*cache.gapBefore(kRoom, std::string("$c1")))->prev_batch == "p2");
    CHECK((*cache.gapBefore(kRoom, std::nullopt))->prev_batch == "p2");
}

TEST_CASE("timeline: back-fill fills only missing state and gives an empty room its last post",
          "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    auto sync = limitedSync("s1", "p0", {member("$new-alice", "@alice:x", "Alice (new)")});
    REQUIRE(cache.applySync(sync).ok());
    CHECK(cache.rooms()->front().last_body.empty());

    auto p = page({member("$old-alice", "@alice:x", "Alice (old)"), member("$bob", "@bob:x", "Bob"),
                   message("$post", "@bob:x", 5, "vitals ok")},
                  std::nullopt);
    p.state = {member("$carol", "@carol:x", "Carol")};
    auto r = cache.applyBackfill(**cache.gapBefore(kRoom, std::nullopt), p);
    REQUIRE(r.ok());
    CHECK(r->rooms_list_changed);
    CHECK(**cache.displayName(kRoom, "@alice:x") == "Alice (new)");
    CHECK(**cache.displayName(kRoom, "@bob:x") == "Bob");
    CHECK(**cache.displayName(kRoom, "@carol:x") == "Carol");
    CHECK(cache.rooms()->front().last_body == "vitals ok");
}

TEST_CASE("timeline: a back-filled event already redacted is stored redacted",
          "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    matrix::RoomEvent redaction;
    redaction.event_id = "$r";
    redaction.type = "m.room.redaction";
    redaction.sender = "@a:x";
    redaction.origin_server_ts = 50;
    redaction.redacts = "$old";
    REQUIRE(cache.applySync(limitedSync("s1", "p0", {redaction})).ok());
    auto r = cache.applyBackfill(**cache.gapBefore(kRoom, std::nullopt),
                                 page({message("$old", "@a:x", 1, "wrong patient")}, std::nullopt));
    REQUIRE(r.ok());
    auto events = *cache.latestEvents(kRoom, 10);
    REQUIRE(events.size() == 2);
    CHECK(events[0].event_id == "$old");
    CHECK(events[0].redacted);
    CHECK_FALSE(events[0].content.contains("body"));
}

TEST_CASE("timeline: paging newest-first pages, each oldest-first", "[store][timeline]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(syncWith("s1", kRoom, messages("e", 120, 0))).ok());

    auto newest = *cache.latestEvents(kRoom, 50);
    CHECK(ids(newest) == idRange("e", 70, 120));
    auto older = *cache.eventsBefore(kRoom, newest.front().event_id, 50);
    CHECK(ids(older) == idRange("e", 20, 70));
    auto oldest = *cache.eventsBefore(kRoom, older.front().event_id, 50);
    CHECK(ids(oldest) == idRange("e", 0, 20));
    CHECK(cache.eventsBefore(kRoom, "$e0", 50)->empty());
    CHECK(cache.latestEvents(kRoom, 0)->empty());
    CHECK(cache.latestEvents("!unknown:x", 50)->empty());
    auto missing = cache.eventsBefore(kRoom, "$missing", 50);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::InvalidArgument);
}
