// The 服薬 record (care/care_record_medication.h): what any Matrix client reads, what Renkei
// reads back, the caps, hostile records and a newer client's fields. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <set>
#include <string>

#include "care/care_record.h"
#include "care/care_record_medication.h"
#include "care/care_types.h"
#include "care_record_fixtures.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;

namespace {

Medication amlodipine() {
    Medication m;
    m.drug = "アムロジピン錠5mg";
    m.change = MedicationChange::Change;
    m.dosage = "1日1回 朝食後 1錠";
    m.adherence = Adherence::SometimesMissed;
    m.leftover_doses = 6;
    m.side_effects = "足のむくみ";
    m.note = "一包化を主治医に相談。\nカレンダーに貼付";
    return m;
}

json recordOfContent(const json& content) {
    return testing::recordObject(content, RecordKind::Medication);
}

/// A sound record object as another member's client sends it, with `key` set to `value`.
json recordWith(const char* key, json value) {
    const json sound = recordOfContent(medicationContent(amlodipine()).value());
    return testing::withField(sound, key, std::move(value));
}

std::string repeat(const char* s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("a medication post reads in words in any client", "[care][medication]") {
    const auto content = medicationContent(amlodipine());
    REQUIRE(content.ok());
    CHECK((*content)["msgtype"] == "m.text");
    CHECK((*content)["body"] ==
          "【服薬】\n薬剤: アムロジピン錠5mg\n変更: 変更\n用法・用量: 1日1回 朝食後 1錠\n"
          "服薬状況: 時々忘れる\n残薬: 6回分\n副作用: 足のむくみ\n"
          "メモ: 一包化を主治医に相談。\nカレンダーに貼付");
    const std::string html = (*content)["formatted_body"];
    CHECK(html.find("<li><strong>残薬</strong>: 6回分</li>") != std::string::npos);

    Medication stop;
    stop.drug = "ロキソプロフェン錠60mg";
    stop.change = MedicationChange::Stop;
    stop.leftover_doses = 0;
    CHECK(medicationContent(stop)->at("body") ==
          "【服薬】\n薬剤: ロキソプロフェン錠60mg\n変更: 中止\n残薬: 0回分");
}

TEST_CASE("the medication record has exactly its documented keys and wire values", "[care][medication]") {
    const json r = recordOfContent(medicationContent(amlodipine()).value());
    std::set<std::string> keys;
    for (const auto& [k, _] : r.items()) keys.insert(k);
    CHECK(keys == std::set<std::string>{"kind", "schema", "drug", "change", "dosage", "adherence",
                                        "leftover_doses", "side_effects", "note"});
    CHECK(r["kind"] == "medication");
    CHECK(r["schema"] == kSchemaVersion);
    CHECK(r["change"] == "change");
    CHECK(r["adherence"] == "sometimes_missed");
    CHECK(r["leftover_doses"].is_number_integer());
    CHECK(r["leftover_doses"] == 6);
    CHECK(parseMedication(r) == amlodipine());

    Medication only;
    only.drug = "マグミット錠330mg";
    const json o = recordOfContent(medicationContent(only).value());
    CHECK(o == json{{"kind", "medication"}, {"schema", 1}, {"drug", "マグミット錠330mg"},
                    {"change", "continue"}});
    CHECK(parseMedication(o) == only);

    for (auto c : {MedicationChange::Start, MedicationChange::Change, MedicationChange::Stop,
                   MedicationChange::Continue}) {
        CHECK(medicationChangeFromWire(toWire(c)) == c);
    }
    for (auto a : {Adherence::Good, Adherence::SometimesMissed, Adherence::Poor}) {
        CHECK(adherenceFromWire(toWire(a)) == a);
    }
    CHECK(toWire(MedicationChange::Start) == "start");
    CHECK(labelJa(MedicationChange::Start) == "開始");
    CHECK(labelJa(Adherence::Poor) == "不良");
    CHECK(toWire(Adherence::Good) == "good");
}

TEST_CASE("medication limits: just inside is posted, just outside is refused naming the field",
          "[care][medication]") {
    Medication m = amlodipine();
    m.drug = "";
    auto p = medicationProblem(m);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::Required);
    CHECK(problemTextJa(*p) == "薬剤名を入力してください");
    CHECK(validateMedication(m).error().message == "medication.drug: required");
    m.drug = "　 ";
    CHECK(medicationProblem(m)->rule == RecordProblem::Rule::Required);

    m.drug = repeat("薬", 100);
    CHECK(validateMedication(m).ok());
    m.drug = repeat("薬", 101);
    CHECK(medicationProblem(m)->rule == RecordProblem::Rule::Text);
    CHECK(medicationProblem(m)->field == "drug");
    m.drug = "改行\nあり";  // a drug name is one line
    CHECK(medicationProblem(m)->field == "drug");

    m = amlodipine();
    m.dosage = repeat("a", 100);
    CHECK(validateMedication(m).ok());
    m.dosage = repeat("a", 101);
    CHECK(medicationProblem(m)->field == "dosage");

    for (const char* field : {"side_effects", "note"}) {
        m = amlodipine();
        std::string& text = std::string(field) == "note" ? m.note : m.side_effects;
        text = repeat("あ", 500);
        CHECK(validateMedication(m).ok());
        text = repeat("あ", 501);
        CHECK(medicationProblem(m)->field == field);
        CHECK_FALSE(medicationContent(m).ok());
    }

    m = amlodipine();
    m.leftover_doses = 999;
    CHECK(validateMedication(m).ok());
    m.leftover_doses = 0;
    CHECK(validateMedication(m).ok());
    m.leftover_doses = 1000;
    p = medicationProblem(m);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::OutOfRange);
    CHECK(problemTextJa(*p) == "残薬 1000 回分 は範囲外です（0〜999 回分）");
    CHECK(validateMedication(m).error().message ==
          "medication.leftover_doses: out of range 0-999 回分");
    m.leftover_doses = -1;
    CHECK(medicationProblem(m)->field == "leftover_doses");
}

TEST_CASE("a hostile medication record reads as absent, never half-read", "[care][medication]") {
    REQUIRE(parseMedication(recordWith("leftover_doses", 3)));
    CHECK_FALSE(parseMedication(recordWith("drug", 5)));
    CHECK_FALSE(parseMedication(recordWith("drug", "")));
    CHECK_FALSE(parseMedication(recordWith("drug", std::string(100'000, 'x'))));
    CHECK_FALSE(parseMedication(recordWith("drug", "\xED\xA0\x80")));  // a UTF-8 surrogate
    CHECK_FALSE(parseMedication(recordWith("change", "pause")));
    CHECK_FALSE(parseMedication(recordWith("change", nullptr)));
    CHECK_FALSE(parseMedication(recordWith("adherence", "GOOD")));
    CHECK_FALSE(parseMedication(recordWith("leftover_doses", "3")));
    CHECK_FALSE(parseMedication(recordWith("leftover_doses", 3.5)));
    CHECK_FALSE(parseMedication(recordWith("leftover_doses", 1000)));
    CHECK_FALSE(parseMedication(recordWith("leftover_doses", -1)));
    CHECK_FALSE(parseMedication(recordWith("side_effects", json::object())));
    CHECK_FALSE(parseMedication(recordWith("note", std::string(501 * 3, 'x'))));
    CHECK_FALSE(parseMedication(recordWith("kind", "vitals")));
    CHECK_FALSE(parseMedication(recordWith("schema", -1)));
    json no_drug = recordWith("leftover_doses", 3);
    no_drug.erase("drug");
    CHECK_FALSE(parseMedication(no_drug));
    json no_change = recordOfContent(medicationContent(amlodipine()).value());
    no_change.erase("change");
    const auto read = parseMedication(no_change);
    REQUIRE(read);
    CHECK(read->change == MedicationChange::Continue);
    CHECK_FALSE(parseMedication(json::array()));
}

TEST_CASE("a newer client's medication fields survive an edit by this one", "[care][medication]") {
    json r = recordWith("schema", 3);
    r["yj_code"] = "2171022F1022";
    r["prescribed_by"] = {{"office", "かしわ内科クリニック"}};
    const auto m = parseMedication(r);
    REQUIRE(m);
    CHECK(m->extra == json{{"yj_code", "2171022F1022"},
                           {"prescribed_by", {{"office", "かしわ内科クリニック"}}}});
    Medication corrected = *m;
    corrected.leftover_doses = 4;
    corrected.adherence.reset();
    const json back = recordOfContent(medicationContent(corrected).value());
    CHECK(back["yj_code"] == "2171022F1022");
    CHECK(back["prescribed_by"]["office"] == "かしわ内科クリニック");
    CHECK(back["leftover_doses"] == 4);
    CHECK_FALSE(back.contains("adherence"));
    CHECK(back["schema"] == kSchemaVersion);
    CHECK(parseMedication(back) == corrected);
}
