// Renkei core: the バイタル record (kind "vitals" in jp.renkei.record, see care_record.h and
// SCHEMA.md "### vitals"). Every measure is optional, at least one is required; each has one
// unit and one plausible range, stated once in the measure table (measureSpec).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "care/care_record_check.h"
#include "care/care_record_format.h"
#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care {

/// One numeric measure of a vitals record.
enum class VitalMeasure {
    Systolic, Diastolic, Pulse, Temperature, SpO2, Respiration, Weight, MealIntake, FluidIntake
};

/// 排便 as a visiting nurse charts it for the visit. Wire values: "yes" (あり), "no" (なし),
/// "diarrhea" (下痢), "constipation" (便秘: none for days, or hard stool).
enum class Bowel { Yes, No, Diarrhea, Constipation };
std::string toWire(Bowel v);
std::optional<Bowel> bowelFromWire(const std::string& s);
std::string labelJa(Bowel v);

/// A measure's wire name, Japanese label, unit and plausible range (both ends allowed), with
/// its decimals: 0 = an integer on the wire, 1 = a number rounded to 0.1.
struct MeasureSpec {
    VitalMeasure measure;
    const char* wire;   ///< "temperature_c_tenths"
    const char* label;  ///< "体温"
    const char* unit;   ///< "℃"
    double low;
    double high;
    int decimals;
};
/// The table, in body order (systolic … fluid intake); and one measure's row.
std::span<const MeasureSpec> measureSpecs();
const MeasureSpec& measureSpec(VitalMeasure m);

/// How far back a nurse may date a measurement when posting it (7 days, in ms).
inline constexpr std::int64_t kMaxVitalsAgeMs = 7LL * 24 * 60 * 60 * 1000;
/// Cap of the free note, in code points.
inline constexpr std::size_t kVitalsNoteCap = 500;

/// バイタル. Integers: mmHg, /分, %, mL. 体温 (℃) and 体重 (kg) are doubles rounded to 0.1
/// (36.8) here and integer tenths on the wire (368; Matrix events hold integers only). Unknown fields of a newer client's record are kept in `extra`.
struct Vitals {
    std::optional<int> systolic;      ///< 血圧 収縮期, mmHg
    std::optional<int> diastolic;     ///< 血圧 拡張期, mmHg (given together with systolic)
    std::optional<int> pulse;         ///< 脈拍, /分
    std::optional<double> temperature;  ///< 体温, ℃, 0.1
    std::optional<int> spo2;          ///< SpO2, %
    std::optional<int> respiration;   ///< 呼吸数, /分
    std::optional<double> weight;     ///< 体重, kg, 0.1
    std::optional<int> meal_intake;   ///< 食事摂取量, % of the meal served
    std::optional<int> fluid_intake;  ///< 水分摂取量, mL per day
    std::optional<Bowel> bowel;       ///< 排便
    std::int64_t measured_at = 0;     ///< 測定日時, ms since the epoch (UTC); may precede the post
    std::string note;                 ///< メモ, ≤ kVitalsNoteCap code points, may hold "\n"
    nlohmann::json extra = nlohmann::json::object();  ///< unknown fields, written back as they were
    bool operator==(const Vitals&) const = default;
};

/// The value of one measure as a double (nullopt when not measured); and setting it from one
/// (a form's input): rounded to the measure's decimals (integers, or 0.1 for ℃ and kg).
std::optional<double> measureValue(const Vitals& v, VitalMeasure m);
void setMeasure(Vitals& v, VitalMeasure m, double x);

/// The first rule `v` breaks when posted at `now_ms` (ms since the epoch): no measure (排便
/// alone counts), one half of the blood pressure, a value out of its range (checked at 0.1
/// for ℃ and kg), systolic ≤ diastolic, measured_at after now or more than kMaxVitalsAgeMs
/// before it, the note.
std::optional<RecordProblem> vitalsProblem(const Vitals& v, std::int64_t now_ms);
/// The same as a Result: InvalidArgument "vitals.<field>: …" naming the range, not the value.
Result<void> validateVitals(const Vitals& v, std::int64_t now_ms);

/// The readable lines of a record (the body's and a card's): 血圧, then each measured value
/// with its unit, 排便, 測定 at `utc_offset_min`, メモ when written.
std::vector<RecordLine> vitalsLines(const Vitals& v, int utc_offset_min = kJstOffsetMin);
/// The m.room.message content (through recordContent): title バイタル, lines
/// 「血圧: 132/80 mmHg」「脈拍: 72 /分」「体温: 36.8 ℃」…「測定: 2026-12-01 09:30」「メモ: …」
/// with measured_at shown at `utc_offset_min` (JST by default). Writes `extra` back. Errors:
/// InvalidArgument when a reader would refuse the record (every rule but the time window), or
/// "vitals: content too large" past kMaxRecordContentBytes (a large kept `extra`).
Result<nlohmann::json> vitalsContent(const Vitals& v, int utc_offset_min = kJstOffsetMin);

/// Reads a record object (content[kRecordKey], kind "vitals"). Hostile input: any known
/// field of the wrong type, out of range, not finite, or a note over its cap, or any rule of
/// vitalsProblem but the time window → the whole record is absent (the post reads as its body).
std::optional<Vitals> parseVitals(const nlohmann::json& record);

}  // namespace renkei::care
