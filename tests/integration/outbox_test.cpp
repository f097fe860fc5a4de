// Issue 4 fault tests against the real Synapse: the outbox sends every post exactly once and
// in order per room through a stopped server (1), a revoked session (4), rate limiting (5,
// 429s injected by the fault proxy, the pauses measured where it sees the requests) and a
// full disk (7); an image queued offline is uploaded after a restart; an echo of a
// post's transaction id in another room does not confirm it.
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <map>
#include <mutex>

#include "fault_proxy.h"
#include "http/curl_transport.h"
#include "outbox_support.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;
using Kind = session::SendNotification::Kind;
using namespace std::chrono_literals;

namespace {

const session::Backoff kQuickBackoff{std::chrono::milliseconds(100), std::chrono::seconds(2)};

std::string createRoom(Client& c, const std::string& name) {
    auto room = c->createRoom(name, {});
    if (!room) FAIL("createRoom: " << room.error().describe());
    return *room;
}

void queue(Client& c, const std::string& room, const std::string& body) {
    auto post = c->queueText(room, body);
    if (!post) FAIL("queueText: " << post.error().describe());
}

/// Restores the process's file-size limit when the test ends, whatever happens.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(getrlimit(RLIMIT_FSIZE, &saved_) == 0);
        // Ignored, a write past the limit fails with EFBIG instead of killing the process.
        old_handler_ = signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    }
    ~FileSizeLimit() { lift(); }
    void lift() {
        if (lifted_) return;
        lifted_ = true;
        setrlimit(RLIMIT_FSIZE, &saved_);
        signal(SIGXFSZ, old_handler_);
    }

private:
    rlimit saved_{};
    void (*old_handler_)(int) = nullptr;
    bool lifted_ = false;
};

/// The transport seam, recording the Authorization header the session sends (so that the
/// test can send as the same device). Kept in memory only, never printed.
class SameDevice final : public http::Transport {
public:
    Result<http::Response> perform(const http::Request& request,
                                   const http::CancelToken* cancel) override {
        for (const auto& [name, value] : request.headers) {
            if (name != "Authorization") continue;
            std::lock_guard lock(mutex_);
            authorization_ = value;
        }
        return curl_.perform(request, cancel);
    }
    /// PUT /rooms/{room}/send/m.room.message/{txn} as the session's device.
    Result<http::Response> sendAs(const std::string& base_url, const std::string& room,
                                  const std::string& txn, const std::string& body) {
        http::Request put;
        put.method = "PUT";
        put.url = base_url + "/_matrix/client/v3/rooms/" + matrix::urlEncode(room) +
                  "/send/m.room.message/" + matrix::urlEncode(txn);
        {
            std::lock_guard lock(mutex_);
            put.headers = {{"Authorization", authorization_}, {"Content-Type", "application/json"}};
        }
        put.body = nlohmann::json({{"msgtype", "m.text"}, {"body", body}}).dump();
        return curl_.perform(put, nullptr);
    }

private:
    http::CurlTransport curl_;
    std::mutex mutex_;
    std::string authorization_;
};

}  // namespace

TEST_CASE("outbox: an echo with a post's transaction id in another room does not confirm it") {
    const auto& hs = Homeserver::get();
    TempDir dir("outbox-echo");
    auto device = std::make_shared<SameDevice>();
    Client nurse(dir.path(), device);
    nurse.login("nurse.sato");
    const std::string room_a = createRoom(nurse, "伊藤 様（確認テスト）");
    const std::string room_b = createRoom(nurse, "別の部屋（確認テスト）");
    REQUIRE(nurse->syncOnce(0).ok());
    const std::string marker = uniqueMarker("echo");
    auto post = nurse->queueText(room_a, "服薬確認 " + marker);
    REQUIRE(post.ok());

    // The same device sends another text with that transaction id into room B: its sync echo
    // carries the txn id, in the wrong room.
    auto sent = device->sendAs(hs.base_url, room_b, post->txn_id, "別件 " + marker);
    REQUIRE(sent.ok());
    REQUIRE(sent->status == 200);
    REQUIRE(syncUntil(*nurse, [&] {
        const auto bodies = messageBodies(*nurse, room_b);
        return std::find(bodies.begin(), bodies.end(), "別件 " + marker) != bodies.end();
    }));
    auto still = nurse->outbox();
    REQUIRE(still.ok());
    REQUIRE(still->size() == 1);  // the post was never sent: it must not be taken as sent
    CHECK(still->front().txn_id == post->txn_id);
    CHECK(still->front().state == store::OutboxState::Queued);

    // It goes out, into its own room, and its own echo confirms it.
    auto out = nurse->sendNextQueued();
    REQUIRE(out.ok());
    REQUIRE(out->has_value());
    CHECK((*out)->state == store::OutboxState::Sent);
    REQUIRE(syncUntil(*nurse, [&] { return nurse->outbox().value().empty(); }));
    const auto in_a = serverBodies(room_a);
    CHECK(std::count(in_a.begin(), in_a.end(), "服薬確認 " + marker) == 1);
}

TEST_CASE("outbox 1: 50 posts queued in 3 rooms while Synapse is down arrive once, in order") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("the homeserver is external: this test does not stop it");
    TempDir dir("outbox-down");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    const std::string marker = uniqueMarker("down");
    std::vector<std::string> rooms;
    for (int r = 0; r < 3; ++r) rooms.push_back(createRoom(nurse, "停止試験 " + std::to_string(r)));

    REQUIRE(hs.stop());
    std::map<std::string, std::vector<std::string>> expected;
    for (int i = 0; i < 50; ++i) {
        const std::string& room = rooms[static_cast<std::size_t>(i % 3)];
        const std::string body = "巡回記録 " + marker + " #" + std::to_string(i);
        queue(nurse, room, body);
        expected[room].push_back(body);
    }
    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    sender.start();
    // Offline is found by failing requests: the queue keeps every post and retries.
    CHECK(log.waitFor([](const auto& notes) { return notes.size() >= 2; }, 30s));
    CHECK(log.waitingWith(ErrorKind::Network) >= 1);
    CHECK(log.count(Kind::Sent) == 0);
    CHECK(nurse->queuedCount().value() == 50);

    REQUIRE(hs.start());
    REQUIRE(log.waitForSent(50, 120s));
    sender.stop();
    CHECK(log.count(Kind::Failed) == 0);
    for (const auto& room : rooms) CHECK(serverBodies(room) == expected[room]);
    // The sync echoes confirm the posts: the outbox empties.
    CHECK(syncUntil(*nurse, [&] { return nurse->outbox().value().empty(); }));
}

TEST_CASE("outbox 4: a revoked session keeps drafts, outbox and cache; after re-login it flushes") {
    const auto& hs = Homeserver::get();
    const std::string name = registerFreshUser("nurse-revoked");
    TempDir dir("outbox-revoked");
    Client nurse(dir.path());
    nurse.login(name);
    const std::string room = createRoom(nurse, "失効試験");
    REQUIRE(syncUntil(*nurse, [&] { return !nurse->rooms().value().empty(); }));
    const std::string device = nurse->deviceId();
    const std::string marker = uniqueMarker("revoked");
    std::vector<std::string> expected;
    for (int i = 0; i < 3; ++i) {
        expected.push_back("服薬確認 " + marker + " #" + std::to_string(i));
        queue(nurse, room, expected.back());
    }
    const std::string draft = "退院前カンファレンスの日程（下書き）";  // typed after sending
    REQUIRE(nurse->saveDraft(room, draft).ok());

    // An administrator removes the device: access and refresh tokens stop working.
    adminRequest("DELETE", "/_synapse/admin/v2/users/" + nurse->userId() + "/devices/" + device);
    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForKind(Kind::NeedsLogin, 30s));
    CHECK(nurse->needsReauthentication());
    CHECK(nurse->draft(room).value() == draft);
    CHECK(nurse->queuedCount().value() == 3);
    CHECK(nurse->rooms().value().size() == 1);
    CHECK(log.count(Kind::Failed) == 0);

    REQUIRE(nurse->reauthenticate(hs.password(name)).ok());
    CHECK_FALSE(nurse->needsReauthentication());
    CHECK(nurse->deviceId() == device);
    sender.wake();
    REQUIRE(log.waitForSent(3, 60s));
    sender.stop();
    CHECK(serverBodies(room) == expected);
    CHECK(nurse->draft(room).value() == draft);
}

TEST_CASE("outbox 5: a rate-limited post waits at least Retry-After, even when woken") {
    const auto& hs = Homeserver::get();
    const auto [host, port] = hostPort(hs.base_url);
    FaultProxy proxy(host, port);
    TempDir dir("outbox-limited");
    Client nurse(dir.path(), std::make_shared<ViaProxy>(hs.base_url, proxy.baseUrl()));
    nurse.login("nurse.sato");
    const std::string room = createRoom(nurse, "制限試験");
    // The second PUT is refused with the header (spec v1.10+), the third with the older body
    // field only. Both ask for longer than the queue's own backoff (100–200 ms, 200–400 ms).
    const std::string limited = R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests")";
    proxy.addRule(onSend(1, FaultRule::Action::Answer, 429, limited + "}", {{"Retry-After", "1"}}));
    proxy.addRule(onSend(2, FaultRule::Action::Answer, 429, limited + R"(,"retry_after_ms":600})"));
    const std::vector<std::chrono::milliseconds> asked{1000ms, 600ms};

    const std::string marker = uniqueMarker("limited");
    std::vector<std::string> expected;
    for (int i = 0; i < 3; ++i) {
        expected.push_back("体温 36." + std::to_string(i) + " " + marker);
        queue(nurse, room, expected.back());
    }
    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    sender.start();
    // Meanwhile the queue is woken again and again (posts queued, syncs succeeding): the
    // server's pause must hold anyway.
    const auto until = std::chrono::steady_clock::now() + 30s;
    auto all_sent = [](const auto& notes) { return SendLog::countIn(notes, Kind::Sent) >= 3; };
    while (!log.waitFor(all_sent, 50ms) && std::chrono::steady_clock::now() < until) {
        sender.wake();
    }
    sender.stop();
    REQUIRE(log.count(Kind::Sent) == 3);
    CHECK(log.count(Kind::Failed) == 0);
    CHECK(serverBodies(room) == expected);

    // The pauses as the server saw them: from the 429 leaving to the next request arriving.
    const auto puts = proxy.requests("PUT", "/send/");
    REQUIRE(puts.size() == 5);
    int refused = 0;
    for (std::size_t i = 0; i + 1 < puts.size(); ++i) {
        if (puts[i].status != 429) continue;
        REQUIRE(puts[i].answered.has_value());
        const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(
            puts[i + 1].received - *puts[i].answered);
        INFO("pause after 429 #" << refused << ": " << gap.count() << " ms");
        CHECK(puts[i + 1].target == puts[i].target);  // the same post, the same txn id
        CHECK(gap >= asked.at(static_cast<std::size_t>(refused)));
        ++refused;
    }
    CHECK(refused == 2);
    CHECK(log.waitingWith(ErrorKind::RateLimited) == 2);
}

TEST_CASE("outbox 7: a full disk while sending keeps the post queued; nothing is lost or doubled") {
    TempDir dir("outbox-full");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    const std::string room = createRoom(nurse, "容量試験");
    const std::string marker = uniqueMarker("full");
    std::vector<std::string> expected;
    for (int i = 0; i < 4; ++i) {
        expected.push_back("創部処置 " + marker + " #" + std::to_string(i));
        queue(nurse, room, expected.back());
    }
    REQUIRE(nurse->saveDraft(room, "次回訪問で確認すること").ok());
    REQUIRE(nurse->checkpoint().ok());

    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    {
        FileSizeLimit full(1);  // every file write of this process now fails
        auto refused = nurse->queueText(room, "書けないはずの投稿");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Storage);
        CHECK_FALSE(refused.error().message.empty());

        sender.start();
        REQUIRE(log.waitFor([](const auto& notes) {
            for (const auto& n : notes) {
                if (n.kind == Kind::Waiting && n.error && n.error->kind == ErrorKind::Storage) return true;
            }
            return false;
        }, 30s));
        CHECK(log.count(Kind::Sent) == 0);
        CHECK(nurse->queuedCount().value() == 4);
        // A post whose sending cannot be recorded (not even as "in doubt") is not sent.
        CHECK(serverBodies(room).empty());
    }
    sender.wake();
    REQUIRE(log.waitForSent(4, 60s));
    sender.stop();
    CHECK(serverBodies(room) == expected);  // the retry reused the txn id: no double post
    CHECK(nurse->draft(room).value() == "次回訪問で確認すること");
}

TEST_CASE("outbox: an image queued offline survives a restart and is uploaded once online") {
    TempDir dir("outbox-image");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    const std::string room = createRoom(nurse, "画像試験");
    std::string png("\x89PNG\r\n\x1a\n", 8);
    png += std::string(4096, '\x42') + uniqueMarker("pixels");
    auto queued = nurse->queueImage(room, store::OutboxMedia{png, "image/png", "創部.png", 64, 48});
    REQUIRE(queued.ok());
    CHECK(queued->has_media);
    nurse.reopen();  // the app restarts before it was online

    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForSent(1, 60s));
    sender.stop();
    REQUIRE(syncUntil(*nurse, [&] { return nurse->outbox().value().empty(); }));
    auto events = nurse->timeline(room, 10, std::nullopt);
    REQUIRE(events.ok());
    const auto& last = events->back();
    CHECK(last.content.value("msgtype", "") == "m.image");
    CHECK(last.content.value("body", "") == "創部.png");
    CHECK(last.content["info"].value("w", 0) == 64);
    auto media = nurse->fetchMedia(last.content.value("url", ""));
    REQUIRE(media.ok());
    CHECK(media->bytes == png);
}
