// The ACP record (人生の最終段階における意向, care/care_record_acp.h): what any client reads
// of it, what Renkei refuses to send, what it reads of a hostile member's record, and which
// version is the current one. Test data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "care/care_record.h"
#include "care/care_record_acp.h"
#include "care/care_types.h"
#include "care_record_fixtures.h"
#include "matrix/rich_text.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;
using namespace renkei::care::testing;

namespace {

AdvanceCarePlan plan() {
    AdvanceCarePlan v;
    v.place_of_care = {WishedPlace::Home, ""};
    v.place_of_death = {WishedPlace::Other, "長女の家"};
    v.treatments = {{LifeSustainingTreatment::Cpr, TreatmentWish::NotWanted},
                    {LifeSustainingTreatment::IvFluids, TreatmentWish::Undecided},
                    {LifeSustainingTreatment::HospitalTransfer, TreatmentWish::Wanted}};
    v.wishes = "最期まで自宅で孫の顔を見ていたい";
    v.surrogate = Surrogate{"山田 一郎", "長男"};
    v.discussion_date = "2026-12-01";
    v.participants = {{"山田 花子", "本人"}, {"山田 一郎", "長男"}, {"田中 誠", "主治医"}};
    v.revision = 2;
    v.supersedes = "$first:kashiwa.example.jp";
    v.note = "苦痛があれば緩和を優先";
    return v;
}

}  // namespace

TEST_CASE("an ACP record reads in words in any client and keeps its shape", "[care][acp]") {
    const auto content = advanceCarePlanContent(plan());
    CHECK(
        content["body"] ==
        "【人生の最終段階における意向】\n療養の場所: 自宅\n最期を迎えたい場所: その他（長女の家）\n"
        "心肺蘇生: 希望しない\n点滴: 未定\n救急搬送・入院: 希望する\n"
        "本人の思い: 最期まで自宅で孫の顔を見ていたい\n代理意思決定者: 山田 一郎（長男）\n"
        "話し合いの日: 2026-12-01\n話し合いの参加者: 山田 花子（本人）、山田 一郎（長男）、田中 "
        "誠（主治医）\n"
        "版: 第2版\nメモ: 苦痛があれば緩和を優先");
    const json record = recordObject(content, RecordKind::Acp);
    CHECK(record["kind"] == "acp");
    CHECK(record["schema"] == kSchemaVersion);
    CHECK(record["place_of_care"] == json{{"place", "home"}, {"detail", ""}});
    CHECK(record["place_of_death"] == json{{"place", "other"}, {"detail", "長女の家"}});
    CHECK(record["life_sustaining"] ==
          json{{"cpr", "not_wanted"}, {"iv_fluids", "undecided"}, {"hospital_transfer", "wanted"}});
    CHECK(record["surrogate"] == json{{"name", "山田 一郎"}, {"relation", "長男"}});
    CHECK(record["participants"][2] == json{{"name", "田中 誠"}, {"role", "主治医"}});
    CHECK(record["revision"] == 2);
    CHECK(record["supersedes"] == "$first:kashiwa.example.jp");
    CHECK(parseAdvanceCarePlan(record) == plan());
    const std::string html = content["formatted_body"];
    CHECK(matrix::sanitizeFormattedBody(html).html == html);
    CHECK(html.find("<li><strong>心肺蘇生</strong>: 希望しない</li>") != std::string::npos);

    for (const auto place : {WishedPlace::Home, WishedPlace::Hospital, WishedPlace::Facility,
                             WishedPlace::Undecided, WishedPlace::Other}) {
        CHECK(wishedPlaceFromWire(toWire(place)) == place);
    }
    for (const auto t :
         {LifeSustainingTreatment::Cpr, LifeSustainingTreatment::MechanicalVentilation,
          LifeSustainingTreatment::TubeFeeding, LifeSustainingTreatment::IvFluids,
          LifeSustainingTreatment::Dialysis, LifeSustainingTreatment::HospitalTransfer}) {
        CHECK(lifeSustainingTreatmentFromWire(toWire(t)) == t);
    }
    CHECK(labelJa(LifeSustainingTreatment::TubeFeeding) == "経管栄養（胃ろう等）");
}

TEST_CASE("an ACP record is refused before sending when a field breaks its rule", "[care][acp]") {
    CHECK(validateAdvanceCarePlan(plan(), kNow));
    auto message = [](const AdvanceCarePlan& v) {
        const auto r = validateAdvanceCarePlan(v, kNow);
        return r ? std::string("ok") : r.error().message;
    };
    auto v = plan();
    v.discussion_date = "2026-12-08";
    CHECK(message(v) == "ok");
    v.discussion_date = "2026-12-09";
    CHECK(message(v) == "acp.discussion_date: after today");
    v = plan();
    v.place_of_death = {WishedPlace::Other, ""};
    CHECK(message(v) == "acp.place_of_death: breaks its rule");
    v.place_of_death = {WishedPlace::Home, "長女の家"};  // a detail only for その他
    CHECK(message(v) == "acp.place_of_death: breaks its rule");
    v.place_of_death = {WishedPlace::Other, std::string(kPlaceDetailBytes, 'a')};
    CHECK(message(v) == "ok");
    v.place_of_death.detail += "a";
    CHECK(message(v) == "acp.place_of_death: breaks its rule");
    v = plan();
    v.participants.clear();
    CHECK(message(v) == "acp.participants: breaks its rule");
    v.participants.assign(kMaxAcpParticipants, {"山田 花子", "本人"});
    CHECK(message(v) == "ok");
    v.participants.push_back({"山田 花子", "本人"});
    CHECK(message(v) == "acp.participants: breaks its rule");
    v = plan();
    v.participants[0].role = "";
    CHECK(message(v) == "acp.participants: breaks its rule");
    v = plan();
    v.surrogate = Surrogate{"山田 一郎", ""};
    CHECK(message(v) == "acp.surrogate: breaks its rule");
    v.surrogate.reset();
    CHECK(message(v) == "ok");
    v.revision = 0;
    CHECK(message(v) == "acp.revision: breaks its rule");
    v = plan();
    v.supersedes = "first";
    CHECK(message(v) == "acp.supersedes: breaks its rule");
    v = plan();
    v.wishes = std::string(kAcpWishesBytes, 'a');
    CHECK(message(v) == "ok");
    v.wishes += "a";
    CHECK(message(v) == "acp.wishes: breaks its rule");
    v = plan();
    v.note = std::string(kAcpNoteBytes + 1, 'a');
    CHECK(message(v) == "acp.note: breaks its rule");
}

TEST_CASE("a hostile ACP record reads as absent, a newer one keeps its fields", "[care][acp]") {
    const json good = recordObject(advanceCarePlanContent(plan()), RecordKind::Acp);
    auto with = [&](const char* key, json value) { return withField(good, key, std::move(value)); };
    CHECK_FALSE(parseAdvanceCarePlan(with("place_of_care", "home")));
    CHECK_FALSE(parseAdvanceCarePlan(with("place_of_care", {{"place", "moon"}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("place_of_care", {{"place", "home"}, {"detail", 3}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("life_sustaining", {{"cpr", "yes"}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("life_sustaining", {{"cpr", true}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("life_sustaining", json::array())));
    CHECK_FALSE(parseAdvanceCarePlan(with("participants", {{{"name", "山田"}}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("participants", {"山田"})));
    CHECK_FALSE(parseAdvanceCarePlan(
        with("participants", {{{"name", std::string(100'000, 'a')}, {"role", "x"}}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("surrogate", {{"name", "山田 一郎"}})));
    CHECK_FALSE(parseAdvanceCarePlan(with("revision", -1)));
    CHECK_FALSE(parseAdvanceCarePlan(with("revision", 1.5)));
    CHECK_FALSE(parseAdvanceCarePlan(with("revision", "2")));
    CHECK_FALSE(parseAdvanceCarePlan(with("discussion_date", nullptr)));
    CHECK_FALSE(parseAdvanceCarePlan(with("wishes", std::string(kAcpWishesBytes + 1, 'a'))));
    json many = json::object();
    for (int k = 0; k < 100; ++k) many["x_future_" + std::to_string(k)] = "wanted";
    CHECK_FALSE(parseAdvanceCarePlan(with("life_sustaining", many)));
    // Absent places read as 未定.
    json bare = good;
    bare.erase("place_of_care");
    bare.erase("place_of_death");
    const auto read_bare = parseAdvanceCarePlan(bare);
    REQUIRE(read_bare);
    CHECK(read_bare->place_of_care == PlaceWish{});
    CHECK(read_bare->place_of_care.place == WishedPlace::Undecided);

    // A newer client's treatment and field survive an edit by this one.
    json newer = good;
    newer["life_sustaining"]["x_ecmo"] = "not_wanted";
    newer["advance_directive_mxc"] = "mxc://kashiwa.example.jp/abc";
    const auto parsed = parseAdvanceCarePlan(newer);
    REQUIRE(parsed);
    CHECK(parsed->treatments == plan().treatments);
    CHECK(parsed->other_treatments == json{{"x_ecmo", "not_wanted"}});
    CHECK(validateAdvanceCarePlan(*parsed, kNow));
    const json again = recordObject(advanceCarePlanContent(*parsed), RecordKind::Acp);
    CHECK(again["life_sustaining"]["x_ecmo"] == "not_wanted");
    CHECK(again["life_sustaining"]["cpr"] == "not_wanted");
    CHECK(again["advance_directive_mxc"] == "mxc://kashiwa.example.jp/abc");
}

TEST_CASE("the current ACP version is the newest content, the others its history", "[care][acp]") {
    auto post = [](std::string id, std::int64_t ts, std::int64_t revision) {
        auto p = plan();
        p.revision = revision;
        return AcpPost{std::move(id), ts, std::move(p)};
    };
    // $v1 was edited after $v2 was posted: its edit's time makes it the newest content.
    const auto history = acpHistory(
        {post("$v1", 3000, 1), post("$v2", 2000, 2), post("$v0", 1000, 1), post("$v2", 2000, 2)});
    REQUIRE(history.size() == 3);
    CHECK(history[0].event_id == "$v1");
    CHECK(history[1].event_id == "$v2");
    CHECK(history[2].event_id == "$v0");
    // Same time: the higher revision is current.
    const auto tie = acpHistory({post("$a", 5000, 1), post("$b", 5000, 3)});
    CHECK(tie.front().event_id == "$b");
    CHECK(acpHistory({}).empty());
}
