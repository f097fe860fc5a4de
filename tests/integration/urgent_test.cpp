// Urgent posts (至急) against the real Synapse: a care team of four professions; the physician
// posts an urgent post with its scene through the outbox; another member's client reads the
// scene and 至急 intact; the 至急 view shows who has read it and who not yet, and follows the
// read receipts as members read it; the room list's urgent-unread count goes to 0 once read.
// renkei-cli: `send --scene --urgent` and `urgent [--json]` show the same, and so does an
// urgent reply (`reply --scene --urgent`).
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <sstream>

#include "care/care_types.h"
#include "cli_support.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using care::Profession;

namespace {

care::MemberProfile office(Profession profession, std::string name, std::string kind) {
    care::MemberProfile m;
    m.profession = profession;
    m.office = std::move(name);
    m.office_kind = std::move(kind);
    m.municipality = "柏市";
    return m;
}

// A fictional patient room opened by `opener` with `team` invited (the first as physician).
care::PatientRoomPlan urgentPlan(const std::string& opener, const std::vector<std::string>& team) {
    care::PatientRoomPlan plan;
    plan.patient = {"架空 太郎", "かくう たろう", "1940-02-03", care::Sex::Male, care::CareLevel::Care2,
                    {"誤嚥性肺炎"}, "柏市"};
    plan.consent = care::Consent{"2026-11-25", care::ConsentMethod::InPerson, opener, true, {}, {}, {}};
    plan.opener = office(Profession::VisitingNurse, "かしわ訪問看護ステーション", "訪問看護ステーション");
    for (std::size_t i = 0; i < team.size(); ++i) plan.team.push_back({team[i], i == 0 ? "主治医" : "", i == 0});
    plan.creation_id = uniqueMarker("urgent-room");
    return plan;
}

std::optional<session::UrgentPost> urgentPost(session::Session& s, const std::string& event_id) {
    auto posts = s.urgentPosts();
    if (!posts) FAIL("urgentPosts: " << posts.error().describe());
    for (auto& p : *posts) {
        if (p.event_id == event_id) return std::move(p);
    }
    return std::nullopt;
}

// Whether `user_id` has read the post as the 至急 view says; nullopt when not in its team.
std::optional<bool> hasRead(const session::UrgentPost& post, const std::string& user_id) {
    for (const auto& m : post.team) {
        if (m.user_id == user_id) return m.read;
    }
    return std::nullopt;
}

int urgentUnread(session::Session& s, const std::string& room_id) {
    auto rooms = s.rooms();
    if (!rooms) FAIL("rooms: " << rooms.error().describe());
    for (const auto& r : *rooms) {
        if (r.room_id == room_id) return r.urgent_unread;
    }
    return -1;
}

}  // namespace

TEST_CASE("an urgent post shows who of the care team has read it, following their receipts", "[care][urgent]") {
    const auto& hs = Homeserver::get();
    // Fresh accounts: the 至急 view lists every patient room they are in.
    const std::string nurse_name = registerFreshUser("u-nurse");
    const std::string doctor_name = registerFreshUser("u-doctor");
    const std::string pharm_name = registerFreshUser("u-pharm");
    const std::string cm_name = registerFreshUser("u-cm");
    TempDir dir("urgent");
    Client nurse(dir.path() / "nurse");
    Client doctor(dir.path() / "doctor");
    Client pharmacist(dir.path() / "pharmacist");
    Client care_manager(dir.path() / "cm");
    nurse.login(nurse_name);
    doctor.login(doctor_name);
    pharmacist.login(pharm_name);
    care_manager.login(cm_name);
    const std::string nurse_id = hs.userId(nurse_name);
    const std::string doctor_id = hs.userId(doctor_name);
    const std::string pharm_id = hs.userId(pharm_name);
    const std::string cm_id = hs.userId(cm_name);

    REQUIRE(nurse->setOwnProfile(office(Profession::VisitingNurse, "かしわ訪問看護ステーション", "訪問看護ステーション")).ok());
    auto room = nurse->openPatientRoom(urgentPlan(nurse_id, {doctor_id, pharm_id, cm_id}));
    if (!room) FAIL("open: " << room.error().describe());
    const std::vector<std::pair<Client*, care::MemberProfile>> members = {
        {&doctor, office(Profession::Physician, "架空内科クリニック", "診療所")},
        {&pharmacist, office(Profession::Pharmacist, "架空薬局", "保険薬局")},
        {&care_manager, office(Profession::CareManager, "架空ケアプランセンター", "居宅介護支援事業所")}};
    for (const auto& [who, profile] : members) {
        REQUIRE((*who)->setOwnProfile(profile).ok());
        REQUIRE(syncUntil(**who, [&] { return membership(**who, *room) == "invite"; }));
        REQUIRE((*who)->joinRoom(*room).ok());
    }
    auto team_known = [&](Client& c) {
        auto team = c->careTeam(*room);
        return team && team->size() == 4 &&
               std::all_of(team->begin(), team->end(), [](const auto& m) { return m.profile.has_value(); });
    };

    // The physician posts 至急 in the acute-change scene, through the outbox.
    const std::string body = "SpO2 89%、本日15時に臨時往診します。" + uniqueMarker("u");
    REQUIRE(syncUntil(*doctor, [&] { return team_known(doctor); }));
    auto queued = doctor->queueText(*room, body, care::PostContext{care::Scene::AcuteChange, true});
    REQUIRE(queued.ok());
    const auto sent = flushOutbox(*doctor);
    REQUIRE(sent.size() == 1);
    REQUIRE(sent.front().event_id);
    const std::string post_id = *sent.front().event_id;
    // Exactly once, with the keys beside a readable body, as any Matrix client sees it.
    const auto on_server = serverMessages(*room);
    const auto with_body = std::count_if(on_server.begin(), on_server.end(), [&](const auto& e) {
        return e["content"].value("body", "") == body;
    });
    CHECK(with_body == 1);

    // The pharmacist's client reads the scene and 至急 intact.
    REQUIRE(syncUntil(*pharmacist, [&] { return cachedEvent(*pharmacist, *room, post_id).has_value(); }));
    const auto read_back = cachedEvent(*pharmacist, *room, post_id);
    REQUIRE(read_back.has_value());
    CHECK(read_back->content.value("body", "") == body);
    CHECK(care::parsePostContext(read_back->content) == care::PostContext{care::Scene::AcuteChange, true});
    CHECK(urgentUnread(*pharmacist, *room) == 1);

    // The nurse's 至急 view: the physician's post, nobody has read it yet.
    REQUIRE(syncUntil(*nurse, [&] { return team_known(nurse) && urgentPost(*nurse, post_id).has_value(); }));
    auto post = urgentPost(*nurse, post_id);
    REQUIRE(post.has_value());
    CHECK(post->room_id == *room);
    CHECK(post->room_name == "架空 太郎");
    CHECK(post->sender == doctor_id);
    REQUIRE(post->sender_profile.has_value());
    CHECK(post->sender_profile->profession == Profession::Physician);
    CHECK(post->body == body);
    CHECK(post->scene == care::Scene::AcuteChange);
    REQUIRE(post->team.size() == 3);  // the sender is left out
    for (const auto& m : post->team) {
        CHECK_FALSE(m.read);
        CHECK(m.profile.has_value());
    }
    CHECK(hasRead(*post, doctor_id) == std::nullopt);
    CHECK(urgentUnread(*nurse, *room) == 1);

    // The pharmacist reads it: the nurse's view shows them as read, the others still not.
    REQUIRE(pharmacist->sendReadReceipt(*room, post_id).ok());
    REQUIRE(syncUntil(*nurse, [&] {
        auto p = urgentPost(*nurse, post_id);
        return p && hasRead(*p, pharm_id) == true;
    }));
    post = urgentPost(*nurse, post_id);
    REQUIRE(post.has_value());
    CHECK(hasRead(*post, pharm_id) == true);
    CHECK(hasRead(*post, nurse_id) == false);
    CHECK(hasRead(*post, cm_id) == false);
    const auto pharm_entry = std::find_if(post->team.begin(), post->team.end(),
                                          [&](const auto& m) { return m.user_id == pharm_id; });
    REQUIRE(pharm_entry != post->team.end());
    REQUIRE(pharm_entry->profile.has_value());
    CHECK(pharm_entry->profile->profession == Profession::Pharmacist);

    // The reader's own room list: nothing urgent unread once their receipt is back.
    REQUIRE(syncUntil(*pharmacist, [&] { return urgentUnread(*pharmacist, *room) == 0; }));
    CHECK(urgentUnread(*nurse, *room) == 1);  // the nurse has not read it yet
}

TEST_CASE("renkei-cli: send and reply with --scene --urgent, and urgent lists who has read it and who not yet", "[care][urgent]") {
    const auto& hs = Homeserver::get();
    const std::string nurse_name = registerFreshUser("uc-nurse");
    const std::string doctor_name = registerFreshUser("uc-doctor");
    const std::string pharm_name = registerFreshUser("uc-pharm");
    TempDir dir("cli-urgent");
    Client doctor(dir.path() / "doctor");
    Client pharmacist(dir.path() / "pharmacist");
    doctor.login(doctor_name);
    pharmacist.login(pharm_name);
    constexpr char kPassphrase[] = "至急確認-パスフレーズ";
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    struct Unset {
        ~Unset() { unsetenv("RENKEI_PASSPHRASE"); }
    } unset;
    const auto root = dir.path() / "nurse-cli";
    cliLogin(root, nurse_name, kPassphrase);
    auto cli = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--data-dir", root.string()});
        CliRun done = runCli(args);
        INFO(done.err);
        return done;
    };

    // The physician opens the room; the pharmacist and the nurse (renkei-cli) join.
    REQUIRE(doctor->setOwnProfile(office(Profession::Physician, "架空内科クリニック", "診療所")).ok());
    auto plan = urgentPlan(hs.userId(doctor_name), {});
    plan.opener = office(Profession::Physician, "架空内科クリニック", "診療所");  // the opener is the physician
    plan.team = {{hs.userId(pharm_name), "薬剤師", false}, {hs.userId(nurse_name), "訪問看護", false}};
    auto room = doctor->openPatientRoom(plan);
    if (!room) FAIL("open: " << room.error().describe());
    REQUIRE(pharmacist->setOwnProfile(office(Profession::Pharmacist, "架空薬局", "保険薬局")).ok());
    REQUIRE(syncUntil(*pharmacist, [&] { return membership(*pharmacist, *room) == "invite"; }));
    REQUIRE(pharmacist->joinRoom(*room).ok());
    REQUIRE(cli({"profile", "--profession", "visiting_nurse", "--office", "架空訪問看護", "--office-kind",
                 "訪問看護ステーション", "--municipality", "柏市"}).exit_code == 0);
    REQUIRE(cli({"sync", "--once"}).exit_code == 0);
    REQUIRE(cli({"join", *room}).exit_code == 0);

    // An unknown scene queues nothing; a known one goes out with 至急.
    CHECK(cli({"queue", *room, "x", "--scene", "emergency"}).exit_code == 2);
    const std::string body = "呼吸苦の訴えあり、至急ご確認ください。" + uniqueMarker("c");
    REQUIRE(cli({"send", *room, body, "--scene", "acute_change", "--urgent"}).exit_code == 0);
    REQUIRE(syncUntil(*doctor, [&] {
        const auto bodies = messageBodies(*doctor, *room);
        return std::find(bodies.begin(), bodies.end(), body) != bodies.end();
    }));
    const auto bodies = messageBodies(*doctor, *room);
    CHECK(std::count(bodies.begin(), bodies.end(), body) == 1);
    CHECK(std::find(bodies.begin(), bodies.end(), "x") == bodies.end());

    // `urgent --json` once the nurse's cache has the team and the post.
    auto listed = [&]() -> std::optional<nlohmann::json> {
        if (cli({"sync", "--once"}).exit_code != 0) return std::nullopt;
        const CliRun run = cli({"urgent", "--json"});
        if (run.exit_code != 0) return std::nullopt;
        std::istringstream in(run.out);
        for (std::string line; std::getline(in, line);) {
            auto post = nlohmann::json::parse(line);
            if (post.value("body", "") == body && post["unread_by"].size() + post["read_by"].size() == 2) return post;
        }
        return std::nullopt;
    };
    auto names_of = [](const nlohmann::json& members) {
        std::vector<std::string> out;
        for (const auto& m : members) out.push_back(m.value("user_id", "") + "/" + m.value("profession", ""));
        std::sort(out.begin(), out.end());
        return out;
    };
    std::optional<nlohmann::json> post;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!(post = listed()) && std::chrono::steady_clock::now() < until) {}
    REQUIRE(post.has_value());
    CHECK((*post)["scene"] == "acute_change");
    CHECK((*post)["sender"]["user_id"] == hs.userId(nurse_name));
    CHECK((*post)["read_by"].empty());
    auto expected = std::vector<std::string>{hs.userId(doctor_name) + "/physician", hs.userId(pharm_name) + "/pharmacist"};
    std::sort(expected.begin(), expected.end());
    CHECK(names_of((*post)["unread_by"]) == expected);

    // The physician reads it: the text view says so, by name and profession.
    const std::string post_id = (*post)["event_id"];
    REQUIRE(doctor->sendReadReceipt(*room, post_id).ok());
    const auto read_until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while ((post = listed()) && (*post)["read_by"].empty() && std::chrono::steady_clock::now() < read_until) {}
    REQUIRE(post.has_value());
    CHECK(names_of((*post)["read_by"]) == std::vector<std::string>{hs.userId(doctor_name) + "/physician"});
    CHECK(names_of((*post)["unread_by"]) == std::vector<std::string>{hs.userId(pharm_name) + "/pharmacist"});
    const CliRun text = cli({"urgent"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("【至急】") != std::string::npos);
    CHECK(text.out.find("[急変時の対応]") != std::string::npos);
    CHECK(text.out.find("（主治医・架空内科クリニック）") != std::string::npos);
    CHECK(text.out.find("未読: ") != std::string::npos);
    CHECK(text.out.find("（薬剤師・架空薬局）") != std::string::npos);

    // A reply carries its own scene and 至急: `reply --scene --urgent` is listed as urgent too,
    // with its relation to the post it answers. An unknown scene queues nothing.
    CHECK(cli({"reply", *room, post_id, "x", "--scene", "emergency", "--urgent"}).exit_code == 2);
    const std::string answer = "往診前に SpO2 を再測定します。" + uniqueMarker("r");
    REQUIRE(cli({"reply", *room, post_id, answer, "--scene", "acute_change", "--urgent"}).exit_code == 0);
    std::optional<nlohmann::json> urgent_reply;
    const auto reply_until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!urgent_reply && std::chrono::steady_clock::now() < reply_until) {
        if (cli({"sync", "--once"}).exit_code != 0) continue;
        const CliRun run = cli({"urgent", "--json"});
        std::istringstream in(run.out);
        for (std::string line; std::getline(in, line);) {
            auto listed_post = nlohmann::json::parse(line);
            if (listed_post.value("body", "") == answer) urgent_reply = listed_post;
        }
    }
    REQUIRE(urgent_reply.has_value());
    CHECK((*urgent_reply)["scene"] == "acute_change");
    CHECK((*urgent_reply)["sender"]["user_id"] == hs.userId(nurse_name));
    const std::string reply_id = (*urgent_reply)["event_id"];
    REQUIRE(syncUntil(*doctor, [&] { return cachedEvent(*doctor, *room, reply_id).has_value(); }));
    const auto seen_by_doctor = cachedEvent(*doctor, *room, reply_id);
    REQUIRE(seen_by_doctor.has_value());
    CHECK(seen_by_doctor->content["m.relates_to"]["m.in_reply_to"].value("event_id", "") == post_id);
    CHECK(care::parsePostContext(seen_by_doctor->content) == care::PostContext{care::Scene::AcuteChange, true});
    const auto doctors_bodies = messageBodies(*doctor, *room);
    CHECK(std::find(doctors_bodies.begin(), doctors_bodies.end(), "x") == doctors_bodies.end());
}
