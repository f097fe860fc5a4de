// Urgent posts (至急) in the cache: the room list's urgent-unread count (urgent posts by others
// after our own read receipt, in timeline order), the cross-room list and who has read each
// one (spec: "Receipts"; the post key is care::kUrgentKey, SCHEMA.md).
#include <catch2/catch_test_macros.hpp>

#include "store/cache.h"
#include "store/urgent_store.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!yamada:example.org";
constexpr const char* kOther = "!suzuki:example.org";
const std::string kMe = "@nurse.sato:example.org";
const std::string kDoctor = "@dr.tanaka:example.org";
const std::string kPharmacist = "@ph.ito:example.org";

matrix::RoomEvent urgent(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& body) {
    auto e = message(id, sender, ts, body);
    e.content["jp.renkei.urgent"] = true;
    e.content["jp.renkei.scene"] = "acute_change";
    return e;
}

matrix::Receipt readUpTo(const std::string& user, const std::string& event_id, std::int64_t ts = 0) {
    return matrix::Receipt{event_id, "m.read", user, ts, std::nullopt};
}

matrix::RoomEvent patientRoomCreate() {
    return stateEvent("$create", "m.room.create", "", {{"type", "jp.renkei.patient_room"}}, 1, kDoctor);
}

ChangeSet apply(Cache& cache, const matrix::SyncResponse& sync) {
    auto applied = cache.applySync(sync);
    if (!applied) FAIL("applySync: " << applied.error().describe());
    return *applied;
}

int urgentUnread(Cache& cache, const std::string& room_id) {
    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    for (const auto& r : *rooms) {
        if (r.room_id == room_id) return r.urgent_unread;
    }
    FAIL("room not listed: " << room_id);
    return -1;
}

Cache openCache(const TempDir& dir) {
    auto cache = Cache::open(dir.path(), keyOf(11));
    REQUIRE(cache.ok());
    REQUIRE(cache->setOwnUserId(kMe).ok());
    return std::move(*cache);
}

}  // namespace

TEST_CASE("urgent unread: urgent posts by others after our own read receipt", "[store][urgent]") {
    TempDir dir;
    auto cache = openCache(dir);
    auto not_urgent = message("$n1", kDoctor, 1100, "定期訪問の日程です");
    auto string_true = message("$s1", kDoctor, 1200, "至急ではない（文字列）");
    string_true.content["jp.renkei.urgent"] = "true";  // only the JSON value true counts
    auto mine = urgent("$m1", kMe, 1300, "SpO2 88%、主治医へ連絡します");
    apply(cache, syncWith("s1", kRoom,
                          {patientRoomCreate(), urgent("$u1", kDoctor, 1000, "発熱 38.5℃、本日往診します"),
                           not_urgent, string_true, mine,
                           urgent("$u2", kPharmacist, 1400, "処方変更: 解熱剤を追加")}));
    // No receipt of ours yet: both urgent posts by others are unread; our own never counts.
    CHECK(urgentUnread(cache, kRoom) == 2);

    // Read up to the first urgent post: only the later one is unread.
    auto sync = syncWith("s2", kRoom, {});
    sync.join[kRoom].receipts = {readUpTo(kMe, "$u1", 1500)};
    const auto changes = apply(cache, sync);
    CHECK(changes.rooms_list_changed);  // the room list re-reads its count
    CHECK(urgentUnread(cache, kRoom) == 1);

    // Someone else's receipt changes nothing of ours.
    sync = syncWith("s3", kRoom, {});
    sync.join[kRoom].receipts = {readUpTo(kDoctor, "$u2", 1600)};
    apply(cache, sync);
    CHECK(urgentUnread(cache, kRoom) == 1);

    // Read up to the newest: nothing urgent is unread.
    sync = syncWith("s4", kRoom, {});
    sync.join[kRoom].receipts = {readUpTo(kMe, "$u2", 1700)};
    apply(cache, sync);
    CHECK(urgentUnread(cache, kRoom) == 0);

    // A new urgent post after that is unread again.
    apply(cache, syncWith("s5", kRoom, {urgent("$u3", kDoctor, 1800, "再度発熱")}));
    CHECK(urgentUnread(cache, kRoom) == 1);
}

TEST_CASE("urgent unread: edits and deleted posts are not counted", "[store][urgent]") {
    TempDir dir;
    auto cache = openCache(dir);
    auto edit = urgent("$e1", kDoctor, 1100, "* 発熱 38.8℃");
    edit.content["m.new_content"] = {{"msgtype", "m.text"}, {"body", "発熱 38.8℃"}, {"jp.renkei.urgent", true}};
    edit.content["m.relates_to"] = {{"rel_type", "m.replace"}, {"event_id", "$u1"}};
    apply(cache, syncWith("s1", kRoom, {urgent("$u1", kDoctor, 1000, "発熱 38.5℃"), edit,
                                        urgent("$u2", kPharmacist, 1200, "誤投稿")}));
    CHECK(urgentUnread(cache, kRoom) == 2);  // the edit is the same post, not another

    matrix::RoomEvent redaction;
    redaction.event_id = "$r1";
    redaction.type = "m.room.redaction";
    redaction.sender = kPharmacist;
    redaction.origin_server_ts = 1300;
    redaction.redacts = "$u2";
    redaction.content = {{"redacts", "$u2"}};
    apply(cache, syncWith("s2", kRoom, {redaction}));
    CHECK(urgentUnread(cache, kRoom) == 1);
}

TEST_CASE("urgent unread: a receipt for an event the cache lacks counts by its time", "[store][urgent]") {
    TempDir dir;
    auto cache = openCache(dir);
    auto sync = syncWith("s1", kRoom, {urgent("$u1", kDoctor, 1000, "発熱"), urgent("$u2", kDoctor, 3000, "再度発熱")});
    // Read at 2000 an event older than what the cache holds (history not back-filled).
    sync.join[kRoom].receipts = {readUpTo(kMe, "$not_cached", 2000)};
    apply(cache, sync);
    CHECK(urgentUnread(cache, kRoom) == 1);
}

TEST_CASE("urgent posts: joined patient rooms, newest first, with who has read each", "[store][urgent]") {
    TempDir dir;
    auto cache = openCache(dir);
    auto sync = syncWith("s1", kRoom, {patientRoomCreate(), urgent("$u1", kDoctor, 1000, "発熱 38.5℃"),
                                       message("$n1", kPharmacist, 1500, "了解しました"),
                                       urgent("$u2", kPharmacist, 2000, "処方変更")});
    sync.join[kRoom].receipts = {readUpTo(kPharmacist, "$n1", 1500), readUpTo(kMe, "$u2", 2100)};
    // A room that is no patient room: its urgent posts are not listed.
    sync.join[kOther].timeline.events = {urgent("$x1", kDoctor, 2500, "別の部屋")};
    apply(cache, sync);

    auto posts = cache.urgentPosts("jp.renkei.patient_room", 0, 10);
    REQUIRE(posts.ok());
    REQUIRE(posts->size() == 2);
    CHECK((*posts)[0].event.event_id == "$u2");  // newest first
    CHECK((*posts)[0].room_id == kRoom);
    CHECK((*posts)[0].event.content["body"] == "処方変更");
    CHECK((*posts)[1].event.event_id == "$u1");
    auto any_room = cache.urgentPosts("", 0, 10);
    REQUIRE(any_room.ok());
    CHECK(any_room->size() == 3);
    auto capped = cache.urgentPosts("", 0, 1);
    REQUIRE(capped.ok());
    REQUIRE(capped->size() == 1);
    CHECK(capped->front().event.event_id == "$x1");
    auto recent = cache.urgentPosts("jp.renkei.patient_room", 1500, 10);
    REQUIRE(recent.ok());
    CHECK(recent->size() == 1);

    // The pharmacist read past $u1 (a later post), not $u2; we read $u2; the doctor nothing.
    auto first = cache.readersOf(kRoom, "$u1");
    REQUIRE(first.ok());
    CHECK(*first == std::vector<std::string>{kMe, kPharmacist});
    auto second = cache.readersOf(kRoom, "$u2");
    REQUIRE(second.ok());
    CHECK(*second == std::vector<std::string>{kMe});

    // The doctor reads the newest post: both are read by them now.
    sync = syncWith("s2", kRoom, {});
    sync.join[kRoom].receipts = {readUpTo(kDoctor, "$u2", 2200)};
    apply(cache, sync);
    second = cache.readersOf(kRoom, "$u2");
    REQUIRE(second.ok());
    CHECK(*second == std::vector<std::string>{kDoctor, kMe});
}

TEST_CASE("urgent posts: the count and the list seek the urgent index, not every event", "[store][urgent]") {
    TempDir dir;
    auto cache = openCache(dir);
    // SQLite uses a partial index only when the query spells its terms; a drift would make
    // every room list read each event's JSON.
    auto plan = cache.database().prepare(
        std::string("EXPLAIN QUERY PLAN SELECT count(*) FROM events e WHERE e.room_nid = 1 AND ") +
        detail::kUrgentPostTerms + " AND e.seq > 0");
    REQUIRE(plan.ok());
    std::string details;
    for (;;) {
        auto row = plan->step();
        REQUIRE(row.ok());
        if (!*row) break;
        details += plan->text(3) + "\n";
    }
    CHECK(details.find("events_urgent") != std::string::npos);
}
