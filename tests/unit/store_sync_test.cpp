// Cache::applySync: rooms list, timeline order, de-duplication, state, receipts, tokens.
#include <sqlite3.h>

#include <catch2/catch_test_macros.hpp>

#include "store/cache.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!patient1:example.org";

Cache openCache(const TempDir& dir) {
    auto cache = Cache::open(dir.path(), keyOf(42));
    REQUIRE(cache.ok());
    return std::move(*cache);
}

matrix::SyncResponse firstSync() {
    matrix::SyncResponse r;
    r.next_batch = "s1";
    auto& room = r.join[kRoom];
    room.state = {
        stateEvent("$create", "m.room.create", "", {{"type", "jp.renkei.patient_room"}}),
        stateEvent("$name1", "m.room.name", "", {{"name", "Old name"}}),
        stateEvent("$topic", "m.room.topic", "", {{"topic", "Visiting care"}}),
        member("$m-alice", "@alice:example.org", "Alice"),
        member("$m-bob", "@bob:example.org", "Bob"),
    };
    room.timeline.events = {
        message("$e1", "@alice:example.org", 1000, "first"),
        stateEvent("$name2", "m.room.name", "", {{"name", "Tanaka-san"}}, 1001),
        message("$e2", "@bob:example.org", 1002, "second"),
    };
    room.timeline.events[2].transaction_id = "txn-1";
    room.receipts = {{"$e2", "m.read", "@alice:example.org", 1003, std::nullopt},
                     {"$e1", "m.read", "@carol:example.org", 1004, std::string("main")}};
    room.unread_notifications = {1, 3};
    room.account_data = {{"m.fully_read", {{"event_id", "$e1"}}}};
    return r;
}

}  // namespace

TEST_CASE("sync: a joined room round-trips into rooms, timeline, state and receipts",
          "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    CHECK_FALSE(cache.syncToken()->has_value());

    auto changes = cache.applySync(firstSync());
    REQUIRE(changes.ok());
    CHECK(changes->events_added == 3);
    CHECK(changes->rooms == std::set<std::string>{kRoom});
    CHECK(changes->rooms_list_changed);
    CHECK(**cache.syncToken() == "s1");

    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 1);
    const RoomSummaryRow& row = rooms->front();
    CHECK(row.room_id == kRoom);
    CHECK(row.membership == "join");
    CHECK(row.name == "Tanaka-san");  // state from the timeline wins over the state block
    CHECK(row.topic == "Visiting care");
    CHECK(row.room_type == "jp.renkei.patient_room");
    CHECK(row.last_ts == 1002);
    CHECK(row.last_sender == "@bob:example.org");
    CHECK(row.last_body == "second");
    CHECK(row.highlight_count == 1);
    CHECK(row.notification_count == 3);
    CHECK_FALSE(row.inviter.has_value());

    auto events = cache.latestEvents(kRoom, 50);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 3);
    CHECK((*events)[0].event_id == "$e1");
    CHECK((*events)[1].event_id == "$name2");
    CHECK((*events)[1].state_key == "");
    CHECK((*events)[2].event_id == "$e2");
    CHECK((*events)[2].content["body"] == "second");
    CHECK((*events)[2].transaction_id == "txn-1");
    CHECK((*events)[0].seq < (*events)[1].seq);
    CHECK((*events)[1].seq < (*events)[2].seq);

    CHECK(**cache.displayName(kRoom, "@alice:example.org") == "Alice");
    CHECK_FALSE(cache.displayName(kRoom, "@nobody:example.org")->has_value());
    CHECK((**cache.stateContent(kRoom, "m.room.name", ""))["name"] == "Tanaka-san");
    CHECK(**cache.fullyRead(kRoom) == "$e1");

    auto receipts = cache.receipts(kRoom);
    REQUIRE(receipts.ok());
    REQUIRE(receipts->size() == 2);
    CHECK((*receipts)[0].user_id == "@alice:example.org");
    CHECK((*receipts)[0].event_id == "$e2");
    CHECK((*receipts)[0].ts == 1003);
    CHECK_FALSE((*receipts)[0].thread_id.has_value());
    CHECK((*receipts)[1].thread_id == "main");
}

TEST_CASE("sync: applying the same batch twice stores nothing twice", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(firstSync()).ok());
    auto again = firstSync();
    again.next_batch = "s2";
    auto changes = cache.applySync(again);
    REQUIRE(changes.ok());
    CHECK(changes->events_added == 0);
    CHECK(cache.latestEvents(kRoom, 50)->size() == 3);
    CHECK(cache.receipts(kRoom)->size() == 2);
    CHECK(cache.gaps(kRoom)->empty());
    CHECK(**cache.syncToken() == "s2");
}

TEST_CASE("sync: later batches append in order; receipts and counts are replaced",
          "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(firstSync()).ok());
    auto next = syncWith("s2", kRoom, {message("$e3", "@alice:example.org", 2000, "third")});
    next.join[kRoom].receipts = {{"$e3", "m.read", "@alice:example.org", 2001, std::nullopt}};
    next.join[kRoom].unread_notifications = {0, 0};
    auto changes = cache.applySync(next);
    REQUIRE(changes.ok());
    CHECK(changes->events_added == 1);

    auto events = cache.latestEvents(kRoom, 2);
    REQUIRE(events->size() == 2);
    CHECK((*events)[0].event_id == "$e2");
    CHECK((*events)[1].event_id == "$e3");
    CHECK((*events)[1].seq == (*events)[0].seq + 1);

    const auto receipts = *cache.receipts(kRoom);
    CHECK(receipts[0].event_id == "$e3");
    const auto row = cache.rooms()->front();
    CHECK(row.notification_count == 0);
    CHECK(row.last_body == "third");
    CHECK(cache.gaps(kRoom)->empty());
}

TEST_CASE("sync: rooms sort by latest activity; names fall back sensibly", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.setOwnUserId("@me:example.org").ok());
    matrix::SyncResponse r;
    r.next_batch = "s1";
    r.join["!alias:x"].state = {
        stateEvent("$a", "m.room.canonical_alias", "", {{"alias", "#care:x"}})};
    r.join["!alias:x"].timeline.events = {message("$a1", "@a:x", 500, "old")};
    auto& heroes = r.join["!heroes:x"];
    heroes.summary.heroes = std::vector<std::string>{"@bob:x", "@carol:x"};
    heroes.state = {member("$hb", "@bob:x", "Bob"), member("$me", "@me:example.org", "Me")};
    heroes.timeline.events = {message("$h1", "@bob:x", 900, "newest")};
    auto& members = r.join["!members:x"];
    members.state = {member("$mm", "@me:example.org", "Me"), member("$md", "@dave:x", "Dave"),
                     member("$me2", "@erin:x", "", "leave")};
    members.timeline.events = {message("$m1", "@dave:x", 700, "middle")};
    r.join["!empty:x"].timeline.events = {
        stateEvent("$c", "m.room.create", "", nlohmann::json::object(), 100)};
    REQUIRE(cache.applySync(r).ok());

    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 4);
    CHECK((*rooms)[0].room_id == "!heroes:x");
    CHECK((*rooms)[0].name == "Bob, @carol:x");
    CHECK((*rooms)[1].room_id == "!members:x");
    CHECK((*rooms)[1].name == "Dave");
    CHECK((*rooms)[2].room_id == "!alias:x");
    CHECK((*rooms)[2].name == "#care:x");
    CHECK((*rooms)[3].room_id == "!empty:x");
    CHECK((*rooms)[3].name == "!empty:x");
    CHECK((*rooms)[3].last_ts == 100);  // activity without a post
    CHECK((*rooms)[3].last_body.empty());
    CHECK_FALSE((*rooms)[3].room_type.has_value());
}

TEST_CASE("sync: invites carry stripped state and the inviter; join and leave move them",
          "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    matrix::SyncResponse r;
    r.next_batch = "s1";
    r.invite["!inv:x"].invite_state = {
        {"m.room.name", "", "@nurse:x", {{"name", "Suzuki-san"}}},
        {"m.room.member", "@me:x", "@nurse:x", {{"membership", "invite"}}},
    };
    auto changes = cache.applySync(r);
    REQUIRE(changes.ok());
    CHECK(changes->rooms.count("!inv:x") == 1);
    CHECK(changes->rooms_list_changed);
    auto rooms = *cache.rooms();
    REQUIRE(rooms.size() == 1);
    CHECK(rooms[0].membership == "invite");
    CHECK(rooms[0].name == "Suzuki-san");
    CHECK(rooms[0].inviter == "@nurse:x");

    auto joined = syncWith("s2", "!inv:x",
                           {member("$j", "@me:x", "Me"), message("$p", "@nurse:x", 10, "hello")});
    REQUIRE(cache.applySync(joined).ok());
    rooms = *cache.rooms();
    CHECK(rooms[0].membership == "join");
    CHECK_FALSE(rooms[0].inviter.has_value());
    CHECK(rooms[0].last_body == "hello");

    matrix::SyncResponse left;
    left.next_batch = "s3";
    left.leave["!inv:x"].timeline.events = {member("$l", "@me:x", "", "leave")};
    auto leave_changes = cache.applySync(left);
    REQUIRE(leave_changes.ok());
    CHECK(leave_changes->rooms_list_changed);
    rooms = *cache.rooms();
    CHECK(rooms[0].membership == "leave");
    CHECK(cache.latestEvents("!inv:x", 10)->back().event_id == "$l");
}

TEST_CASE("sync: an invite's stripped state does not outlive it once the room is joined",
          "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.setOwnUserId("@me:x").ok());
    // The inviter's claims: a name for the room list and a patient profile the room lacks.
    matrix::SyncResponse invited;
    invited.next_batch = "s1";
    invited.invite["!inv:x"].invite_state = {
        {"m.room.name", "", "@mallory:evil", {{"name", "至急：偽の部屋"}}},
        {"jp.renkei.patient", "", "@mallory:evil", {{"name", "偽 患者 様"}}},
        {"m.room.member", "@me:x", "@mallory:evil", {{"membership", "invite"}}},
    };
    REQUIRE(cache.applySync(invited).ok());
    CHECK(cache.rooms()->at(0).name == "至急：偽の部屋");  // shown as the invite's claim

    // The room as it is: no name, no patient profile.
    matrix::SyncResponse joined =
        syncWith("s2", "!inv:x", {message("$p", "@alice:x", 10, "hello")});
    joined.join["!inv:x"].state = {
        stateEvent("$c", "m.room.create", "", nlohmann::json::object()),
        member("$ma", "@alice:x", "Alice"),
        member("$mm", "@me:x", "Me"),
    };
    REQUIRE(cache.applySync(joined).ok());
    auto rooms = *cache.rooms();
    REQUIRE(rooms.size() == 1);
    CHECK(rooms[0].membership == "join");
    CHECK(rooms[0].name == "Alice");
    CHECK_FALSE(cache.stateContent("!inv:x", "m.room.name", "")->has_value());
    CHECK_FALSE(cache.stateContent("!inv:x", "jp.renkei.patient", "")->has_value());
    CHECK(cache.stateContent("!inv:x", "m.room.member", "@me:x")->value().at("membership") ==
          "join");
}

TEST_CASE("sync: stripped state never replaces a room's real state", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    matrix::SyncResponse joined = syncWith("s1", "!r:x", {message("$p", "@alice:x", 10, "hello")});
    joined.join["!r:x"].state = {stateEvent("$n", "m.room.name", "", {{"name", "田中 様"}})};
    REQUIRE(cache.applySync(joined).ok());
    matrix::SyncResponse left;
    left.next_batch = "s2";
    left.leave["!r:x"].timeline.events = {member("$l", "@me:x", "", "leave")};
    REQUIRE(cache.applySync(left).ok());

    // Invited again with another claimed name, then the invite is declined.
    matrix::SyncResponse again;
    again.next_batch = "s3";
    again.invite["!r:x"].invite_state = {{"m.room.name", "", "@x:x", {{"name", "偽の名前"}}},
                                         {"m.room.topic", "", "@x:x", {{"topic", "偽の話題"}}}};
    REQUIRE(cache.applySync(again).ok());
    CHECK(cache.rooms()->at(0).membership == "invite");
    CHECK(cache.rooms()->at(0).name == "田中 様");
    CHECK(cache.rooms()->at(0).topic == "偽の話題");  // no real topic: the claim shows
    matrix::SyncResponse declined;
    declined.next_batch = "s4";
    declined.leave["!r:x"].timeline.events = {member("$l2", "@me:x", "", "leave")};
    REQUIRE(cache.applySync(declined).ok());
    auto rooms = *cache.rooms();
    REQUIRE(rooms.size() == 1);  // left before, with history: it stays a left room
    CHECK(rooms[0].membership == "leave");
    CHECK(rooms[0].name == "田中 様");
    CHECK(rooms[0].topic.empty());
    CHECK(cache.latestEvents("!r:x", 10)->size() == 3);
}

TEST_CASE("sync: a declined or withdrawn invite leaves the room list", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    matrix::SyncResponse r;
    r.next_batch = "s1";
    r.invite["!inv:x"].invite_state = {
        {"m.room.name", "", "@nurse:x", {{"name", "Suzuki-san"}}},
        {"m.room.member", "@me:x", "@nurse:x", {{"membership", "invite"}}},
    };
    r.join["!other:x"].timeline.events = {message("$o", "@a:x", 5, "other room")};
    REQUIRE(cache.applySync(r).ok());
    REQUIRE(cache.rooms()->size() == 2);

    matrix::SyncResponse declined;
    declined.next_batch = "s2";
    declined.leave["!inv:x"].timeline.events = {member("$l", "@me:x", "", "leave")};
    declined.leave["!never:x"].timeline.events = {member("$n", "@me:x", "", "leave")};
    auto changes = cache.applySync(declined);
    REQUIRE(changes.ok());
    CHECK(changes->rooms_list_changed);
    CHECK(changes->rooms.count("!inv:x") == 1);
    auto rooms = *cache.rooms();
    REQUIRE(rooms.size() == 1);
    CHECK(rooms[0].room_id == "!other:x");
    CHECK(cache.latestEvents("!inv:x", 10)->empty());
    CHECK_FALSE(cache.stateContent("!inv:x", "m.room.name", "")->has_value());
    CHECK(**cache.syncToken() == "s2");
}

TEST_CASE("sync: a failure mid-apply rolls back everything, token included", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(syncWith("s1", "!a:x", messages("a", 3))).ok());

    // Make any value over 2,000 bytes fail to bind (SQLITE_TOOBIG), then send a response whose
    // second room (rooms apply in id order) carries an oversized post.
    sqlite3_limit(cache.database().handle(), SQLITE_LIMIT_LENGTH, 2000);
    auto bad = syncWith("s2", "!a:x", messages("b", 3, 5000));
    bad.join["!z:x"].timeline.events = {message("$huge", "@a:x", 6000, std::string(5000, 'x'))};
    auto r = cache.applySync(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Storage);
    CHECK(r.error().errcode == "SQLITE_TOOBIG");

    CHECK(**cache.syncToken() == "s1");
    CHECK(cache.latestEvents("!a:x", 50)->size() == 3);
    CHECK(cache.rooms()->size() == 1);
    CHECK_FALSE(cache.database().inTransaction());

    sqlite3_limit(cache.database().handle(), SQLITE_LIMIT_LENGTH, 1'000'000'000);
    auto retried = cache.applySync(bad);
    REQUIRE(retried.ok());
    CHECK(retried->events_added == 4);
    CHECK(**cache.syncToken() == "s2");
}

TEST_CASE("sync: an empty next_batch is refused", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    auto r = cache.applySync(syncWith("", "!a:x", messages("a", 1)));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(cache.rooms()->empty());
}

TEST_CASE("sync: redactions remove the stored content and the room-list body", "[store][sync]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache
                .applySync(syncWith("s1", kRoom,
                                    {message("$secret", "@a:x", 10, "blood pressure 180/110")}))
                .ok());
    matrix::RoomEvent redaction;
    redaction.event_id = "$r";
    redaction.type = "m.room.redaction";
    redaction.sender = "@a:x";
    redaction.origin_server_ts = 11;
    redaction.redacts = "$secret";
    redaction.content = {{"redacts", "$secret"}};
    REQUIRE(cache.applySync(syncWith("s2", kRoom, {redaction})).ok());

    auto events = *cache.latestEvents(kRoom, 10);
    REQUIRE(events.size() == 2);
    CHECK(events[0].redacted);
    CHECK(events[0].content == nlohmann::json::object());
    CHECK(cache.rooms()->front().last_body.empty());
}

TEST_CASE("sync: cache survives reopening; wrong key refused; erase rebuilds", "[store][sync]") {
    TempDir dir;
    {
        Cache cache = openCache(dir);
        REQUIRE(cache.applySync(firstSync()).ok());
    }
    auto wrong = Cache::open(dir.path(), keyOf(1));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().errcode == "SQLITE_NOTADB");
    {
        Cache cache = openCache(dir);
        CHECK(**cache.syncToken() == "s1");
        CHECK(cache.latestEvents(kRoom, 10)->size() == 3);
    }
    REQUIRE(Cache::erase(dir.path()).ok());
    CHECK_FALSE(std::filesystem::exists(dir / "cache.db"));
    auto fresh = Cache::open(dir.path(), keyOf(1));  // a new key is fine for a new cache
    REQUIRE(fresh.ok());
    CHECK_FALSE(fresh->syncToken()->has_value());
    CHECK(fresh->rooms()->empty());
}
