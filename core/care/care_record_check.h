// Renkei core: why a structured record (vitals, medication) is refused, as data. Core never
// writes the user's words for it: ui/ translates from these fields, and problemTextJa gives the
// Japanese sentence for the CLI and as the source text. Error::message names the field and
// its range only (a measured value is a patient datum and may be logged).
#pragma once

#include <optional>
#include <string>

#include "common/result.h"

namespace renkei::care {

/// The first rule a record breaks.
struct RecordProblem {
    enum class Rule {
        NoMeasure,       ///< a vitals record without any measure
        Required,        ///< a required field is empty (薬剤名)
        OutOfRange,      ///< value outside [low, high] (unit)
        BloodPressurePair,  ///< only one of systolic / diastolic given
        SystolicNotAboveDiastolic,  ///< systolic ≤ diastolic
        InFuture,        ///< measured_at after now
        TooOld,          ///< measured_at more than kMaxVitalsAgeMs before now (`low` = 7 days)
        Text,            ///< invalid UTF-8, a control character, or over `high` code points
    };
    Rule rule = Rule::OutOfRange;
    std::string field;  ///< wire name, e.g. "temperature_c_tenths"
    std::string label;  ///< Japanese field name, e.g. "体温"
    std::string unit;   ///< e.g. "℃" ("" for text)
    std::optional<double> value;  ///< the refused value (OutOfRange, SystolicNotAboveDiastolic)
    double low = 0;     ///< range (OutOfRange); for Text `high` is the cap in code points
    double high = 0;
    int decimals = 0;   ///< decimals of low/high/value as shown (体温 1: 「30.0〜45.0 ℃」)
    std::optional<double> other;  ///< SystolicNotAboveDiastolic: the diastolic value
    bool operator==(const RecordProblem&) const = default;
};

/// The Japanese sentence of a problem, e.g. 「体温 368 ℃ は範囲外です（30.0〜45.0 ℃）」,
/// 「メモは500文字以内で、制御文字を含まないでください」.
std::string problemTextJa(const RecordProblem& p);

/// InvalidArgument "<kind>.<field>: <rule>" with the range (never the value), e.g.
/// "vitals.temperature_c_tenths: out of range 30.0-45.0 ℃".
Failure recordRefusal(const char* kind, const RecordProblem& p);

}  // namespace renkei::care
