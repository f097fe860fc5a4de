// Closing a patient room (部屋の終了) against the real Synapse: only the opener and the
// attending physician may close it (or change the consent), the server refusing everyone
// else with a clear error and nothing changed here; a closure archives the room for the
// closer and, after their sync, for the other members (their Renkei leaves it too); the
// archive reads its posts and patient panel from this computer with the server out of reach;
// remove-archived deletes the room's local data.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>

#include "care/care_types.h"
#include "care_fixtures.h"
#include "http/curl_transport.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;

namespace {

bool archived(session::Session& s, const std::string& room, const std::string& membership) {
    auto rooms = s.archivedRooms();
    if (!rooms) FAIL("archivedRooms: " << rooms.error().describe());
    return std::any_of(rooms->begin(), rooms->end(), [&](const session::ArchivedRoom& a) {
        return a.room.room_id == room && a.room.membership == membership;
    });
}

bool listedActive(session::Session& s, const std::string& room) { return !membership(s, room).empty(); }

// Joined members of the room as the server has them (admin API).
std::vector<std::string> serverMembers(const std::string& room) {
    auto members = adminGet("/_synapse/admin/v1/rooms/" + room + "/members");
    std::vector<std::string> out;
    for (const auto& m : members.value("members", nlohmann::json::array())) out.push_back(m.get<std::string>());
    return out;
}

// A fresh Session on `client`'s data and keys whose every request goes to a closed port:
// what reads here reads from this computer only.
std::unique_ptr<session::Session> openOffline(const Client& client) {
    store::RawKeyProvider keys(client.keys());
    session::SessionConfig config;
    config.data_dir = client.dir();
    config.transport = std::make_shared<ViaProxy>(Homeserver::get().base_url, "http://127.0.0.1:9");
    auto opened = session::Session::open(std::move(config), keys);
    if (!opened) FAIL("Session::open: " << opened.error().describe());
    return std::move(*opened);
}

}  // namespace

TEST_CASE("a closed patient room is archived for the whole team and reads offline", "[care][closure]") {
    const auto& hs = Homeserver::get();
    TempDir dir("closure");
    NursePhysicianPharmacist team(dir.path());
    auto& [nurse, doctor, pharmacist] = team;
    care::PatientRoomPlan plan = basePlan(hs.userId("nurse.sato"));
    const std::optional<std::string> room = team.opened(plan);
    const std::string marker = uniqueMarker("closure");
    const std::vector<std::string> posts = {marker + " 本日訪問。血圧 128/76、食事量は半分程度。",
                                            marker + " 施設入所の日程が決まりました（12月5日）。",
                                            marker + " 服薬カレンダーを施設へ引き継ぎます。"};
    for (const auto& body : posts) REQUIRE(nurse->sendText(*room, body).ok());
    auto has_posts = [&](session::Session& c) {
        auto bodies = messageBodies(c, *room);
        return std::count_if(bodies.begin(), bodies.end(), [&](const std::string& b) {
                   return b.starts_with(marker);
               }) == static_cast<long>(posts.size());
    };
    REQUIRE(syncUntil(*nurse, [&] { return has_posts(*nurse); }));
    REQUIRE(syncUntil(*doctor, [&] { return has_posts(*doctor); }));
    REQUIRE(syncUntil(*pharmacist, [&] { return has_posts(*pharmacist); }));

    care::Closure closure{care::ClosureReason::Facility, "2026-12-01", "特別養護老人ホームへ入所"};

    // Who may close, from each one's cached power levels: the opener and the attending
    // physician, not the pharmacist (the app enables 部屋を終了… by this).
    auto may = [&](session::Session& c) {
        auto allowed = c.canCloseRoom(*room);
        if (!allowed) FAIL("canCloseRoom: " << allowed.error().describe());
        return *allowed;
    };
    CHECK(may(*nurse));
    CHECK(may(*doctor));
    CHECK_FALSE(may(*pharmacist));

    // A member without the power level: the server refuses, the error says so, and nothing
    // changed here (still an active room, no closure, still joined on the server).
    auto refused = pharmacist->closeRoom(*room, closure);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::Matrix);
    CHECK(refused.error().errcode == "M_FORBIDDEN");
    CHECK(refused.error().http_status == 403);
    REQUIRE(pharmacist->syncOnce(0).ok());
    CHECK(membership(*pharmacist, *room) == "join");
    CHECK_FALSE(archived(*pharmacist, *room, "leave"));
    auto unchanged = pharmacist->patientRecord(*room);
    REQUIRE(unchanged.ok());
    CHECK_FALSE(unchanged->closure.has_value());
    // Nor may the pharmacist rewrite the consent record.
    matrix::MatrixClient raw(std::make_shared<http::CurlTransport>(), hs.base_url);
    (void)loginAs(raw, "pharm.suzuki");
    auto consent = care::toContent(fictionalConsent(hs.userId("pharm.suzuki")));
    REQUIRE(consent.ok());
    auto consent_refused = raw.sendStateEvent(*room, care::kConsentType, "", *consent);
    REQUIRE_FALSE(consent_refused.ok());
    CHECK(consent_refused.error().errcode == "M_FORBIDDEN");
    (void)raw.logout();

    // その他 without a note is refused by core before anything is sent.
    auto no_note = nurse->closeRoom(*room, care::Closure{care::ClosureReason::Other, "2026-12-01", ""});
    REQUIRE_FALSE(no_note.ok());
    CHECK(no_note.error().kind == ErrorKind::InvalidArgument);
    CHECK(no_note.error().message.find("note") != std::string::npos);

    // The opener closes it: written, left, archived after the next sync; not listed as active.
    auto closed = nurse->closeRoom(*room, closure);
    if (!closed) FAIL("close: " << closed.error().describe());
    REQUIRE(syncUntil(*nurse, [&] { return archived(*nurse, *room, "leave"); }));
    CHECK_FALSE(listedActive(*nurse, *room));
    CHECK_FALSE(may(*nurse));  // closed and left: nothing left to close
    // The others' Renkei leaves when its sync brings the closure; the room is archived there.
    REQUIRE(syncUntil(*doctor, [&] { return archived(*doctor, *room, "leave"); }));
    REQUIRE(syncUntil(*pharmacist, [&] { return archived(*pharmacist, *room, "leave"); }));
    CHECK_FALSE(listedActive(*doctor, *room));
    CHECK(serverMembers(*room).empty());
    auto listed = doctor->archivedRooms();
    REQUIRE(listed.ok());
    const auto entry = std::find_if(listed->begin(), listed->end(),
                                    [&](const session::ArchivedRoom& a) { return a.room.room_id == *room; });
    REQUIRE(entry != listed->end());
    CHECK(entry->closure == closure);
    CHECK(entry->closed_by == hs.userId("nurse.sato"));
    CHECK(entry->room.name == plan.patient.name);

    // The doctor's archive reads offline: a fresh session on the same data, the server out of
    // reach (every request goes to a closed port).
    doctor.close();
    auto offline = openOffline(doctor);
    CHECK(archived(*offline, *room, "leave"));
    CHECK(has_posts(*offline));
    auto record = offline->patientRecord(*room);
    REQUIRE(record.ok());
    REQUIRE(record->closure.has_value());
    CHECK(*record->closure == closure);
    REQUIRE(record->patient.has_value());
    CHECK(*record->patient == plan.patient);
    CHECK_FALSE(offline->syncOnce(0).ok());  // the server really is out of reach

    // remove-archived deletes the room from this computer, for good (after a restart too).
    REQUIRE(offline->saveRecordDraft(*room, "medication", nlohmann::json{{"drug", "架空薬"}}).ok());
    REQUIRE(offline->saveDraft(*room, "架空の下書き").ok());
    auto active_refused = offline->removeArchivedRoom("!not-archived:example.invalid");
    CHECK_FALSE(active_refused.ok());
    REQUIRE(offline->removeArchivedRoom(*room).ok());
    CHECK_FALSE(archived(*offline, *room, "leave"));
    offline.reset();
    offline = openOffline(doctor);
    CHECK_FALSE(archived(*offline, *room, "leave"));
    auto timeline = offline->timeline(*room, 50, std::nullopt);
    REQUIRE(timeline.ok());
    CHECK(timeline->empty());
    CHECK(offline->recordDrafts(*room)->empty());  // the drafts went with the room
    CHECK_FALSE(offline->draft(*room)->has_value());
    auto gone = offline->patientRecord(*room);
    REQUIRE(gone.ok());
    CHECK_FALSE(gone->patient.has_value());
    // The nurse's own archive is untouched by the doctor's removal.
    CHECK(archived(*nurse, *room, "leave"));
    CHECK(has_posts(*nurse));
}
