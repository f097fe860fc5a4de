// Corrections exactly once under faults, against the real Synapse behind the fault proxy: the
// answers to the first PUT of an edit and of a deletion are lost after the server did the
// work; the retries reuse their transaction ids, and the server holds one edit and one
// redaction. A deletion the server refuses for good (403) is marked failed, not retried.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <chrono>

#include "fault_proxy.h"
#include "outbox_support.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;
using Action = FaultRule::Action;
using Kind = session::SendNotification::Kind;
using namespace std::chrono_literals;

namespace {

const session::Backoff kQuickBackoff{std::chrono::milliseconds(100), std::chrono::seconds(2)};

FaultRule lostAnswer(const std::string& path_contains) {
    FaultRule rule;
    rule.method = "PUT";
    rule.path_contains = path_contains;
    rule.action = Action::AnswerAfterCommit;  // the server did it; the answer never came
    rule.status = 502;
    rule.body = "<html>Bad Gateway</html>";
    return rule;
}

// Every event of `type` in the room as the server stores it (admin API), oldest first.
std::vector<nlohmann::json> serverEvents(const std::string& room_id, const std::string& type) {
    std::vector<nlohmann::json> out;
    const auto page = adminGet("/_synapse/admin/v1/rooms/" + room_id + "/messages?dir=f&limit=1000");
    for (const auto& e : page.value("chunk", nlohmann::json::array())) {
        if (e.value("type", "") == type) out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("corrections: an edit and a deletion whose answers were lost reach the server once") {
    const std::string server = Homeserver::get().base_url;
    FaultProxy proxy(hostPort(server).first, hostPort(server).second);
    TempDir dir("corrections-faults");
    Client nurse(dir.path(), std::make_shared<ViaProxy>(server, proxy.baseUrl()));
    nurse.login("nurse.sato");
    auto room = nurse->createRoom("障害試験 訂正", {});
    REQUIRE(room.ok());
    auto bp = nurse->sendText(*room, "血圧 128/76");
    auto mistake = nurse->sendText(*room, "別の方の記録");
    REQUIRE((bp.ok() && mistake.ok()));
    REQUIRE(syncUntil(*nurse, [&] { return cachedEvent(*nurse, *room, *bp).has_value(); }));

    proxy.addRule(lostAnswer("/send/m.room.message/"));
    proxy.addRule(lostAnswer("/redact/"));
    auto edit = nurse->queueEdit(*room, *bp, "血圧 132/80 訂正");
    auto deletion = nurse->queueRedaction(*room, *mistake, "別の部屋への投稿");
    REQUIRE((edit.ok() && deletion.ok()));

    SendLog log;
    session::SendQueue sender(*nurse, log.callback(), kQuickBackoff);
    sender.start();
    REQUIRE(log.waitForSent(2, 30s));
    sender.stop();
    CHECK(log.count(Kind::Failed) == 0);
    CHECK(log.waitingWith(ErrorKind::Http) == 2);

    // Each retry went to the same URL: the same transaction id, which the server de-duplicated.
    const auto edits = proxy.requests("PUT", "/send/m.room.message/" + edit->txn_id);
    REQUIRE(edits.size() == 2);
    CHECK(edits[0].forwarded);
    CHECK(edits[1].target == edits[0].target);
    const auto redacts = proxy.requests("PUT", "/redact/");
    REQUIRE(redacts.size() == 2);
    CHECK(redacts[0].target.ends_with("/" + deletion->txn_id));
    CHECK(redacts[1].target == redacts[0].target);
    CHECK(redacts[0].forwarded);

    auto replacements = serverEvents(*room, "m.room.message");
    replacements.erase(std::remove_if(replacements.begin(), replacements.end(),
                                      [](const auto& e) { return !e["content"].contains("m.new_content"); }),
                       replacements.end());
    REQUIRE(replacements.size() == 1);
    CHECK(replacements[0]["content"]["m.new_content"]["body"] == "血圧 132/80 訂正");
    const auto redactions = serverEvents(*room, "m.room.redaction");
    REQUIRE(redactions.size() == 1);
    CHECK(redactions[0]["content"]["reason"] == "別の部屋への投稿");

    // The echoes confirm both (once each) and nothing is left to send.
    REQUIRE(syncUntil(*nurse, [&] { return nurse->outbox(*room)->empty(); }));
    static_cast<void>(nurse->leaveRoom(*room));
}

TEST_CASE("corrections: a deletion the server refuses for good is marked failed with the reason") {
    const auto& hs = Homeserver::get();
    TempDir dir("corrections-refused");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    matrix::MatrixClient doctor(std::make_shared<http::CurlTransport>(), hs.base_url);
    loginAs(doctor, "dr.tanaka");
    matrix::CreateRoomRequest create;
    create.name = "権限試験";
    create.invite = {hs.userId("nurse.sato")};
    auto room = doctor.createRoom(create);
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return nurse->joinRoom(*room).ok(); }));
    auto order = doctor.sendMessageEvent(*room, "m.room.message", uniqueMarker("t"),
                                         {{"msgtype", "m.text"}, {"body", "指示書を更新しました"}});
    REQUIRE(order.ok());

    // A nurse without the power level cannot delete the physician's post: 403, not retried.
    auto deletion = nurse->queueRedaction(*room, *order, "");
    REQUIRE(deletion.ok());
    auto step = nurse->sendNextQueued();
    REQUIRE(step.ok());
    REQUIRE(step->has_value());
    CHECK((*step)->state == store::OutboxState::Failed);
    CHECK((*step)->last_error->http_status == 403);
    CHECK_FALSE(nurse->sendNextQueued().value().has_value());  // the queue moved on
    CHECK(nurse->discardPost(deletion->txn_id).value());

    static_cast<void>(nurse->leaveRoom(*room));
    static_cast<void>(doctor.leave(*room));
    static_cast<void>(doctor.logout());
}
