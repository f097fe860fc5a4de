// Renkei core: the model of a patient's vitals chart (issue 12, 推移): from every member's
// vitals posts of a room, one panel per measure over a chosen range, each with its unit, its
// normal band (normalBand) and its points in display units, ready for any front end to draw.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "care/care_record_vitals.h"
#include "care/care_trends.h"

namespace renkei::care {

/// The time range of the chart: the last 14 days, the last 90 days, or every post.
enum class ChartRange { TwoWeeks, ThreeMonths, All };

/// The length of a range in ms (14 or 90 days); 0 for All (no start).
std::int64_t chartRangeMs(ChartRange r);

/// One point: measured_at (ms since the epoch, UTC), the value in the measure's display unit
/// (mmHg, /分, ℃ and kg at 0.1, %, mL) and the post it came from.
struct ChartPoint {
    std::int64_t t_ms = 0;
    double value = 0;
    std::string event_id;
    bool operator==(const ChartPoint&) const = default;
};

/// One line of a panel: the measure, its label (「収縮期」「拡張期」 for the blood pressure,
/// else the measure's label), its normal band (nullopt for 体重, 食事摂取量, 水分摂取量) and
/// its points, oldest first (a tie keeps the order of the input).
struct ChartSeries {
    VitalMeasure measure;
    std::string label;
    std::optional<NormalBand> band;
    std::vector<ChartPoint> points;
};

/// One chart: its title (「血圧」, 「脈拍」…), unit ("mmHg"), decimals of its values (0 or 1),
/// its series (two for 血圧: systolic then diastolic, on one axis; else one), the x range in
/// ms and the y range in the unit. The x range is [now − range, now] (stretched to a point up
/// to kTrendClockSkewMs after now), or first … last point for All (± 1 day around a single
/// day). The y range holds every point and band with a margin (a tenth of the span, at least
/// 1 unit, or 0.5 for ℃ and kg), kept within the measure's plausible range (measureSpec).
struct ChartPanel {
    VitalMeasure measure;  ///< the first series' measure (Systolic for 血圧)
    std::string title;
    std::string unit;
    int decimals = 0;
    std::vector<ChartSeries> series;
    std::int64_t x_min_ms = 0;
    std::int64_t x_max_ms = 0;
    double y_min = 0;
    double y_max = 0;
    /// How many points all its series hold.
    std::size_t pointCount() const;
};

/// The chart of `series` (any order) over `range` at `now_ms` (ms since the epoch): a panel
/// per measure with at least one point in the range, in clinical order 血圧, 脈拍, 体温,
/// SpO2, 呼吸数, 体重, 食事摂取量, 水分摂取量. A point counts when measured within
/// [now − range, now + kTrendClockSkewMs] (no start for All); later ones are dropped (another
/// member's clock, or a forged time). Empty when no point counts. Never fails.
std::vector<ChartPanel> vitalsChart(std::span<const VitalsPoint> series, ChartRange range,
                                    std::int64_t now_ms);

}  // namespace renkei::care
