// Record drafts and corrections through renkei-cli against the real Synapse: an MSW drafts a
// discharge joint-guidance record (draft-record), an incomplete draft is refused and kept, the
// completed one is sent once and leaves no draft behind, and the physician's client reads it
// intact. A nurse's vitals with a wrong temperature are corrected by an edit (edit-record):
// the physician reads the corrected value with the post marked edited, the original stays
// on the server, and a plain text edit of the record is refused. Data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <fstream>

#include "care/care_record.h"
#include "care/care_record_discharge.h"
#include "care/care_record_format.h"
#include "care/care_record_vitals.h"
#include "cli_support.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

void writeJson(const std::filesystem::path& file, const nlohmann::json& value) {
    std::ofstream(file, std::ios::binary) << value.dump();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<session::RecordPost> records(session::Session& s, const std::string& room, care::RecordKind kind) {
    auto posts = s.roomRecords(room, kind, /*with_acknowledgements=*/false);
    if (!posts) FAIL("roomRecords: " << posts.error().describe());
    return *posts;
}

}  // namespace

TEST_CASE("a drafted discharge record is sent once from its draft; a vitals value is corrected by an edit",
          "[care][records][drafts][cli]") {
    const auto& hs = Homeserver::get();
    const std::string msw_name = registerFreshUser("rd-msw");
    const std::string doctor_name = registerFreshUser("rd-doctor");
    TempDir dir("record-drafts");
    Client doctor(dir.path() / "doctor");
    doctor.login(doctor_name);
    const CliUser msw(dir.path() / "msw-cli", msw_name, "下書きテスト-パスフレーズ");
    auto cli = [&](std::vector<std::string> args) { return msw.run(std::move(args)); };

    auto room = doctor->createRoom("架空 一郎さん " + uniqueMarker("rd"), {hs.userId(msw_name)});
    if (!room) FAIL("create: " << room.error().describe());
    REQUIRE(cli({"sync", "--once"}).exit_code == 0);
    REQUIRE(cli({"join", *room}).exit_code == 0);
    const auto file = dir.path() / "discharge.json";

    // Day one: what the MSW knows so far — no diagnosis yet. Saved; sending it is refused
    // as incomplete, and the draft stays for tomorrow.
    nlohmann::json form = {{"hospital", "架空総合病院"},
                           {"ward", "5階東病棟"},
                           {"admission_date", care::jstDate(nowMs() - 20 * kDay)},
                           {"planned_discharge_date", care::jstDate(nowMs() + 3 * kDay)},
                           {"conference_date", care::jstDate(nowMs())},
                           {"participants", {{{"name", "架空 看護師"}, {"role", "病棟看護師"}}}}};
    writeJson(file, form);
    REQUIRE(cli({"draft-record", *room, "--kind", "discharge_guidance", "--json", file.string()}).exit_code == 0);
    const CliRun early = cli({"send-draft-record", *room, "--kind", "discharge_guidance"});
    CHECK(early.exit_code == 2);
    CHECK(contains(early.err, "discharge_guidance: a required field is missing"));
    CHECK(cli({"outbox"}).out.empty());

    // Day two: the draft is completed and sent; it is gone once queued.
    form["diagnosis"] = "慢性心不全の増悪";
    form["follow_up"] = "退院後1週間は毎日体重を測定し、2kg増で連絡";
    form["procedures"] = {"在宅酸素療法"};
    writeJson(file, form);
    REQUIRE(cli({"draft-record", *room, "--kind", "discharge_guidance", "--json", file.string()}).exit_code == 0);
    const CliRun sent = cli({"send-draft-record", *room, "--kind", "discharge_guidance"});
    INFO(sent.err);
    REQUIRE(sent.exit_code == 0);
    const CliRun again = cli({"send-draft-record", *room, "--kind", "discharge_guidance"});
    CHECK(again.exit_code == 2);
    CHECK(contains(again.err, "no discharge_guidance draft"));

    // The physician reads it intact, once.
    REQUIRE(syncUntil(*doctor, [&] { return records(*doctor, *room, care::RecordKind::DischargeGuidance).size() == 1; }));
    const auto doc = records(*doctor, *room, care::RecordKind::DischargeGuidance).at(0);
    const auto read = care::parseDischargeGuidance(doc.view.record);
    REQUIRE(read.has_value());
    CHECK(read->hospital == "架空総合病院");
    CHECK(read->diagnosis == "慢性心不全の増悪");
    CHECK(read->procedures == std::vector<std::string>{"在宅酸素療法"});
    CHECK(read->follow_up == "退院後1週間は毎日体重を測定し、2kg増で連絡");

    // Vitals with 体温 37.8 instead of 36.8, corrected by an edit of the record.
    REQUIRE(cli({"post-vitals", *room, "--temp", "37.8", "--pulse", "76"}).exit_code == 0);
    REQUIRE(syncUntil(*doctor, [&] { return records(*doctor, *room, care::RecordKind::Vitals).size() == 1; }));
    const auto wrong = records(*doctor, *room, care::RecordKind::Vitals).at(0);
    auto corrected = wrong.view.record;
    corrected["temperature_c_tenths"] = 368;
    writeJson(dir.path() / "vitals.json", corrected);
    REQUIRE(cli({"sync", "--once"}).exit_code == 0);
    const CliRun text_edit = cli({"edit", *room, wrong.event_id, "体温 36.8"});
    CHECK(text_edit.exit_code != 0);
    CHECK(contains(text_edit.err, "corrected through its form"));
    const CliRun fixed = cli({"edit-record", *room, wrong.event_id, "--kind", "vitals", "--json",
                              (dir.path() / "vitals.json").string()});
    INFO(fixed.err);
    REQUIRE(fixed.exit_code == 0);
    REQUIRE(syncUntil(*doctor, [&] {
        const auto now = records(*doctor, *room, care::RecordKind::Vitals);
        return now.size() == 1 && now[0].edited;
    }));
    const auto current = records(*doctor, *room, care::RecordKind::Vitals).at(0);
    CHECK(current.event_id == wrong.event_id);
    const auto v = care::parseVitals(current.view.record);
    REQUIRE(v.has_value());
    CHECK(v->temperature == 36.8);
    CHECK(v->pulse == 76);

    // On the server: the discharge record once, the vitals post and its one correction.
    int discharge = 0, vitals_originals = 0, corrections = 0;
    for (const auto& e : serverMessages(*room)) {
        const auto& content = e["content"];
        if (content.contains("m.new_content")) {
            ++corrections;
            CHECK(content["m.relates_to"]["event_id"] == wrong.event_id);
            continue;
        }
        const auto record = care::recordOf(content);
        if (record && record->first == care::RecordKind::DischargeGuidance) ++discharge;
        if (record && record->first == care::RecordKind::Vitals) ++vitals_originals;
    }
    CHECK(discharge == 1);
    CHECK(vitals_originals == 1);
    CHECK(corrections == 1);
}
