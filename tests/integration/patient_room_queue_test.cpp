// Patient rooms opened offline (部屋の開設待ち), against the real Synapse behind the fault
// proxy: queued while the homeserver is unreachable, kept across a restart, created exactly
// once when back online (also when a /createRoom reply is lost and the link drops before
// the retry); the consent scan uploaded once and posted as the room's first file; a plan
// core refuses is refused at queue time, before anything is stored.
#include <catch2/catch_test_macros.hpp>

#include "care/care_types.h"
#include "care_fixtures.h"
#include "fault_proxy.h"
#include "http/curl_transport.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;

namespace {

/// How many of `name`'s joined rooms on the server carry `creation_id` (a client of its own,
/// not the one under test).
int roomsCarrying(const std::string& name, const std::string& creation_id) {
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), Homeserver::get().base_url);
    (void)loginAs(raw, name);
    auto joined = raw.joinedRooms();
    REQUIRE(joined.ok());
    int carrying = 0;
    for (const auto& id : *joined) {
        auto create = raw.roomStateContent(id, "m.room.create", "");
        if (create && create->value(care::kCreationIdKey, "") == creation_id) ++carrying;
    }
    (void)raw.logout();
    return carrying;
}

/// A rule for `times` requests `method` `path` after `skip`: answered with `status` by the
/// proxy (Answer: nothing reaches the server; AnswerAfterCommit: the server did the work).
FaultRule rule(const char* method, const char* path, FaultRule::Action action, int status, int times = 1,
               int skip = 0) {
    FaultRule r;
    r.method = method;
    r.path_contains = path;
    r.action = action;
    r.status = status;
    r.body = status == 502 ? "<html>Bad Gateway</html>" : R"({"errcode":"M_UNKNOWN","error":"unavailable"})";
    r.times = times;
    r.skip = skip;
    return r;
}

/// The nurse signed in through a fault proxy in front of the harness's Synapse.
struct ProxiedNurse {
    explicit ProxiedNurse(const char* tag)
        : proxy(hostPort(Homeserver::get().base_url).first, hostPort(Homeserver::get().base_url).second),
          dir(tag),
          nurse(dir.path() / "nurse", std::make_shared<ViaProxy>(Homeserver::get().base_url, proxy.baseUrl())) {
        nurse.login("nurse.sato");
    }
    /// A plan with the physician invited and a fresh creation id.
    care::PatientRoomPlan plan() const {
        care::PatientRoomPlan p = basePlan(Homeserver::get().userId("nurse.sato"));
        p.team = {{Homeserver::get().userId("dr.tanaka"), "主治医", true}};
        return p;
    }
    FaultProxy proxy;
    TempDir dir;
    Client nurse;
};

std::string scanBytes(const std::string& marker) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    return png + std::string(4096, '\x42') + marker;
}

}  // namespace

TEST_CASE("a patient room queued offline is created exactly once when back online", "[care][queue]") {
    const auto& hs = Homeserver::get();
    ProxiedNurse p("patient-room-queue");
    auto& [proxy, dir, nurse] = p;

    // Refused at queue time, exactly as when opening at once: nothing stored.
    care::PatientRoomPlan no_consent = basePlan(hs.userId("nurse.sato"));
    no_consent.consent.reset();
    no_consent.team = {{hs.userId("dr.tanaka"), "主治医", true}};
    auto refused = nurse->queuePatientRoom(no_consent);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
    CHECK(refused.error().message.find("consent required") != std::string::npos);
    care::PatientRoomPlan no_physician = basePlan(hs.userId("nurse.sato"));
    no_physician.team = {{hs.userId("pharm.suzuki"), "薬剤師", false}};
    auto no_reason = nurse->queuePatientRoom(no_physician);
    REQUIRE_FALSE(no_reason.ok());
    CHECK(no_reason.error().message.find("attending physician or reason required") != std::string::npos);
    REQUIRE(nurse->pendingRooms().ok());
    CHECK(nurse->pendingRooms()->empty());

    proxy.setPlan(FaultPlan{.reset_before_forward = 1.0});  // offline: nothing reaches the server
    const care::PatientRoomPlan plan = p.plan();
    auto queued = nurse->queuePatientRoom(plan);
    if (!queued) FAIL("queue: " << queued.error().describe());
    CHECK(*queued == plan.creation_id);
    auto step = nurse->openNextPendingRoom();
    REQUIRE_FALSE(step.ok());
    CHECK(step.error().isTransient());
    auto pending = nurse->pendingRooms();
    REQUIRE((pending.ok() && pending->size() == 1));
    CHECK(pending->front().state == store::PendingRoomState::Queued);
    CHECK(pending->front().attempts == 1);
    CHECK(proxy.requests("POST", "/createRoom").empty());

    // The app is closed and started again: the room waits in the vault.
    nurse.reopen();
    REQUIRE(nurse->pendingRooms()->size() == 1);
    proxy.setPlan(FaultPlan{});  // back online
    auto opened = nurse->openNextPendingRoom();
    if (!opened) FAIL("open: " << opened.error().describe());
    REQUIRE(opened->has_value());
    REQUIRE((*opened)->room_id.has_value());
    CHECK((*opened)->room.creation_id == plan.creation_id);
    CHECK(nurse->pendingRooms()->empty());
    auto nothing = nurse->openNextPendingRoom();
    REQUIRE(nothing.ok());
    CHECK_FALSE(nothing->has_value());
    CHECK(nurse->outbox()->empty());  // no scan: no post

    CHECK(proxy.requests("POST", "/createRoom").size() == 1);
    CHECK(roomsCarrying("nurse.sato", plan.creation_id) == 1);
    // The physician's client sees the invitation to that room, with the patient on record.
    Client doctor(dir.path() / "doctor");
    doctor.login("dr.tanaka");
    REQUIRE(syncUntil(*doctor, [&] { return membership(*doctor, *(*opened)->room_id) == "invite"; }));
}

TEST_CASE("a queued room whose /createRoom reply was lost, then the link, opens one room",
          "[care][queue][faults]") {
    ProxiedNurse p("patient-room-queue-lost");
    auto& [proxy, dir, nurse] = p;
    // The room is made but its answer is lost; the look before the retry cannot reach the
    // server either (the first look, before the attempt, passes).
    proxy.addRule(rule("POST", "/createRoom", FaultRule::Action::AnswerAfterCommit, 502));
    proxy.addRule(rule("GET", "/joined_rooms", FaultRule::Action::Answer, 503, 1, 1));

    const care::PatientRoomPlan plan = p.plan();
    REQUIRE(nurse->queuePatientRoom(plan).ok());
    auto first = nurse->openNextPendingRoom();
    REQUIRE_FALSE(first.ok());  // stays queued: whether the room exists is not known yet
    CHECK(first.error().isTransient());
    CHECK(nurse->pendingRooms()->size() == 1);

    auto second = nurse->openNextPendingRoom();  // the queue's retry finds the room
    if (!second) FAIL("retry: " << second.error().describe());
    REQUIRE((second->has_value() && (*second)->room_id.has_value()));
    CHECK(proxy.requests("POST", "/createRoom").size() == 1);
    CHECK(roomsCarrying("nurse.sato", plan.creation_id) == 1);
    auto found = nurse->findRoomByCreationId(plan.creation_id);
    REQUIRE((found.ok() && found->has_value()));
    CHECK(**found == *(*second)->room_id);
}

TEST_CASE("the consent scan is uploaded once and becomes the room's first file", "[care][queue]") {
    ProxiedNurse p("patient-room-queue-scan");
    auto& [proxy, dir, nurse] = p;
    const std::string bytes = scanBytes(uniqueMarker("consent-scan"));
    const care::PatientRoomPlan plan = p.plan();
    auto queued = nurse->queuePatientRoom(plan, store::OutboxMedia{bytes, "image/png", "同意書.png", 64, 48});
    if (!queued) FAIL("queue: " << queued.error().describe());

    // The upload goes through; /createRoom is unavailable twice (the attempt and its retry).
    proxy.addRule(rule("POST", "/createRoom", FaultRule::Action::Answer, 503, 2));
    auto first = nurse->openNextPendingRoom();
    REQUIRE_FALSE(first.ok());
    CHECK(proxy.requests("POST", "/upload").size() == 1);
    auto pending = nurse->pendingRooms();
    REQUIRE((pending.ok() && pending->size() == 1));
    REQUIRE(pending->front().scan_mxc.has_value());  // kept: the retry does not upload again

    std::optional<std::string> room;
    for (int i = 0; i < 10 && !room; ++i) {  // the send queue's steps, as the app runs them
        auto opened = nurse->openNextPendingRoom();
        if (!opened) FAIL("open: " << opened.error().describe());
        if (*opened) room = (*opened)->room_id;
    }
    REQUIRE(room.has_value());
    auto sent = nurse->sendNextQueued();
    if (!sent) FAIL("send: " << sent.error().describe());
    REQUIRE(sent->has_value());
    CHECK((*sent)->state == store::OutboxState::Sent);
    CHECK(proxy.requests("POST", "/upload").size() == 1);
    CHECK(proxy.requests("POST", "/createRoom").size() == 3);  // two refused by the gateway, one made

    // What the care team finds: the consent on record with the scan's URI, and the scan as the
    // room's first post, whose file is the same bytes.
    REQUIRE(syncUntil(*nurse, [&] {
        auto r = nurse->patientRecord(*room);
        return r && r->consent && r->consent->scan_mxc;
    }));
    auto record = nurse->patientRecord(*room);
    REQUIRE(record.ok());
    const std::string scan_mxc = *record->consent->scan_mxc;
    CHECK(scan_mxc == *pending->front().scan_mxc);
    const auto messages = serverMessages(*room);
    REQUIRE(messages.size() == 1);
    const auto& content = messages.front().at("content");
    CHECK(content.value("msgtype", "") == "m.image");
    CHECK(content.value("url", "") == scan_mxc);
    CHECK(content.value("body", "") == "同意書の写し（同意書.png）");
    CHECK(content.at("info").value("mimetype", "") == "image/png");
    auto downloaded = nurse->fetchMedia(scan_mxc);
    REQUIRE(downloaded.ok());
    CHECK(downloaded->bytes == bytes);
}

TEST_CASE("a queued room the server refuses for good is failed, listed, retried or discarded",
          "[care][queue]") {
    ProxiedNurse p("patient-room-queue-refused");
    auto& [proxy, dir, nurse] = p;
    FaultRule forbidden = rule("POST", "/createRoom", FaultRule::Action::Answer, 403);
    forbidden.body = R"({"errcode":"M_FORBIDDEN","error":"You are not allowed to create rooms"})";
    proxy.addRule(forbidden);

    const care::PatientRoomPlan plan = p.plan();
    REQUIRE(nurse->queuePatientRoom(plan).ok());
    auto refused = nurse->openNextPendingRoom();
    if (!refused) FAIL("open: " << refused.error().describe());
    REQUIRE(refused->has_value());
    CHECK_FALSE((*refused)->room_id.has_value());
    CHECK((*refused)->room.state == store::PendingRoomState::Failed);
    auto listed = nurse->pendingRooms();
    REQUIRE((listed.ok() && listed->size() == 1));
    CHECK(listed->front().state == store::PendingRoomState::Failed);
    REQUIRE(listed->front().last_error.has_value());
    CHECK(listed->front().last_error->errcode == "M_FORBIDDEN");
    auto nothing = nurse->openNextPendingRoom();  // a failed room waits for the user
    REQUIRE(nothing.ok());
    CHECK_FALSE(nothing->has_value());
    CHECK(proxy.requests("POST", "/createRoom").size() == 1);  // never retried on its own

    SECTION("retried, it opens (the rule answered once)") {
        CHECK(nurse->retryPendingRoom(plan.creation_id).value());
        auto opened = nurse->openNextPendingRoom();
        if (!opened) FAIL("open: " << opened.error().describe());
        REQUIRE((opened->has_value() && (*opened)->room_id.has_value()));
        CHECK(roomsCarrying("nurse.sato", plan.creation_id) == 1);
    }
    SECTION("discarded, nothing is left") {
        CHECK(nurse->discardPendingRoom(plan.creation_id).value());
        CHECK(nurse->pendingRooms()->empty());
        CHECK(roomsCarrying("nurse.sato", plan.creation_id) == 0);
    }
}
