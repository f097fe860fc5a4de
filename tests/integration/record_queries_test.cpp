// A room's structured posts as another member's Renkei reads them from its cache, against the
// real Synapse: the physician's update with each care-team member's 確認しました listed (not the
// physician's own, not a 👍, not one taken back); the vitals series every member posted, in
// order, without a deleted post, and the trend rule it trips (SpO2 below 92) with the post
// behind it; the ACP's current version and its history. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <chrono>

#include "care/care_record_acp.h"
#include "care/care_record_format.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

constexpr std::int64_t kHour = 60LL * 60 * 1000;

std::string sentId(session::Session& s, const store::OutboxPost& queued) {
    for (const auto& sent : flushOutbox(s)) {
        if (sent.txn_id == queued.txn_id && sent.event_id) return *sent.event_id;
    }
    FAIL("the queued post was not sent");
    return {};
}

std::string postRecord(session::Session& s, const std::string& room, const nlohmann::json& content) {
    auto queued = s.queueRecord(room, content);
    if (!queued) FAIL("queueRecord: " << queued.error().describe());
    return sentId(s, *queued);
}

std::string postVitals(session::Session& s, const std::string& room, int spo2, std::int64_t measured_at) {
    care::Vitals v;
    v.spo2 = spo2;
    v.pulse = 80;
    v.measured_at = measured_at / 60'000 * 60'000;
    return postRecord(s, room, care::vitalsContent(v).value());
}

void react(session::Session& s, const std::string& room, const std::string& event_id, const std::string& key) {
    auto queued = s.queueReaction(room, event_id, key);
    if (!queued) FAIL("queueReaction: " << queued.error().describe());
    flushOutbox(s);
}

}  // namespace

TEST_CASE("records: acknowledgements per member, the vitals series and its trend, the ACP history",
          "[care][records]") {
    const auto& hs = Homeserver::get();
    const std::string doctor_name = registerFreshUser("rq-doctor");
    const std::string nurse_name = registerFreshUser("rq-nurse");
    const std::string pharmacist_name = registerFreshUser("rq-pharm");
    TempDir dir("record-queries");
    Client doctor(dir.path() / "doctor");
    Client nurse(dir.path() / "nurse");
    Client pharmacist(dir.path() / "pharmacist");
    doctor.login(doctor_name);
    nurse.login(nurse_name);
    pharmacist.login(pharmacist_name);
    auto room = doctor->createRoom("架空 一郎さん " + uniqueMarker("rq"),
                                   {hs.userId(nurse_name), hs.userId(pharmacist_name)});
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return nurse->joinRoom(*room).ok(); }));
    REQUIRE(syncUntil(*pharmacist, [&] { return pharmacist->joinRoom(*room).ok(); }));

    // The physician's update; the nurse and the pharmacist acknowledge it, the physician's own
    // 確認しました and the pharmacist's 👍 acknowledge nothing; a second update the nurse
    // acknowledges and then takes back.
    care::PhysicianUpdate update;
    update.next_visit_date = care::jstDate(nowMs() + 14 * 24 * kHour);
    update.policy_changed = true;
    update.change_summary = "架空の変更: 利尿薬を減量";
    update.cautions = "尿量を記録";
    const std::string first = postRecord(*doctor, *room, care::physicianUpdateContent(update));
    update.policy_changed = false;
    update.change_summary.clear();
    const std::string second = postRecord(*doctor, *room, care::physicianUpdateContent(update));
    REQUIRE(syncUntil(*nurse, [&] { return cachedEvent(*nurse, *room, second).has_value(); }));
    REQUIRE(syncUntil(*pharmacist, [&] { return cachedEvent(*pharmacist, *room, second).has_value(); }));
    react(*nurse, *room, first, care::kAcknowledgementKey);
    react(*pharmacist, *room, first, "👍");
    react(*pharmacist, *room, first, care::kAcknowledgementKey);
    react(*doctor, *room, first, care::kAcknowledgementKey);
    react(*nurse, *room, second, care::kAcknowledgementKey);
    auto taken_back = nurse->removeReaction(*room, second, care::kAcknowledgementKey);
    REQUIRE(taken_back.ok());
    REQUIRE(taken_back->redactions.size() == 1);
    flushOutbox(*nurse);

    // Vitals from two members over three days: SpO2 falling to 90, and one post deleted.
    const std::int64_t now = nowMs();
    const std::string v1 = postVitals(*nurse, *room, 96, now - 72 * kHour);
    const std::string v2 = postVitals(*pharmacist, *room, 94, now - 48 * kHour);
    const std::string wrong = postVitals(*nurse, *room, 99, now - 30 * kHour);
    const std::string v3 = postVitals(*nurse, *room, 90, now - 1 * kHour);
    auto deletion = nurse->queueRedaction(*room, wrong, "別の方の値");
    REQUIRE(deletion.ok());
    flushOutbox(*nurse);

    // The ACP, then its revision.
    care::AdvanceCarePlan plan;
    plan.place_of_death.place = care::WishedPlace::Home;
    plan.discussion_date = care::jstDate(now);
    plan.participants = {{"架空 一郎", "本人"}, {"架空 花子", "長女"}};
    const std::string acp1 = postRecord(*doctor, *room, care::advanceCarePlanContent(plan));
    plan.revision = 2;
    plan.supersedes = acp1;
    plan.wishes = "架空: 自宅で家族と過ごしたい";
    const std::string acp2 = postRecord(*doctor, *room, care::advanceCarePlanContent(plan));

    // The physician's Renkei reads it all from its cache.
    std::vector<care::SharedUpdate> updates;
    REQUIRE(syncUntil(*doctor, [&] {
        auto read = doctor->physicianUpdates(*room);
        auto series = doctor->vitalsSeries(*room);
        auto acp = doctor->acpHistory(*room);
        if (!read || !series || !acp) return false;
        updates = *read;
        return updates.size() == 2 && updates[0].acknowledged_by.size() == 2 &&
               updates[1].acknowledged_by.empty() && series->size() == 3 && acp->size() == 2;
    }));
    CHECK(updates[0].event_id == first);
    CHECK(updates[0].acknowledged_by ==
          std::vector<std::string>{hs.userId(nurse_name), hs.userId(pharmacist_name)});
    CHECK(updates[0].update.change_summary == "架空の変更: 利尿薬を減量");
    CHECK(updates[1].event_id == second);
    const auto months = care::monthlyUpdates(updates);
    REQUIRE_FALSE(months.empty());
    CHECK(months.back().acknowledged_by ==
          std::vector<std::string>{hs.userId(nurse_name), hs.userId(pharmacist_name)});

    const auto series = doctor->vitalsSeries(*room).value();
    REQUIRE(series.size() == 3);
    CHECK(series[0].event_id == v1);
    CHECK(series[1].event_id == v2);
    CHECK(series[2].event_id == v3);
    CHECK(series[2].vitals.spo2 == 90);
    const auto flags = doctor->trendFlags(*room).value();
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].id == "spo2_below_92");
    CHECK(flags[0].event_ids == std::vector<std::string>{v3});

    const auto acp = doctor->acpHistory(*room).value();
    REQUIRE(acp.size() == 2);
    CHECK(acp[0].event_id == acp2);
    CHECK(acp[0].plan.revision == 2);
    CHECK(acp[0].plan.wishes == "架空: 自宅で家族と過ごしたい");
    CHECK(acp[1].event_id == acp1);

    // Every record of the room, any kind, oldest first: 2 updates, 3 vitals, 2 ACP versions.
    const auto all = doctor->roomRecords(*room).value();
    CHECK(all.size() == 7);
}
