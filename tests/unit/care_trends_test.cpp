// The trend rules (care/care_trends.h) on known series: each rule once just over its
// threshold (flagged, with the posts that made it) and once at it (not flagged); and the
// normal bands of the chart. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "care/care_trends.h"

using namespace renkei;
using namespace renkei::care;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1796085000000;  // 2026-12-01 09:30 JST

VitalsPoint weight(const char* id, std::int64_t days_ago, double kg) {
    VitalsPoint p{id, {}};
    p.vitals.weight = kg;
    p.vitals.measured_at = kNow - days_ago * kDay;
    return p;
}
VitalsPoint spo2(const char* id, std::int64_t at, int percent) {
    VitalsPoint p{id, {}};
    p.vitals.spo2 = percent;
    p.vitals.measured_at = at;
    return p;
}
VitalsPoint bp(const char* id, std::int64_t at, int systolic, int diastolic) {
    VitalsPoint p{id, {}};
    p.vitals.systolic = systolic;
    p.vitals.diastolic = diastolic;
    p.vitals.measured_at = at;
    return p;
}

std::vector<std::string> ids(const std::vector<TrendFlag>& flags) {
    std::vector<std::string> out;
    for (const auto& f : flags) out.push_back(f.id);
    return out;
}

}  // namespace

TEST_CASE("each trend rule is stated once, with its reason and threshold", "[care][trends]") {
    const auto rules = trendRules();
    REQUIRE(rules.size() == 3);
    CHECK(std::string(rules[0].id) == "weight_loss_30d");
    CHECK(std::string(rules[0].reason) == "体重が30日で5%を超えて減少");
    CHECK(rules[0].threshold == 5.0);
    CHECK(rules[0].window_ms == 30 * kDay);
    CHECK(std::string(rules[1].id) == "spo2_below_92");
    CHECK(std::string(rules[1].reason) == "SpO2が92%未満");
    CHECK(rules[1].threshold == 92);
    CHECK(std::string(rules[2].id) == "systolic_above_180");
    CHECK(std::string(rules[2].reason) == "収縮期血圧が180 mmHgを超える");
    CHECK(rules[2].threshold == 180);
    CHECK(evaluateTrends({}, kNow).empty());
}

TEST_CASE("weight down more than 5 % within 30 days is flagged with the posts compared",
          "[care][trends]") {
    // 50.0 → 47.4 kg is 5.2 % down; the heaviest earlier weight in the window is the reference.
    std::vector<VitalsPoint> series{weight("$w_old", 40, 60.0), weight("$w1", 28, 50.0),
                                    weight("$w2", 14, 49.0), weight("$w3", 1, 47.4)};
    auto flags = evaluateTrends(series, kNow);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].rule == TrendRuleId::WeightLoss);
    CHECK(flags[0].id == "weight_loss_30d");
    CHECK(flags[0].reason == "体重が30日で5%を超えて減少");
    CHECK(flags[0].event_ids == std::vector<std::string>{"$w1", "$w3"});

    // Exactly 5 % (50.0 → 47.5) is not more than 5 %.
    series.back() = weight("$w3", 1, 47.5);
    CHECK(evaluateTrends(series, kNow).empty());
    // The 60 kg of 40 days ago is outside the window: no flag from it.
    series = {weight("$w_old", 31, 60.0), weight("$w3", 1, 50.0)};
    CHECK(evaluateTrends(series, kNow).empty());
    // A loss that has recovered: the latest weight is what counts.
    series = {weight("$a", 20, 50.0), weight("$b", 10, 46.0), weight("$c", 0, 49.0)};
    CHECK(evaluateTrends(series, kNow).empty());
    // Order of the series does not matter.
    series = {weight("$w3", 1, 47.4), weight("$w1", 28, 50.0)};
    CHECK(ids(evaluateTrends(series, kNow)) == std::vector<std::string>{"weight_loss_30d"});
    // One weight alone compares with nothing.
    CHECK(evaluateTrends(std::vector{weight("$x", 1, 30.0)}, kNow).empty());
}

TEST_CASE("the latest SpO2 below 92 % is flagged; 92 % is not", "[care][trends]") {
    std::vector<VitalsPoint> series{spo2("$s1", kNow - 3 * kDay, 95), spo2("$s2", kNow - kDay, 91)};
    auto flags = evaluateTrends(series, kNow);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].id == "spo2_below_92");
    CHECK(flags[0].event_ids == std::vector<std::string>{"$s2"});

    series.back() = spo2("$s2", kNow - kDay, 92);
    CHECK(evaluateTrends(series, kNow).empty());
    // An earlier low value that has recovered does not flag.
    series = {spo2("$s1", kNow - 2 * kDay, 88), spo2("$s2", kNow - kDay, 96)};
    CHECK(evaluateTrends(series, kNow).empty());
    // A low value older than the 7-day window is no longer "now".
    series = {spo2("$s1", kNow - 7 * kDay - 1, 85)};
    CHECK(evaluateTrends(series, kNow).empty());
    series = {spo2("$s1", kNow - 7 * kDay, 85)};
    CHECK(ids(evaluateTrends(series, kNow)) == std::vector<std::string>{"spo2_below_92"});
}

TEST_CASE("the latest systolic above 180 mmHg is flagged; 180 is not", "[care][trends]") {
    std::vector<VitalsPoint> series{bp("$b1", kNow - 2 * kDay, 150, 90),
                                    bp("$b2", kNow - 60000, 181, 100)};
    auto flags = evaluateTrends(series, kNow);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].id == "systolic_above_180");
    CHECK(flags[0].reason == "収縮期血圧が180 mmHgを超える");
    CHECK(flags[0].event_ids == std::vector<std::string>{"$b2"});
    series.back() = bp("$b2", kNow - 60000, 180, 100);
    CHECK(evaluateTrends(series, kNow).empty());
}

TEST_CASE("times after now do not count beyond the clock skew; ties go to the later post",
          "[care][trends]") {
    // A forged (or badly set) clock an hour ahead cannot hide or raise a flag.
    std::vector<VitalsPoint> series{spo2("$now", kNow - 60000, 90),
                                    spo2("$ahead", kNow + 3600000, 99)};
    CHECK(ids(evaluateTrends(series, kNow)) == std::vector<std::string>{"spo2_below_92"});
    series.back() = spo2("$ahead", kNow + kTrendClockSkewMs, 99);
    CHECK(evaluateTrends(series, kNow).empty());
    // Two posts of the same measurement time: the later one (a correction) is the latest.
    series = {spo2("$first", kNow - 60000, 90), spo2("$second", kNow - 60000, 97)};
    CHECK(evaluateTrends(series, kNow).empty());

    // Several rules at once are listed in the table's order.
    series = {bp("$b", kNow - kDay, 190, 100), spo2("$s", kNow - kDay, 89), weight("$w1", 20, 50.0),
              weight("$w2", 2, 45.0)};
    CHECK(ids(evaluateTrends(series, kNow)) ==
          std::vector<std::string>{"weight_loss_30d", "spo2_below_92", "systolic_above_180"});
}

TEST_CASE("each measure's normal band for the chart, in its unit", "[care][trends]") {
    const auto sys = normalBand(VitalMeasure::Systolic);
    REQUIRE(sys);
    CHECK(sys->low == 90);
    CHECK(sys->high == 140);
    CHECK(std::string(sys->unit) == "mmHg");
    const auto temp = normalBand(VitalMeasure::Temperature);
    REQUIRE(temp);
    CHECK(temp->low == 36.0);
    CHECK(temp->high == 37.4);
    CHECK(std::string(temp->unit) == "℃");
    CHECK(normalBand(VitalMeasure::SpO2)->low == 96);
    CHECK(std::string(normalBand(VitalMeasure::Pulse)->unit) == "/分");
    CHECK(normalBand(VitalMeasure::Respiration)->high == 20);
    CHECK(normalBand(VitalMeasure::Diastolic)->high == 90);
    CHECK_FALSE(normalBand(VitalMeasure::Weight));
    CHECK_FALSE(normalBand(VitalMeasure::MealIntake));
    CHECK_FALSE(normalBand(VitalMeasure::FluidIntake));
}
