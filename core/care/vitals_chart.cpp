// Renkei core: the vitals chart's model (see vitals_chart.h).
#include "care/vitals_chart.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace renkei::care {
namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// The panels in clinical order: a title and its measures (two for the blood pressure).
struct PanelEntry {
    const char* title;
    std::array<std::optional<VitalMeasure>, 2> measures;
};
constexpr std::array<PanelEntry, 8> kPanels{{
    {"血圧", {VitalMeasure::Systolic, VitalMeasure::Diastolic}},
    {"脈拍", {VitalMeasure::Pulse, std::nullopt}},
    {"体温", {VitalMeasure::Temperature, std::nullopt}},
    {"SpO2", {VitalMeasure::SpO2, std::nullopt}},
    {"呼吸数", {VitalMeasure::Respiration, std::nullopt}},
    {"体重", {VitalMeasure::Weight, std::nullopt}},
    {"食事摂取量", {VitalMeasure::MealIntake, std::nullopt}},
    {"水分摂取量", {VitalMeasure::FluidIntake, std::nullopt}},
}};

std::string seriesLabel(VitalMeasure m) {
    if (m == VitalMeasure::Systolic) return "収縮期";
    if (m == VitalMeasure::Diastolic) return "拡張期";
    return measureSpec(m).label;
}

double rounded(double v, int decimals) { return decimals == 1 ? std::round(v * 10) / 10 : std::round(v); }

// The series of `m` from the points in [from, to], oldest first.
ChartSeries seriesOf(std::span<const VitalsPoint> input, VitalMeasure m, std::optional<std::int64_t> from,
                     std::int64_t to) {
    ChartSeries out{m, seriesLabel(m), normalBand(m), {}};
    const int decimals = measureSpec(m).decimals;
    for (const auto& p : input) {
        const std::int64_t t = p.vitals.measured_at;
        if (t > to || (from && t < *from)) continue;
        if (const auto v = measureValue(p.vitals, m)) out.points.push_back({t, rounded(*v, decimals), p.event_id});
    }
    std::stable_sort(out.points.begin(), out.points.end(),
                     [](const ChartPoint& a, const ChartPoint& b) { return a.t_ms < b.t_ms; });
    return out;
}

// The y range: every point and band, a margin, within the plausible range of the measures.
void fitY(ChartPanel& panel) {
    double lo = HUGE_VAL;
    double hi = -HUGE_VAL;
    double floor_at = HUGE_VAL;
    double ceil_at = -HUGE_VAL;
    for (const auto& s : panel.series) {
        for (const auto& p : s.points) {
            lo = std::min(lo, p.value);
            hi = std::max(hi, p.value);
        }
        if (s.band) {
            lo = std::min(lo, s.band->low);
            hi = std::max(hi, s.band->high);
        }
        floor_at = std::min(floor_at, measureSpec(s.measure).low);
        ceil_at = std::max(ceil_at, measureSpec(s.measure).high);
    }
    const double margin = std::max((hi - lo) / 10, panel.decimals == 1 ? 0.5 : 1.0);
    panel.y_min = std::max(lo - margin, floor_at);
    panel.y_max = std::min(hi + margin, ceil_at);
}

}  // namespace

std::int64_t chartRangeMs(ChartRange r) {
    switch (r) {
        case ChartRange::TwoWeeks: return 14 * kDayMs;
        case ChartRange::ThreeMonths: return 90 * kDayMs;
        case ChartRange::All: break;
    }
    return 0;
}

std::size_t ChartPanel::pointCount() const {
    std::size_t n = 0;
    for (const auto& s : series) n += s.points.size();
    return n;
}

std::vector<ChartPanel> vitalsChart(std::span<const VitalsPoint> series, ChartRange range, std::int64_t now_ms) {
    const std::int64_t to = now_ms + kTrendClockSkewMs;
    std::optional<std::int64_t> from;
    if (range != ChartRange::All) from = now_ms - chartRangeMs(range);
    std::vector<ChartPanel> panels;
    for (const auto& entry : kPanels) {
        const VitalMeasure first = *entry.measures[0];
        ChartPanel panel{first, entry.title, measureSpec(first).unit, measureSpec(first).decimals, {}, 0, 0, 0, 0};
        std::int64_t earliest = INT64_MAX;
        std::int64_t latest = INT64_MIN;
        for (const auto& m : entry.measures) {
            if (!m) continue;
            ChartSeries s = seriesOf(series, *m, from, to);
            if (s.points.empty()) continue;
            earliest = std::min(earliest, s.points.front().t_ms);
            latest = std::max(latest, s.points.back().t_ms);
            panel.series.push_back(std::move(s));
        }
        if (panel.series.empty()) continue;
        if (from) {
            panel.x_min_ms = *from;
            panel.x_max_ms = std::max(now_ms, latest);
        } else if (latest - earliest < kDayMs) {
            panel.x_min_ms = earliest - kDayMs;
            panel.x_max_ms = latest + kDayMs;
        } else {
            panel.x_min_ms = earliest;
            panel.x_max_ms = latest;
        }
        fitY(panel);
        panels.push_back(std::move(panel));
    }
    return panels;
}

}  // namespace renkei::care
