// What Session hands to front ends of names, room names, topics and file names that other
// members chose: disambiguated and free of bidi overrides and control characters. The cache
// is filled through a second connection (no server needed); the Session reads it as the app.
#include <sodium.h>

#include <catch2/catch_test_macros.hpp>

#include "session/session.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!patient1:example.org";

std::unique_ptr<session::Session> openSession(const TempDir& dir, const store::AccountKeys& keys) {
    store::RawKeyProvider provider(keys);
    session::SessionConfig config;
    config.data_dir = dir.path();
    auto opened = session::Session::open(std::move(config), provider);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

matrix::RoomEvent media(const std::string& id, const std::string& msgtype, nlohmann::json extra) {
    auto e = message(id, "@nurse:example.org", 2000, "");
    e.content = {{"msgtype", msgtype}, {"url", "mxc://example.org/abc"}};
    e.content.update(extra);
    return e;
}

}  // namespace

TEST_CASE("session: names, room names, topics and file names reach front ends neutralised",
          "[session][display]") {
    TempDir dir;
    store::AccountKeys keys{};
    keys.vault = keyOf(1);
    keys.cache = keyOf(2);
    {
        auto cache = store::Cache::open(dir.path(), keys.cache);
        REQUIRE(cache.ok());
        matrix::SyncResponse sync;
        sync.next_batch = "s1";
        auto& room = sync.join[kRoom];
        room.state = {
            stateEvent("$name", "m.room.name", "", {{"name", "松本 トメ 様\u202e\x1b[31m"}}),
            stateEvent("$topic", "m.room.topic", "", {{"topic", "週2回\u2066訪問\r\n服薬確認\x07"}}),
            member("$m1", "@nurse:example.org", "佐藤"),
            member("$m2", "@fake:evil.example", "佐藤"),
            member("$m3", "@dr:example.org", "Dr.\u202e Tanaka"),
        };
        room.timeline.events = {
            media("$img", "m.image", {{"body", "褥瘡写真\u202egnp.exe"}}),
            media("$file", "m.file",
                  {{"filename", "紹介状\u202efdp.exe"}, {"body", "退院前の紹介状\n\u202eご確認ください"}}),
            message("$text", "@dr:example.org", 2001, "血圧 128/76\u202e"),
        };
        sync.invite["!invite:evil.example"].invite_state = {
            {"m.room.member", "@me:example.org", "@in\u202evit\x1b[2Jer:evil.example",
             nlohmann::json{{"membership", "invite"}}},
        };
        REQUIRE(cache->setOwnUserId("@me:example.org").ok());
        REQUIRE(cache->applySync(sync).ok());
    }
    auto s = openSession(dir, keys);

    SECTION("display names") {
        CHECK(s->displayName(kRoom, "@nurse:example.org") == "佐藤 (@nurse:example.org)");
        CHECK(s->displayName(kRoom, "@fake:evil.example") == "佐藤 (@fake:evil.example)");
        CHECK(s->displayName(kRoom, "@dr:example.org") == "Dr. Tanaka (@dr:example.org)");
        CHECK(s->displayName(kRoom, "@gone\x1b:x") == "@gone:x");
    }
    SECTION("room name, topic, last post and inviter") {
        auto rooms = s->rooms();
        REQUIRE(rooms.ok());
        REQUIRE(rooms->size() == 2);
        for (const auto& row : *rooms) {
            if (row.room_id == kRoom) {
                CHECK(row.name == "松本 トメ 様[31m");
                CHECK(row.topic == "週2回訪問\n服薬確認");
                CHECK(row.last_body == "血圧 128/76");
            } else {
                CHECK(row.inviter.value_or("") == "@invit[2Jer:evil.example");
            }
        }
    }
    SECTION("file names of media posts; text bodies are left as sent") {
        auto events = s->timeline(kRoom, 10, std::nullopt);
        REQUIRE(events.ok());
        REQUIRE(events->size() == 3);
        CHECK((*events)[0].content["body"] == "褥瘡写真gnp.exe");
        CHECK((*events)[1].content["filename"] == "紹介状fdp.exe");
        CHECK((*events)[1].content["body"] == "退院前の紹介状\nご確認ください");  // a caption
        CHECK((*events)[2].content["body"] == "血圧 128/76\u202e");
    }
}
