// Outbox and drafts in the vault: queue order, the draft moved in one transaction, the
// lifecycle Queued → Sent → confirmed, failures, and nothing readable in the file.
#include <catch2/catch_test_macros.hpp>

#include "store/outbox.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

const nlohmann::json kText = {{"msgtype", "m.text"}, {"body", "訪問時 血圧 132/84、浮腫なし"}};

}  // namespace

TEST_CASE("outbox: sending a draft moves it into the queue in one transaction", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(3));
    REQUIRE(vault.ok());
    Drafts drafts(vault->database());
    Outbox outbox(vault->database());
    REQUIRE(drafts.save("!a:x", "訪問時 血圧 132/84", 1).ok());
    REQUIRE(drafts.save("!b:x", "別の部屋の下書き", 1).ok());

    auto post = outbox.enqueue("!a:x", "m.room.message", kText, "txn1", 10, nullptr, true);
    REQUIRE(post.ok());
    CHECK(post->state == OutboxState::Queued);
    CHECK(post->txn_id == "txn1");
    CHECK(post->content == kText);
    CHECK_FALSE(drafts.load("!a:x")->has_value());
    CHECK(drafts.load("!b:x")->value() == "別の部屋の下書き");

    SECTION("a failed insert keeps the draft") {
        REQUIRE(drafts.save("!a:x", "新しい下書き", 2).ok());
        // The same transaction id again violates UNIQUE: the whole step is rolled back.
        auto dup = outbox.enqueue("!a:x", "m.room.message", kText, "txn1", 11, nullptr, true);
        REQUIRE_FALSE(dup.ok());
        CHECK(dup.error().kind == ErrorKind::Storage);
        CHECK(drafts.load("!a:x")->value() == "新しい下書き");
        CHECK(outbox.posts()->size() == 1);
    }
}

TEST_CASE("outbox: posts leave in queue order and keep their transaction id", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(4));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    for (int i = 0; i < 5; ++i) {
        const std::string room = i % 2 == 0 ? "!a:x" : "!b:x";
        REQUIRE(outbox.enqueue(room, "m.room.message", kText, "t" + std::to_string(i), i, nullptr, false).ok());
    }
    CHECK(outbox.queuedCount().value() == 5);
    CHECK(outbox.posts("!b:x")->size() == 2);

    auto next = outbox.nextQueued();
    REQUIRE(next.ok());
    REQUIRE(next->has_value());
    CHECK((*next)->txn_id == "t0");
    const Error refused = makeError(ErrorKind::Network, "connection refused");
    REQUIRE(outbox.recordAttempt((*next)->seq, refused, false).ok());
    auto again = outbox.nextQueued();
    CHECK((*again)->txn_id == "t0");  // a transient error keeps the head of the queue
    CHECK((*again)->attempts == 1);
    REQUIRE((*again)->last_error.has_value());
    CHECK((*again)->last_error->kind == ErrorKind::Network);

    REQUIRE(outbox.markSent((*next)->seq, "$e0", 100).ok());
    CHECK(outbox.nextQueued().value()->txn_id == "t1");
    auto sent = outbox.post("t0");
    REQUIRE(sent->has_value());
    CHECK((*sent)->state == OutboxState::Sent);
    CHECK((*sent)->event_id == "$e0");
    CHECK(outbox.queuedCount().value() == 4);
}

TEST_CASE("outbox: failed posts can be retried or discarded", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(5));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    auto a = outbox.enqueue("!a:x", "m.room.message", kText, "ta", 1, nullptr, false);
    auto b = outbox.enqueue("!a:x", "m.room.message", kText, "tb", 2, nullptr, false);
    REQUIRE((a.ok() && b.ok()));
    REQUIRE(outbox.markFailed(a->seq, forbidden()).ok());

    auto failed = outbox.post("ta").value();
    REQUIRE(failed.has_value());
    CHECK(failed->state == OutboxState::Failed);
    CHECK(failed->last_error->errcode == "M_FORBIDDEN");
    CHECK(failed->last_error->http_status == 403);
    CHECK(outbox.nextQueued().value()->txn_id == "tb");  // the queue moves on

    CHECK(outbox.requeue("ta").value());
    CHECK_FALSE(outbox.requeue("ta").value());  // only a failed post
    CHECK(outbox.nextQueued().value()->txn_id == "ta");  // back in its old place

    REQUIRE(outbox.markSent(a->seq, "$ea", 5).ok());
    CHECK_FALSE(outbox.discard("ta").value());  // sent: the server has it
    CHECK(outbox.discard("tb").value());
    CHECK(outbox.posts()->size() == 1);
}

TEST_CASE("outbox: sync echoes confirm posts by transaction id or event id", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(6));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    std::vector<std::int64_t> seqs;
    for (const char* txn : {"t1", "t2", "t3", "t4"}) {
        auto p = outbox.enqueue("!a:x", "m.room.message", kText, txn, 1, nullptr, false);
        REQUIRE(p.ok());
        seqs.push_back(p->seq);
    }
    REQUIRE(outbox.markSent(seqs[1], "$e2", 1000).ok());
    REQUIRE(outbox.markSent(seqs[2], "$e3", 5000).ok());

    // t1's echo came before its /send answer (still queued); t2's event arrived without a
    // transaction id; t3 was sent after this sync started, so it stays.
    auto removed = outbox.confirm({{"!a:x", "m.room.message", "$e1", "t1"},
                                   {"!a:x", "m.room.message", "$e2", std::nullopt}},
                                  2000);
    REQUIRE(removed.ok());
    CHECK(*removed == std::vector<std::string>{"t1", "t2"});
    CHECK(outbox.posts()->size() == 2);

    // A later sync that started after t3 was sent confirms it even if its event was in a gap.
    CHECK(outbox.confirm({}, 6000).value() == std::vector<std::string>{"t3"});
    // markSent after the echo already removed the post is not an error.
    CHECK(outbox.markSent(seqs[0], "$e1", 7000).ok());
    CHECK(outbox.posts()->size() == 1);
}

TEST_CASE("outbox: an echo confirms only the post of its room, type and event id",
          "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(8));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    auto queued = outbox.enqueue("!a:x", "m.room.message", kText, "t1", 1, nullptr, false);
    auto sent = outbox.enqueue("!a:x", "m.room.message", kText, "t2", 1, nullptr, false);
    auto failed = outbox.enqueue("!a:x", "m.room.message", kText, "t3", 1, nullptr, false);
    REQUIRE((queued.ok() && sent.ok() && failed.ok()));
    REQUIRE(outbox.markSent(sent->seq, "$e2", 1000).ok());
    REQUIRE(outbox.markFailed(failed->seq, forbidden()).ok());

    // Events of ours with the right transaction ids or event id, but not of these posts.
    const std::vector<OutboxEcho> wrong = {
        {"!b:x", "m.room.message", "$x1", "t1"},      // another room
        {"!a:x", "m.reaction", "$x2", "t1"},          // another event type
        {"!a:x", "m.room.message", "$x3", "t2"},      // not the event /send returned
        {"!b:x", "m.room.message", "$e2", std::nullopt},  // that event id in another room
        {"!a:x", "m.room.message", "$x4", "t3"},      // a failed post: the user decides
    };
    auto none = outbox.confirm(wrong, std::nullopt);
    REQUIRE(none.ok());
    CHECK(none->empty());
    CHECK(outbox.posts()->size() == 3);
    CHECK(outbox.nextQueued().value()->txn_id == "t1");  // still to be sent

    auto right = outbox.confirm({{"!a:x", "m.room.message", "$e1", "t1"},
                                 {"!a:x", "m.room.message", "$e2", "t2"}},
                                std::nullopt);
    REQUIRE(right.ok());
    CHECK(*right == std::vector<std::string>{"t1", "t2"});
    CHECK(outbox.posts()->size() == 1);
}

TEST_CASE("outbox: reactions and deletions are confirmed by echoes of their own type", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(8));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    const nlohmann::json reaction = {
        {"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$p"}, {"key", "確認しました"}}}};
    auto ack = outbox.enqueue("!a:x", "m.reaction", reaction, "t-ack", 1, nullptr, false);
    auto gone = outbox.enqueue("!a:x", "m.room.redaction", {{"redacts", "$q"}}, "t-del", 1, nullptr, false);
    REQUIRE((ack.ok() && gone.ok()));
    REQUIRE(outbox.markSent(gone->seq, "$r", 1000).ok());
    // A message echo with their transaction ids confirms neither.
    CHECK(outbox.confirm({{"!a:x", "m.room.message", "$x", "t-ack"}}, std::nullopt)->empty());
    auto right = outbox.confirm({{"!a:x", "m.reaction", "$a", "t-ack"}, {"!a:x", "m.room.redaction", "$r", "t-del"}},
                                std::nullopt);
    REQUIRE(right.ok());
    CHECK(*right == std::vector<std::string>{"t-ack", "t-del"});
    CHECK(outbox.posts()->empty());
}

TEST_CASE("outbox: one cached statement per query, not one per queued post", "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(9));
    REQUIRE(vault.ok());
    Database& db = vault->database();
    Outbox outbox(db);
    // Every call a post goes through, for `count` posts.
    auto lifecycle = [&](int first, int count) {
        for (int i = first; i < first + count; ++i) {
            const std::string txn = "txn-" + std::to_string(i);
            auto p = outbox.enqueue("!a:x", "m.room.message", kText, txn, i, nullptr, true);
            REQUIRE(p.ok());
            REQUIRE(outbox.post(txn).ok());
            REQUIRE(outbox.nextQueued().ok());
            REQUIRE(outbox.markInDoubt(p->seq).ok());
            REQUIRE(outbox.recordAttempt(p->seq, forbidden(), false).ok());
            REQUIRE(outbox.markSent(p->seq, "$e-" + std::to_string(i), i).ok());
            REQUIRE(outbox.confirm({{"!a:x", "m.room.message", "$e-" + std::to_string(i), txn}},
                                   std::nullopt).ok());
        }
    };
    lifecycle(0, 1);
    const std::size_t after_one = db.cachedStatementCount();
    lifecycle(1, 300);
    CHECK(db.cachedStatementCount() == after_one);
    CHECK(outbox.posts()->empty());
}

TEST_CASE("outbox: an attached image is kept encrypted until it is sent", "[store][outbox]") {
    TempDir dir;
    const std::string marker = "PNG-FAKE-WOUND-PHOTO-BYTES-7f3a";
    std::int64_t seq = 0;
    {
        auto vault = Vault::open(dir.path(), keyOf(7));
        REQUIRE(vault.ok());
        Outbox outbox(vault->database());
        OutboxMedia media{std::string(50'000, 'x') + marker, "image/png", "wound.png", 640, 480};
        const nlohmann::json content = {{"msgtype", "m.image"}, {"body", "wound.png"}};
        auto p = outbox.enqueue("!a:x", "m.room.message", content, "ti", 1, &media, false);
        REQUIRE(p.ok());
        CHECK(p->has_media);
        CHECK_FALSE(p->content_uri.has_value());
        seq = p->seq;
        REQUIRE(vault->checkpoint().ok());
    }
    CHECK(readFile(dir / "vault.db").find(marker) == std::string::npos);

    auto vault = Vault::open(dir.path(), keyOf(7));  // after a restart
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    auto media = outbox.media(seq);
    REQUIRE(media.ok());
    REQUIRE(media->has_value());
    CHECK((*media)->bytes.size() == 50'000 + marker.size());
    CHECK((*media)->filename == "wound.png");
    CHECK((*media)->width == 640);

    REQUIRE(outbox.setContentUri(seq, "mxc://x/abc").ok());
    auto post = outbox.post("ti").value();
    CHECK(post->content_uri == "mxc://x/abc");
    CHECK(post->content.at("url") == "mxc://x/abc");
    REQUIRE(outbox.markSent(seq, "$img", 2).ok());
    CHECK_FALSE(outbox.media(seq).value().has_value());  // bytes released once sent
    CHECK(outbox.post("ti").value()->has_media);
}

namespace {

/// Rows of outbox_media, with bytes or without.
std::int64_t mediaRows(Database& db) {
    auto stmt = db.prepare("SELECT count(*) FROM outbox_media");
    REQUIRE(stmt.ok());
    REQUIRE(stmt->step().value());
    return stmt->int64(0);
}

}  // namespace

TEST_CASE("outbox: image bytes leave the vault once the post is confirmed, discarded or cleared",
          "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(10));
    REQUIRE(vault.ok());
    Database& db = vault->database();
    Outbox outbox(db);
    const OutboxMedia media{std::string(20'000, 'x'), "image/png", "wound.png", 640, 480};
    const nlohmann::json content = {{"msgtype", "m.image"}, {"body", "wound.png"}};
    auto image = [&](const char* txn) {
        return outbox.enqueue("!a:x", "m.room.message", content, txn, 1, &media, false);
    };
    auto sent = image("t-sent"), discarded = image("t-discarded"), failed = image("t-failed"),
         cleared = image("t-cleared");
    REQUIRE((sent.ok() && discarded.ok() && failed.ok() && cleared.ok()));
    REQUIRE(mediaRows(db) == 4);

    REQUIRE(outbox.setContentUri(sent->seq, "mxc://x/sent").ok());
    REQUIRE(outbox.markSent(sent->seq, "$sent", 2).ok());
    CHECK_FALSE(outbox.media(sent->seq).value().has_value());  // the bytes at once
    REQUIRE(outbox.confirm({{"!a:x", "m.room.message", "$sent", "t-sent"}}, std::nullopt).ok());
    CHECK(mediaRows(db) == 3);  // and the row with the post

    REQUIRE(outbox.discard("t-discarded").value());
    CHECK(mediaRows(db) == 2);
    REQUIRE(outbox.markFailed(failed->seq, forbidden()).ok());
    REQUIRE(outbox.discard("t-failed").value());
    CHECK(mediaRows(db) == 1);
    REQUIRE(outbox.clear().ok());
    CHECK(mediaRows(db) == 0);
}

TEST_CASE("outbox: a post in doubt after a PUT is not discarded until an answer settles it",
          "[store][outbox]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(11));
    REQUIRE(vault.ok());
    Outbox outbox(vault->database());
    auto p = outbox.enqueue("!a:x", "m.room.message", kText, "t1", 1, nullptr, false);
    REQUIRE(p.ok());
    CHECK_FALSE(p->in_doubt);

    REQUIRE(outbox.markInDoubt(p->seq).ok());  // a PUT is leaving
    CHECK(outbox.post("t1").value()->in_doubt);
    CHECK_FALSE(outbox.discard("t1").value());
    Error timeout = makeError(ErrorKind::Timeout, "timed out");
    REQUIRE(outbox.recordAttempt(p->seq, timeout, true).ok());  // its answer never came
    CHECK(outbox.post("t1").value()->in_doubt);
    CHECK_FALSE(outbox.discard("t1").value());
    REQUIRE(outbox.post("t1").value().has_value());

    REQUIRE(outbox.markInDoubt(p->seq).ok());
    REQUIRE(outbox.markFailed(p->seq, forbidden()).ok());  // the server said no: not there
    CHECK_FALSE(outbox.post("t1").value()->in_doubt);
    CHECK(outbox.discard("t1").value());

    auto q = outbox.enqueue("!a:x", "m.room.message", kText, "t2", 1, nullptr, false);
    REQUIRE(q.ok());
    REQUIRE(outbox.markInDoubt(q->seq).ok());
    Error limited = makeError(ErrorKind::RateLimited, "slow down");
    limited.http_status = 429;
    REQUIRE(outbox.recordAttempt(q->seq, limited, false).ok());  // refused before it was taken
    CHECK_FALSE(outbox.post("t2").value()->in_doubt);
    CHECK(outbox.discard("t2").value());
}

TEST_CASE("outbox: a vault of the previous schema gains the in-doubt mark, posts kept",
          "[store][outbox]") {
    TempDir dir;
    {
        auto db = Database::open(dir / "vault.db", keyOf(12));
        REQUIRE(db.ok());
        std::vector<Migration> before;  // up to version 2: the outbox without in_doubt
        for (const auto& m : vaultMigrations()) {
            if (m.version <= 2) before.push_back(m);
        }
        REQUIRE(db->migrate(before).ok());
        REQUIRE(db->exec("INSERT INTO outbox (txn_id, room_id, event_type, content, created_ms) "
                         "VALUES ('old', '!a:x', 'm.room.message', '{\"body\":\"x\"}', 1)").ok());
    }
    auto vault = Vault::open(dir.path(), keyOf(12));
    REQUIRE(vault.ok());
    CHECK(vault->database().userVersion().value() == vaultMigrations().back().version);
    auto post = Outbox(vault->database()).post("old");
    REQUIRE(post.ok());
    REQUIRE(post->has_value());
    CHECK_FALSE((*post)->in_doubt);
    CHECK((*post)->state == OutboxState::Queued);
}

TEST_CASE("drafts: saved per room, replaced, and removed when emptied", "[store][outbox]") {
    TempDir dir;
    {
        auto vault = Vault::open(dir.path(), keyOf(8));
        REQUIRE(vault.ok());
        Drafts drafts(vault->database());
        REQUIRE(drafts.save("!a:x", "褥瘡", 1).ok());
        REQUIRE(drafts.save("!a:x", "褥瘡 仙骨部 2cm", 2).ok());
        REQUIRE(drafts.save("!b:x", "x", 2).ok());
        REQUIRE(drafts.save("!b:x", "", 3).ok());
        REQUIRE(vault->checkpoint().ok());
    }
    CHECK(readFile(dir / "vault.db").find("仙骨部") == std::string::npos);
    auto vault = Vault::open(dir.path(), keyOf(8));
    REQUIRE(vault.ok());
    Drafts drafts(vault->database());
    CHECK(drafts.load("!a:x").value() == "褥瘡 仙骨部 2cm");
    CHECK_FALSE(drafts.load("!b:x").value().has_value());
    CHECK(drafts.rooms().value() == std::vector<std::string>{"!a:x"});
}
