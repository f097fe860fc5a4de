// Unit tests for parseSyncResponse on recorded, Synapse-shaped fixtures (tests/fixtures/sync_*).
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "matrix/sync.h"
#include "fixtures.h"

using namespace renkei;
using namespace renkei::matrix;
using renkei::test::readFixture;

namespace {

constexpr const char* kRoom = "!pQ3vKx8aRtLmZc:kashiwa.example.jp";
constexpr const char* kNurse = "@sato.kango:kashiwa.example.jp";
constexpr const char* kDoctor = "@suzuki.dr:kashiwa.example.jp";
constexpr const char* kCareManager = "@tanaka.cm:kashiwa.example.jp";
constexpr const char* kVitalsPost = "$vt5fY7vBsE5cUgAd8pQrW0xI2kLmO7jZtNhS4yDbF9J";

const RoomEvent* findState(const std::vector<RoomEvent>& state, const std::string& type,
                           const std::string& key = "") {
    auto it = std::find_if(state.begin(), state.end(), [&](const RoomEvent& e) {
        return e.type == type && e.state_key == key;
    });
    return it == state.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("initial sync: the patient room shows its name, type, members and posts",
          "[matrix][sync]") {
    auto r = parseSyncResponse(readFixture("sync_initial.json"));
    REQUIRE(r.ok());
    CHECK(r->next_batch == "s72595_4483_1934_812_1_31_37_1");
    REQUIRE(r->join.size() == 2);
    REQUIRE(r->join.count(kRoom) == 1);
    const JoinedRoom& room = r->join.at(kRoom);

    const RoomEvent* name = findState(room.state, "m.room.name");
    REQUIRE(name != nullptr);
    CHECK(name->content.at("name") == "山田 花子 様（柏市）");
    const RoomEvent* create = findState(room.state, "m.room.create");
    REQUIRE(create != nullptr);
    CHECK(create->content.at("type") == "jp.renkei.patient_room");
    const RoomEvent* nurse = findState(room.state, "m.room.member", kNurse);
    REQUIRE(nurse != nullptr);
    CHECK(nurse->content.at("membership") == "join");
    CHECK(room.state.size() == 8);

    REQUIRE(room.timeline.events.size() == 5);
    const RoomEvent& post = room.timeline.events.front();
    CHECK(post.event_id == kVitalsPost);
    CHECK(post.type == "m.room.message");
    CHECK(post.sender == kNurse);
    CHECK(post.content.at("body") == "血圧 128/76、体温 36.5℃");
    CHECK(post.content.at("jp.renkei.vitals").at("bp_systolic_mmhg") == 128);
    CHECK(post.origin_server_ts == 1747706400000);
    CHECK_FALSE(post.state_key.has_value());
    CHECK(post.transaction_id == "renkei-2f9c1a7e-0001");
    CHECK_FALSE(room.timeline.events[1].transaction_id.has_value());

    // A state event in the timeline keeps its state key (the pharmacist joining).
    CHECK(room.timeline.events[2].state_key == "@ito.yakuzai:kashiwa.example.jp");
    // The redaction names the doctor's post it removed.
    CHECK(room.timeline.events[4].type == "m.room.redaction");
    CHECK(room.timeline.events[4].redacts == "$dr6gZ8wCtF6dVhBe9qRsX1yJ3lMnP8kAuOiT5zEcG0K");

    CHECK(room.summary.joined_member_count == 4);
    CHECK(room.summary.invited_member_count == 1);
    REQUIRE(room.summary.heroes.has_value());
    CHECK(room.summary.heroes->size() == 2);
    CHECK(room.unread_notifications.highlight_count == 1);
    CHECK(room.unread_notifications.notification_count == 3);
}

TEST_CASE("initial sync: a limited timeline yields the gap token", "[matrix][sync]") {
    auto r = parseSyncResponse(readFixture("sync_initial.json"));
    REQUIRE(r.ok());
    const Timeline& t = r->join.at(kRoom).timeline;
    CHECK(t.limited);
    CHECK(t.prev_batch == "t34-23535_0_0_0_0_0_0_0_0");

    const Timeline& other = r->join.at("!Hn7bWq2sYdEeFj:kashiwa.example.jp").timeline;
    CHECK_FALSE(other.limited);
    REQUIRE(other.events.size() == 1);
    CHECK(other.events[0].content.at("jp.renkei.scene") == "admission_discharge");
}

TEST_CASE("initial sync: receipts are flattened and typing is read", "[matrix][sync]") {
    auto r = parseSyncResponse(readFixture("sync_initial.json"));
    REQUIRE(r.ok());
    const JoinedRoom& room = r->join.at(kRoom);
    REQUIRE(room.receipts.size() == 3);
    auto doctor = std::find_if(room.receipts.begin(), room.receipts.end(),
                               [](const Receipt& x) { return x.user_id == kDoctor; });
    REQUIRE(doctor != room.receipts.end());
    CHECK(doctor->event_id == kVitalsPost);
    CHECK(doctor->receipt_type == "m.read");
    CHECK(doctor->ts == 1747706455000);
    CHECK(doctor->thread_id == "main");
    auto cm = std::find_if(room.receipts.begin(), room.receipts.end(),
                           [](const Receipt& x) { return x.user_id == kCareManager; });
    REQUIRE(cm != room.receipts.end());
    CHECK_FALSE(cm->thread_id.has_value());
    auto own = std::find_if(room.receipts.begin(), room.receipts.end(),
                            [](const Receipt& x) { return x.user_id == kNurse; });
    REQUIRE(own != room.receipts.end());
    CHECK(own->receipt_type == "m.read.private");

    REQUIRE(room.typing.has_value());
    CHECK(*room.typing == std::vector<std::string>{kCareManager});
    REQUIRE(room.account_data.size() == 1);
    CHECK(room.account_data[0].type == "m.fully_read");
    CHECK(room.account_data[0].content.at("event_id") == kVitalsPost);
    CHECK_FALSE(r->join.at("!Hn7bWq2sYdEeFj:kashiwa.example.jp").typing.has_value());
}

TEST_CASE("initial sync: invites, left rooms and global account data", "[matrix][sync]") {
    auto r = parseSyncResponse(readFixture("sync_initial.json"));
    REQUIRE(r.ok());
    REQUIRE(r->invite.size() == 1);
    const auto& invite = r->invite.begin()->second;
    REQUIRE(invite.invite_state.size() == 4);
    CHECK(invite.invite_state[1].type == "m.room.name");
    CHECK(invite.invite_state[1].content.at("name") == "高橋 一郎 様");
    CHECK(invite.invite_state[3].state_key == kNurse);
    CHECK(invite.invite_state[3].sender == kCareManager);
    CHECK(invite.invite_state[3].content.at("membership") == "invite");

    REQUIRE(r->leave.size() == 1);
    const LeftRoom& left = r->leave.begin()->second;
    REQUIRE(left.timeline.events.size() == 2);
    CHECK(left.timeline.events[0].type == "jp.renkei.closure");
    CHECK(left.timeline.events[1].content.at("membership") == "leave");

    REQUIRE(r->account_data.size() == 2);
    CHECK(r->account_data[1].type == "jp.renkei.settings");
}

TEST_CASE("empty incremental sync has only a token", "[matrix][sync]") {
    auto r = parseSyncResponse(readFixture("sync_incremental_empty.json"));
    REQUIRE(r.ok());
    CHECK(r->next_batch == "s2");
    CHECK(r->join.empty());
    CHECK(r->invite.empty());
    CHECK(r->leave.empty());
    CHECK(r->account_data.empty());
}

TEST_CASE("malformed sync bodies fail with a Parse error", "[matrix][sync]") {
    int seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(RENKEI_FIXTURES_DIR)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("sync_malformed_", 0) != 0) continue;
        ++seen;
        INFO(name);
        auto r = parseSyncResponse(readFixture(name));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Parse);
        CHECK_FALSE(r.error().message.empty());
    }
    CHECK(seen >= 5);
    for (const char* body : {"", " ", "null", "42", "\"s1\"", "[]", "{}", "{\"next_batch\":\"\"}",
                             "{\"next_batch\":null}", "{\"next_batch\":\"s1\"", "\xff\xfe{}"}) {
        INFO(body);
        auto r = parseSyncResponse(body);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Parse);
    }
}

TEST_CASE("wrong JSON types are skipped, the rest is kept", "[matrix][sync]") {
    SECTION("timeline is a number") {
        auto r = parseSyncResponse(readFixture("sync_wrongtypes_timeline_number.json"));
        REQUIRE(r.ok());
        const JoinedRoom& room = r->join.at(kRoom);
        CHECK(room.timeline.events.empty());
        CHECK_FALSE(room.timeline.limited);
        CHECK_FALSE(room.timeline.prev_batch.has_value());
        REQUIRE(room.state.size() == 1);
        CHECK(room.state[0].content.at("name") == "山田 花子 様（柏市）");
        CHECK(room.unread_notifications.highlight_count == 0);
        CHECK(room.unread_notifications.notification_count == 2);
    }
    SECTION("events that are strings, numbers or lack ids") {
        auto r = parseSyncResponse(readFixture("sync_wrongtypes_event_strings.json"));
        REQUIRE(r.ok());
        const JoinedRoom& room = r->join.at(kRoom);
        REQUIRE(room.timeline.events.size() == 1);
        CHECK(room.timeline.events[0].content.at("body") == "血圧 128/76、体温 36.5℃");
        CHECK_FALSE(room.timeline.limited);
        CHECK_FALSE(room.timeline.prev_batch.has_value());
        CHECK(room.state.empty());  // a state event without state_key is unusable
        // Only the receipt with a ts object survives; a non-numeric ts reads as 0.
        REQUIRE(room.receipts.size() == 1);
        CHECK(room.receipts[0].user_id == kDoctor);
        CHECK(room.receipts[0].ts == 0);
    }
    SECTION("wrong types everywhere") {
        auto r = parseSyncResponse(readFixture("sync_wrongtypes_everywhere.json"));
        REQUIRE(r.ok());
        CHECK(r->next_batch == "s5");
        CHECK(r->account_data.empty());
        CHECK(r->join.count(kRoom) == 0);  // a room that is not an object is skipped
        REQUIRE(r->join.size() == 1);
        const JoinedRoom& room = r->join.begin()->second;
        CHECK_FALSE(room.summary.heroes.has_value());
        CHECK_FALSE(room.summary.joined_member_count.has_value());  // 1e300 is no count
        CHECK(room.timeline.events.empty());
        CHECK(room.state.empty());
        REQUIRE(r->invite.size() == 1);
        CHECK(r->invite.begin()->second.invite_state.empty());
        CHECK(r->leave.empty());
    }
}

TEST_CASE("a truncated initial sync never crashes the parser", "[matrix][sync]") {
    const std::string full = readFixture("sync_initial.json");
    std::size_t failed = 0;
    for (std::size_t n = 0; n <= full.size(); ++n) {
        auto r = parseSyncResponse(std::string_view(full).substr(0, n));
        if (r.ok()) {
            // Only a prefix that still holds the whole document (minus trailing whitespace)
            // can parse, and then it must be the real thing.
            if (r->next_batch != "s72595_4483_1934_812_1_31_37_1") FAIL("offset " << n);
        } else if (r.error().kind == ErrorKind::Parse) {
            ++failed;
        } else {
            FAIL("offset " << n << ": " << r.error().describe());
        }
    }
    CHECK(failed >= full.size() - 2);
    CHECK(parseSyncResponse(full).ok());
}

TEST_CASE("event fields are read only at the event's own level", "[matrix][sync]") {
    // One timeline event with traps: nested look-alike keys, wrong types, a v11 redaction.
    const std::string body = R"({"next_batch":"s9","rooms":{"join":{"!r":{"timeline":{"events":[
      {"event_id":"$a","type":"m.room.message","sender":"@n:x","origin_server_ts":12.9,
       "content":{"body":"褥瘡の写真","events":[{"event_id":"$inner"}],"sender":"@fake:x"},
       "unsigned":{"prev_content":{"transaction_id":"not-mine"},"age":5},
       "prev_content":{"event_id":"$old","state_key":"x"}},
      {"event_id":"$b","type":"m.room.redaction","sender":"@n:x","content":{"redacts":"$a"},
       "unsigned":{"transaction_id":"t-1"}},
      {"event_id":"$c","type":"m.room.message","sender":"@n:x","content":["x"],
       "origin_server_ts":"1","state_key":null,"redacts":5},
      {"event_id":"$d","type":"m.room.message","sender":"@n:x","event_id":7}
    ]}}}}})";
    auto r = parseSyncResponse(body);
    REQUIRE(r.ok());
    const auto& events = r->join.at("!r").timeline.events;
    REQUIRE(events.size() == 3);  // $d: the last event_id (a number) wins, so it is skipped
    CHECK(events[0].event_id == "$a");
    CHECK(events[0].sender == "@n:x");
    CHECK(events[0].origin_server_ts == 12);
    CHECK_FALSE(events[0].state_key.has_value());
    CHECK_FALSE(events[0].transaction_id.has_value());
    CHECK(events[0].content.at("events").at(0).at("event_id") == "$inner");
    CHECK(events[0].content.at("sender") == "@fake:x");
    CHECK(events[1].redacts == "$a");
    CHECK(events[1].transaction_id == "t-1");
    CHECK(events[2].content == nlohmann::json::object());
    CHECK(events[2].origin_server_ts == 0);
    CHECK_FALSE(events[2].state_key.has_value());
    CHECK_FALSE(events[2].redacts.has_value());
}

TEST_CASE("sync: an event deleted before it reached us is known as such", "[matrix][sync]") {
    // Another client's edit, deleted at once; this server still shows its content.
    const std::string body = R"({"next_batch":"s9","rooms":{"join":{"!care:example.org":{"timeline":{"events":[
        {"event_id":"$bp","type":"m.room.message","sender":"@nurse:example.org","origin_server_ts":1,
         "content":{"msgtype":"m.text","body":"血圧 128/76"},"unsigned":{"age":5}},
        {"event_id":"$e1","type":"m.room.message","sender":"@nurse:example.org","origin_server_ts":2,
         "content":{"msgtype":"m.text","body":"* 血圧 182/76","m.new_content":{"msgtype":"m.text","body":"血圧 182/76"},
                    "m.relates_to":{"rel_type":"m.replace","event_id":"$bp"}},
         "unsigned":{"transaction_id":"t1","redacted_because":{"type":"m.room.redaction","redacts":"$e1"}}}]}}}}})";
    auto r = parseSyncResponse(body);
    REQUIRE(r.ok());
    const auto& events = r->join.at("!care:example.org").timeline.events;
    REQUIRE(events.size() == 2);
    CHECK_FALSE(events[0].arrived_redacted);
    CHECK(events[1].arrived_redacted);
    CHECK(events[1].transaction_id == "t1");
}
