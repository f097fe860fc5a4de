// Issue 4 fault test 4, the soft-logout half: on a homeserver whose access tokens live 3 s,
// queued posts go out after the token expired (the session refreshes it) without asking
// for the password; drafts, outbox and cache are kept. Runs against its own Synapse
// (fixture synapse_short_tokens), pointed to by RENKEI_HOMESERVER_STATE.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <chrono>
#include <thread>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "outbox_support.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using Kind = session::SendNotification::Kind;
using namespace std::chrono_literals;

TEST_CASE("outbox 4: an expired access token is refreshed; drafts, outbox and cache stay") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("an external homeserver has its own token lifetime");
    TempDir dir("outbox-expiry");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    auto room = nurse->createRoom("期限切れ試験", {});
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return !nurse->rooms().value().empty(); }));
    const std::string marker = uniqueMarker("expiry");
    std::vector<std::string> expected;
    for (int i = 0; i < 3; ++i) {
        expected.push_back("夜間の様子 " + marker + " #" + std::to_string(i));
        REQUIRE(nurse->queueText(*room, expected.back()).ok());
    }
    REQUIRE(nurse->saveDraft(*room, "明日の訪問で血糖値を確認").ok());

    // A token issued after the nurse's one: once the server calls it expired (soft logout),
    // the nurse's token has expired too.
    matrix::MatrixClient probe(std::make_shared<http::CurlTransport>(), hs.base_url);
    matrix::LoginRequest login;
    login.user = "nurse.sato";
    login.password = hs.password("nurse.sato");
    auto probe_login = probe.login(login);
    REQUIRE(probe_login.ok());
    REQUIRE(probe_login->expires_in_ms.has_value());
    CHECK(*probe_login->expires_in_ms <= 3000);
    probe.setAccessToken(probe_login->access_token);
    const auto until = std::chrono::steady_clock::now() + 30s;
    bool expired = false;
    while (!expired && std::chrono::steady_clock::now() < until) {
        auto who = probe.whoami();
        expired = !who && who.error().errcode == "M_UNKNOWN_TOKEN" && who.error().soft_logout;
        if (!expired) std::this_thread::sleep_for(200ms);  // polling interval of a deadline loop
    }
    REQUIRE(expired);

    SendLog log;
    session::SendQueue sender(*nurse, log.callback(),
                              session::Backoff(std::chrono::milliseconds(100), std::chrono::seconds(2)));
    sender.start();
    REQUIRE(log.waitForSent(3, 60s));
    sender.stop();
    CHECK(log.count(Kind::NeedsLogin) == 0);
    CHECK_FALSE(nurse->needsReauthentication());
    CHECK(serverBodies(*room) == expected);
    CHECK(nurse->draft(*room).value() == "明日の訪問で血糖値を確認");
    const auto rooms = nurse->rooms().value();
    CHECK(std::any_of(rooms.begin(), rooms.end(), [&](const auto& r) { return r.room_id == *room; }));
    // Sync keeps working with the refreshed token, and confirms the posts.
    CHECK(syncUntil(*nurse, [&] { return nurse->outbox().value().empty(); }));
}
