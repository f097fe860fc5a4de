// Token refresh in a Session (spec: "Refreshing access tokens"), against the Synapse whose
// access tokens live 3 s (fixture synapse_short_tokens, RENKEI_HOMESERVER_STATE):
// sync and send meeting the expired token at the same moment make one refresh, and both go
// through: Synapse retires a refresh token once its successor is used, so a second refresh
// with the same token would end the session.
// The TokenWatch seam counts the refresh requests on their way to the server.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <latch>
#include <memory>
#include <optional>
#include <thread>

#include "support.h"
#include "token_watch.h"

using namespace renkei;
using namespace renkei::test;
using namespace std::chrono_literals;

namespace {

// A signed-in nurse whose requests go through a TokenWatch, with a room of her own in the cache.
struct WatchedNurse {
    TempDir dir;
    std::shared_ptr<TokenWatch> watch = std::make_shared<TokenWatch>();
    Client nurse;
    std::string room;

    explicit WatchedNurse(const std::string& tag) : dir(tag), nurse(dir.path(), watch) {
        nurse.login("nurse.sato");
        auto created = nurse->createRoom("トークン更新試験 " + uniqueMarker(tag), {});
        REQUIRE(created.ok());
        room = *created;
        REQUIRE(syncUntil(*nurse, [&] { return membership(*nurse, room) == "join"; }));
    }
    // The tokens the session uses now (the newest the server issued to it).
    TokenWatch::Tokens current() const { return watch->issued().back(); }
};

}  // namespace

TEST_CASE("sync and send meeting an expired token together make one refresh, and both succeed") {
    if (Homeserver::get().external) SKIP("an external homeserver has its own token lifetime");
    WatchedNurse n("refresh-race");
    const std::string body = "訪問後の申し送り " + uniqueMarker("refresh-race");
    REQUIRE(n.nurse->queueText(n.room, body).ok());
    const TokenWatch::Tokens before = n.current();
    REQUIRE(before.refresh_token.has_value());
    const std::size_t refreshes_before = n.watch->refreshTokensSent().size();
    REQUIRE(waitUntilExpired(before.access_token));

    // Both calls meet the expired token: the refresh is held until both have had their 401.
    n.watch->holdRefreshesUntilUnauthorized(n.watch->unauthorized() + 2, 10'000ms);
    std::latch go(2);
    std::optional<Result<store::ChangeSet>> synced;
    std::optional<Result<std::optional<store::OutboxPost>>> sent;
    std::thread sync_thread([&] {
        go.arrive_and_wait();
        synced.emplace(n.nurse->syncOnce(0));
    });
    std::thread send_thread([&] {
        go.arrive_and_wait();
        sent.emplace(n.nurse->sendNextQueued());
    });
    sync_thread.join();
    send_thread.join();

    // On the wire: both requests were turned away, and exactly one refresh went out, with
    // the session's refresh token (no refresh token is sent twice).
    CHECK(n.watch->unauthorized() >= 2);
    const auto refreshes = n.watch->refreshTokensSent();
    CHECK(refreshes.size() - refreshes_before == 1);
    const bool sent_current_token = refreshes.size() > refreshes_before &&
                                    refreshes[refreshes_before] == *before.refresh_token;
    CHECK(sent_current_token);

    REQUIRE(synced.has_value());
    REQUIRE(sent.has_value());
    if (!*synced) FAIL("sync: " << synced->error().describe());
    if (!*sent) FAIL("send: " << sent->error().describe());
    REQUIRE(sent->value().has_value());
    CHECK(sent->value()->state == store::OutboxState::Sent);
    CHECK(sent->value()->event_id.value_or("").starts_with("$"));
    CHECK_FALSE(n.nurse->needsReauthentication());
    CHECK(serverBodies(n.room) == std::vector<std::string>{body});
    // The session goes on with the new token: the next sync confirms the post.
    CHECK(syncUntil(*n.nurse, [&] { return n.nurse->outbox().value().empty(); }));
}
