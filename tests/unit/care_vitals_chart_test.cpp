// The vitals chart's model (care/vitals_chart.h) on a known series given out of order: the
// panels in clinical order with their points, bands and ranges for each range, a point from
// a clock too far ahead dropped, the blood pressure as two series on one panel. Fictional data.
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "care/vitals_chart.h"

using namespace renkei::care;
using Catch::Approx;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kMin = 60LL * 1000;
constexpr std::int64_t kNow = 1796085000000;  // 2026-12-01 09:30 JST

using M = VitalMeasure;

// A post of `id` measured at `t` holding `values` (setMeasure: in the measure's unit).
VitalsPoint point(const char* id, std::int64_t t, std::initializer_list<std::pair<M, double>> values) {
    VitalsPoint p{id, {}};
    p.vitals.measured_at = t;
    for (const auto& [m, v] : values) setMeasure(p.vitals, m, v);
    return p;
}

// Given newest-first and shuffled, as members' posts arrive.
std::vector<VitalsPoint> knownSeries() {
    return {
        point("$d", kNow - 1 * kDay, {{M::Temperature, 37.6}}),
        point("$c", kNow - 3 * kDay, {{M::Systolic, 150}, {M::Diastolic, 88}, {M::SpO2, 93}, {M::Pulse, 88}}),
        point("$e", kNow + 10 * kMin, {{M::SpO2, 85}}),  // beyond the clock skew: dropped
        point("$a", kNow - 100 * kDay, {{M::Systolic, 128}, {M::Diastolic, 78}, {M::Weight, 45.2}}),
        point("$b", kNow - 20 * kDay, {{M::Systolic, 136}, {M::Diastolic, 82}, {M::Temperature, 36.8}, {M::SpO2, 97}}),
        point("$f", kNow + 2 * kMin, {{M::Pulse, 90}}),  // within the skew: kept
    };
}

std::vector<std::string> titles(const std::vector<ChartPanel>& panels) {
    std::vector<std::string> out;
    for (const auto& p : panels) out.push_back(p.title);
    return out;
}

std::vector<std::string> ids(const ChartSeries& s) {
    std::vector<std::string> out;
    for (const auto& p : s.points) out.push_back(p.event_id);
    return out;
}

}  // namespace

TEST_CASE("three months: the panels in clinical order with their points", "[care][vitals_chart]") {
    const auto series = knownSeries();
    const auto panels = vitalsChart(series, ChartRange::ThreeMonths, kNow);
    // 体重 has its one point 100 days ago: no panel.
    CHECK(titles(panels) == std::vector<std::string>{"血圧", "脈拍", "体温", "SpO2"});

    const ChartPanel& bp = panels[0];
    CHECK(bp.unit == "mmHg");
    REQUIRE(bp.series.size() == 2);  // systolic and diastolic on one axis
    CHECK(bp.series[0].label == "収縮期");
    CHECK(bp.series[1].label == "拡張期");
    CHECK(bp.series[0].points == std::vector<ChartPoint>{{kNow - 20 * kDay, 136, "$b"}, {kNow - 3 * kDay, 150, "$c"}});
    CHECK(bp.series[1].points == std::vector<ChartPoint>{{kNow - 20 * kDay, 82, "$b"}, {kNow - 3 * kDay, 88, "$c"}});
    REQUIRE(bp.series[0].band);
    CHECK(bp.series[0].band->low == 90);
    CHECK(bp.series[0].band->high == 140);
    REQUIRE(bp.series[1].band);
    CHECK(bp.series[1].band->low == 60);
    CHECK(bp.series[1].band->high == 90);
    CHECK(bp.pointCount() == 4);
    CHECK(bp.x_min_ms == kNow - 90 * kDay);
    CHECK(bp.x_max_ms == kNow);
    CHECK(bp.y_min == Approx(51));  // band 60 … values 150, margin a tenth of 90
    CHECK(bp.y_max == Approx(159));

    const ChartPanel& pulse = panels[1];
    CHECK(pulse.unit == "/分");
    CHECK(ids(pulse.series[0]) == std::vector<std::string>{"$c", "$f"});
    CHECK(pulse.x_max_ms == kNow + 2 * kMin);  // stretched to the point within the skew

    const ChartPanel& temp = panels[2];
    CHECK(temp.unit == "℃");
    CHECK(temp.decimals == 1);
    REQUIRE(temp.series[0].points.size() == 2);
    CHECK(temp.series[0].points[0].value == Approx(36.8));  // ℃, not tenths
    CHECK(temp.series[0].points[1].value == Approx(37.6));
    CHECK(temp.series[0].band->low == Approx(36.0));
    CHECK(temp.series[0].band->high == Approx(37.4));
    CHECK(temp.y_min == Approx(35.5));
    CHECK(temp.y_max == Approx(38.1));

    const ChartPanel& spo2 = panels[3];
    CHECK(spo2.series[0].points == std::vector<ChartPoint>{{kNow - 20 * kDay, 97, "$b"}, {kNow - 3 * kDay, 93, "$c"}});
    CHECK(spo2.y_min == Approx(92));
    CHECK(spo2.y_max == Approx(100));  // kept within the plausible range, not 101 %
}

TEST_CASE("two weeks keeps the last 14 days only", "[care][vitals_chart]") {
    const auto series = knownSeries();
    const auto panels = vitalsChart(series, ChartRange::TwoWeeks, kNow);
    CHECK(titles(panels) == std::vector<std::string>{"血圧", "脈拍", "体温", "SpO2"});
    CHECK(ids(panels[0].series[0]) == std::vector<std::string>{"$c"});
    CHECK(ids(panels[2].series[0]) == std::vector<std::string>{"$d"});
    CHECK(ids(panels[3].series[0]) == std::vector<std::string>{"$c"});  // $e is ahead of the clock
    CHECK(panels[0].x_min_ms == kNow - 14 * kDay);
}

TEST_CASE("all spans first to last point; a measure without points has no panel", "[care][vitals_chart]") {
    const auto series = knownSeries();
    const auto panels = vitalsChart(series, ChartRange::All, kNow);
    CHECK(titles(panels) == std::vector<std::string>{"血圧", "脈拍", "体温", "SpO2", "体重"});
    CHECK(ids(panels[0].series[0]) == std::vector<std::string>{"$a", "$b", "$c"});
    CHECK(panels[0].x_min_ms == kNow - 100 * kDay);
    CHECK(panels[0].x_max_ms == kNow - 3 * kDay);
    CHECK(ids(panels[3].series[0]) == std::vector<std::string>{"$b", "$c"});  // never $e

    const ChartPanel& weight = panels[4];
    CHECK(weight.unit == "kg");
    CHECK_FALSE(weight.series[0].band.has_value());  // the patient's own reference
    CHECK(weight.series[0].points == std::vector<ChartPoint>{{kNow - 100 * kDay, 45.2, "$a"}});
    CHECK(weight.x_min_ms == kNow - 101 * kDay);  // a day either side of a single day
    CHECK(weight.x_max_ms == kNow - 99 * kDay);
    CHECK(weight.y_min == Approx(44.7));
    CHECK(weight.y_max == Approx(45.7));
}

TEST_CASE("no vitals: no panel", "[care][vitals_chart]") {
    CHECK(vitalsChart({}, ChartRange::All, kNow).empty());
    const std::vector<VitalsPoint> only_future{point("$x", kNow + kDay, {{M::Pulse, 70}})};
    CHECK(vitalsChart(only_future, ChartRange::All, kNow).empty());
    CHECK(chartRangeMs(ChartRange::TwoWeeks) == 14 * kDay);
    CHECK(chartRangeMs(ChartRange::ThreeMonths) == 90 * kDay);
    CHECK(chartRangeMs(ChartRange::All) == 0);
}
