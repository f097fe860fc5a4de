// The バイタル record (care/care_record_vitals.h): the content any Matrix client reads, the
// record Renkei reads back, every plausible-range limit, and hostile records. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "care/care_record.h"
#include "care/care_record_vitals.h"
#include "care/care_types.h"
#include "care_record_fixtures.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;

namespace {

constexpr std::int64_t kMorning = 1796085000000;  // 2026-12-01 09:30 JST (00:30 UTC)
constexpr std::int64_t kNow = kMorning + 6LL * 60 * 60 * 1000;  // the post, that afternoon

Vitals full() {
    Vitals v;
    v.systolic = 132;
    v.diastolic = 80;
    v.pulse = 72;
    v.temperature = 36.8;
    v.spo2 = 97;
    v.respiration = 18;
    v.weight = 45.2;
    v.meal_intake = 80;
    v.fluid_intake = 1200;
    v.bowel = Bowel::Yes;
    v.measured_at = kMorning;
    v.note = "午前の訪問時に測定。\n夕方に再検予定";
    return v;
}

/// A record with one measure at `x` (blood pressure with a partner that keeps the order).
Vitals withMeasure(VitalMeasure m, double x) {
    Vitals v;
    v.measured_at = kMorning;
    setMeasure(v, m, x);
    if (m == VitalMeasure::Systolic) v.diastolic = 20;
    if (m == VitalMeasure::Diastolic) v.systolic = 300;
    return v;
}

json recordOfContent(const json& content) {
    return testing::recordObject(content, RecordKind::Vitals);
}

/// A sound record object as another member's client sends it, with `key` set to `value`.
json recordWith(const char* key, json value) {
    const json sound = recordOfContent(vitalsContent(full()).value());
    return testing::withField(sound, key, std::move(value));
}

}  // namespace

TEST_CASE("a vitals post reads in words in any client, with units and the JST time", "[care][vitals]") {
    const auto content = vitalsContent(full());
    REQUIRE(content.ok());
    CHECK((*content)["msgtype"] == "m.text");
    CHECK((*content)["body"] ==
          "【バイタル】\n血圧: 132/80 mmHg\n脈拍: 72 /分\n体温: 36.8 ℃\nSpO2: 97 %\n呼吸数: 18 /分\n"
          "体重: 45.2 kg\n食事摂取量: 80 %\n水分摂取量: 1200 mL\n排便: あり\n測定: 2026-12-01 09:30\n"
          "メモ: 午前の訪問時に測定。\n夕方に再検予定");
    const std::string html = (*content)["formatted_body"];
    CHECK(html.find("<li><strong>体温</strong>: 36.8 ℃</li>") != std::string::npos);
    CHECK(html.find("測定。<br>夕方") != std::string::npos);

    // Another offset (the parameter) moves the shown time only.
    const auto utc = vitalsContent(full(), 0);
    CHECK(utc->at("body").get<std::string>().find("測定: 2026-12-01 00:30") != std::string::npos);
    CHECK(utc->at(kRecordKey) == content->at(kRecordKey));

    // One decimal always for ℃ and kg; values rounded to 0.1 on the wire.
    Vitals v;
    v.temperature = 37.0;
    v.weight = 50.04;
    v.measured_at = kMorning;
    const auto few = vitalsContent(v);
    CHECK(few->at("body") == "【バイタル】\n体温: 37.0 ℃\n体重: 50.0 kg\n測定: 2026-12-01 09:30");
    CHECK(few->at(kRecordKey).at("weight_kg_tenths") == 500);
}

TEST_CASE("the vitals record has exactly its documented keys, units in their names", "[care][vitals]") {
    const json r = recordOfContent(vitalsContent(full()).value());
    std::set<std::string> keys;
    for (const auto& [k, _] : r.items()) keys.insert(k);
    CHECK(keys == std::set<std::string>{"kind", "schema", "systolic_mmhg", "diastolic_mmhg",
                                        "pulse_per_min", "temperature_c_tenths", "spo2_percent",
                                        "respiration_per_min", "weight_kg_tenths", "meal_intake_percent",
                                        "fluid_intake_ml", "bowel", "measured_at", "note"});
    CHECK(r["kind"] == "vitals");
    CHECK(r["schema"] == 1);
    CHECK(r["schema"] == kSchemaVersion);
    CHECK(r["systolic_mmhg"].is_number_integer());
    CHECK(r["systolic_mmhg"] == 132);
    CHECK(r["diastolic_mmhg"] == 80);
    CHECK(r["temperature_c_tenths"].is_number_integer());  // Matrix events hold integers only
    CHECK(r["temperature_c_tenths"] == 368);
    CHECK(r["weight_kg_tenths"] == 452);
    CHECK(parseVitals(r)->temperature == 36.8);
    CHECK(parseVitals(r)->weight == 45.2);
    CHECK(r["fluid_intake_ml"] == 1200);
    CHECK(r["bowel"] == "yes");
    CHECK(r["measured_at"] == kMorning);

    // An unmeasured value has no key at all (not null, not 0).
    Vitals only;
    only.spo2 = 95;
    only.measured_at = kMorning;
    const json o = recordOfContent(vitalsContent(only).value());
    CHECK(o.size() == 4);  // kind, schema, spo2_percent, measured_at
    CHECK(o["spo2_percent"] == 95);

    // Read back as written.
    CHECK(parseVitals(r) == full());
    CHECK(parseVitals(o) == only);
}

TEST_CASE("every plausible range: just inside is posted, just outside is refused naming the field",
          "[care][vitals]") {
    int checked = 0;
    for (const auto& s : measureSpecs()) {
        const double step = s.decimals == 1 ? 0.1 : 1;
        for (const double x : {s.low, s.high, s.low - step, s.high + step}) {
            const bool inside = x == s.low || x == s.high;
            INFO(s.wire << " = " << x);
            const Vitals v = withMeasure(s.measure, x);
            const auto problem = vitalsProblem(v, kNow);
            CHECK(problem.has_value() == !inside);
            if (problem) {
                CHECK(problem->rule == RecordProblem::Rule::OutOfRange);
                CHECK(problem->field == s.wire);
                CHECK(problem->unit == s.unit);
                CHECK(problem->low == s.low);
                CHECK(problem->high == s.high);
                CHECK_FALSE(vitalsContent(v).ok());  // a reader would refuse it too
                // Sent anyway by another client, it reads as absent.
                json r = recordOfContent(vitalsContent(withMeasure(s.measure, s.low)).value());
                r[s.wire] = s.decimals == 0 ? json(std::lround(x)) : json(x);
                CHECK_FALSE(parseVitals(r));
            } else {
                CHECK(parseVitals(recordOfContent(vitalsContent(v).value())) == v);
            }
            ++checked;
        }
    }
    CHECK(checked == 36);
    // The ranges as documented in SCHEMA.md.
    CHECK(measureSpec(VitalMeasure::Temperature).low == 30.0);
    CHECK(measureSpec(VitalMeasure::Temperature).high == 45.0);
    CHECK(measureSpec(VitalMeasure::Systolic).high == 300);
    CHECK(measureSpec(VitalMeasure::SpO2).low == 50);
    CHECK(measureSpec(VitalMeasure::FluidIntake).high == 10000);
}

TEST_CASE("a typo like 体温 368 is caught with the field, the value and the range", "[care][vitals]") {
    Vitals v;
    v.temperature = 368;
    v.measured_at = kMorning;
    const auto p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(problemTextJa(*p) == "体温 368 ℃ は範囲外です（30.0〜45.0 ℃）");
    const auto r = validateVitals(v, kNow);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message == "vitals.temperature_c_tenths: out of range 30.0-45.0 ℃");
    CHECK(r.error().message.find("368") == std::string::npos);  // the value is a patient datum

    v.temperature = 45.04;  // rounds to 45.0: inside
    CHECK(validateVitals(v, kNow).ok());
    v.temperature = 45.06;
    CHECK_FALSE(validateVitals(v, kNow).ok());
    v.temperature = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(validateVitals(v, kNow).ok());
    CHECK_FALSE(vitalsContent(v).ok());

    // A form's input goes in through setMeasure: rounded to the unit's resolution; a number
    // too big for the field, or NaN, becomes a value the range check refuses.
    Vitals typed;
    typed.measured_at = kMorning;
    setMeasure(typed, VitalMeasure::Temperature, 36.84);
    setMeasure(typed, VitalMeasure::Pulse, 71.6);
    CHECK(typed.temperature == 36.8);
    CHECK(typed.pulse == 72);
    CHECK(measureValue(typed, VitalMeasure::Pulse) == 72.0);
    CHECK_FALSE(measureValue(typed, VitalMeasure::SpO2));
    setMeasure(typed, VitalMeasure::SpO2, 1e12);
    CHECK(vitalsProblem(typed, kNow)->field == "spo2_percent");
    setMeasure(typed, VitalMeasure::SpO2, std::nan(""));
    CHECK(vitalsProblem(typed, kNow)->field == "spo2_percent");
}

TEST_CASE("blood pressure: both halves, systolic above diastolic", "[care][vitals]") {
    Vitals v;
    v.measured_at = kMorning;
    v.systolic = 120;
    auto p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::BloodPressurePair);
    CHECK(p->field == "diastolic_mmhg");
    CHECK(problemTextJa(*p) == "血圧は収縮期と拡張期の両方を入力してください");
    v.diastolic = 120;
    p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::SystolicNotAboveDiastolic);
    CHECK(problemTextJa(*p) == "収縮期血圧（120 mmHg）は拡張期血圧（120 mmHg）より高い値にしてください");
    CHECK_FALSE(vitalsContent(v).ok());
    v.diastolic = 119;
    CHECK(validateVitals(v, kNow).ok());
}

TEST_CASE("at least one measure; the time not in the future nor over 7 days back; the note capped",
          "[care][vitals]") {
    Vitals v;
    v.measured_at = kMorning;
    v.note = "訪問時不在";
    auto p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::NoMeasure);
    CHECK(problemTextJa(*p) == "測定値を1つ以上入力してください");
    v.bowel = Bowel::Constipation;  // 排便 alone is a record
    CHECK(validateVitals(v, kNow).ok());

    v.measured_at = kNow;
    CHECK(validateVitals(v, kNow).ok());
    v.measured_at = kNow + 1;
    p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::InFuture);
    CHECK(problemTextJa(*p) == "測定日時が未来の日時です");
    CHECK(validateVitals(v, kNow).error().message == "vitals.measured_at: in the future");
    v.measured_at = kNow - kMaxVitalsAgeMs;
    CHECK(validateVitals(v, kNow).ok());
    v.measured_at = kNow - kMaxVitalsAgeMs - 1;
    p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::TooOld);
    CHECK(problemTextJa(*p) == "測定日時が7日より前です");
    // An older record still reads (a post read months later).
    CHECK(vitalsContent(v).ok());

    v.measured_at = kMorning;
    std::string note;
    for (int i = 0; i < 500; ++i) note += "あ";
    v.note = note;
    CHECK(validateVitals(v, kNow).ok());
    v.note = note + "あ";
    p = vitalsProblem(v, kNow);
    REQUIRE(p);
    CHECK(p->rule == RecordProblem::Rule::Text);
    CHECK(p->field == "note");
    CHECK(problemTextJa(*p) == "メモは500文字以内で、制御文字を含まないでください");
    v.note = "bell\a";
    CHECK_FALSE(validateVitals(v, kNow).ok());
}

TEST_CASE("a hostile vitals record reads as absent, never half-read", "[care][vitals]") {
    REQUIRE(parseVitals(recordWith("pulse_per_min", 72)));
    // Wrong JSON types of known fields.
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", "72")));
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", 72.5)));
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", nullptr)));
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", json::array({72}))));
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", "368")));
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", 36.8)));  // not tenths, not an integer
    CHECK_FALSE(parseVitals(recordWith("bowel", true)));
    CHECK_FALSE(parseVitals(recordWith("note", 5)));
    CHECK_FALSE(parseVitals(recordWith("measured_at", "2026-12-01T09:30")));
    CHECK_FALSE(parseVitals(recordWith("measured_at", 1.7e12)));
    // Out of range, not finite, huge.
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", 1000)));
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", -72)));
    const auto huge = std::numeric_limits<std::uint64_t>::max();
    CHECK_FALSE(parseVitals(recordWith("pulse_per_min", huge)));
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", 3680)));
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", 299)));
    REQUIRE(parseVitals(recordWith("temperature_c_tenths", 300)));
    CHECK(parseVitals(recordWith("temperature_c_tenths", 450))->temperature == 45.0);
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", 1e308)));
    CHECK_FALSE(parseVitals(recordWith("temperature_c_tenths", std::nan(""))));
    CHECK_FALSE(parseVitals(recordWith("weight_kg_tenths", -std::numeric_limits<double>::infinity())));
    CHECK_FALSE(parseVitals(recordWith("measured_at", -1)));
    CHECK_FALSE(parseVitals(recordWith("measured_at", 9'000'000'000'000'000)));
    CHECK_FALSE(parseVitals(recordWith("note", std::string(100'000, 'x'))));
    CHECK_FALSE(parseVitals(recordWith("note", "\xC0\xAF")));  // overlong UTF-8
    CHECK_FALSE(parseVitals(recordWith("bowel", "maybe")));
    CHECK_FALSE(parseVitals(recordWith("diastolic_mmhg", 140)));  // not below systolic 132
    // Envelope: kind, schema, shape.
    CHECK_FALSE(parseVitals(recordWith("kind", "medication")));
    CHECK_FALSE(parseVitals(recordWith("schema", 0)));
    CHECK_FALSE(parseVitals(recordWith("schema", "1")));
    CHECK(parseVitals(recordWith("schema", 2)));  // a newer schema: the known fields read
    json no_time = recordWith("pulse_per_min", 72);
    no_time.erase("measured_at");
    CHECK_FALSE(parseVitals(no_time));
    json no_measure{{"kind", "vitals"}, {"schema", 1}, {"measured_at", kMorning}};
    CHECK_FALSE(parseVitals(no_measure));
    CHECK_FALSE(parseVitals(json::array()));
    CHECK_FALSE(parseVitals(json("vitals")));
    json no_schema = recordWith("pulse_per_min", 72);
    no_schema.erase("schema");
    CHECK(parseVitals(no_schema) == full());
}

TEST_CASE("a newer client's fields survive an edit by this one", "[care][vitals]") {
    json r = recordWith("schema", 2);
    r["pain_nrs"] = 3;
    r["x_device"] = {{"model", "UA-651"}, {"cuff", "M"}};
    const auto v = parseVitals(r);
    REQUIRE(v);
    CHECK(v->extra == json{{"pain_nrs", 3}, {"x_device", {{"model", "UA-651"}, {"cuff", "M"}}}});

    Vitals corrected = *v;  // the nurse corrects a typo in the pulse
    corrected.pulse = 76;
    const json back = recordOfContent(vitalsContent(corrected).value());
    CHECK(back["pain_nrs"] == 3);
    CHECK(back["x_device"]["model"] == "UA-651");
    CHECK(back["pulse_per_min"] == 76);
    CHECK(back["schema"] == kSchemaVersion);
    CHECK(parseVitals(back) == corrected);

    // `extra` never overrides a known field, nor brings back one that was removed.
    corrected.extra["pulse_per_min"] = 999;
    corrected.extra["note"] = "古いメモ";
    corrected.note.clear();
    const json clean = recordOfContent(vitalsContent(corrected).value());
    CHECK(clean["pulse_per_min"] == 76);
    CHECK_FALSE(clean.contains("note"));
}
