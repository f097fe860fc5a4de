// Patient rooms queued to be opened, in the vault: kept across a restart with the consent
// scan encrypted, the scan's URI saved once (bytes released), failures and retries, and the
// room's first post queued in the same transaction that removes the row.
#include <catch2/catch_test_macros.hpp>

#include "store/outbox.h"
#include "store/pending_rooms.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

const nlohmann::json kPlan = {{"creation_id", "c1"}, {"patient", {{"name", "架空 花子"}}}};

}  // namespace

TEST_CASE("pending rooms: the plan and the consent scan survive a restart, encrypted", "[store][pending_rooms]") {
    TempDir dir;
    const std::string marker = "SIGNED-CONSENT-FORM-BYTES-91c2";
    {
        auto vault = Vault::open(dir.path(), keyOf(21));
        REQUIRE(vault.ok());
        OutboxMedia scan{std::string(20'000, 'y') + marker, "image/png", "同意書.png", 800, 1131};
        auto added = PendingRooms(vault->database()).add("c1", kPlan, &scan, 100);
        REQUIRE(added.ok());
        CHECK(added->state == PendingRoomState::Queued);
        CHECK(added->has_scan);
        CHECK(added->scan_size == static_cast<std::int64_t>(scan.bytes.size()));
        REQUIRE(vault->checkpoint().ok());
    }
    const std::string file = readFile(dir / "vault.db");
    CHECK(file.find(marker) == std::string::npos);
    CHECK(file.find("架空") == std::string::npos);

    auto vault = Vault::open(dir.path(), keyOf(21));
    REQUIRE(vault.ok());
    PendingRooms pending(vault->database());
    auto next = pending.nextQueued();
    REQUIRE((next.ok() && next->has_value()));
    CHECK((*next)->creation_id == "c1");
    CHECK((*next)->plan == kPlan);
    CHECK((*next)->scan_filename == "同意書.png");
    CHECK((*next)->scan_width == 800);
    CHECK((*next)->queued_ms == 100);
    auto scan = pending.scan("c1");
    REQUIRE((scan.ok() && scan->has_value()));
    CHECK((*scan)->bytes.ends_with(marker));
    CHECK((*scan)->content_type == "image/png");

    // Uploaded once: the URI is kept and the bytes released, so a retry never uploads again.
    REQUIRE(pending.setScanUri("c1", "mxc://localhost/abc").ok());
    CHECK_FALSE(pending.scan("c1")->has_value());
    auto after = pending.find("c1");
    REQUIRE((after.ok() && after->has_value()));
    CHECK((*after)->scan_mxc == std::optional<std::string>("mxc://localhost/abc"));
    CHECK((*after)->has_scan);

    SECTION("the same creation id twice is refused, the first kept") {
        auto dup = pending.add("c1", kPlan, nullptr, 200);
        REQUIRE_FALSE(dup.ok());
        CHECK(dup.error().kind == ErrorKind::Storage);
        CHECK(pending.list()->size() == 1);
    }
    SECTION("a scan without bytes, or no plan, is refused") {
        OutboxMedia empty{"", "image/png", "x.png", 1, 1};
        CHECK(pending.add("c2", kPlan, &empty, 1).error().kind == ErrorKind::InvalidArgument);
        CHECK(pending.add("c3", nlohmann::json::array(), nullptr, 1).error().kind == ErrorKind::InvalidArgument);
        CHECK(pending.list()->size() == 1);
    }
}

TEST_CASE("pending rooms: transient errors keep it queued, refusals fail it until retried", "[store][pending_rooms]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(22));
    REQUIRE(vault.ok());
    PendingRooms pending(vault->database());
    REQUIRE(pending.add("old", kPlan, nullptr, 1).ok());
    REQUIRE(pending.add("new", kPlan, nullptr, 2).ok());

    REQUIRE(pending.recordAttempt("old", makeError(ErrorKind::Network, "connection refused")).ok());
    auto next = pending.nextQueued();
    REQUIRE((next.ok() && next->has_value()));
    CHECK((*next)->creation_id == "old");  // oldest first, still queued
    CHECK((*next)->attempts == 1);
    REQUIRE((*next)->last_error.has_value());
    CHECK((*next)->last_error->kind == ErrorKind::Network);

    REQUIRE(pending.markFailed("old", forbidden()).ok());
    next = pending.nextQueued();
    REQUIRE((next.ok() && next->has_value()));
    CHECK((*next)->creation_id == "new");  // a failed one waits for the user
    auto failed = pending.find("old");
    REQUIRE((failed.ok() && failed->has_value()));
    CHECK((*failed)->state == PendingRoomState::Failed);
    CHECK((*failed)->attempts == 2);
    CHECK((*failed)->last_error->errcode == "M_FORBIDDEN");
    CHECK((*failed)->last_error->http_status == 403);
    CHECK((*failed)->last_error->kind == ErrorKind::Matrix);

    CHECK(pending.requeue("old").value());
    CHECK_FALSE(pending.requeue("old").value());  // queued already
    CHECK(pending.nextQueued().value()->creation_id == "old");
    CHECK(pending.discard("old").value());
    CHECK_FALSE(pending.discard("old").value());
    CHECK(pending.list()->size() == 1);
    REQUIRE(pending.clear());  // a confirmed sign-out: no patient stays behind
    CHECK(pending.list()->empty());
}

TEST_CASE("pending rooms: opening it queues the scan's post and removes the row in one transaction",
          "[store][pending_rooms]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(23));
    REQUIRE(vault.ok());
    PendingRooms pending(vault->database());
    Outbox outbox(vault->database());
    REQUIRE(pending.add("c1", kPlan, nullptr, 1).ok());
    const nlohmann::json post = {{"msgtype", "m.image"}, {"body", "同意書の写し（同意書.png）"},
                                 {"url", "mxc://localhost/abc"}};

    SECTION("done") {
        REQUIRE(pending.complete("c1", "!room:x", &post, "txn-scan", 5).ok());
        CHECK(pending.list()->empty());
        auto posts = outbox.posts();
        REQUIRE(posts->size() == 1);
        CHECK(posts->front().room_id == "!room:x");
        CHECK(posts->front().content == post);
        CHECK(posts->front().txn_id == "txn-scan");
        CHECK_FALSE(posts->front().has_media);  // the url is set: sent without an upload
    }
    SECTION("a failed enqueue keeps the row") {
        REQUIRE(outbox.enqueue("!room:x", "m.room.message", post, "taken", 1, nullptr, false).ok());
        auto r = pending.complete("c1", "!room:x", &post, "taken", 5);  // txn id not unique
        REQUIRE_FALSE(r.ok());
        CHECK(pending.list()->size() == 1);
        CHECK(outbox.posts()->size() == 1);
    }
    SECTION("without a scan only the row goes") {
        REQUIRE(pending.complete("c1", "!room:x", nullptr, "unused", 5).ok());
        CHECK(pending.list()->empty());
        CHECK(outbox.posts()->empty());
    }
}
