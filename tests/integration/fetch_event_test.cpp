// One event fetched by id against the real Synapse (spec: "GET
// /_matrix/client/v3/rooms/{roomId}/event/{eventId}"): the original of a reply that the
// initial sync did not bring comes from the server, stays out of the cache, and an unknown or
// deleted original is said so plainly.
#include <catch2/catch_test_macros.hpp>
#include <sodium.h>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using nlohmann::json;

namespace {

// The other account posting into the room, through the plain Client-Server API.
struct Doctor {
    matrix::MatrixClient client{std::make_shared<http::CurlTransport>(), Homeserver::get().base_url};
    Doctor() { loginAs(client, "dr.tanaka"); }
    ~Doctor() { static_cast<void>(client.logout()); }

    std::string post(const std::string& room, const json& content) {
        auto id = client.sendMessageEvent(room, "m.room.message", session::newTransactionId(), content);
        if (!id) FAIL("send: " << id.error().describe());
        return *id;
    }
};

// A Session whose syncs bring only the newest few events of a room, so that older posts are
// not cached (as in a room with more posts than the initial sync's limit).
std::unique_ptr<session::Session> shortSyncSession(const std::filesystem::path& dir) {
    REQUIRE(sodium_init() >= 0);
    store::AccountKeys keys{};
    randombytes_buf(keys.vault.data(), keys.vault.size());
    randombytes_buf(keys.cache.data(), keys.cache.size());
    store::RawKeyProvider provider(keys);
    session::SessionConfig config;
    config.data_dir = dir;
    config.timeline_limit = 5;
    auto opened = session::Session::open(std::move(config), provider);
    if (!opened) FAIL("Session::open: " << opened.error().describe());
    const auto& hs = Homeserver::get();
    if (auto r = (*opened)->login(hs.base_url, "nurse.sato", hs.password("nurse.sato")); !r) {
        FAIL("login: " << r.error().describe());
    }
    return std::move(*opened);
}

std::string newRoom(Doctor& doctor, session::Session& nurse) {
    matrix::CreateRoomRequest create;
    create.name = "小林 トメ 様（引用テスト）";
    create.invite = {Homeserver::get().userId("nurse.sato")};
    auto room = doctor.client.createRoom(create);
    REQUIRE(room.ok());
    REQUIRE(syncUntil(nurse, [&] { return nurse.joinRoom(*room).ok(); }));
    return *room;
}

std::string bodyOf(const store::StoredEvent& event) { return event.content.value("body", std::string()); }

}  // namespace

TEST_CASE("fetchEvent: a reply's original beyond the initial sync comes from the server, memory only") {
    const auto& hs = Homeserver::get();
    Doctor doctor;
    TempDir dir("fetch-event");
    auto nurse = shortSyncSession(dir.path());
    const std::string room = newRoom(doctor, *nurse);

    const std::string text = "血圧 128/76 " + uniqueMarker("orig");
    const std::string original = doctor.post(room, {{"msgtype", "m.text"}, {"body", text}});
    for (int i = 0; i < 8; ++i) doctor.post(room, {{"msgtype", "m.text"}, {"body", "経過 " + std::to_string(i)}});
    const std::string reply = doctor.post(room, {{"msgtype", "m.text"},
                                                 {"body", "前回の値です"},
                                                 {"m.relates_to", {{"m.in_reply_to", {{"event_id", original}}}}}});
    // A new device's first sync of the room: only its newest posts are cached.
    TempDir fresh_dir("fetch-event-fresh");
    auto reader = shortSyncSession(fresh_dir.path());
    REQUIRE(syncUntil(*reader, [&] { return cachedEvent(*reader, room, reply).has_value(); }));
    auto cached = reader->cachedEvent(room, original);
    REQUIRE(cached.ok());
    REQUIRE_FALSE(cached->has_value());

    auto fetched = reader->fetchEvent(room, original);
    REQUIRE(fetched.ok());
    CHECK(fetched->event_id == original);
    CHECK(fetched->sender == hs.userId("dr.tanaka"));
    CHECK(bodyOf(*fetched) == text);
    CHECK_FALSE(fetched->redacted);
    // Not written into the room's cache: its order and gaps stay as sync left them.
    auto still = reader->cachedEvent(room, original);
    REQUIRE(still.ok());
    CHECK_FALSE(still->has_value());
    CHECK_FALSE(cachedEvent(*reader, room, original, 1000).has_value());

    // The reply itself is cached: fetched from the cache, no server needed.
    auto from_cache = reader->fetchEvent(room, reply);
    REQUIRE(from_cache.ok());
    CHECK(bodyOf(*from_cache) == "前回の値です");
    CHECK(from_cache->seq > 0);
}

TEST_CASE("fetchEvent: an unknown original is M_NOT_FOUND, a deleted one comes back deleted") {
    const auto& hs = Homeserver::get();
    Doctor doctor;
    TempDir dir("fetch-event-gone");
    auto nurse = shortSyncSession(dir.path());
    const std::string room = newRoom(doctor, *nurse);

    auto unknown = nurse->fetchEvent(room, "$" + uniqueMarker("no-such-event"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::Matrix);
    CHECK(unknown.error().errcode == "M_NOT_FOUND");
    CHECK(unknown.error().http_status == 404);

    // Deleted after it was posted and before we ever cached it (no sync in between).
    const std::string gone = doctor.post(room, {{"msgtype", "m.text"}, {"body", "別の方の記録"}});
    redactAs("dr.tanaka", room, gone, "誤投稿");
    auto fetched = nurse->fetchEvent(room, gone);
    REQUIRE(fetched.ok());
    CHECK(fetched->redacted);
    CHECK(fetched->sender == hs.userId("dr.tanaka"));
    CHECK_FALSE(fetched->content.contains("body"));
    auto cached = nurse->cachedEvent(room, gone);
    REQUIRE(cached.ok());
    CHECK_FALSE(cached->has_value());
}
