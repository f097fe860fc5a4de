// Who may change a patient room's care record, as Session::canSendState reads it from a real
// cache: the power levels Renkei gives a patient room (care::createRoomRequest) let the
// opener and the attending physician change profile, consent and closure, and every member
// write their own jp.renkei.member; room version 12 creators outrank every level; without
// synced power levels the session cannot tell and says no. Edits refused by them never leave the client.
#include <catch2/catch_test_macros.hpp>

#include "care/care_types.h"
#include "matrix/power_levels.h"
#include "session/session.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!patient-power:example.org";
constexpr const char* kOpener = "@nurse.sato:example.org";
constexpr const char* kPhysician = "@dr.tanaka:example.org";
constexpr const char* kPharmacist = "@pharm.suzuki:example.org";

care::PatientRoomPlan plan() {
    care::PatientRoomPlan p;
    p.patient = {"架空 花子", "かくう はなこ", "1938-04-12", care::Sex::Female, care::CareLevel::Care2, {}, "柏市"};
    care::Consent consent;
    consent.date = "2026-11-20";
    consent.obtained_by = kOpener;
    p.consent = consent;
    p.opener.profession = care::Profession::VisitingNurse;
    p.opener.office = "みなと訪問看護ステーション";
    p.team = {{kPhysician, "主治医", true}, {kPharmacist, "薬剤師", false}};
    p.creation_id = "power-test";
    return p;
}

std::unique_ptr<session::Session> sessionWith(const TempDir& dir, nlohmann::json create_content,
                                              std::optional<nlohmann::json> power_levels) {
    store::AccountKeys keys{};
    keys.vault = keyOf(3);
    keys.cache = keyOf(4);
    {
        auto cache = store::Cache::open(dir.path(), keys.cache);
        REQUIRE(cache.ok());
        matrix::SyncResponse sync;
        sync.next_batch = "s1";
        auto& room = sync.join[kRoom];
        room.state = {stateEvent("$create", "m.room.create", "", std::move(create_content), 1, kOpener),
                      member("$m1", kOpener, "佐藤"), member("$m2", kPhysician, "田中"),
                      member("$m3", kPharmacist, "鈴木")};
        if (power_levels) room.state.push_back(stateEvent("$pl", "m.room.power_levels", "", *power_levels, 2, kOpener));
        REQUIRE(cache->applySync(sync).ok());
    }
    store::RawKeyProvider provider(keys);
    session::SessionConfig config;
    config.data_dir = dir.path();
    auto opened = session::Session::open(std::move(config), provider);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

bool may(session::Session& s, const char* type, const char* user) {
    auto allowed = s.canSendState(kRoom, type, user);
    REQUIRE(allowed.ok());
    return *allowed;
}

}  // namespace

TEST_CASE("session: a patient room's power levels keep the care record with the opener and the physician",
          "[session][care]") {
    TempDir dir;
    auto request = care::createRoomRequest(plan(), kOpener);
    REQUIRE(request.ok());
    auto s = sessionWith(dir, {{"type", care::kPatientRoomType}, {"room_version", "10"}},
                         request->power_level_content_override);

    for (const char* type : {care::kPatientType, care::kConsentType, care::kClosureType, care::kRuleExceptionType}) {
        CHECK(may(*s, type, kOpener));
        CHECK(may(*s, type, kPhysician));
        CHECK_FALSE(may(*s, type, kPharmacist));
    }
    CHECK(may(*s, care::kMemberType, kPharmacist));
    CHECK_FALSE(may(*s, "m.room.power_levels", kPhysician));  // 100: the opener only
    CHECK(may(*s, "m.room.power_levels", kOpener));
    CHECK_FALSE(may(*s, "m.room.topic", kPharmacist));        // state_default 50
    CHECK_FALSE(may(*s, care::kPatientType, "@stranger:example.org"));  // users_default 0

    auto unknown = s->canSendState("!not-cached:example.org", care::kPatientType, kOpener);
    REQUIRE(unknown.ok());
    CHECK_FALSE(*unknown);

    // Not signed in here: the own user is nobody, so core refuses before any request.
    care::Patient changed = plan().patient;
    changed.care_level = care::CareLevel::Care3;
    auto refused = s->updatePatientProfile(kRoom, changed);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().errcode == "M_FORBIDDEN");
    CHECK(refused.error().http_status == 0);
    changed.kana = "Kakuu";  // the checks of creation come first
    auto invalid = s->updatePatientProfile(kRoom, changed);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().kind == ErrorKind::InvalidArgument);
    CHECK(invalid.error().message.find("kana") != std::string::npos);
}

TEST_CASE("session: without power levels the creator holds 100; room version 12 creators outrank all",
          "[session][care]") {
    SECTION("no m.room.power_levels") {
        const matrix::RoomCreation creation{kOpener, {{"room_version", "10"}}};
        CHECK(matrix::userPowerLevel(std::nullopt, creation, kOpener) == 100);
        CHECK(matrix::userPowerLevel(std::nullopt, creation, kPharmacist) == 0);
        CHECK(matrix::statePowerLevel(std::nullopt, care::kConsentType) == 0);  // the spec's default
        // The session cannot tell without synced power levels (an invite): it says no.
        TempDir dir;
        auto s = sessionWith(dir, {{"type", care::kPatientRoomType}}, std::nullopt);
        CHECK_FALSE(may(*s, care::kConsentType, kOpener));
    }
    SECTION("room version 12") {
        TempDir dir;
        nlohmann::json levels = {{"users", {{kPhysician, 50}, {kOpener, 0}}}, {"state_default", 50},
                                 {"events", {{care::kConsentType, "50"}}}};  // a string level is no level
        auto s = sessionWith(dir, {{"room_version", "12"}, {"additional_creators", {kPharmacist}}}, levels);
        CHECK(may(*s, "m.room.power_levels", kOpener));  // the creator, whatever users says
        CHECK(may(*s, care::kConsentType, kPharmacist));
        CHECK(may(*s, care::kConsentType, kPhysician));  // state_default 50
        CHECK_FALSE(may(*s, care::kConsentType, "@stranger:example.org"));
    }
}
