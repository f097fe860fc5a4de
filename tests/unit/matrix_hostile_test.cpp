// Unit tests for the parser's limits against a hostile or broken homeserver: nesting, numbers
// out of range, lone surrogates, invalid UTF-8 and wrong types cost the one event they are in
// (skipped and counted), never the batch; nothing deep is ever built.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "matrix/json_util.h"
#include "matrix/responses.h"
#include "matrix/sync.h"
#include "sync_json.h"

using namespace renkei;
using namespace renkei::matrix;

namespace {

constexpr const char* kRoom = "!hostile:kashiwa.example.jp";

using test::messageEvent;
using test::nestedArrays;
using test::textEvent;

/// A /sync body with one joined room whose timeline holds `events` (raw JSON each).
std::string syncWith(const std::vector<std::string>& events) {
    return test::syncBody("s2", kRoom, events);
}

std::string getBody(const RoomEvent& e) {
    return detail::getString(e.content, "body").value_or("");
}

/// Bodies of the room's timeline events, in order.
std::vector<std::string> bodies(const SyncResponse& r) {
    std::vector<std::string> out;
    auto it = r.join.find(kRoom);
    if (it == r.join.end()) return out;
    for (const auto& e : it->second.timeline.events) {
        out.push_back(getBody(e));
    }
    return out;
}

}  // namespace

TEST_CASE("content nested 100,000 deep is skipped and counted; the events around it are kept",
          "[matrix][hostile]") {
    const std::string deep =
        R"({"msgtype":"m.text","body":"深い","x":)" + nestedArrays(100'000) + "}";
    auto r = parseSyncResponse(
        syncWith({textEvent("a", "訪問前"), messageEvent("deep", deep), textEvent("b", "訪問後")}));
    REQUIRE(r.ok());
    CHECK(r->next_batch == "s2");
    CHECK(bodies(*r) == std::vector<std::string>{"訪問前", "訪問後"});
    CHECK(r->skipped_events == 1);
    // What is kept serialises to exactly what was sent (the store writes content as text).
    std::vector<std::string> stored;
    for (const auto& e : r->join.at(kRoom).timeline.events) stored.push_back(e.content.dump());
    CHECK(stored == std::vector<std::string>{R"({"body":"訪問前","msgtype":"m.text"})",
                                             R"({"body":"訪問後","msgtype":"m.text"})"});
}

TEST_CASE("content may nest 64 levels (its own object included), not 65", "[matrix][hostile]") {
    auto ok = parseSyncResponse(
        syncWith({messageEvent("d64", R"({"body":"64","x":)" + nestedArrays(63) + "}")}));
    REQUIRE(ok.ok());
    CHECK(bodies(*ok) == std::vector<std::string>{"64"});
    CHECK(ok->skipped_events == 0);

    auto deep = parseSyncResponse(
        syncWith({messageEvent("d65", R"({"body":"65","x":)" + nestedArrays(64) + "}")}));
    REQUIRE(deep.ok());
    CHECK(bodies(*deep).empty());
    CHECK(deep->skipped_events == 1);
}

TEST_CASE("a bad token inside one event costs that event only", "[matrix][hostile]") {
    struct Case {
        const char* what;
        std::string bad;
    };
    const std::vector<Case> cases = {
        {"number out of range in content", messageEvent("n", R"({"body":"x","value":1e400})")},
        {"negative overflow as the event's last member",
         R"({"event_id":"$m","type":"m.room.message","sender":"@a:x","content":{"body":"x"},)"
         R"("origin_server_ts":-1e400})"},
        {"lone surrogate in a string", messageEvent("s", R"({"body":"\ud800"})")},
        {"lone surrogate in a key", messageEvent("k", R"({"\udc00":"x"})")},
        {"invalid UTF-8", messageEvent("u", "{\"body\":\"\xff\xfe\"}")},
        {"overflow in unsigned, brackets and quotes in strings before it",
         R"({"event_id":"$q","type":"m.room.message","sender":"@a:x","content":)"
         R"({"body":"}]{[\"}"},"unsigned":{"age":1e999}})"},
        {"control character in a string", messageEvent("c", "{\"body\":\"\x01\"}")},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto r = parseSyncResponse(syncWith({textEvent("a", "前"), c.bad, textEvent("b", "後")}));
        REQUIRE(r.ok());
        CHECK(r->next_batch == "s2");
        CHECK(bodies(*r) == std::vector<std::string>{"前", "後"});
        CHECK(r->skipped_events == 1);
    }
}

TEST_CASE("several bad events in one batch are each skipped; the last one too",
          "[matrix][hostile]") {
    auto r = parseSyncResponse(syncWith(
        {messageEvent("x", R"({"v":1e400})"), textEvent("a", "残る"),
         messageEvent("y", R"({"body":"\ud800"})"), messageEvent("z", R"({"v":-1e400})")}));
    REQUIRE(r.ok());
    CHECK(bodies(*r) == std::vector<std::string>{"残る"});
    CHECK(r->skipped_events == 3);
}

TEST_CASE("events of the wrong shape are counted as skipped", "[matrix][hostile]") {
    auto r =
        parseSyncResponse(syncWith({R"({"event_id":42,"type":"m.room.message","sender":"@a:x"})",
                                    "17", R"("an event")", textEvent("a", "正常")}));
    REQUIRE(r.ok());
    CHECK(bodies(*r) == std::vector<std::string>{"正常"});
    CHECK(r->skipped_events == 3);
}

TEST_CASE("more than 32 bad events make the batch unreadable", "[matrix][hostile]") {
    std::vector<std::string> events;
    for (int i = 0; i < 32; ++i)
        events.push_back(messageEvent("b" + std::to_string(i), R"({"v":1e400})"));
    events.push_back(textEvent("a", "正常"));
    auto many = parseSyncResponse(syncWith(events));
    REQUIRE(many.ok());
    CHECK(many->skipped_events == 32);

    events.push_back(messageEvent("b32", R"({"v":1e400})"));
    auto too_many = parseSyncResponse(syncWith(events));
    REQUIRE_FALSE(too_many.ok());
    CHECK(too_many.error().kind == ErrorKind::Parse);
}

TEST_CASE("a bad token outside any event makes the batch a parse error", "[matrix][hostile]") {
    auto r = parseSyncResponse(std::string(R"({"next_batch":"s2","rooms":{"join":{")") + kRoom +
                               R"(":{"unread_notifications":{"highlight_count":1e400}}}}})");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Parse);
    CHECK(r.error().message.find("1e400") == std::string::npos);  // never quotes the body

    auto truncated = parseSyncResponse(
        syncWith({textEvent("a", "前"), R"({"event_id":"$t","content":{"v":1e400)"}));
    REQUIRE_FALSE(truncated.ok());
}

TEST_CASE("a skeleton nested 100,000 deep reads as null; the room is still there",
          "[matrix][hostile]") {
    auto r = parseSyncResponse(std::string(R"({"next_batch":"s2","rooms":{"join":{")") + kRoom +
                               R"(":{"summary":{"m.heroes":)" + nestedArrays(100'000) +
                               R"(},"timeline":{"events":[)" + textEvent("a", "届く") +
                               R"(]}}}},"x":)" + nestedArrays(100'000) + "}");
    REQUIRE(r.ok());
    CHECK(bodies(*r) == std::vector<std::string>{"届く"});
}

TEST_CASE("state, invite state and account data count their malformed events too",
          "[matrix][hostile]") {
    const std::string deep = nestedArrays(1000);
    const std::string body =
        std::string(R"({"next_batch":"s2","account_data":{"events":[{"type":"a","content":{"x":)") +
        deep + R"(}},{"content":{}}]},"rooms":{"join":{")" + kRoom +
        R"(":{"state":{"events":[{"event_id":"$s","type":"m.room.name","sender":"@a:x","content":{"name":"x"}},)"
        R"({"event_id":"$t","type":"m.room.topic","sender":"@a:x","state_key":"","content":{"t":1e400}}]}}},)"
        R"("invite":{"!inv:x":{"invite_state":{"events":[{"type":"m.room.name","content":{"name":"\ud800"}}]}}}}})";
    auto r = parseSyncResponse(body);
    REQUIRE(r.ok());
    CHECK(r->account_data.empty());
    CHECK(r->join.at(kRoom).state.empty());
    CHECK(r->invite.at("!inv:x").invite_state.empty());
    // account data: deep + no type; state: no state_key + 1e400; invite: lone surrogate
    CHECK(r->skipped_events == 5);
}

TEST_CASE("/messages skips and counts malformed events like /sync", "[matrix][hostile]") {
    auto r =
        parseMessagesResponse(R"({"start":"t1","end":"t0","chunk":[)" + textEvent("a", "古い") +
                              "," + messageEvent("deep", R"({"x":)" + nestedArrays(100'000) + "}") +
                              "," + messageEvent("big", R"({"v":1e400})") + "]}");
    REQUIRE(r.ok());
    REQUIRE(r->chunk.size() == 1);
    CHECK(getBody(r->chunk[0]) == "古い");
    CHECK(r->skipped_events == 2);
}

TEST_CASE("answers other than /sync that nest too deep are parse errors", "[matrix][hostile]") {
    auto r = parseLoginResponse(R"({"user_id":"@a:x","access_token":"t","device_id":"D","x":)" +
                                nestedArrays(100'000) + "}");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Parse);
    CHECK(r.error().message.find("deep") != std::string::npos);
    CHECK(parseLoginResponse(R"({"user_id":"@a:x","access_token":"t","device_id":"D","x":)" +
                             nestedArrays(60) + "}")
              .ok());
}

TEST_CASE("the event table's reserve does not trust the body size", "[matrix][hostile]") {
    // 64 MiB of whitespace after an empty answer: no events, so nothing worth reserving for.
    std::string body = R"({"next_batch":"s"})";
    body.append(std::size_t{64} << 20, ' ');
    auto parsed = detail::parseWithEvents(body, detail::EventArrays::Sync, "sync");
    REQUIRE(parsed.ok());
    CHECK(parsed->table.events.empty());
    CHECK(parsed->table.events.capacity() <= 4096);
}
