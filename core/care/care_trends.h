// Renkei core: the trends worth a look in a patient's vitals (weight loss, low SpO2, high
// systolic pressure), each rule stated once as data (trendRules), and the normal band of each
// measure for the chart (normalBand). Evaluated over every member's vitals posts of a room.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "care/care_record_vitals.h"

namespace renkei::care {

/// One vitals post of a room: its event id and its record (measured_at is the time used).
struct VitalsPoint {
    std::string event_id;
    Vitals vitals;
};

enum class TrendRuleId { WeightLoss, LowSpO2, HighSystolic };

/// How a rule compares: the latest value in the window below / above the threshold, or the
/// latest value down from the highest earlier one in the window by more than threshold %.
enum class TrendTest { LatestBelow, LatestAbove, DropPercentAbove };

/// One rule: a stable id ("weight_loss_30d"), its reason as shown (Japanese), the measure,
/// the test, the threshold (in the measure's unit, or % for a drop) and the window before now.
struct TrendRule {
    TrendRuleId rule;
    const char* id;
    const char* reason;
    VitalMeasure measure;
    TrendTest test;
    double threshold;
    std::int64_t window_ms;
};
/// The rules, in the order flags are listed: weight_loss_30d (体重 down > 5 % within 30 days),
/// spo2_below_92 (latest SpO2 within 7 days < 92 %), systolic_above_180 (latest systolic
/// within 7 days > 180 mmHg).
std::span<const TrendRule> trendRules();

/// A rule that holds now: its id and reason, and the posts that made it hold (weight: the
/// heaviest earlier post, then the latest; SpO2 and systolic: the latest post).
struct TrendFlag {
    TrendRuleId rule;
    std::string id;
    std::string reason;
    std::vector<std::string> event_ids;
    bool operator==(const TrendFlag&) const = default;
};

/// Points measured more than this after `now` are not counted (another member's clock, or a
/// forged time).
inline constexpr std::int64_t kTrendClockSkewMs = 5LL * 60 * 1000;

/// The rules that hold at `now_ms` (ms since the epoch) over `series` in any order. A point
/// counts for a rule when it holds the rule's measure and was measured within the window
/// [now − window, now + kTrendClockSkewMs]; "latest" is the largest measured_at (a tie goes
/// to the later point in `series`). Weights are compared at 0.1 kg.
std::vector<TrendFlag> evaluateTrends(std::span<const VitalsPoint> series, std::int64_t now_ms);

/// The normal band of a measure for the chart (adults at rest): low … high in its unit.
/// Nullopt for 体重, 食事摂取量 and 水分摂取量, whose reference is the patient's own.
struct NormalBand {
    double low;
    double high;
    const char* unit;
};
std::optional<NormalBand> normalBand(VitalMeasure m);

}  // namespace renkei::care
