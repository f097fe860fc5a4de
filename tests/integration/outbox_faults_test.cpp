// Outbox edge cases against the real Synapse, with the fault proxy answering or holding
// particular requests: 5xx answers retried with the same transaction id; a discard while the
// post is being sent, or after an answer was lost; an image post resumed between its upload
// and its send; an image missing from the vault; image bytes released from the vault.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <chrono>

#include "fault_proxy.h"
#include "outbox_support.h"
#include "store/vault.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;
using Kind = session::SendNotification::Kind;
using Action = FaultRule::Action;
using namespace std::chrono_literals;

namespace {

const session::Backoff kQuickBackoff{std::chrono::milliseconds(100), std::chrono::seconds(2)};

/// A fault proxy in front of the homeserver and a client whose every request goes through it.
struct Proxied {
    explicit Proxied(const std::string& tag, const std::string& user = "nurse.sato")
        : server(Homeserver::get().base_url),
          proxy(hostPort(server).first, hostPort(server).second),
          dir(tag),
          client(dir.path(), std::make_shared<ViaProxy>(server, proxy.baseUrl())) {
        client.login(user);
    }
    std::string createRoom(const std::string& name) {
        auto room = client->createRoom(name, {});
        if (!room) FAIL("createRoom: " << room.error().describe());
        return *room;
    }
    std::string server;
    FaultProxy proxy;
    TempDir dir;
    Client client;
};

std::string pngBytes(const std::string& marker) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    return png + std::string(4096, '\x42') + marker;
}

/// Rows of outbox_media in the closed client's vault, bytes or not.
std::int64_t mediaRows(Client& client) {
    client.close();
    auto vault = store::Vault::open(client.dir(), client.keys().vault);
    REQUIRE(vault.ok());
    auto count = vault->database().prepare("SELECT count(*) FROM outbox_media");
    REQUIRE(count.ok());
    REQUIRE(count->step().value());
    const std::int64_t rows = count->int64(0);
    return rows;
}

/// Waits until a request (method, a part of its target) has reached the proxy (held there by
/// a Hold rule, say).
bool arrived(const FaultProxy& proxy, const std::string& method = "PUT",
             const std::string& path_contains = "/send/") {
    return proxy.waitFor([&](const auto& seen) {
        auto match = [&](const SeenRequest& r) {
            return r.method == method && r.target.find(path_contains) != std::string::npos;
        };
        return std::any_of(seen.begin(), seen.end(), match);
    }, 30s);
}

/// Media the server holds for `user_id` (admin API "List media uploaded by a user").
int serverMediaCount(const std::string& user_id) {
    return adminGet("/_synapse/admin/v1/users/" + user_id + "/media").value("total", -1);
}

}  // namespace

TEST_CASE("outbox: 5xx answers are retried with the same transaction id; the post arrives once") {
    Proxied p("outbox-5xx");
    const std::string room = p.createRoom("障害試験 5xx");
    // Refused by an overloaded server before it did anything, then a gateway failing after
    // the server had stored the event: the retry must not post it a second time.
    p.proxy.addRule(
        onSend(0, Action::Answer, 503, R"({"errcode":"M_UNKNOWN","error":"overloaded"})"));
    p.proxy.addRule(onSend(1, Action::AnswerAfterCommit, 502, "<html>Bad Gateway</html>"));
    const std::string body = "褥瘡処置 " + uniqueMarker("5xx");
    auto queued = p.client->queueText(room, body);
    REQUIRE(queued.ok());

    SendLog log;
    session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForSent(1, 30s));
    sender.stop();

    std::vector<Error> waits;
    std::optional<store::OutboxPost> sent;
    for (const auto& note : log.notes()) {
        if (note.kind == Kind::Waiting && note.error) waits.push_back(*note.error);
        if (note.kind == Kind::Sent) sent = note.post;
    }
    CHECK(log.count(Kind::Failed) == 0);
    REQUIRE(waits.size() == 2);
    CHECK(waits[0].kind == ErrorKind::Matrix);
    CHECK(waits[0].http_status == 503);
    CHECK(waits[1].kind == ErrorKind::Http);
    CHECK(waits[1].http_status == 502);

    const auto puts = p.proxy.requests("PUT", "/send/");
    REQUIRE(puts.size() == 3);
    CHECK(puts[0].target.ends_with("/" + queued->txn_id));
    CHECK(puts[1].target == puts[0].target);
    CHECK(puts[2].target == puts[0].target);
    CHECK_FALSE(puts[0].forwarded);
    CHECK(puts[1].forwarded);
    CHECK(puts[2].status == 200);
    const auto on_server = serverMessages(room);
    REQUIRE(on_server.size() == 1);
    CHECK(on_server[0]["content"].value("body", "") == body);
    REQUIRE(sent.has_value());
    CHECK(sent->event_id == on_server[0].value("event_id", ""));
}

TEST_CASE("outbox: a post being sent is not discarded; one not yet sent is, and never arrives") {
    Proxied p("outbox-discard");
    const std::string room = p.createRoom("破棄試験");
    p.proxy.addRule(onSend(0, Action::Hold));
    const std::string marker = uniqueMarker("discard");
    const std::string first = "送信中の投稿 " + marker, second = "破棄する投稿 " + marker,
                      third = "後の投稿 " + marker;
    auto a = p.client->queueText(room, first);
    auto b = p.client->queueText(room, second);
    auto c = p.client->queueText(room, third);
    REQUIRE((a.ok() && b.ok() && c.ok()));

    SendLog log;
    session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
    sender.start();
    // The first PUT is on the wire, held before the server sees it.
    REQUIRE(arrived(p.proxy));
    CHECK(serverBodies(room).empty());

    auto refused = p.client->discardPost(a->txn_id);
    REQUIRE(refused.ok());
    CHECK_FALSE(*refused);  // the server may have it any moment: the user is not told "gone"
    auto taken = p.client->discardPost(b->txn_id);
    REQUIRE(taken.ok());
    CHECK(*taken);
    p.proxy.release();
    REQUIRE(log.waitForSent(2, 30s));
    sender.stop();

    CHECK(serverBodies(room) == std::vector<std::string>{first, third});
    // What the client shows matches: the first post is sent (with the server's event id),
    // the discarded one is gone and was never requested.
    auto posts = p.client->outbox(room);
    REQUIRE(posts.ok());
    REQUIRE(posts->size() == 2);
    CHECK(posts->at(0).txn_id == a->txn_id);
    CHECK(posts->at(0).state == store::OutboxState::Sent);
    CHECK(posts->at(0).event_id == serverMessages(room).at(0).value("event_id", ""));
    CHECK(p.proxy.requests("PUT", b->txn_id).empty());
    CHECK_FALSE(p.client->discardPost(a->txn_id).value());  // sent: the server has it
}

TEST_CASE("outbox: an image post is not discarded while its image uploads; it arrives once") {
    Proxied p("outbox-discard-upload");
    const std::string room = p.createRoom("破棄試験（画像送信中）");
    FaultRule hold;
    hold.method = "POST";
    hold.path_contains = "/upload";
    hold.action = Action::Hold;
    p.proxy.addRule(hold);
    auto image = p.client->queueImage(room, store::OutboxMedia{pngBytes(uniqueMarker("uploading")),
                                                               "image/png", "創部.png", 64, 48});
    REQUIRE(image.ok());

    SendLog log;
    session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(arrived(p.proxy, "POST", "/upload"));  // the upload is on the wire; no PUT yet
    auto refused = p.client->discardPost(image->txn_id);
    REQUIRE(refused.ok());
    CHECK_FALSE(*refused);  // once uploaded it goes out at once: "discarded" would be untrue
    p.proxy.release();
    REQUIRE(log.waitForSent(1, 30s));
    sender.stop();

    const auto on_server = serverMessages(room);
    REQUIRE(on_server.size() == 1);
    CHECK(on_server[0]["content"].value("msgtype", "") == "m.image");
    auto posts = p.client->outbox(room);
    REQUIRE(posts.ok());
    REQUIRE(posts->size() == 1);
    CHECK(posts->front().state == store::OutboxState::Sent);
    CHECK(posts->front().event_id == on_server[0].value("event_id", ""));
}

TEST_CASE("outbox: after an answer was lost the post is not discarded; after a 4xx answer it is") {
    Proxied p("outbox-doubt");
    const std::string room = p.createRoom("破棄試験（応答喪失）");
    // The server stores the first post, its answer is lost (PUT 0); the retry goes through
    // (PUT 1); the second post is refused outright (PUT 2).
    p.proxy.addRule(onSend(0, Action::AnswerAfterCommit, 504, ""));
    p.proxy.addRule(
        onSend(2, Action::Answer, 429, R"({"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":100})"));
    const std::string marker = uniqueMarker("doubt");
    auto a = p.client->queueText(room, "応答が失われた投稿 " + marker);
    auto b = p.client->queueText(room, "拒否された投稿 " + marker);
    REQUIRE((a.ok() && b.ok()));

    auto lost = p.client->sendNextQueued();
    REQUIRE_FALSE(lost.ok());
    CHECK(lost.error().http_status == 504);
    CHECK(serverBodies(room) == std::vector<std::string>{"応答が失われた投稿 " + marker});
    auto doubtful = p.client->discardPost(a->txn_id);
    REQUIRE(doubtful.ok());
    CHECK_FALSE(*doubtful);  // it is on the server: "discarded" would be untrue
    p.client.reopen();
    auto after_restart = p.client->discardPost(a->txn_id);
    REQUIRE(after_restart.ok());
    CHECK_FALSE(*after_restart);  // the doubt is kept in the vault, not in memory

    // The retry (same txn id) settles it: sent, with the event the server already had.
    auto settled = p.client->sendNextQueued();
    REQUIRE(settled.ok());
    REQUIRE(settled->has_value());
    CHECK((*settled)->txn_id == a->txn_id);
    CHECK((*settled)->state == store::OutboxState::Sent);
    CHECK((*settled)->event_id == serverMessages(room).at(0).value("event_id", ""));

    auto refused = p.client->sendNextQueued();  // 429: the server did not take it
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::RateLimited);
    auto discarded = p.client->discardPost(b->txn_id);
    REQUIRE(discarded.ok());
    CHECK(*discarded);
    CHECK(serverBodies(room).size() == 1);
    CHECK_FALSE(p.client->sendNextQueued().value().has_value());  // nothing left to send
}

TEST_CASE("outbox: an image post resumed after its upload is sent with its URI, uploaded once") {
    const std::string user = registerFreshUser("nurse-image");
    Proxied p("outbox-resume", user);
    const std::string room = p.createRoom("画像再開試験");
    const std::string user_id = p.client->userId();
    p.proxy.addRule(onSend(0, Action::Hold));  // the app quits while the PUT is on the wire
    const std::string png = pngBytes(uniqueMarker("resume"));
    auto queued =
        p.client->queueImage(room, store::OutboxMedia{png, "image/png", "創部.png", 64, 48});
    REQUIRE(queued.ok());
    {
        SendLog log;
        session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
        sender.start();
        REQUIRE(arrived(p.proxy));
        sender.stop();  // cancels the held PUT: the server never sees it
    }
    p.client.reopen();
    auto kept = p.client->outbox(room);
    REQUIRE(kept.ok());
    REQUIRE(kept->size() == 1);
    REQUIRE(kept->front().content_uri.has_value());
    const std::string mxc = *kept->front().content_uri;
    CHECK(kept->front().state == store::OutboxState::Queued);
    CHECK(serverMediaCount(user_id) == 1);
    CHECK(serverMessages(room).empty());

    SendLog log;
    session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForSent(1, 30s));
    sender.stop();
    CHECK(p.proxy.requests("POST", "/upload").size() == 1);
    CHECK(serverMediaCount(user_id) == 1);
    const auto on_server = serverMessages(room);
    REQUIRE(on_server.size() == 1);
    CHECK(on_server[0]["content"].value("msgtype", "") == "m.image");
    CHECK(on_server[0]["content"].value("url", "") == mxc);
    auto fetched = p.client->fetchMedia(mxc);
    REQUIRE(fetched.ok());
    CHECK(fetched->bytes == png);

    // Confirmed by sync: the post and its image leave the vault.
    REQUIRE(syncUntil(*p.client, [&] { return p.client->outbox().value().empty(); }));
    CHECK(mediaRows(p.client) == 0);
}

TEST_CASE("outbox: an image missing from the vault fails with a clear reason; the queue moves on") {
    Proxied p("outbox-missing");
    const std::string room = p.createRoom("画像欠損試験");
    auto image = p.client->queueImage(room, store::OutboxMedia{pngBytes("missing"), "image/png",
                                                               "創部.png", 64, 48});
    const std::string text = "画像の後の投稿 " + uniqueMarker("missing");
    auto after = p.client->queueText(room, text);
    REQUIRE((image.ok() && after.ok()));
    p.client.close();
    {
        // The bytes are lost (a damaged page dropped, an older build's bug).
        auto vault = store::Vault::open(p.client.dir(), p.client.keys().vault);
        REQUIRE(vault.ok());
        REQUIRE(vault->database().exec("UPDATE outbox_media SET bytes = NULL").ok());
    }
    p.client.reopen();

    SendLog log;
    session::SendQueue sender(*p.client, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForSent(1, 30s));
    sender.stop();
    std::optional<store::OutboxPost> failed;
    for (const auto& note : log.notes()) {
        if (note.kind == Kind::Failed) failed = note.post;
    }
    REQUIRE(failed.has_value());
    CHECK(failed->txn_id == image->txn_id);
    REQUIRE(failed->last_error.has_value());
    CHECK(failed->last_error->kind == ErrorKind::InvalidArgument);
    CHECK(failed->last_error->message == "the attached image is missing");
    auto stored = p.client->outbox(room);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK(stored->front().state == store::OutboxState::Failed);
    CHECK(stored->front().last_error->message == "the attached image is missing");
    CHECK(p.proxy.requests("POST", "/upload").empty());
    CHECK(p.proxy.requests("PUT", image->txn_id).empty());
    CHECK(serverBodies(room) == std::vector<std::string>{text});
}

TEST_CASE("outbox: a discarded image post leaves no image bytes in the vault") {
    TempDir dir("outbox-discard-image");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    auto room = nurse->createRoom("画像破棄試験", {});
    REQUIRE(room.ok());
    auto image = nurse->queueImage(*room, store::OutboxMedia{pngBytes("discarded"), "image/png",
                                                             "創部.png", 64, 48});
    REQUIRE(image.ok());
    auto discarded = nurse->discardPost(image->txn_id);
    REQUIRE(discarded.ok());
    CHECK(*discarded);
    CHECK(mediaRows(nurse) == 0);
}
