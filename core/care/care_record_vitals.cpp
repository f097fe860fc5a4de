// Renkei core: the バイタル record (see care_record_vitals.h): one measure table, one set of
// rules for the writer and the reader.
#include "care/care_record_vitals.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "care/care_check.h"
#include "care/care_enum_table.h"
#include "care/care_record.h"
#include "care/care_record_fields.h"
#include "care/care_record_format.h"

namespace renkei::care {
namespace {

using nlohmann::json;
using Rule = RecordProblem::Rule;

constexpr std::array<MeasureSpec, 9> kMeasures{{
    {VitalMeasure::Systolic, "systolic_mmhg", "収縮期血圧", "mmHg", 40, 300, 0},
    {VitalMeasure::Diastolic, "diastolic_mmhg", "拡張期血圧", "mmHg", 20, 200, 0},
    {VitalMeasure::Pulse, "pulse_per_min", "脈拍", "/分", 20, 250, 0},
    {VitalMeasure::Temperature, "temperature_c_tenths", "体温", "℃", 30.0, 45.0, 1},
    {VitalMeasure::SpO2, "spo2_percent", "SpO2", "%", 50, 100, 0},
    {VitalMeasure::Respiration, "respiration_per_min", "呼吸数", "/分", 4, 80, 0},
    {VitalMeasure::Weight, "weight_kg_tenths", "体重", "kg", 1.0, 300.0, 1},
    {VitalMeasure::MealIntake, "meal_intake_percent", "食事摂取量", "%", 0, 100, 0},
    {VitalMeasure::FluidIntake, "fluid_intake_ml", "水分摂取量", "mL", 0, 10000, 0},
}};

constexpr std::array<detail::Entry<Bowel>, 4> kBowel{{
    {Bowel::Yes, "yes", "あり"},
    {Bowel::No, "no", "なし"},
    {Bowel::Diarrhea, "diarrhea", "下痢"},
    {Bowel::Constipation, "constipation", "便秘"},
}};

constexpr const char* kBowelKey = "bowel";
constexpr const char* kMeasuredAtKey = "measured_at";
constexpr const char* kNoteKey = "note";
// measured_at on the wire: 2000-01-01 … 2100-01-01 (ms, UTC); anything else is not a time.
constexpr std::int64_t kEarliestMs = 946684800000LL;
constexpr std::int64_t kLatestMs = 4102444800000LL;

/// Every known field: the measures, then bowel, measured_at and note.
detail::FieldNames knownFields() {
    static const auto names = [] {
        std::array<std::string_view, kMeasures.size() + 3> out{};
        std::size_t i = 0;
        for (const auto& s : kMeasures) out[i++] = s.wire;
        for (const char* key : {kBowelKey, kMeasuredAtKey, kNoteKey}) out[i++] = key;
        return out;
    }();
    return names;
}

RecordProblem problemOf(Rule rule, const MeasureSpec& s, std::optional<double> value) {
    RecordProblem p;
    p.rule = rule;
    p.field = s.wire;
    p.label = s.label;
    p.unit = s.unit;
    p.value = value;
    p.low = s.low;
    p.high = s.high;
    p.decimals = s.decimals;
    return p;
}

RecordProblem timeProblem(Rule rule) {
    RecordProblem p;
    p.rule = rule;
    p.field = kMeasuredAtKey;
    p.label = "測定日時";
    p.low = static_cast<double>(kMaxVitalsAgeMs / (24LL * 60 * 60 * 1000));
    return p;
}

/// Every rule but the time window relative to now: what a reader checks too.
std::optional<RecordProblem> shapeProblem(const Vitals& v) {
    bool any = v.bowel.has_value();
    for (const auto& s : kMeasures) {
        const auto x = measureValue(v, s.measure);
        if (!x) continue;
        any = true;
        const double shown = s.decimals == 1 ? roundTenths(*x) : *x;
        if (!(shown >= s.low && shown <= s.high)) return problemOf(Rule::OutOfRange, s, *x);
    }
    if (!any) {
        RecordProblem p;
        p.rule = Rule::NoMeasure;
        return p;
    }
    if (v.systolic.has_value() != v.diastolic.has_value()) {
        return problemOf(Rule::BloodPressurePair, measureSpec(v.systolic ? VitalMeasure::Diastolic
                                                                          : VitalMeasure::Systolic),
                         std::nullopt);
    }
    if (v.systolic && *v.systolic <= *v.diastolic) {
        auto p = problemOf(Rule::SystolicNotAboveDiastolic, measureSpec(VitalMeasure::Systolic),
                           *v.systolic);
        p.other = *v.diastolic;
        return p;
    }
    if (v.measured_at < kEarliestMs) return timeProblem(Rule::TooOld);
    if (v.measured_at >= kLatestMs) return timeProblem(Rule::InFuture);
    if (!detail::textOk(v.note, kVitalsNoteCap, false, true)) {
        RecordProblem p;
        p.rule = Rule::Text;
        p.field = kNoteKey;
        p.label = "メモ";
        p.high = static_cast<double>(kVitalsNoteCap);
        return p;
    }
    return std::nullopt;
}

std::string valueText(const MeasureSpec& s, double x) {
    const std::string n =
        s.decimals == 1 ? oneDecimal(x) : std::to_string(static_cast<int>(x));
    return n + " " + s.unit;
}

}  // namespace

std::string toWire(Bowel v) { return detail::entryOf(kBowel, v).wire; }
std::optional<Bowel> bowelFromWire(const std::string& s) { return detail::fromWire(kBowel, s); }
std::string labelJa(Bowel v) { return detail::entryOf(kBowel, v).label; }

std::span<const MeasureSpec> measureSpecs() { return kMeasures; }

const MeasureSpec& measureSpec(VitalMeasure m) {
    for (const auto& s : kMeasures) {
        if (s.measure == m) return s;
    }
    return kMeasures.front();  // unreachable: the table lists every measure
}

std::optional<double> measureValue(const Vitals& v, VitalMeasure m) {
    auto d = [](const std::optional<int>& i) {
        return i ? std::optional<double>(*i) : std::nullopt;
    };
    switch (m) {
    case VitalMeasure::Systolic: return d(v.systolic);
    case VitalMeasure::Diastolic: return d(v.diastolic);
    case VitalMeasure::Pulse: return d(v.pulse);
    case VitalMeasure::Temperature: return v.temperature;
    case VitalMeasure::SpO2: return d(v.spo2);
    case VitalMeasure::Respiration: return d(v.respiration);
    case VitalMeasure::Weight: return v.weight;
    case VitalMeasure::MealIntake: return d(v.meal_intake);
    case VitalMeasure::FluidIntake: return d(v.fluid_intake);
    }
    return std::nullopt;
}

void setMeasure(Vitals& v, VitalMeasure m, double x) {
    const double r = measureSpec(m).decimals == 1 ? roundTenths(x) : std::round(x);
    // A typed 1e12 or NaN must not overflow: it becomes a value the range check refuses.
    const int n = std::isfinite(r) ? static_cast<int>(std::clamp(r, -1e9, 1e9))
                                   : std::numeric_limits<int>::min();
    switch (m) {
    case VitalMeasure::Systolic: v.systolic = n; break;
    case VitalMeasure::Diastolic: v.diastolic = n; break;
    case VitalMeasure::Pulse: v.pulse = n; break;
    case VitalMeasure::Temperature: v.temperature = r; break;
    case VitalMeasure::SpO2: v.spo2 = n; break;
    case VitalMeasure::Respiration: v.respiration = n; break;
    case VitalMeasure::Weight: v.weight = r; break;
    case VitalMeasure::MealIntake: v.meal_intake = n; break;
    case VitalMeasure::FluidIntake: v.fluid_intake = n; break;
    }
}

std::optional<RecordProblem> vitalsProblem(const Vitals& v, std::int64_t now_ms) {
    if (auto p = shapeProblem(v)) return p;
    if (v.measured_at > now_ms) return timeProblem(Rule::InFuture);
    if (v.measured_at < now_ms - kMaxVitalsAgeMs) return timeProblem(Rule::TooOld);
    return std::nullopt;
}

Result<void> validateVitals(const Vitals& v, std::int64_t now_ms) {
    if (auto p = vitalsProblem(v, now_ms)) return recordRefusal("vitals", *p);
    return {};
}

std::vector<RecordLine> vitalsLines(const Vitals& v, int utc_offset_min) {
    std::vector<RecordLine> lines;
    if (v.systolic && v.diastolic) {
        lines.push_back(
            {"血圧", std::to_string(*v.systolic) + "/" + std::to_string(*v.diastolic) + " mmHg"});
    }
    for (const auto& s : kMeasures) {
        if (s.measure == VitalMeasure::Systolic || s.measure == VitalMeasure::Diastolic) continue;
        if (const auto x = measureValue(v, s.measure)) lines.push_back({s.label, valueText(s, *x)});
    }
    if (v.bowel) lines.push_back({"排便", labelJa(*v.bowel)});
    lines.push_back({"測定", localMinute(v.measured_at, utc_offset_min)});
    if (!v.note.empty()) lines.push_back({"メモ", v.note});
    return lines;
}

Result<json> vitalsContent(const Vitals& v, int utc_offset_min) {
    if (auto p = shapeProblem(v)) return recordRefusal("vitals", *p);
    // A newer client's fields go back as they came; the known ones are this record's own.
    json record = detail::recordBase(v.extra, knownFields());
    for (const auto& s : kMeasures) {
        const auto x = measureValue(v, s.measure);
        if (!x) continue;
        if (s.decimals == 1) {
            // Matrix events carry integers only (canonical JSON): 36.8 ℃ travels as 368.
            record[s.wire] = std::llround(*x * 10.0);
        } else {
            record[s.wire] = static_cast<int>(*x);
        }
    }
    if (v.bowel) record[kBowelKey] = toWire(*v.bowel);
    record[kMeasuredAtKey] = v.measured_at;
    if (!v.note.empty()) record[kNoteKey] = v.note;
    auto content = recordContent(RecordKind::Vitals, std::move(record), recordTitle(RecordKind::Vitals),
                                 vitalsLines(v, utc_offset_min));
    if (auto fits = detail::contentFits(content, "vitals"); !fits) return fits.failure();
    return content;
}

std::optional<Vitals> parseVitals(const json& record) {
    detail::RecordReader r(record, RecordKind::Vitals);
    Vitals v;
    for (const auto& s : kMeasures) {
        // Ranges are checked below with the writer's rule; here only the JSON type and a
        // bound that keeps the value within int.
        if (s.decimals == 1) {
            if (auto n = r.integer(s.wire, std::llround(s.low * 10.0), std::llround(s.high * 10.0))) {
                setMeasure(v, s.measure, static_cast<double>(*n) / 10.0);
            }
        } else if (auto n = r.integer(s.wire, static_cast<std::int64_t>(s.low),
                                      static_cast<std::int64_t>(s.high))) {
            setMeasure(v, s.measure, static_cast<double>(*n));
        }
    }
    v.bowel = r.choice(kBowelKey, kBowel);
    v.measured_at = r.integer(kMeasuredAtKey, kEarliestMs, kLatestMs - 1, true).value_or(0);
    v.note = r.text(kNoteKey, false, detail::utf8Bytes(kVitalsNoteCap));
    if (!r.ok() || shapeProblem(v)) return std::nullopt;
    v.extra = r.extra(knownFields());
    return v;
}

}  // namespace renkei::care
