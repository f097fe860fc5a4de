// A structured post in the timeline (timeline_item.h record(), care/care_record_view.h): the
// record reads as its kind's title and lines, a correction (m.replace with the whole record in
// m.new_content) replaces it while the history keeps the original's values, and a record that
// breaks its rules reads as plain text. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "care/care_record_medication.h"
#include "care/care_record_vitals.h"
#include "care/care_record_view.h"
#include "timeline/room_timeline.h"

using namespace renkei;
using namespace renkei::timeline;
using nlohmann::json;

namespace {

const std::string kNurse = "@nurse.sato:example.org";
constexpr std::int64_t kMorning = 1796085000000;  // 2026-12-01 09:30 JST

matrix::RoomEvent message(const std::string& id, std::int64_t ts, json content) {
    matrix::RoomEvent e;
    e.event_id = id;
    e.sender = kNurse;
    e.origin_server_ts = ts;
    e.type = "m.room.message";
    e.content = std::move(content);
    return e;
}

json vitals(int systolic) {
    care::Vitals v;
    v.systolic = systolic;
    v.diastolic = 80;
    v.temperature = 36.8;
    v.measured_at = kMorning;
    return care::vitalsContent(v).value();
}

std::string lineValue(const care::RecordView& view, const std::string& label) {
    for (const auto& line : view.lines) {
        if (line.label == label) return line.value;
    }
    return "(none)";
}

}  // namespace

TEST_CASE("timeline record: a vitals post reads as its title and lines, the same words as its body") {
    RoomTimeline timeline;
    timeline.appendEvents({message("$v1", kMorning, vitals(132))});
    const TimelineItem& item = timeline.items().at(0);
    const care::RecordView* view = item.record();
    REQUIRE(view != nullptr);
    CHECK(view->kind == care::RecordKind::Vitals);
    CHECK(view->title == "バイタル");
    CHECK(lineValue(*view, "血圧") == "132/80 mmHg");
    CHECK(lineValue(*view, "体温") == "36.8 ℃");
    for (const auto& line : view->lines) {
        CHECK(item.content->body.find(line.label + ": " + line.value) != std::string::npos);
    }
}

TEST_CASE("timeline record: a correction replaces the record, the history keeps the original") {
    RoomTimeline timeline;
    json corrected = vitals(142);
    json edit = {{"msgtype", "m.text"},
                 {"body", "* " + corrected["body"].get<std::string>()},
                 {"m.new_content", corrected},
                 {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", "$v1"}}}};
    timeline.appendEvents({message("$v1", kMorning, vitals(132)), message("$v2", kMorning + 60'000, edit)});
    REQUIRE(timeline.items().size() == 1);
    const TimelineItem& item = timeline.items().at(0);
    REQUIRE(item.record() != nullptr);
    CHECK(lineValue(*item.record(), "血圧") == "142/80 mmHg");
    REQUIRE(item.history.size() == 2);
    REQUIRE(item.history.front().record);
    CHECK(lineValue(*item.history.front().record, "血圧") == "132/80 mmHg");
}

TEST_CASE("timeline record: a broken or unknown record reads as plain text") {
    json broken = vitals(132);
    broken["jp.renkei.record"]["pulse_per_min"] = "seventy";  // wrong type: the whole record is absent
    json future = vitals(132);
    future["jp.renkei.record"]["kind"] = "wound_photo_series";  // a newer client's kind
    RoomTimeline timeline;
    timeline.appendEvents({message("$b", kMorning, broken), message("$f", kMorning + 1, future)});
    REQUIRE(timeline.items().size() == 2);
    for (const auto& item : timeline.items()) {
        CHECK(item.record() == nullptr);
        REQUIRE(item.content);
        CHECK(item.content->body.find("【バイタル】") == 0);
    }
}

TEST_CASE("timeline record: every kind's view is read through its parser") {
    care::Medication m;
    m.drug = "アムロジピン錠5mg";
    m.change = care::MedicationChange::Start;
    m.leftover_doses = 3;
    const auto view = care::recordView(care::medicationContent(m).value());
    REQUIRE(view);
    CHECK(view->title == "服薬");
    CHECK(lineValue(*view, "残薬") == "3回分");
    CHECK_FALSE(care::recordView(json{{"msgtype", "m.text"}, {"body", "ただの投稿"}}));
}
