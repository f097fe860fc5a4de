// SyncEngine and transport against the real Synapse: new posts arrive without user action,
// a stopped server is reported as offline with a backoff, and sync resumes when it returns.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <set>
#include <thread>

#include "http/curl_transport.h"
#include "session/sync_engine.h"
#include "support.h"
#include "sync_log.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::SyncLog;
using renkei::test::TempDir;
using State = session::SyncNotification::State;

TEST_CASE("the sync engine delivers a colleague's post on its worker thread, without user action") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir("nurse"), pharm_dir("pharm");
    Client nurse(nurse_dir.path()), pharmacist(pharm_dir.path());
    nurse.login("nurse.sato");
    pharmacist.login("pharm.suzuki");
    auto room = nurse->createRoom("服薬確認 様（テスト）", {hs.userId("pharm.suzuki")});
    REQUIRE(room.ok());
    // This room's invite, not any room: the account keeps rooms from earlier runs.
    REQUIRE(test::syncUntil(*pharmacist,
                            [&] { return test::membership(*pharmacist, *room) == "invite"; }));
    REQUIRE(pharmacist->joinRoom(*room).ok());

    SyncLog log;
    session::SyncEngine engine(*pharmacist, log.callback(), std::chrono::seconds(10));
    engine.start();
    REQUIRE(engine.running());
    const std::string post = "残薬：アムロジピン 5mg が 3 錠。飲み忘れは夕食後に集中しています。";
    REQUIRE(nurse->sendText(*room, post).ok());
    REQUIRE(log.waitFor([&](const auto&) {
        auto bodies = test::messageBodies(*pharmacist, *room);
        return !bodies.empty() && bodies.back() == post;
    }));

    engine.stop();
    CHECK_FALSE(engine.running());
    CHECK(log.waitForState(State::Stopped));
    // Every notification came from the one worker thread, not from the caller's.
    const std::set<std::thread::id> threads = log.threads();
    CHECK(threads.size() == 1);
    CHECK(threads.count(std::this_thread::get_id()) == 0);
}

TEST_CASE("the sync engine reports offline with a backoff while the server is down, then resumes") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("the homeserver is external: this test does not stop it");
    TempDir dir("nurse");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    REQUIRE(nurse->syncOnce(0).ok());

    SyncLog log;
    // A short retry schedule (the product's is 1 s to 60 s, unit-tested in session_backoff)
    // so the engine is back within a fraction of a second of the server.
    session::SyncEngine engine(*nurse, log.callback(), std::chrono::seconds(2),
                               session::Backoff(std::chrono::milliseconds(200), std::chrono::seconds(1)));
    REQUIRE(hs.stop());
    engine.start();
    REQUIRE(log.waitForState(State::Offline));
    for (const auto& n : log.notes()) {
        if (n.state != State::Offline) continue;
        REQUIRE(n.error.has_value());
        CHECK(n.error->kind == ErrorKind::Network);
        CHECK(n.retry_in >= std::chrono::milliseconds(100));  // jitter: half the step at least
        CHECK(n.retry_in <= std::chrono::seconds(1));
    }
    REQUIRE(hs.start());
    auto room = nurse->createRoom("再接続確認（テスト）", {});
    REQUIRE(room.ok());
    CHECK(log.waitFor([&](const auto& notes) {
        for (const auto& n : notes) {
            if (n.state == State::Synced && n.changes.rooms.count(*room) != 0) return true;
        }
        return false;
    }, std::chrono::seconds(90)));
    engine.stop();
}

TEST_CASE("a long-poll is cut off by its total timeout, and a cancelled request returns at once") {
    const auto& hs = Homeserver::get();
    http::CurlTransport transport;
    http::Request request;
    request.url = hs.base_url + "/_matrix/client/v3/sync?timeout=20000";
    // An incremental /sync with a token hangs until an event arrives: a real long-poll.
    matrix::LoginRequest credentials;
    credentials.user = "nurse.sato";
    credentials.password = hs.password("nurse.sato");
    auto login = matrix::MatrixClient(std::make_shared<http::CurlTransport>(), hs.base_url).login(credentials);
    REQUIRE(login.ok());
    request.headers.emplace_back("Authorization", "Bearer " + login->access_token);
    auto first = transport.perform(request, nullptr);  // initial sync answers at once
    if (!first) FAIL("initial sync: " << first.error().describe());
    const auto since = nlohmann::json::parse(first->body).at("next_batch").get<std::string>();
    request.url += "&since=" + matrix::urlEncode(since);
    request.total_timeout = std::chrono::milliseconds(500);

    const auto started = std::chrono::steady_clock::now();
    auto timed_out = transport.perform(request, nullptr);
    REQUIRE_FALSE(timed_out.ok());
    CHECK(timed_out.error().kind == ErrorKind::Timeout);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(15));  // long before the 20 s poll

    http::CancelToken cancel;
    cancel.cancel();
    request.total_timeout = std::chrono::seconds(60);
    auto cancelled = transport.perform(request, &cancel);
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
}
