// Unit tests for the responses.h parsers on recorded, Synapse-shaped bodies (tests/fixtures/):
// login, refresh, whoami, /messages, the well-known document and /versions. Pure functions on
// bodies: no Transport, no server.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "matrix/responses.h"
#include "fixtures.h"

using namespace renkei;
using namespace renkei::matrix;
using renkei::test::readFixture;

namespace {

constexpr const char* kNurse = "@sato.kango:kashiwa.example.jp";
constexpr const char* kDoctor = "@suzuki.dr:kashiwa.example.jp";
constexpr const char* kCareManager = "@tanaka.cm:kashiwa.example.jp";

/// Every string value of at least 6 bytes in `body` (tokens, ids, URLs, message text): none
/// of them may appear in an error message.
std::vector<std::string> sensitiveValues(const std::string& body) {
    std::vector<std::string> out;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
        if (j.is_string() && j.get_ref<const std::string&>().size() >= 6) {
            out.push_back(j.get<std::string>());
        } else if (j.is_structured()) {
            for (const auto& element : j) walk(element);
        }
    };
    walk(nlohmann::json::parse(body));
    return out;
}

/// `r` failed with Parse, its message starts with "<endpoint>: ", names `key` and quotes
/// nothing from `body`.
template <class T>
void checkParseError(const Result<T>& r, const std::string& body, const std::string& endpoint,
                     const std::string& key) {
    REQUIRE_FALSE(r.ok());
    const Error& e = r.error();
    INFO(e.describe());
    CHECK(e.kind == ErrorKind::Parse);
    CHECK(e.http_status == 0);
    CHECK(e.message.rfind(endpoint + ": ", 0) == 0);
    CHECK(e.message.find(key) != std::string::npos);
    for (const auto& value : sensitiveValues(body))
        CHECK(e.message.find(value) == std::string::npos);
}

/// Parses every prefix of the fixture `name`, from empty to whole. Each must fail with Parse
/// without quoting the body, or, only once nothing but trailing whitespace is cut, succeed.
template <class T>
void checkEveryPrefix(const std::string& name, Result<T> (*parse)(std::string_view)) {
    INFO(name);
    const std::string full = readFixture(name);
    const auto secrets = sensitiveValues(full);
    const std::size_t complete = full.find_last_not_of(" \t\r\n") + 1;
    std::size_t failed = 0;
    for (std::size_t n = 0; n <= full.size(); ++n) {
        auto r = parse(std::string_view(full).substr(0, n));
        if (r.ok()) {
            if (n < complete) FAIL("a truncated body parsed at offset " << n);
            continue;
        }
        if (r.error().kind != ErrorKind::Parse)
            FAIL("offset " << n << ": " << r.error().describe());
        for (const auto& secret : secrets) {
            if (r.error().message.find(secret) != std::string::npos) FAIL("offset " << n);
        }
        ++failed;
    }
    CHECK(failed == complete);
    CHECK(parse(full).ok());
}

}  // namespace

// ---------------------------------------------------------------------------------------
// login, refresh, whoami

TEST_CASE("login: the nurse's session has her user id, device and an expiring token",
          "[matrix][responses]") {
    auto r = parseLoginResponse(readFixture("login.json"));
    REQUIRE(r.ok());
    CHECK(r->user_id == kNurse);
    CHECK(r->device_id == "RENKEIDEV1");
    CHECK(r->access_token.rfind("syt_", 0) == 0);
    REQUIRE(r->refresh_token.has_value());
    CHECK(r->refresh_token->rfind("syr_", 0) == 0);
    CHECK(r->expires_in_ms == 300'000);
}

TEST_CASE("login: a server without refresh tokens gives a token that does not expire",
          "[matrix][responses]") {
    auto r = parseLoginResponse(
        R"({"user_id":"@ito.yakuzai:kashiwa.example.jp","access_token":"syt_fake_aXRv_NoExpiry_000",)"
        R"("device_id":"PHARMACY2","expires_in_ms":"300000","refresh_token":null})");
    REQUIRE(r.ok());
    CHECK(r->user_id == "@ito.yakuzai:kashiwa.example.jp");
    CHECK(r->device_id == "PHARMACY2");
    CHECK(r->access_token == "syt_fake_aXRv_NoExpiry_000");
    CHECK_FALSE(r->refresh_token.has_value());
    CHECK_FALSE(r->expires_in_ms.has_value());  // a string is no lifetime
}

TEST_CASE("refresh: the new token pair replaces the old one", "[matrix][responses]") {
    auto r = parseRefreshResponse(readFixture("refresh.json"));
    REQUIRE(r.ok());
    CHECK(r->access_token == "syt_c2F0by5rYW5nbw_FakeAccessTokenDef_6a7b8c");
    CHECK(r->refresh_token == "syr_c2F0by5rYW5nbw_FakeRefreshTokenUvw_9d0e1f");
    CHECK(r->expires_in_ms == 300'000);

    // Without a new refresh token the old one stays in use.
    auto keep = parseRefreshResponse(R"({"access_token":"syt_fake_c2F0bw_Keep_111"})");
    REQUIRE(keep.ok());
    CHECK(keep->access_token == "syt_fake_c2F0bw_Keep_111");
    CHECK_FALSE(keep->refresh_token.has_value());
    CHECK_FALSE(keep->expires_in_ms.has_value());
}

TEST_CASE("whoami: the token belongs to the nurse on her device", "[matrix][responses]") {
    auto r = parseWhoAmI(readFixture("whoami.json"));
    REQUIRE(r.ok());
    CHECK(r->user_id == kNurse);
    CHECK(r->device_id == "RENKEIDEV1");

    // An application service token has no device.
    auto bot = parseWhoAmI(R"({"user_id":"@renkei-bridge:kashiwa.example.jp"})");
    REQUIRE(bot.ok());
    CHECK(bot->user_id == "@renkei-bridge:kashiwa.example.jp");
    CHECK_FALSE(bot->device_id.has_value());
}

// ---------------------------------------------------------------------------------------
// /messages

TEST_CASE("messages: a backwards page lists the care team's posts newest first",
          "[matrix][responses]") {
    auto r = parseMessagesResponse(readFixture("messages_page.json"));
    REQUIRE(r.ok());
    CHECK(r->start == "t34-23535_0_0_0_0_0_0_0_0");
    CHECK(r->end == "t31-23480_0_0_0_0_0_0_0_0");  // more history before this page
    REQUIRE(r->chunk.size() == 3);
    for (std::size_t i = 1; i < r->chunk.size(); ++i) {
        CHECK(r->chunk[i - 1].origin_server_ts > r->chunk[i].origin_server_ts);
    }
    CHECK(r->chunk[0].sender == kNurse);
    CHECK(r->chunk[0].content.at("body") ==
          "SpO2 96%、脈拍 78 回/分。仙骨部の褥瘡は発赤が軽減しています。");
    CHECK(r->chunk[1].sender == kCareManager);
    CHECK(r->chunk[1].content.at("body") == "来週からデイサービスを週3回に増やします。");
    CHECK(r->chunk[2].sender == kDoctor);
    CHECK(r->chunk[2].content.at("body") == "下肢のむくみが続くようなら連絡をください。");
    CHECK(r->chunk[2].event_id == "$ol2qJ8gMdP6nFrLo9aBcH1iT3vWxZ8uKeYiD5jOmQ0U");
    CHECK(r->chunk[2].origin_server_ts == 1747648800000);
    for (const auto& e : r->chunk) {
        CHECK(e.type == "m.room.message");
        CHECK_FALSE(e.state_key.has_value());
    }
    // Lazy-loaded members: the care manager's profile comes with the page.
    REQUIRE(r->state.size() == 1);
    CHECK(r->state[0].type == "m.room.member");
    CHECK(r->state[0].state_key == kCareManager);
    CHECK(r->state[0].content.at("displayname") == "田中 ケアマネ");
}

TEST_CASE("messages: the last page reaches the room's creation and has no end token",
          "[matrix][responses]") {
    auto r = parseMessagesResponse(readFixture("messages_last_page.json"));
    REQUIRE(r.ok());
    CHECK(r->start == "t31-23480_0_0_0_0_0_0_0_0");
    CHECK_FALSE(r->end.has_value());
    REQUIRE(r->chunk.size() == 1);
    CHECK(r->chunk[0].type == "m.room.create");
    CHECK(r->chunk[0].state_key == "");
    CHECK(r->chunk[0].content.at("type") == "jp.renkei.patient_room");
    CHECK(r->state.empty());

    // An empty end token means the same as none; an empty chunk is a valid page.
    auto empty = parseMessagesResponse(R"({"chunk":[],"start":"t1-1_0","end":""})");
    REQUIRE(empty.ok());
    CHECK(empty->chunk.empty());
    CHECK_FALSE(empty->end.has_value());
}

TEST_CASE("messages: unusable chunk elements are skipped, the page is kept",
          "[matrix][responses]") {
    auto r = parseMessagesResponse(R"({"start":"t9","end":"t8","chunk":[
      "$notAnEvent", 42, null,
      {"event_id":"$a","type":"m.room.message","sender":"@sato.kango:kashiwa.example.jp",
       "origin_server_ts":1747670400000,"content":{"msgtype":"m.text","body":"夕方の訪問で点滴を抜去しました。"}},
      {"event_id":"$b","type":"m.room.message","content":{"body":"送信者なし"}},
      {"event_id":"$c","type":"m.room.message","sender":"@tanaka.cm:kashiwa.example.jp","content":"x"}
    ],"state":[
      {"event_id":"$m","type":"m.room.member","sender":"@sato.kango:kashiwa.example.jp",
       "content":{"membership":"join"}}
    ]})");
    REQUIRE(r.ok());
    REQUIRE(r->chunk.size() == 2);
    CHECK(r->chunk[0].event_id == "$a");
    CHECK(r->chunk[0].content.at("body") == "夕方の訪問で点滴を抜去しました。");
    CHECK(r->chunk[1].event_id == "$c");
    CHECK(r->chunk[1].content == nlohmann::json::object());
    CHECK(r->state.empty());  // a state event without state_key is unusable
}

// ---------------------------------------------------------------------------------------
// Discovery documents

TEST_CASE("well-known: the advertised homeserver URL loses its trailing slash",
          "[matrix][responses]") {
    auto r = parseWellKnown(readFixture("well_known.json"));
    REQUIRE(r.ok());
    CHECK(*r == "https://matrix.kashiwa.example.jp");

    auto path =
        parseWellKnown(R"({"m.homeserver":{"base_url":" HTTPS://kashiwa.example.jp/matrix//"}})");
    REQUIRE(path.ok());
    CHECK(*path == "https://kashiwa.example.jp/matrix");

    // No m.homeserver at all: the spec says to use the server as typed.
    auto none = parseWellKnown(R"({"m.identity_server":{"base_url":"https://id.example.jp"}})");
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("versions: the spec versions the homeserver supports, in order", "[matrix][responses]") {
    auto r = parseVersions(readFixture("versions.json"));
    REQUIRE(r.ok());
    const std::vector<std::string> expected = {"r0.6.1", "v1.1",  "v1.2", "v1.3", "v1.4",
                                               "v1.5",   "v1.6",  "v1.7", "v1.8", "v1.9",
                                               "v1.10",  "v1.11", "v1.12"};
    CHECK(*r == expected);

    auto mixed = parseVersions(R"({"versions":["v1.11",11,null,"v1.12"]})");
    REQUIRE(mixed.ok());
    CHECK(*mixed == std::vector<std::string>{"v1.11", "v1.12"});
}

// ---------------------------------------------------------------------------------------
// Malformed 2xx bodies

TEST_CASE("malformed fixtures fail with Parse naming the endpoint and the key",
          "[matrix][responses]") {
    const auto check = [](const std::string& name, auto parse, const std::string& endpoint,
                          const std::string& key) {
        INFO(name);
        const std::string body = readFixture(name);
        checkParseError(parse(body), body, endpoint, key);
    };
    check("login_missing_token.json", parseLoginResponse, "login", "access_token");
    check("refresh_token_not_string.json", parseRefreshResponse, "refresh", "access_token");
    check("whoami_user_id_not_string.json", parseWhoAmI, "whoami", "user_id");
    check("messages_chunk_not_array.json", parseMessagesResponse, "messages", "chunk");
    check("messages_no_start.json", parseMessagesResponse, "messages", "start");
    check("versions_not_list.json", parseVersions, "versions", "versions");
    check("well_known_no_base_url.json", parseWellKnown, "well-known", "m.homeserver.base_url");
    check("well_known_base_url_not_http.json", parseWellKnown, "well-known",
          "m.homeserver.base_url");
}

TEST_CASE("bodies that are not a JSON object fail with Parse for every endpoint",
          "[matrix][responses]") {
    const std::vector<std::string> bodies = {
        "",
        " ",
        "null",
        "42",
        "[]",
        "\"syt_fake_bare_string\"",
        "{\"user_id\":",
        "<!DOCTYPE html><html><body>ログインしてください</body></html>",
        "\xff\xfe{}"};
    for (const auto& body : bodies) {
        INFO(body);
        checkParseError(parseLoginResponse(body), "null", "login", "JSON");
        checkParseError(parseRefreshResponse(body), "null", "refresh", "JSON");
        checkParseError(parseWhoAmI(body), "null", "whoami", "JSON");
        checkParseError(parseMessagesResponse(body), "null", "messages", "JSON");
        checkParseError(parseWellKnown(body), "null", "well-known", "JSON");
        checkParseError(parseVersions(body), "null", "versions", "JSON");
    }
}

TEST_CASE("required keys that are empty, null or of the wrong type fail with Parse",
          "[matrix][responses]") {
    SECTION("login needs user_id, access_token and device_id") {
        const std::string token = R"("access_token":"syt_fake_c2F0bw_Wrong_222")";
        const std::string no_device =
            R"({"user_id":"@sato.kango:kashiwa.example.jp",)" + token + "}";
        checkParseError(parseLoginResponse(no_device), no_device, "login", "device_id");
        const std::string empty_user = R"({"user_id":"","device_id":"D",)" + token + "}";
        checkParseError(parseLoginResponse(empty_user), empty_user, "login", "user_id");
        const std::string null_token = R"({"user_id":"@a:x","device_id":"D","access_token":null})";
        checkParseError(parseLoginResponse(null_token), null_token, "login", "access_token");
    }
    SECTION("refresh needs a non-empty access_token") {
        const std::string body = R"({"access_token":"","refresh_token":"syr_fake_c2F0bw_333"})";
        checkParseError(parseRefreshResponse(body), body, "refresh", "access_token");
    }
    SECTION("whoami needs a user_id") {
        checkParseError(parseWhoAmI(R"({"device_id":"RENKEIDEV1"})"), "null", "whoami", "user_id");
    }
    SECTION("messages needs start as a string and chunk as an array") {
        checkParseError(parseMessagesResponse(R"({"start":7,"chunk":[]})"), "null", "messages",
                        "start");
        checkParseError(parseMessagesResponse(R"({"start":"t1","chunk":null})"), "null", "messages",
                        "chunk");
        checkParseError(parseMessagesResponse(R"({"start":"t1"})"), "null", "messages", "chunk");
    }
    SECTION("well-known needs m.homeserver as an object with an http(s) base_url") {
        checkParseError(parseWellKnown(R"({"m.homeserver":"https://matrix.example.jp"})"), "null",
                        "well-known", "m.homeserver");
        for (const char* url : {"\"ftp://matrix.example.jp\"", "\"https://\"", "\"\"", "null"}) {
            INFO(url);
            const std::string body = std::string(R"({"m.homeserver":{"base_url":)") + url + "}}";
            checkParseError(parseWellKnown(body), "null", "well-known", "m.homeserver.base_url");
        }
    }
    SECTION("versions needs an array") {
        checkParseError(parseVersions(R"({"unstable_features":{}})"), "null", "versions",
                        "versions");
        checkParseError(parseVersions(R"({"versions":{"v1.11":true}})"), "null", "versions",
                        "versions");
    }
}

TEST_CASE("every truncation of a recorded body fails with Parse and never crashes",
          "[matrix][responses]") {
    checkEveryPrefix("login.json", parseLoginResponse);
    checkEveryPrefix("refresh.json", parseRefreshResponse);
    checkEveryPrefix("whoami.json", parseWhoAmI);
    checkEveryPrefix("messages_page.json", parseMessagesResponse);
    checkEveryPrefix("messages_last_page.json", parseMessagesResponse);
    checkEveryPrefix("well_known.json", parseWellKnown);
    checkEveryPrefix("versions.json", parseVersions);
}

TEST_CASE("event: one post by id, and a deleted one known as deleted", "[matrix][responses]") {
    const std::string body = R"({"event_id":"$orig1","room_id":"!care:kashiwa.example.jp",
        "type":"m.room.message","sender":"@suzuki.dr:kashiwa.example.jp","origin_server_ts":1717000000000,
        "content":{"msgtype":"m.text","body":"血圧 128/76"},"unsigned":{"age":12}})";
    auto event = parseRoomEventResponse(body, "!care:kashiwa.example.jp", "$orig1");
    REQUIRE(event.ok());
    CHECK(event->sender == kDoctor);
    CHECK(event->content["body"] == "血圧 128/76");
    CHECK(event->origin_server_ts == 1717000000000);
    CHECK_FALSE(event->arrived_redacted);

    const std::string gone = R"({"event_id":"$orig1","room_id":"!care:kashiwa.example.jp",
        "type":"m.room.message","sender":"@suzuki.dr:kashiwa.example.jp","content":{},
        "unsigned":{"redacted_because":{"type":"m.room.redaction","sender":"@suzuki.dr:kashiwa.example.jp"}}})";
    auto deleted = parseRoomEventResponse(gone, "!care:kashiwa.example.jp", "$orig1");
    REQUIRE(deleted.ok());
    CHECK(deleted->arrived_redacted);
}

TEST_CASE("event: a hostile answer is a clear Parse error, never another event", "[matrix][responses]") {
    const std::string room = "!care:kashiwa.example.jp";
    const auto errorOf = [&](const std::string& body) {
        auto event = parseRoomEventResponse(body, room, "$orig1");
        REQUIRE_FALSE(event.ok());
        CHECK(event.error().kind == ErrorKind::Parse);
        return event.error().message;
    };
    CHECK(errorOf(R"(["$orig1"])") == "event: body is not a JSON object");
    CHECK(errorOf(R"({"event_id":"$other","room_id":"!care:kashiwa.example.jp","type":"m.room.message",
        "sender":"@a:b"})") == "event: event_id is missing or not the event asked for");
    CHECK(errorOf(R"({"event_id":"$orig1","room_id":"!elsewhere:evil.example","type":"m.room.message",
        "sender":"@a:b"})") == "event: room_id is missing or not the room asked for");
    CHECK(errorOf(R"({"event_id":"$orig1","room_id":"!care:kashiwa.example.jp","sender":"@a:b"})") ==
          "event: type is missing, empty or not a string");
    CHECK(errorOf(R"({"event_id":"$orig1","room_id":"!care:kashiwa.example.jp","type":"m.room.message",
        "sender":7})") == "event: sender is missing, empty or not a string");
}

TEST_CASE("joined_rooms: room ids only, hostile entries skipped, a flood refused", "[matrix][responses]") {
    auto rooms = parseJoinedRooms(
        R"({"joined_rooms":["!a:kashiwa.example.jp", 7, null, {"id":"!b:x"}, "#alias:x", "", "!", "!c:x"]})");
    REQUIRE(rooms.ok());
    CHECK(*rooms == std::vector<std::string>{"!a:kashiwa.example.jp", "!c:x"});
    auto missing = parseJoinedRooms(R"({"rooms":[]})");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "joined_rooms: joined_rooms is missing or not an array");
    nlohmann::json flood = {{"joined_rooms", nlohmann::json::array()}};
    for (int i = 0; i < 100'001; ++i) flood["joined_rooms"].push_back("!r:x");
    auto refused = parseJoinedRooms(flood.dump());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Parse);
    CHECK(parseJoinedRooms(std::string(300, '!')).error().kind == ErrorKind::Parse);
}
