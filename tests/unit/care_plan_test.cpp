// A patient room plan as kept in the vault while its room waits to be opened: written and
// read back whole; a damaged row reads as absent, never half.
#include <catch2/catch_test_macros.hpp>

#include "care/care_plan.h"

using namespace renkei;
using namespace renkei::care;

namespace {

PatientRoomPlan plan() {
    PatientRoomPlan p;
    p.patient = {"架空 花子", "かくう はなこ", "1938-04-12", Sex::Female, CareLevel::Care3, {"慢性心不全"}, "柏市"};
    p.consent = Consent{"2026-11-20", ConsentMethod::ThroughFamily, "@nurse:localhost", false, "長女", std::nullopt, std::nullopt};
    p.opener = {Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "柏市", "訪問看護"};
    p.team = {{"@dr:localhost", "主治医", true}, {"@pharm:localhost", "薬剤師", false}};
    p.creation_id = "creation-1";
    return p;
}

void checkSame(const PatientRoomPlan& a, const PatientRoomPlan& b) {
    CHECK(a.patient == b.patient);
    CHECK(a.consent == b.consent);
    CHECK(a.opener == b.opener);
    REQUIRE(a.team.size() == b.team.size());
    for (std::size_t i = 0; i < a.team.size(); ++i) {
        CHECK(a.team[i].user_id == b.team[i].user_id);
        CHECK(a.team[i].team_role == b.team[i].team_role);
        CHECK(a.team[i].attending_physician == b.team[i].attending_physician);
    }
    CHECK(a.no_physician_reason == b.no_physician_reason);
    CHECK(a.creation_id == b.creation_id);
}

}  // namespace

TEST_CASE("care plan: written and read back whole", "[care][plan]") {
    auto p = plan();
    auto doc = planToJson(p);
    REQUIRE(doc.ok());
    auto back = parsePlan(*doc);
    REQUIRE(back.has_value());
    checkSame(*back, p);

    p.consent.reset();  // refused when opening, but kept as given here
    p.team.clear();
    p.no_physician_reason = "主治医は調整中\n当面は訪問看護で対応";
    doc = planToJson(p);
    REQUIRE(doc.ok());
    back = parsePlan(*doc);
    REQUIRE(back.has_value());
    checkSame(*back, p);
}

TEST_CASE("care plan: a damaged plan reads as absent", "[care][plan]") {
    auto doc = planToJson(plan());
    REQUIRE(doc.ok());
    auto broken = [&](auto change) {
        nlohmann::json d = *doc;
        change(d);
        return !parsePlan(d).has_value();
    };
    CHECK(broken([](auto& d) { d.erase("creation_id"); }));
    CHECK(broken([](auto& d) { d["creation_id"] = ""; }));
    CHECK(broken([](auto& d) { d["patient"]["kana"] = "KAKUU"; }));
    CHECK(broken([](auto& d) { d["consent"]["date"] = "2026-02-30"; }));
    CHECK(broken([](auto& d) { d.erase("opener"); }));
    CHECK(broken([](auto& d) { d["team"] = "nobody"; }));
    CHECK(broken([](auto& d) { d["team"][0]["user_id"] = "dr"; }));
    CHECK(broken([](auto& d) { d["no_physician_reason"] = 5; }));
    CHECK_FALSE(parsePlan(nlohmann::json::array()).has_value());

    PatientRoomPlan bad = plan();
    bad.patient.name.clear();
    CHECK_FALSE(planToJson(bad).ok());
}
