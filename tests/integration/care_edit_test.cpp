// Editing a patient room's care record against the real Synapse: the opener changes the
// patient profile and a second member's client reads the new one; the attending physician
// adds the consent's scan and a rule exception; a member without the level is refused by
// core before any request, and by the server when core is bypassed.
#include <catch2/catch_test_macros.hpp>

#include "care/care_types.h"
#include "care_fixtures.h"
#include "http/curl_transport.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;

TEST_CASE("the opener and the physician edit the care record; another member cannot", "[care]") {
    const auto& hs = Homeserver::get();
    TempDir dir("care-edit");
    NursePhysicianPharmacist team(dir.path());
    auto& [nurse, doctor, pharmacist] = team;
    care::PatientRoomPlan plan = basePlan(hs.userId("nurse.sato"));
    const std::string room = team.opened(plan);
    REQUIRE(syncUntil(*nurse, [&] { return membership(*nurse, room) == "join"; }));

    // What each may do, from the cached power levels.
    auto may = [&](Client& c, const char* type) {
        auto allowed = c->canSendState(room, type);
        REQUIRE(allowed.ok());
        return *allowed;
    };
    // (The invite's stripped state already holds the patient: wait for the joined room.)
    REQUIRE(syncUntil(*pharmacist, [&] { return membership(*pharmacist, room) == "join"; }));
    REQUIRE(syncUntil(*doctor, [&] { return membership(*doctor, room) == "join"; }));
    CHECK(may(nurse, care::kPatientType));
    CHECK(may(doctor, care::kConsentType));
    CHECK_FALSE(may(pharmacist, care::kPatientType));
    CHECK_FALSE(may(pharmacist, care::kConsentType));
    CHECK(may(pharmacist, care::kMemberType));

    // The opener changes the care level; the pharmacist's client reads it.
    care::Patient changed = plan.patient;
    changed.care_level = care::CareLevel::Care4;
    changed.conditions.push_back("認知症");
    auto edited = nurse->updatePatientProfile(room, changed);
    if (!edited) FAIL("edit: " << edited.error().describe());
    REQUIRE(syncUntil(*pharmacist, [&] {
        auto r = pharmacist->patientRecord(room);
        return r && r->patient && r->patient->care_level == care::CareLevel::Care4;
    }));
    CHECK(*pharmacist->patientRecord(room)->patient == changed);
    auto content = pharmacist->stateContent(room, care::kPatientType, "");
    REQUIRE((content.ok() && content->has_value()));
    CHECK((**content).value("body", "") == "利用者: 架空 花子（かくう はなこ）");  // any client reads it

    // The physician adds the signed form's scan and a rule exception.
    care::Consent consent = *plan.consent;
    const std::string me = hs.userId("dr.tanaka");
    consent.scan_mxc = "mxc://" + me.substr(me.find(':') + 1) + "/consentscan01";
    REQUIRE(doctor->updateConsent(room, consent).ok());
    REQUIRE(doctor->setRuleException(room, {"outside_municipality", "流山市の事業所が参加"}).ok());
    REQUIRE(syncUntil(*pharmacist, [&] {
        auto r = pharmacist->patientRecord(room);
        return r && r->consent && r->consent->scan_mxc && r->rule_exceptions.size() == 1;
    }));
    CHECK(*pharmacist->patientRecord(room)->consent == consent);

    // The pharmacist is refused by core: nothing reaches the server.
    care::Patient by_pharmacist = changed;
    by_pharmacist.care_level = care::CareLevel::Care5;
    auto refused = pharmacist->updatePatientProfile(room, by_pharmacist);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().errcode == "M_FORBIDDEN");
    CHECK(refused.error().http_status == 0);
    auto refused_consent = pharmacist->updateConsent(room, *plan.consent);
    REQUIRE_FALSE(refused_consent.ok());
    CHECK(refused_consent.error().errcode == "M_FORBIDDEN");
    // ... and by the server when core is bypassed.
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), hs.base_url);
    (void)loginAs(raw, "pharm.suzuki");
    auto forged = care::toContent(by_pharmacist);
    REQUIRE(forged.ok());
    auto server_refused = raw.sendStateEvent(room, care::kPatientType, "", *forged);
    REQUIRE_FALSE(server_refused.ok());
    CHECK(server_refused.error().errcode == "M_FORBIDDEN");
    CHECK(server_refused.error().http_status == 403);
    (void)raw.logout();
    REQUIRE(syncUntil(*nurse, [&] { return nurse->patientRecord(room)->rule_exceptions.size() == 1; }));
    CHECK(nurse->patientRecord(room)->patient->care_level == care::CareLevel::Care4);
}
