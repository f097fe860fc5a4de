// Issue 4 fault test 4, the soft-logout half: on a homeserver whose access tokens live 3 s,
// queued posts go out after the token expired (the session refreshes it) without asking
// for the password; drafts, outbox and cache are kept. Runs against its own Synapse
// (fixture synapse_short_tokens), pointed to by RENKEI_HOMESERVER_STATE.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <memory>

#include "outbox_support.h"
#include "support.h"
#include "token_watch.h"

using namespace renkei;
using namespace renkei::test;
using Kind = session::SendNotification::Kind;
using namespace std::chrono_literals;

TEST_CASE("outbox 4: an expired access token is refreshed; drafts, outbox and cache stay") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("an external homeserver has its own token lifetime");
    TempDir dir("outbox-expiry");
    auto watch = std::make_shared<TokenWatch>();
    Client nurse(dir.path(), watch);
    nurse.login("nurse.sato");
    auto room = nurse->createRoom("期限切れ試験", {});
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return membership(*nurse, *room) == "join"; }));
    const std::string marker = uniqueMarker("expiry");
    std::vector<std::string> expected;
    for (int i = 0; i < 3; ++i) {
        expected.push_back("夜間の様子 " + marker + " #" + std::to_string(i));
        REQUIRE(nurse->queueText(*room, expected.back()).ok());
    }
    REQUIRE(nurse->saveDraft(*room, "明日の訪問で血糖値を確認").ok());
    const std::size_t refreshes_before = watch->refreshTokensSent().size();
    REQUIRE(waitUntilExpired(watch->issued().back().access_token));  // the token in use

    SendLog log;
    session::SendQueue sender(*nurse, log.callback(),
                              session::Backoff(std::chrono::milliseconds(100), std::chrono::seconds(2)));
    sender.start();
    REQUIRE(log.waitForSent(3, 60s));
    sender.stop();
    CHECK(log.count(Kind::NeedsLogin) == 0);
    CHECK_FALSE(nurse->needsReauthentication());
    CHECK(watch->refreshTokensSent().size() > refreshes_before);  // sent after a refresh
    CHECK(serverBodies(*room) == expected);
    CHECK(nurse->draft(*room).value() == "明日の訪問で血糖値を確認");
    CHECK(membership(*nurse, *room) == "join");
    // Sync keeps working with the refreshed token, and confirms the posts.
    CHECK(syncUntil(*nurse, [&] { return nurse->outbox().value().empty(); }));
}
