// The discharge joint-guidance record (退院時共同指導記録票, care/care_record_discharge.h):
// what any client reads of it, what Renkei refuses to send, and what it reads of a hostile
// member's record. Test data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "care/care_record.h"
#include "care/care_record_discharge.h"
#include "care/care_types.h"
#include "care_record_fixtures.h"
#include "matrix/rich_text.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;
using namespace renkei::care::testing;

namespace {

DischargeGuidance record() {
    DischargeGuidance v;
    v.hospital = "柏みなと総合病院";
    v.ward = "5階東病棟";
    v.admission_date = "2026-11-20";
    v.planned_discharge_date = "2026-12-10";
    v.hospital_physician = "高橋 健";
    v.home_physician = "田中 誠";
    v.diagnosis = "慢性心不全の急性増悪";
    v.hospital_course = "利尿薬で体重 -4kg。\n歩行器で病棟内歩行可。";
    v.adl = {{AdlItem::Eating, AdlLevel::Independent},
             {AdlItem::Toileting, AdlLevel::PartialAssist},
             {AdlItem::Bathing, AdlLevel::FullAssist}};
    v.adl_note = "夜間はポータブルトイレ";
    v.procedures = {"在宅酸素療法（1L/分）", "褥瘡処置"};
    v.medications = "フロセミド 40mg 朝\nスピロノラクトン 25mg 朝";
    v.services = "訪問看護 週2回、訪問介護 毎日";
    v.equipment = "介護ベッド、酸素濃縮器";
    v.family = "長女が日中不在。本人・家族とも自宅退院を希望";
    v.conference_date = "2026-12-05";
    v.participants = {{"高橋 健", "病院主治医"},
                      {"佐藤 美咲", "医療ソーシャルワーカー"},
                      {"鈴木 恵", "訪問看護師"},
                      {"山田 一郎", "長男"}};
    v.follow_up = "退院翌日に訪問看護で体重と浮腫を確認";
    return v;
}

std::string message(const DischargeGuidance& v) {
    const auto r = validateDischargeGuidance(v, kNow);
    return r ? std::string("ok") : r.error().message;
}

}  // namespace

TEST_CASE("a discharge joint-guidance record reads as a document in any client",
          "[care][discharge]") {
    const auto content = dischargeGuidanceContent(record());
    CHECK(
        content["body"] ==
        "【退院時共同指導記録票】\n医療機関: 柏みなと総合病院\n病棟: 5階東病棟\n入院日: "
        "2026-11-20\n"
        "退院予定日: 2026-12-10\n病院の主治医: 高橋 健\n在宅の主治医: 田中 誠\n"
        "診断名: 慢性心不全の急性増悪\n入院中の経過: 利尿薬で体重 -4kg。\n歩行器で病棟内歩行可。\n"
        "ADL: 食事 自立、排泄 一部介助、入浴 全介助\nADLの補足: 夜間はポータブルトイレ\n"
        "在宅での医療処置: 在宅酸素療法（1L/分）、褥瘡処置\n"
        "服薬: フロセミド 40mg 朝\nスピロノラクトン 25mg 朝\n"
        "予定する看護・介護サービス: 訪問看護 週2回、訪問介護 毎日\n"
        "福祉用具・医療機器: 介護ベッド、酸素濃縮器\n"
        "家族の状況と意向: 長女が日中不在。本人・家族とも自宅退院を希望\n共同指導の日: 2026-12-05\n"
        "共同指導の参加者: 高橋 健（病院主治医）、佐藤 美咲（医療ソーシャルワーカー）、鈴木 "
        "恵（訪問看護師）、"
        "山田 一郎（長男）\n退院後の確認事項: 退院翌日に訪問看護で体重と浮腫を確認");
    const std::string html = content["formatted_body"];
    CHECK(matrix::sanitizeFormattedBody(html).html == html);
    CHECK(html.find("<li><strong>入院中の経過</strong>: 利尿薬で体重 "
                    "-4kg。<br>歩行器で病棟内歩行可。</li>") != std::string::npos);

    const json r = recordObject(content, RecordKind::DischargeGuidance);
    CHECK(r["kind"] == "discharge_guidance");
    CHECK(r["schema"] == kSchemaVersion);
    CHECK(r["adl"] == json{{"eating", "independent"},
                           {"toileting", "partial_assist"},
                           {"bathing", "full_assist"}});
    CHECK(r["procedures"] == json{"在宅酸素療法（1L/分）", "褥瘡処置"});
    CHECK(r["admission_date"] == "2026-11-20");
    CHECK(r["planned_discharge_date"] == "2026-12-10");
    CHECK(r["conference_date"] == "2026-12-05");
    CHECK(r["participants"][1] == json{{"name", "佐藤 美咲"}, {"role", "医療ソーシャルワーカー"}});
    CHECK(r.size() == 20);  // kind, schema and the 18 fields of SCHEMA.md
    CHECK(parseDischargeGuidance(r) == record());

    // Only what was filled in: an early draft reads short.
    DischargeGuidance brief;
    brief.hospital = "柏みなと総合病院";
    brief.admission_date = "2026-11-20";
    brief.planned_discharge_date = "2026-12-10";
    brief.diagnosis = "肺炎";
    brief.conference_date = "2026-12-05";
    brief.participants = {{"佐藤 美咲", "医療ソーシャルワーカー"}};
    CHECK(message(brief) == "ok");
    CHECK(dischargeGuidanceContent(brief)["body"] ==
          "【退院時共同指導記録票】\n医療機関: 柏みなと総合病院\n入院日: 2026-11-20\n退院予定日: "
          "2026-12-10\n"
          "診断名: 肺炎\n共同指導の日: 2026-12-05\n共同指導の参加者: 佐藤 "
          "美咲（医療ソーシャルワーカー）");
}

TEST_CASE("a discharge record is refused before sending when a field breaks its rule",
          "[care][discharge]") {
    CHECK(message(record()) == "ok");
    auto v = record();
    v.hospital = " ";
    CHECK(message(v) == "discharge_guidance.hospital: breaks its rule");
    v = record();
    v.hospital = std::string(kHospitalBytes, 'a');
    CHECK(message(v) == "ok");
    v.hospital += "a";
    CHECK(message(v) == "discharge_guidance.hospital: breaks its rule");
    v = record();
    v.ward = "5階\n東";  // one line
    CHECK(message(v) == "discharge_guidance.ward: breaks its rule");
    v = record();
    v.planned_discharge_date = "2026-11-19";  // before admission
    CHECK(message(v) == "discharge_guidance.planned_discharge_date: breaks its rule");
    v = record();
    v.conference_date = "2026-12-11";  // after the planned discharge
    CHECK(message(v) == "discharge_guidance.conference_date: breaks its rule");
    v.conference_date = "2026-11-19";  // before admission
    CHECK(message(v) == "discharge_guidance.conference_date: breaks its rule");
    v = record();
    v.admission_date = "2026-12-09";
    v.conference_date = v.planned_discharge_date = "2026-12-09";
    CHECK(message(v) == "discharge_guidance.admission_date: after today");
    v = record();
    v.planned_discharge_date = "2026-12-20";
    v.conference_date = "2026-12-09";
    CHECK(message(v) == "discharge_guidance.conference_date: after today");
    v = record();
    v.diagnosis.clear();
    CHECK(message(v) == "discharge_guidance.diagnosis: breaks its rule");
    v = record();
    v.procedures.assign(kMaxProcedures, "褥瘡処置");
    CHECK(message(v) == "ok");
    v.procedures.push_back("褥瘡処置");
    CHECK(message(v) == "discharge_guidance.procedures: breaks its rule");
    v.procedures = {""};
    CHECK(message(v) == "discharge_guidance.procedures: breaks its rule");
    v = record();
    v.participants.clear();
    CHECK(message(v) == "discharge_guidance.participants: breaks its rule");
    v = record();
    v.hospital_course = std::string(kHospitalCourseBytes, 'a');
    CHECK(message(v) == "ok");
    v.hospital_course += "a";
    CHECK(message(v) == "discharge_guidance.hospital_course: breaks its rule");

    // Every field at its cap: each fits, the whole post would not (its edit must fit an event).
    v = record();
    for (auto* text : {&v.hospital_course, &v.medications, &v.services, &v.family, &v.follow_up}) {
        text->assign(kDischargeTextBytes, '<');  // escaped as &lt; in formatted_body
    }
    CHECK(message(v) == "discharge_guidance: content too large");
}

TEST_CASE("a hostile discharge record reads as absent, a newer one keeps its fields",
          "[care][discharge]") {
    const json good = recordObject(dischargeGuidanceContent(record()), RecordKind::DischargeGuidance);
    auto with = [&](const char* key, json value) { return withField(good, key, std::move(value)); };
    CHECK_FALSE(parseDischargeGuidance(with("hospital", 1)));
    CHECK_FALSE(parseDischargeGuidance(with("hospital", std::string(10'000'000, 'a'))));
    CHECK_FALSE(parseDischargeGuidance(with("admission_date", "2026-13-01")));
    CHECK_FALSE(parseDischargeGuidance(with("planned_discharge_date", "2026-11-01")));
    CHECK_FALSE(parseDischargeGuidance(with("adl", {{"eating", "自立"}})));
    CHECK_FALSE(parseDischargeGuidance(with("adl", {"eating"})));
    CHECK_FALSE(parseDischargeGuidance(with("procedures", "褥瘡処置")));
    CHECK_FALSE(parseDischargeGuidance(with("procedures", {"褥瘡処置", 3})));
    CHECK_FALSE(parseDischargeGuidance(with("procedures", json::array({std::string(200, 'a')}))));
    CHECK_FALSE(parseDischargeGuidance(with("participants", json::object())));
    CHECK_FALSE(parseDischargeGuidance(with("medications", {{"text", "x"}})));
    CHECK_FALSE(parseDischargeGuidance(with("family", "\xE3\x81")));  // cut UTF-8
    CHECK_FALSE(parseDischargeGuidance(with("schema", "1")));
    json nested = json::object();
    for (int k = 0; k < 200; ++k) nested = json{{"x", nested}};
    CHECK_FALSE(parseDischargeGuidance(with("hospital", nested)));
    // A deep unknown field is dropped, the record still read.
    const auto deep = parseDischargeGuidance(with("x_deep", nested));
    REQUIRE(deep);
    CHECK(deep->extra.empty());

    json newer = good;
    newer["schema"] = 3;
    newer["adl"]["x_stairs"] = "partial_assist";
    newer["nutrition"] = {{"route", "経口"}, {"kcal", 1400}};
    const auto parsed = parseDischargeGuidance(newer);
    REQUIRE(parsed);
    CHECK(parsed->adl == record().adl);
    CHECK(parsed->other_adl == json{{"x_stairs", "partial_assist"}});
    CHECK(parsed->extra == json{{"nutrition", {{"route", "経口"}, {"kcal", 1400}}}});
    const json again = recordObject(dischargeGuidanceContent(*parsed), RecordKind::DischargeGuidance);
    CHECK(again["adl"]["x_stairs"] == "partial_assist");
    CHECK(again["adl"]["eating"] == "independent");
    CHECK(again["nutrition"] == newer["nutrition"]);
    CHECK(again["schema"] == kSchemaVersion);

    for (const auto item : {AdlItem::Eating, AdlItem::Toileting, AdlItem::Mobility,
                            AdlItem::Bathing, AdlItem::Dressing}) {
        CHECK(adlItemFromWire(toWire(item)) == item);
    }
    for (const auto level :
         {AdlLevel::Independent, AdlLevel::PartialAssist, AdlLevel::FullAssist}) {
        CHECK(adlLevelFromWire(toWire(level)) == level);
    }
}
