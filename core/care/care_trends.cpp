// Renkei core: the trend rules and normal bands (see care_trends.h).
#include "care/care_trends.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace renkei::care {
namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

constexpr std::array<TrendRule, 3> kRules{{
    {TrendRuleId::WeightLoss, "weight_loss_30d", "体重が30日で5%を超えて減少", VitalMeasure::Weight,
     TrendTest::DropPercentAbove, 5.0, 30 * kDayMs},
    {TrendRuleId::LowSpO2, "spo2_below_92", "SpO2が92%未満", VitalMeasure::SpO2,
     TrendTest::LatestBelow, 92, 7 * kDayMs},
    {TrendRuleId::HighSystolic, "systolic_above_180", "収縮期血圧が180 mmHgを超える",
     VitalMeasure::Systolic, TrendTest::LatestAbove, 180, 7 * kDayMs},
}};

struct BandEntry {
    VitalMeasure measure;
    double low;
    double high;
};
constexpr std::array<BandEntry, 6> kBands{{
    {VitalMeasure::Systolic, 90, 140},
    {VitalMeasure::Diastolic, 60, 90},
    {VitalMeasure::Pulse, 60, 100},
    {VitalMeasure::Temperature, 36.0, 37.4},
    {VitalMeasure::SpO2, 96, 100},
    {VitalMeasure::Respiration, 12, 20},
}};

struct Sample {
    const VitalsPoint* point;
    double value;
};

/// The points holding the rule's measure within its window, oldest first (stable: a tie keeps
/// the series order, so the later point is "latest").
std::vector<Sample> window(std::span<const VitalsPoint> series, const TrendRule& rule,
                           std::int64_t now_ms) {
    std::vector<Sample> out;
    for (const auto& p : series) {
        const auto t = p.vitals.measured_at;
        if (t < now_ms - rule.window_ms || t > now_ms + kTrendClockSkewMs) continue;
        if (auto v = measureValue(p.vitals, rule.measure); v && std::isfinite(*v)) {
            out.push_back({&p, *v});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Sample& a, const Sample& b) {
        return a.point->vitals.measured_at < b.point->vitals.measured_at;
    });
    return out;
}

std::optional<std::vector<std::string>> holds(const TrendRule& rule, const std::vector<Sample>& w) {
    if (w.empty()) return std::nullopt;
    const Sample& latest = w.back();
    switch (rule.test) {
    case TrendTest::LatestBelow:
        if (latest.value < rule.threshold) return std::vector{latest.point->event_id};
        return std::nullopt;
    case TrendTest::LatestAbove:
        if (latest.value > rule.threshold) return std::vector{latest.point->event_id};
        return std::nullopt;
    case TrendTest::DropPercentAbove: {
        // In tenths (0.1 kg), so that "more than 5 %" is exact: (ref − latest) / ref > 5 %.
        const Sample* ref = nullptr;
        for (std::size_t i = 0; i + 1 < w.size(); ++i) {
            if (!ref || w[i].value > ref->value) ref = &w[i];
        }
        if (!ref) return std::nullopt;
        const auto r = std::llround(ref->value * 10);
        const auto l = std::llround(latest.value * 10);
        const auto pct = std::llround(rule.threshold * 10);  // in tenths of a percent
        if ((r - l) * 1000 > pct * r) {
            return std::vector{ref->point->event_id, latest.point->event_id};
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

}  // namespace

std::span<const TrendRule> trendRules() { return kRules; }

std::vector<TrendFlag> evaluateTrends(std::span<const VitalsPoint> series, std::int64_t now_ms) {
    std::vector<TrendFlag> flags;
    for (const auto& rule : kRules) {
        if (auto ids = holds(rule, window(series, rule, now_ms))) {
            flags.push_back({rule.rule, rule.id, rule.reason, std::move(*ids)});
        }
    }
    return flags;
}

std::optional<NormalBand> normalBand(VitalMeasure m) {
    for (const auto& b : kBands) {
        if (b.measure == m) return NormalBand{b.low, b.high, measureSpec(m).unit};
    }
    return std::nullopt;
}

}  // namespace renkei::care
