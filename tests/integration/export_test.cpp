// Issue 12, export and print: the document model a PDF or a print is painted from, built from
// the nurse's cache after a few fictional posts on the real Synapse: the patient's name in the
// header, each layout's blocks (text, the vitals card, the physician's update with who
// acknowledged it), the range and a chosen set of posts; and the vault's export log.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "care/care_record_format.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"
#include "care_fixtures.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using exporting::ExportBlock;
using exporting::Layout;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

std::string sent(session::Session& s, Result<store::OutboxPost> queued) {
    if (!queued) FAIL("queue: " << queued.error().describe());
    for (const auto& p : flushOutbox(s)) {
        if (p.txn_id == queued->txn_id && p.event_id) return *p.event_id;
    }
    FAIL("the queued post was not sent");
    return {};
}

bool hasLine(const ExportBlock& b, const std::string& text) {
    return std::any_of(b.lines.begin(), b.lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

const ExportBlock* blockOf(const exporting::ExportDocument& doc, const std::string& event_id) {
    for (const auto& b : doc.blocks) {
        if (b.event_id == event_id) return &b;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("export: the document of each layout from the cache, its range, and the export log",
          "[export]") {
    TempDir dir("export");
    NursePhysicianPharmacist team(dir.path());
    auto plan = basePlan(Homeserver::get().userId("nurse.sato"));
    REQUIRE(team.nurse->setOwnProfile(plan.opener).ok());
    const std::string room = team.opened(plan);

    const std::string text = sent(*team.nurse, team.nurse->queueText(room, "本日訪問。表情穏やか。\n食事は半量摂取。"));
    care::Vitals v;
    v.systolic = 128;
    v.diastolic = 76;
    v.spo2 = 95;
    v.measured_at = nowMs() / 60'000 * 60'000;
    const std::string vitals = sent(*team.nurse, team.nurse->queueRecord(room, care::vitalsContent(v).value()));
    care::PhysicianUpdate update;
    update.next_visit_date = care::jstDate(nowMs() + 7 * kDay);
    update.cautions = "架空: 夜間の呼吸状態を観察";
    REQUIRE(syncUntil(*team.doctor, [&] { return cachedEvent(*team.doctor, room, vitals).has_value(); }));
    const std::string shared = sent(*team.doctor, team.doctor->queueRecord(room, care::physicianUpdateContent(update)));
    REQUIRE(syncUntil(*team.nurse, [&] { return cachedEvent(*team.nurse, room, shared).has_value(); }));
    sent(*team.nurse, team.nurse->queueReaction(room, shared, care::kAcknowledgementKey));
    REQUIRE(syncUntil(*team.nurse, [&] {
        auto u = team.nurse->physicianUpdates(room);
        return u.ok() && u->size() == 1 && u->front().acknowledged_by.size() == 1;
    }));

    exporting::ExportRequest request;
    request.from_ms = nowMs() - kDay;
    request.to_ms = nowMs() + kDay;
    auto doc = team.nurse->exportDocument(room, request);
    REQUIRE(doc.ok());
    CHECK(doc->patient_name == "架空 花子");
    CHECK(doc->title == "経過記録");
    CHECK(doc->range_text == care::jstDate(*request.from_ms) + " 〜 " + care::jstDate(*request.to_ms - 1));
    CHECK(doc->headerText().starts_with("架空 花子 様"));
    CHECK(doc->exported_by_id == Homeserver::get().userId("nurse.sato"));
    CHECK(doc->footerText().find(doc->exported_by_id) != std::string::npos);
    const ExportBlock* t = blockOf(*doc, text);
    REQUIRE(t != nullptr);
    CHECK(t->title.empty());
    CHECK(t->lines == std::vector<std::string>{"本日訪問。表情穏やか。", "食事は半量摂取。"});
    CHECK(t->profession == "訪問看護師");
    CHECK(t->office == "みなと訪問看護ステーション");
    const ExportBlock* card = blockOf(*doc, vitals);
    REQUIRE(card != nullptr);
    CHECK(card->title == "バイタル");
    CHECK(hasLine(*card, "血圧: 128/76 mmHg"));
    CHECK(hasLine(*card, "SpO2"));
    const ExportBlock* physician = blockOf(*doc, shared);
    REQUIRE(physician != nullptr);
    CHECK(physician->title == "医師からの情報共有");
    CHECK(physician->profession == "主治医");
    // Oldest first.
    CHECK(std::is_sorted(doc->blocks.begin(), doc->blocks.end(),
                         [](const ExportBlock& a, const ExportBlock& b) { return a.ts_ms < b.ts_ms; }));

    request.layout = Layout::SupportRecord;
    auto support = team.nurse->exportDocument(room, request);
    REQUIRE(support.ok());
    CHECK(support->title == "支援経過記録");
    CHECK(support->blocks.size() == doc->blocks.size());

    request.layout = Layout::PhysicianUpdates;
    auto updates = team.nurse->exportDocument(room, request);
    REQUIRE(updates.ok());
    REQUIRE(updates->blocks.size() == 1);
    const ExportBlock& u = updates->blocks.front();
    CHECK(u.event_id == shared);
    CHECK(u.month == care::jstMonth(u.ts_ms));
    CHECK(hasLine(u, "次回訪問予定日: " + update.next_visit_date));
    CHECK(hasLine(u, "療養上の留意点: 架空: 夜間の呼吸状態を観察"));
    REQUIRE(u.acknowledged_by.size() == 1);
    CHECK(u.acknowledged_by.front().find("訪問看護師・みなと訪問看護ステーション") != std::string::npos);

    SECTION("a range after the posts holds none; a chosen post is the only block") {
        exporting::ExportRequest later;
        later.from_ms = nowMs() + kDay;
        auto none = team.nurse->exportDocument(room, later);
        REQUIRE(none.ok());
        CHECK(none->blocks.empty());
        exporting::ExportRequest chosen;
        chosen.event_ids = {vitals};
        auto one = team.nurse->exportDocument(room, chosen);
        REQUIRE(one.ok());
        REQUIRE(one->blocks.size() == 1);
        CHECK(one->blocks.front().title == "バイタル");
        CHECK(one->range_text == "全期間（選択した 1 件）");
    }
    SECTION("an unknown room and a range that ends before it starts are refused") {
        CHECK(team.nurse->exportDocument("!unknown:localhost", {}).error().kind == ErrorKind::InvalidArgument);
        exporting::ExportRequest backwards;
        backwards.from_ms = nowMs();
        backwards.to_ms = nowMs() - kDay;
        CHECK(team.nurse->exportDocument(room, backwards).error().kind == ErrorKind::InvalidArgument);
    }
    SECTION("each export and print is logged in the vault, newest first, kept across a restart") {
        REQUIRE(team.nurse->recordExport(room, request, updates->blocks.size(), "pdf").ok());
        request.layout = Layout::Timeline;
        REQUIRE(team.nurse->recordExport(room, request, doc->blocks.size(), "print").ok());
        CHECK(team.nurse->recordExport(room, request, 1, "fax").error().kind == ErrorKind::InvalidArgument);
        team.nurse.reopen();
        auto log = team.nurse->exportLog(10, room);
        REQUIRE(log.ok());
        REQUIRE(log->size() == 2);
        CHECK(log->at(0).target == "print");
        CHECK(log->at(0).layout == "timeline");
        CHECK(log->at(0).post_count == static_cast<std::int64_t>(doc->blocks.size()));
        CHECK(log->at(1).layout == "physician-updates");
        CHECK(log->at(1).post_count == 1);
        CHECK(log->at(1).from_ms == request.from_ms);
        CHECK(log->at(1).user_id == Homeserver::get().userId("nurse.sato"));
        CHECK_FALSE(log->at(1).selected);
    }
}
