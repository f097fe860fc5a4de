// A form's record object checked and written into its post (care/care_record_content.h): the
// one path the composer's forms and `renkei-cli post-record` share.
#include <catch2/catch_test_macros.hpp>

#include "care/care_record_content.h"
#include "care/care_types.h"

using namespace renkei;
using care::RecordKind;

namespace {

constexpr std::int64_t kNow = 1'796'000'000'000;  // 2026-11-30 (JST)

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a form's record becomes its post for every kind, refusals name the field only",
          "[care][record]") {
    const auto vitals = care::recordContentFor(
        RecordKind::Vitals, {{"pulse_per_min", 72}, {"measured_at", kNow - 60'000}}, kNow);
    REQUIRE(vitals.ok());
    CHECK(has((*vitals)["body"], "脈拍: 72 /分"));
    CHECK((*vitals)[care::kRecordKey]["kind"] == "vitals");
    CHECK((*vitals)[care::kRecordKey]["schema"] == care::kSchemaVersion);

    const auto medication = care::recordContentFor(
        RecordKind::Medication, {{"drug", "架空錠5mg"}, {"change", "stop"}, {"leftover_doses", 4}}, kNow);
    REQUIRE(medication.ok());
    CHECK(has((*medication)["body"], "架空錠5mg"));
    CHECK(has((*medication)["body"], "中止"));

    // 体温 368 (a typo for 36.8): refused with the field and its range, not the value.
    const auto typo = care::recordContentFor(
        RecordKind::Vitals, {{"temperature_c_tenths", 3680}, {"measured_at", kNow}}, kNow);
    REQUIRE_FALSE(typo.ok());
    CHECK(has(typo.error().message, "vitals.temperature_c_tenths: out of range 30.0-45.0"));
    CHECK_FALSE(has(typo.error().message, "3680"));

    // A wrong type is named; a missing required field of a discharge record too.
    const auto wrong = care::recordContentFor(RecordKind::Medication, {{"drug", "架空錠"}, {"leftover_doses", "三"}}, kNow);
    REQUIRE_FALSE(wrong.ok());
    CHECK(has(wrong.error().message, "medication.leftover_doses"));
    const auto incomplete = care::recordContentFor(
        RecordKind::DischargeGuidance, {{"hospital", "架空総合病院"}, {"admission_date", "2026-11-10"}}, kNow);
    REQUIRE_FALSE(incomplete.ok());
    CHECK(has(incomplete.error().message, "discharge_guidance"));
    CHECK_FALSE(care::recordContentFor(RecordKind::Acp, nlohmann::json::array(), kNow).ok());
}
