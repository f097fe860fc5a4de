// Renkei core: the texts of a refused record (see care_record_check.h).
#include "care/care_record_check.h"

#include <cmath>
#include <cstdio>

#include "care/care_record_fields.h"

namespace renkei::care {
namespace {

/// A number as the user typed it: 368 stays 「368」, 36.85 reads 「36.9」.
std::string shown(double v) {
    char buf[32];
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", v);
    }
    return buf;
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string withUnit(const std::string& number, const std::string& unit) {
    return unit.empty() ? number : number + " " + unit;
}

}  // namespace

std::string problemTextJa(const RecordProblem& p) {
    using Rule = RecordProblem::Rule;
    switch (p.rule) {
    case Rule::NoMeasure:
        return "測定値を1つ以上入力してください";
    case Rule::Required:
        return p.label + "を入力してください";
    case Rule::OutOfRange:
        return p.label + " " + withUnit(shown(p.value.value_or(0)), p.unit) + " は範囲外です（" +
               fixed(p.low, p.decimals) + "〜" + withUnit(fixed(p.high, p.decimals), p.unit) + "）";
    case Rule::BloodPressurePair:
        return "血圧は収縮期と拡張期の両方を入力してください";
    case Rule::SystolicNotAboveDiastolic:
        return "収縮期血圧（" + withUnit(shown(p.value.value_or(0)), p.unit) +
               "）は拡張期血圧（" + withUnit(shown(p.other.value_or(0)), p.unit) +
               "）より高い値にしてください";
    case Rule::InFuture:
        return p.label + "が未来の日時です";
    case Rule::TooOld:
        return p.label + "が" + fixed(p.low, 0) + "日より前です";
    case Rule::Text:
        return p.label + "は" + fixed(p.high, 0) + "文字以内で、制御文字を含まないでください";
    }
    return p.label;
}

Failure recordRefusal(const char* kind, const RecordProblem& p) {
    using Rule = RecordProblem::Rule;
    std::string what;
    switch (p.rule) {
    case Rule::NoMeasure: what = "no measure"; break;
    case Rule::Required: what = "required"; break;
    case Rule::OutOfRange:
        what = "out of range " + fixed(p.low, p.decimals) + "-" +
               withUnit(fixed(p.high, p.decimals), p.unit);
        break;
    case Rule::BloodPressurePair: what = "systolic and diastolic go together"; break;
    case Rule::SystolicNotAboveDiastolic: what = "systolic must exceed diastolic"; break;
    case Rule::InFuture: what = "in the future"; break;
    case Rule::TooOld: what = "older than " + fixed(p.low, 0) + " days"; break;
    case Rule::Text: what = "invalid text or over " + fixed(p.high, 0) + " code points"; break;
    }
    return detail::refusal(kind, p.field, what);
}

}  // namespace renkei::care
