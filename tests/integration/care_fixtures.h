// Test support: a fictional patient, consent and member profiles for patient-room tests
// (all names, offices and dates are made up).
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <string>

#include "care/care_types.h"
#include "support.h"

namespace renkei::test {

inline care::Patient fictionalPatient() {
    care::Patient p;
    p.name = "架空 花子";
    p.kana = "かくう はなこ";
    p.birth_date = "1938-04-12";
    p.sex = care::Sex::Female;
    p.care_level = care::CareLevel::Care3;
    p.conditions = {"慢性心不全", "2型糖尿病"};
    p.municipality = "柏市";
    return p;
}

inline care::Consent fictionalConsent(const std::string& obtained_by) {
    care::Consent c;
    c.date = "2026-11-20";
    c.method = care::ConsentMethod::ThroughFamily;
    c.obtained_by = obtained_by;
    c.from_patient = false;
    c.family_relation = "長女";
    return c;
}

inline care::MemberProfile profile(care::Profession profession, std::string office, std::string kind,
                                   std::string municipality, std::string role = {}) {
    care::MemberProfile m;
    m.profession = profession;
    m.office = std::move(office);
    m.office_kind = std::move(kind);
    m.municipality = std::move(municipality);
    m.team_role = std::move(role);
    return m;
}

/// A plan opened by a visiting nurse, with a fresh creation id and no team yet.
inline care::PatientRoomPlan basePlan(const std::string& opener_id) {
    care::PatientRoomPlan plan;
    plan.patient = fictionalPatient();
    plan.consent = fictionalConsent(opener_id);
    plan.opener = profile(care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション",
                          "柏市", "訪問看護");
    plan.creation_id = uniqueMarker("creation");
    return plan;
}

/// `who` keeps their profile in settings, then joins the room once the invite arrived:
/// Renkei writes the profile into the patient room on joining.
inline void joinAndIntroduce(Client& who, const std::string& room, const care::MemberProfile& p) {
    REQUIRE(who->setOwnProfile(p).ok());
    auto kept = who->ownProfile();
    REQUIRE((kept.ok() && kept->has_value() && **kept == p));
    REQUIRE(syncUntil(*who, [&] { return membership(*who, room) == "invite"; }));
    REQUIRE(who->joinRoom(room).ok());
}

/// nurse.sato, dr.tanaka (the attending physician) and pharm.suzuki, each signed in on
/// their own data under `dir`; opened() gives the nurse's room with the other two joined.
struct NursePhysicianPharmacist {
    explicit NursePhysicianPharmacist(const std::filesystem::path& dir)
        : nurse(dir / "nurse"), doctor(dir / "doctor"), pharmacist(dir / "pharmacist") {
        nurse.login("nurse.sato");
        doctor.login("dr.tanaka");
        pharmacist.login("pharm.suzuki");
    }
    /// Opens `plan` (the team set to the physician and the pharmacist); both join and write
    /// their profiles. Returns the room id.
    std::string opened(care::PatientRoomPlan& plan) {
        const auto& hs = Homeserver::get();
        plan.team = {{hs.userId("dr.tanaka"), "主治医", true}, {hs.userId("pharm.suzuki"), "薬剤師", false}};
        auto room = nurse->openPatientRoom(plan);
        if (!room) FAIL("open: " << room.error().describe());
        joinAndIntroduce(doctor, *room,
                         profile(care::Profession::Physician, "田中内科クリニック", "診療所", "柏市", "主治医"));
        joinAndIntroduce(pharmacist, *room,
                         profile(care::Profession::Pharmacist, "すずき薬局", "保険薬局", "柏市", "薬剤師"));
        return *room;
    }
    Client nurse;
    Client doctor;
    Client pharmacist;
};

}  // namespace renkei::test
