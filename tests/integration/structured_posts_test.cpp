// Structured posts against the real Synapse: the visiting nurse posts vitals (`renkei-cli
// post-vitals`), a medication, a physician's update and an ACP (`post-record --json`); the physician's
// client reads each record intact (values, units, schema 1), each post arrives exactly once,
// and its `body` alone says the values with units, as a plain Matrix client shows it. A value
// out of range is refused with its field and range named: nothing queued, nothing sent.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "care/care_record.h"
#include "care/care_record_acp.h"
#include "care/care_record_format.h"
#include "care/care_record_medication.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"
#include "care/care_types.h"
#include "cli_support.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

void writeJson(const std::filesystem::path& file, const nlohmann::json& value) {
    std::ofstream(file, std::ios::binary) << value.dump();
}

// The cached m.room.message events of `room` that carry a record of `kind`.
std::vector<store::StoredEvent> recordEvents(session::Session& s, const std::string& room, care::RecordKind kind) {
    std::vector<store::StoredEvent> out;
    auto events = s.timeline(room, 500, std::nullopt);
    if (!events) FAIL("timeline: " << events.error().describe());
    for (auto& e : *events) {
        if (e.type != "m.room.message") continue;
        const auto record = care::recordOf(e.content);
        if (record && record->first == kind) out.push_back(std::move(e));
    }
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("structured posts sent by renkei-cli are read intact by another member, once each", "[care][records][cli]") {
    const auto& hs = Homeserver::get();
    const std::string nurse_name = registerFreshUser("sp-nurse");
    const std::string doctor_name = registerFreshUser("sp-doctor");
    TempDir dir("structured-posts");
    Client doctor(dir.path() / "doctor");
    doctor.login(doctor_name);
    const CliUser nurse(dir.path() / "nurse-cli", nurse_name, "記録テスト-パスフレーズ");
    auto cli = [&](std::vector<std::string> args) { return nurse.run(std::move(args)); };

    auto room = doctor->createRoom("架空 花子さん " + uniqueMarker("sp"), {hs.userId(nurse_name)});
    if (!room) FAIL("create: " << room.error().describe());
    REQUIRE(cli({"sync", "--once"}).exit_code == 0);
    REQUIRE(cli({"join", *room}).exit_code == 0);

    // A temperature of 368 (a typo for 36.8) is refused: the field and its range are named,
    // nothing is queued, nothing reaches the server.
    const CliRun typo = cli({"post-vitals", *room, "--temp", "368", "--pulse", "72"});
    CHECK(typo.exit_code == 2);
    CHECK(contains(typo.err, "体温"));
    CHECK(contains(typo.err, "30.0〜45.0"));
    const CliRun outbox = cli({"outbox"});
    CHECK(outbox.exit_code == 0);
    CHECK(outbox.out.empty());

    // Vitals measured an hour ago (Japan time, to the minute), in the daily-care scene, 至急.
    const std::int64_t measured = (nowMs() - 60 * 60 * 1000) / 60'000 * 60'000;
    // (℃ and kg travel as integer tenths: the homeserver refuses any non-integer number.)
    const CliRun vitals = cli({"post-vitals", *room, "--bp", "132/80", "--pulse", "72", "--temp", "36.8",
                               "--weight", "45.2", "--spo2", "97",
                               "--resp", "18", "--meal", "80", "--fluid", "1200", "--stool", "no", "--measured-at", care::localMinute(measured),
                               "--note", "架空の記録: 食欲あり", "--scene", "daily_care", "--urgent"});
    INFO(vitals.err);
    REQUIRE(vitals.exit_code == 0);
    const care::Vitals sent_vitals{.systolic = 132, .diastolic = 80, .pulse = 72, .temperature = 36.8,
                                   .spo2 = 97, .respiration = 18, .weight = 45.2, .meal_intake = 80, .fluid_intake = 1200,
                                   .bowel = care::Bowel::No, .measured_at = measured,
                                   .note = "架空の記録: 食欲あり", .extra = nlohmann::json::object()};

    const nlohmann::json medication = {{"drug", "架空錠5mg"},         {"change", "start"},
                                       {"dosage", "1日1回 朝食後 1錠"}, {"adherence", "good"},
                                       {"leftover_doses", 3},         {"side_effects", "なし"}};
    writeJson(dir.path() / "medication.json", medication);
    REQUIRE(cli({"post-record", *room, "--kind", "medication", "--json", (dir.path() / "medication.json").string()})
                .exit_code == 0);
    const care::Medication sent_medication{.drug = "架空錠5mg", .change = care::MedicationChange::Start,
                                           .dosage = "1日1回 朝食後 1錠", .adherence = care::Adherence::Good,
                                           .leftover_doses = 3, .side_effects = "なし", .note = "",
                                           .extra = nlohmann::json::object()};

    const std::string next_visit = care::jstDate(nowMs() + 7LL * 24 * 60 * 60 * 1000);
    const nlohmann::json update = {{"next_visit_date", next_visit},
                                   {"policy_changed", true},
                                   {"change_summary", "架空の変更: 利尿薬を開始"},
                                   {"cautions", "体重を毎日測定"}};
    writeJson(dir.path() / "update.json", update);
    REQUIRE(cli({"post-record", *room, "--kind", "physician_update", "--json", (dir.path() / "update.json").string()})
                .exit_code == 0);
    const care::PhysicianUpdate sent_update{next_visit, true, "架空の変更: 利尿薬を開始", "体重を毎日測定", nlohmann::json::object()};

    // An ACP discussion (人生会議) of today, the same way.
    const nlohmann::json acp = {{"place_of_death", {{"place", "home"}, {"detail", ""}}},
                                {"life_sustaining", {{"cpr", "not_wanted"}}},
                                {"discussion_date", care::jstDate(nowMs())},
                                {"participants", {{{"name", "架空 太郎"}, {"role", "本人"}}}}};
    writeJson(dir.path() / "acp.json", acp);
    REQUIRE(cli({"post-record", *room, "--kind", "acp", "--json", (dir.path() / "acp.json").string()})
                .exit_code == 0);

    // A malformed record file is refused with its field named, nothing queued (the outbox
    // lists the sent posts until a sync confirms them: it stays as it was).
    const std::string outbox_before = cli({"outbox"}).out;
    writeJson(dir.path() / "bad.json", {{"drug", "架空錠"}, {"leftover_doses", "三"}});
    const CliRun bad = cli({"post-record", *room, "--kind", "medication", "--json", (dir.path() / "bad.json").string()});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "leftover_doses"));
    CHECK(!contains(bad.err, "三"));
    CHECK(cli({"outbox"}).out == outbox_before);

    // The physician's client reads each record intact.
    REQUIRE(syncUntil(*doctor, [&] {
        return recordEvents(*doctor, *room, care::RecordKind::Vitals).size() == 1 &&
               recordEvents(*doctor, *room, care::RecordKind::Medication).size() == 1 &&
               recordEvents(*doctor, *room, care::RecordKind::PhysicianUpdate).size() == 1 &&
               recordEvents(*doctor, *room, care::RecordKind::Acp).size() == 1;
    }));
    const auto v_event = recordEvents(*doctor, *room, care::RecordKind::Vitals).at(0);
    const auto m_event = recordEvents(*doctor, *room, care::RecordKind::Medication).at(0);
    const auto u_event = recordEvents(*doctor, *room, care::RecordKind::PhysicianUpdate).at(0);
    const auto a_event = recordEvents(*doctor, *room, care::RecordKind::Acp).at(0);
    for (const auto* e : {&v_event, &m_event, &u_event, &a_event}) {
        CHECK(e->sender == hs.userId(nurse_name));
        CHECK(e->content[care::kRecordKey]["schema"] == 1);
        CHECK(e->content["msgtype"] == "m.text");
    }
    CHECK(care::parseVitals(v_event.content[care::kRecordKey]) == sent_vitals);
    CHECK(care::parseMedication(m_event.content[care::kRecordKey]) == sent_medication);
    CHECK(care::parsePhysicianUpdate(u_event.content[care::kRecordKey]) == sent_update);
    const auto read_acp = care::parseAdvanceCarePlan(a_event.content[care::kRecordKey]);
    REQUIRE(read_acp.has_value());
    CHECK(read_acp->place_of_death.place == care::WishedPlace::Home);
    CHECK(read_acp->treatments.at(care::LifeSustainingTreatment::Cpr) == care::TreatmentWish::NotWanted);
    CHECK(read_acp->participants == std::vector<care::Participant>{{"架空 太郎", "本人"}});
    CHECK(contains(a_event.content.value("body", ""), "心肺蘇生: 希望しない"));
    CHECK(care::parsePostContext(v_event.content) == care::PostContext{care::Scene::DailyCare, true});
    CHECK(care::parsePostContext(m_event.content) == care::PostContext{});

    // The body alone reads sensibly: values with their units, as a plain Matrix client shows it.
    const std::string v_body = v_event.content.value("body", "");
    CHECK(contains(v_body, "【バイタル】"));
    CHECK(contains(v_body, "血圧: 132/80 mmHg"));
    CHECK(contains(v_body, "脈拍: 72 /分"));
    CHECK(contains(v_body, "体温: 36.8 ℃"));
    CHECK(contains(v_body, "体重: 45.2 kg"));
    CHECK(contains(v_body, "SpO2: 97 %"));
    CHECK(contains(v_body, "水分摂取量: 1200 mL"));
    CHECK(contains(v_body, "排便: なし"));
    CHECK(contains(v_body, care::localMinute(measured)));
    const std::string m_body = m_event.content.value("body", "");
    CHECK(contains(m_body, "架空錠5mg"));
    CHECK(contains(m_body, "開始"));
    CHECK(contains(m_body, "残薬: 3回分"));
    const std::string u_body = u_event.content.value("body", "");
    CHECK(contains(u_body, next_visit));
    CHECK(contains(u_body, "架空の変更: 利尿薬を開始"));

    // Exactly one event per post on the server, and nothing of the refused ones.
    const auto on_server = serverMessages(*room);
    std::map<std::string, int> kinds;
    for (const auto& e : on_server) {
        const auto record = care::recordOf(e["content"]);
        if (record) ++kinds[care::toWire(record->first)];
        CHECK(!contains(e["content"].value("body", ""), "368"));
    }
    CHECK(kinds == std::map<std::string, int>{
                       {"acp", 1}, {"medication", 1}, {"physician_update", 1}, {"vitals", 1}});

    // The nurse's `timeline --json` shows each record; the plain line the body's first line.
    REQUIRE(cli({"sync", "--once"}).exit_code == 0);
    const CliRun listed = cli({"timeline", *room, "--json"});
    REQUIRE(listed.exit_code == 0);
    int with_record = 0;
    std::istringstream lines(listed.out);
    for (std::string line; std::getline(lines, line);) {
        const auto item = nlohmann::json::parse(line);
        if (!item.contains("record")) continue;
        ++with_record;
        if (item["record"]["kind"] == "vitals") CHECK(care::parseVitals(item["record"]) == sent_vitals);
    }
    CHECK(with_record == 4);
    const CliRun plain = cli({"timeline", *room});
    REQUIRE(plain.exit_code == 0);
    CHECK(contains(plain.out, "【バイタル】\t"));
}
