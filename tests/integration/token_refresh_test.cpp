// Token refresh in a Session (spec: "Refreshing access tokens"), against the Synapse whose
// access tokens live 3 s (fixture synapse_short_tokens, RENKEI_HOMESERVER_STATE):
// - sync and send meeting the expired token at the same moment make one refresh, and both
//   go through: Synapse retires a refresh token once its successor is used, so a second
//   refresh with the same token would end the session; after a restart the rotated refresh
//   token (from the vault) is the one used;
// - a refresh the server refuses asks for the password again (what the GUI turns into
//   「もう一度サインイン」), and drafts, outbox and cache stay.
// The TokenWatch seam counts the refresh requests on their way to the server.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <latch>
#include <memory>
#include <optional>
#include <thread>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "outbox_support.h"
#include "session/send_queue.h"
#include "session/sync_engine.h"
#include "support.h"
#include "sync_log.h"
#include "token_watch.h"

using namespace renkei;
using namespace renkei::test;
using namespace std::chrono_literals;
using Kind = session::SendNotification::Kind;
using State = session::SyncNotification::State;

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

TEST_CASE("sync and send meeting an expired token make one refresh; both succeed; a restart keeps the new token") {
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

    // After a restart the next refresh uses the rotated refresh token from the vault: the
    // login's one is dead now that its successor has been used.
    const TokenWatch::Tokens rotated = n.current();
    REQUIRE(rotated.refresh_token.has_value());
    n.nurse.reopen();
    REQUIRE(waitUntilExpired(rotated.access_token));
    auto after_restart = n.nurse->syncOnce(0);
    if (!after_restart) FAIL("sync after the restart: " << after_restart.error().describe());
    const auto all_refreshes = n.watch->refreshTokensSent();
    const bool used_rotated = all_refreshes.back() == *rotated.refresh_token;
    CHECK(used_rotated);
    CHECK_FALSE(n.nurse->needsReauthentication());
}

TEST_CASE("a refresh the server refuses asks for the password again; drafts, outbox and cache stay") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("an external homeserver has its own token lifetime");
    WatchedNurse n("refresh-refused");
    const std::string body = "褥瘡処置の報告 " + uniqueMarker("refresh-refused");
    auto queued = n.nurse->queueText(n.room, body);
    REQUIRE(queued.ok());
    const std::string draft = "次回はご家族に服薬カレンダーを確認（下書き）";
    REQUIRE(n.nurse->saveDraft(n.room, draft).ok());
    const auto cached = messageBodies(*n.nurse, n.room, 50);
    const TokenWatch::Tokens tokens = n.current();
    REQUIRE(tokens.refresh_token.has_value());

    // Another holder of this session's refresh token (a copied profile) refreshes first and
    // uses its new access token: Synapse then refuses the old refresh token (PROTOCOL.md).
    matrix::MatrixClient copy(std::make_shared<http::CurlTransport>(), hs.base_url);
    auto taken = copy.refresh(*tokens.refresh_token);
    if (!taken) FAIL("refresh by the copy: " << taken.error().describe());
    copy.setAccessToken(taken->access_token);
    REQUIRE(copy.whoami().ok());
    REQUIRE(waitUntilExpired(tokens.access_token));

    SyncLog sync_log;
    SendLog send_log;
    session::SyncEngine engine(*n.nurse, sync_log.callback(), 1s);
    session::SendQueue sender(*n.nurse, send_log.callback(), session::Backoff(100ms, 2s));
    engine.start();
    sender.start();
    REQUIRE(sync_log.waitForState(State::Failed));
    // The queue either pauses for the password or (wrongly) gives the post up.
    REQUIRE(send_log.waitFor(
        [](const auto& notes) {
            return std::any_of(notes.begin(), notes.end(), [](const auto& note) {
                return note.kind == Kind::NeedsLogin || note.kind == Kind::Failed;
            });
        },
        30s));

    // What the GUI asks the password for (ui/core_bridge.cpp): sync Failed with an auth error
    // or needsReauthentication(), the send queue's NeedsLogin. The error is the one the GUI
    // words 「もう一度サインインしてください」 (M_UNKNOWN_TOKEN), not "no permission".
    CHECK(n.nurse->needsReauthentication());
    std::optional<Error> failure;
    for (const auto& note : sync_log.notes()) {
        if (note.state == State::Failed) failure = note.error;
    }
    REQUIRE(failure.has_value());
    INFO(failure->describe());
    CHECK(session::isAuthError(*failure));
    CHECK(failure->kind == ErrorKind::Matrix);
    CHECK(failure->errcode == "M_UNKNOWN_TOKEN");
    CHECK(send_log.count(Kind::NeedsLogin) >= 1);
    CHECK(send_log.count(Kind::Failed) == 0);  // the post was not given up as "forbidden"

    // Nothing local is lost: the post waits in the outbox, the draft and the cache stay.
    const auto outbox = n.nurse->outbox().value();
    REQUIRE(outbox.size() == 1);
    CHECK(outbox.front().txn_id == queued->txn_id);
    CHECK(outbox.front().state == store::OutboxState::Queued);
    CHECK(n.nurse->draft(n.room).value() == draft);
    CHECK(membership(*n.nurse, n.room) == "join");
    CHECK(messageBodies(*n.nurse, n.room, 50) == cached);
    CHECK(serverBodies(n.room).empty());

    // The password again: the same device, and the waiting post goes out once.
    REQUIRE(n.nurse->reauthenticate(hs.password("nurse.sato")).ok());
    CHECK_FALSE(n.nurse->needsReauthentication());
    sender.wake();
    REQUIRE(send_log.waitForSent(1, 30s));
    sender.stop();
    engine.stop();
    CHECK(serverBodies(n.room) == std::vector<std::string>{body});
    CHECK(n.nurse->draft(n.room).value() == draft);
}
