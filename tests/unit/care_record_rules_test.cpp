// The rules every structured record shares (SCHEMA.md, "Structured posts"): one reader keeps a
// newer client's fields within the same caps, one content cap, one clock for body times.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "care/care_record.h"
#include "care/care_record_format.h"
#include "care/care_record_medication.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"
#include "care_record_fixtures.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;
using namespace renkei::care::testing;

namespace {

Vitals pulse() {
    Vitals v;
    v.pulse = 72;
    v.measured_at = kNow;
    return v;
}

PhysicianUpdate visit() {
    PhysicianUpdate v;
    v.next_visit_date = "2026-12-15";
    return v;
}

}  // namespace

TEST_CASE("every kind keeps a newer client's fields within the same cap, else reads without them",
          "[care][record]") {
    const json small = "x";
    const json large = std::string(kMaxExtraBytes, 'x');
    const json vitals = recordObject(vitalsContent(pulse()).value(), RecordKind::Vitals);
    const json update = recordObject(physicianUpdateContent(visit()), RecordKind::PhysicianUpdate);

    const auto kept_v = parseVitals(withField(vitals, "x_new", small));
    const auto kept_u = parsePhysicianUpdate(withField(update, "x_new", small));
    REQUIRE(kept_v);
    REQUIRE(kept_u);
    CHECK(kept_v->extra == json{{"x_new", "x"}});
    CHECK(kept_u->extra == json{{"x_new", "x"}});

    const auto dropped_v = parseVitals(withField(vitals, "x_new", large));
    const auto dropped_u = parsePhysicianUpdate(withField(update, "x_new", large));
    REQUIRE(dropped_v);
    REQUIRE(dropped_u);
    CHECK(dropped_v->extra.empty());
    CHECK(dropped_u->extra.empty());
    CHECK(dropped_v->pulse == 72);
}

TEST_CASE("every kind's writer refuses a content over the size cap, naming no value",
          "[care][record]") {
    Medication m;
    m.drug = "アムロジピン錠5mg";
    m.extra = json{{"x_new", std::string(kMaxRecordContentBytes, 'x')}};
    const auto r = medicationContent(m);
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "medication: content too large");

    Vitals v = pulse();
    v.extra = m.extra;
    const auto rv = vitalsContent(v);
    REQUIRE_FALSE(rv);
    CHECK(rv.error().message == "vitals: content too large");
}

TEST_CASE("body times and dates read on one clock, Japan time", "[care][record]") {
    // 2026-11-30 23:59:59 JST is 14:59:59 UTC; one second later it is December in Japan.
    CHECK(localMinute(1796050799000) == "2026-11-30 23:59");
    CHECK(jstDate(1796050799000) == "2026-11-30");
    CHECK(localMinute(1796050800000) == "2026-12-01 00:00");
    CHECK(jstDate(1796050800000) == "2026-12-01");
    CHECK(jstMonth(1796050800000) == "2026-12");
    CHECK(localMinute(1796050800000, 0) == "2026-11-30 15:00");
    CHECK(localMinute(-1, 0) == "1969-12-31 23:59");
    CHECK(oneDecimal(roundTenths(36.84)) == "36.8");
}
