// Patient rooms against the real Synapse: opened with consent and a care team of four
// professions from four offices; read intact by another member's client; refused by core
// without consent; a room without an attending physician records why; power levels keep the
// consent with the opener and the physician; a forged jp.renkei.member never counts; a lost
// /createRoom reply opens one room, not two.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>

#include "care/care_types.h"
#include "care_fixtures.h"
#include "http/curl_transport.h"
#include "fault_proxy.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;
using care::Profession;

namespace {

struct Member {
    std::string name;
    care::MemberProfile profile;
};

}  // namespace

TEST_CASE("a patient room opens with consent and a care team of four professions and offices",
          "[care]") {
    const auto& hs = Homeserver::get();
    registerUser("cm.ito");
    TempDir dir("patient-room");
    Client nurse(dir.path() / "nurse");
    Client doctor(dir.path() / "doctor");
    Client pharmacist(dir.path() / "pharmacist");
    Client care_manager(dir.path() / "cm");
    nurse.login("nurse.sato");
    doctor.login("dr.tanaka");
    pharmacist.login("pharm.suzuki");
    care_manager.login("cm.ito");

    care::PatientRoomPlan plan = basePlan(hs.userId("nurse.sato"));
    plan.team = {{hs.userId("dr.tanaka"), "主治医", true},
                 {hs.userId("pharm.suzuki"), "薬剤師", false},
                 {hs.userId("cm.ito"), "ケアマネジャー", false}};
    auto room = nurse->openPatientRoom(plan);
    if (!room) FAIL("open: " << room.error().describe());

    const Member doctor_m{"dr.tanaka", profile(Profession::Physician, "田中内科クリニック", "診療所", "柏市", "主治医")};
    const Member pharm_m{"pharm.suzuki", profile(Profession::Pharmacist, "すずき薬局", "保険薬局", "柏市", "薬剤師")};
    const Member cm_m{"cm.ito", profile(Profession::CareManager, "流山ケアプランセンター", "居宅介護支援事業所",
                                        "流山市", "ケアマネジャー")};
    joinAndIntroduce(doctor, *room, doctor_m.profile);
    joinAndIntroduce(pharmacist, *room, pharm_m.profile);
    joinAndIntroduce(care_manager, *room, cm_m.profile);

    // The pharmacist's client reads what the nurse wrote, field by field.
    auto team_complete = [&](Client& c) {
        auto team = c->careTeam(*room);
        return team && team->size() == 4 &&
               std::all_of(team->begin(), team->end(), [](const auto& m) { return m.profile.has_value(); });
    };
    REQUIRE(syncUntil(*pharmacist, [&] { return team_complete(pharmacist); }));
    auto record = pharmacist->patientRecord(*room);
    REQUIRE(record.ok());
    CHECK(record->patient_room);
    REQUIRE(record->patient.has_value());
    CHECK(*record->patient == plan.patient);
    REQUIRE(record->consent.has_value());
    CHECK(*record->consent == *plan.consent);
    CHECK(record->rule_exceptions.empty());
    CHECK(record->opened_by == hs.userId("nurse.sato"));
    CHECK(record->opened_ts_ms > 0);

    auto team = pharmacist->careTeam(*room);
    REQUIRE(team.ok());
    auto profile_of = [&](const std::string& name) -> care::MemberProfile {
        const auto m = std::find_if(team->begin(), team->end(),
                                    [&](const auto& t) { return t.user_id == hs.userId(name); });
        REQUIRE(m != team->end());
        REQUIRE(m->profile.has_value());
        return *m->profile;
    };
    CHECK(profile_of("nurse.sato") == plan.opener);
    CHECK(profile_of("dr.tanaka") == doctor_m.profile);
    CHECK(profile_of("pharm.suzuki") == pharm_m.profile);
    CHECK(profile_of("cm.ito") == cm_m.profile);

    // The physician may change the consent record; the pharmacist may not.
    auto changed = pharmacist->stateContent(*room, care::kConsentType, "");
    REQUIRE((changed.ok() && changed->has_value()));
    nlohmann::json by_pharmacist = **changed;
    by_pharmacist["date"] = "2026-11-21";
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), hs.base_url);
    (void)loginAs(raw, "pharm.suzuki");
    auto refused = raw.sendStateEvent(*room, care::kConsentType, "", by_pharmacist);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().errcode == "M_FORBIDDEN");
    matrix::MatrixClient raw_doctor(std::make_shared<http::CurlTransport>(), hs.base_url);
    (void)loginAs(raw_doctor, "dr.tanaka");
    CHECK(raw_doctor.sendStateEvent(*room, care::kConsentType, "", **changed).ok());
    (void)raw.logout();
    (void)raw_doctor.logout();
}

TEST_CASE("core refuses a patient room without consent, and records why one has no physician",
          "[care]") {
    const auto& hs = Homeserver::get();
    TempDir dir("patient-room-rules");
    Client nurse(dir.path() / "nurse");
    nurse.login("nurse.sato");

    care::PatientRoomPlan no_consent = basePlan(hs.userId("nurse.sato"));
    no_consent.consent.reset();
    no_consent.team = {{hs.userId("dr.tanaka"), "主治医", true}};
    auto refused = nurse->openPatientRoom(no_consent);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
    CHECK(refused.error().message.find("consent") != std::string::npos);
    auto none = nurse->findRoomByCreationId(no_consent.creation_id);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());  // nothing reached the server

    care::PatientRoomPlan no_physician = basePlan(hs.userId("nurse.sato"));
    no_physician.team = {{hs.userId("pharm.suzuki"), "薬剤師", false}};
    auto without_reason = nurse->openPatientRoom(no_physician);
    REQUIRE_FALSE(without_reason.ok());
    CHECK(without_reason.error().kind == ErrorKind::InvalidArgument);

    no_physician.no_physician_reason = "主治医は転居先で調整中のため、当面は訪問看護と薬局で対応する";
    auto room = nurse->openPatientRoom(no_physician);
    if (!room) FAIL("open: " << room.error().describe());
    Client pharmacist(dir.path() / "pharmacist");
    pharmacist.login("pharm.suzuki");
    REQUIRE(syncUntil(*pharmacist, [&] { return membership(*pharmacist, *room) == "invite"; }));
    REQUIRE(pharmacist->joinRoom(*room).ok());
    REQUIRE(syncUntil(*pharmacist, [&] {
        auto r = pharmacist->patientRecord(*room);
        return r && !r->rule_exceptions.empty();
    }));
    auto record = pharmacist->patientRecord(*room);
    REQUIRE(record.ok());
    REQUIRE(record->rule_exceptions.size() == 1);
    CHECK(record->rule_exceptions[0].rule == care::kRuleNoPhysician);
    CHECK(record->rule_exceptions[0].reason == *no_physician.no_physician_reason);

    // A jp.renkei.member for someone else: the server refuses it (a state key starting with
    // '@' belongs to that user), and the team shows only the pharmacist's own word.
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), hs.base_url);
    (void)loginAs(raw, "pharm.suzuki");
    auto forged_content = care::toContent(care::MemberProfile{Profession::Physician, "偽クリニック", "診療所", "柏市", "主治医"});
    REQUIRE(forged_content.ok());
    auto forged = raw.sendStateEvent(*room, care::kMemberType, hs.userId("nurse.sato"), *forged_content);
    CHECK_FALSE(forged.ok());
    (void)raw.logout();
    REQUIRE(syncUntil(*nurse, [&] { return membership(*nurse, *room) == "join"; }));
    auto team = nurse->careTeam(*room);
    REQUIRE(team.ok());
    for (const auto& m : *team) {
        if (m.user_id == hs.userId("nurse.sato")) {
            REQUIRE(m.profile.has_value());
            CHECK(m.profile->profession == Profession::VisitingNurse);
        }
    }
}

TEST_CASE("a /createRoom reply lost after the server made the room opens one room, not two",
          "[care][faults]") {
    const auto& hs = Homeserver::get();
    const std::string server = hs.base_url;
    FaultProxy proxy(hostPort(server).first, hostPort(server).second);
    TempDir dir("patient-room-faults");
    Client nurse(dir.path(), std::make_shared<ViaProxy>(server, proxy.baseUrl()));
    nurse.login("nurse.sato");

    FaultRule lost;
    lost.method = "POST";
    lost.path_contains = "/createRoom";
    lost.action = FaultRule::Action::AnswerAfterCommit;  // the room exists; the answer is lost
    lost.status = 502;
    lost.body = "<html>Bad Gateway</html>";
    proxy.addRule(lost);

    care::PatientRoomPlan plan = basePlan(hs.userId("nurse.sato"));
    plan.team = {{hs.userId("dr.tanaka"), "主治医", true}};
    auto room = nurse->openPatientRoom(plan);
    if (!room) FAIL("open: " << room.error().describe());

    // One POST, which the server committed: the retry found the room instead of making another.
    const auto posts = proxy.requests("POST", "/createRoom");
    REQUIRE(posts.size() == 1);
    CHECK(posts[0].forwarded);
    int carrying = 0;
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), server);
    (void)loginAs(raw, "nurse.sato");
    auto joined = raw.joinedRooms();
    REQUIRE(joined.ok());
    for (const auto& id : *joined) {
        auto create = raw.roomStateContent(id, "m.room.create", "");
        if (!create || create->value(care::kCreationIdKey, "") != plan.creation_id) continue;
        ++carrying;
        // The type and the creation id went out together in one creation_content.
        CHECK(create->value("type", "") == care::kPatientRoomType);
        auto levels = raw.roomStateContent(id, "m.room.power_levels", "");
        REQUIRE(levels.ok());
        CHECK(levels->at("users").at(hs.userId("nurse.sato")) == 100);
    }
    (void)raw.logout();
    CHECK(carrying == 1);
    auto found = nurse->findRoomByCreationId(plan.creation_id);
    REQUIRE((found.ok() && found->has_value()));
    CHECK(**found == *room);
}
