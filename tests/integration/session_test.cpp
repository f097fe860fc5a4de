// Integration tests through Session against the real Synapse started by the harness.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>

#include "support.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

// The nurse creates a patient room and invites the physician, who joins it.
std::string sharedRoom(Client& nurse, Client& doctor, const std::string& name) {
    const auto& hs = Homeserver::get();
    auto room = nurse->createRoom(name, {hs.userId("dr.tanaka")}, "jp.renkei.patient_room");
    REQUIRE(room.ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "invite"; }));
    REQUIRE(doctor->joinRoom(*room).ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "join"; }));
    return *room;
}

// A visiting nurse and the attending physician, each with their own account directory,
// signed in and sharing one patient room that the nurse opened.
struct CareTeam {
    TempDir nurse_dir{"nurse"}, doctor_dir{"doctor"};
    Client nurse{nurse_dir.path()}, doctor{doctor_dir.path()};
    std::string room;

    explicit CareTeam(const std::string& room_name) {
        nurse.login("nurse.sato");
        doctor.login("dr.tanaka");
        room = sharedRoom(nurse, doctor, room_name);
    }
    // The nurse posts; returns once the physician's cache holds the post.
    void postAndDeliver(const std::string& body) {
        REQUIRE(nurse->sendText(room, body).ok());
        REQUIRE(test::syncUntil(*doctor, [&] {
            auto bodies = test::messageBodies(*doctor, room);
            return !bodies.empty() && bodies.back() == body;
        }));
    }
};

}  // namespace

TEST_CASE("two clinicians share a patient room and see each other's posts in order") {
    CareTeam team("山田 花子 様（テスト）");
    auto& nurse = team.nurse;
    auto& doctor = team.doctor;
    const std::string& room = team.room;

    const std::vector<std::string> posts = {
        "本日 10:30 訪問。血圧 128/76 mmHg、脈拍 72、体温 36.5℃、SpO2 97%。",
        "仙骨部の褥瘡は縮小傾向。滲出液少量、周囲の発赤なし。",
        "服薬状況：朝・夕とも飲み忘れなし。残薬は次回薬剤師さんと確認します。",
    };
    for (const auto& p : posts) REQUIRE(nurse->sendText(room, p).ok());

    REQUIRE(test::syncUntil(*doctor, [&] { return test::messageBodies(*doctor, room).size() >= posts.size(); }));
    CHECK(test::messageBodies(*doctor, room) == posts);
    auto events = doctor->timeline(room, 50, std::nullopt);
    REQUIRE(events.ok());
    for (const auto& e : *events) {
        if (e.type == "m.room.message") CHECK(e.sender == Homeserver::get().userId("nurse.sato"));
    }
    auto rooms = doctor->rooms();
    REQUIRE(rooms.ok());
    bool found = false;
    for (const auto& r : *rooms) {
        if (r.room_id != room) continue;
        found = true;
        CHECK(r.name == "山田 花子 様（テスト）");
        CHECK(r.last_body == posts.back());
    }
    CHECK(found);

    SECTION("the nurse sees the physician's read receipt") {
        const std::string last = events->back().event_id;
        REQUIRE(doctor->sendReadReceipt(room, last).ok());
        const std::string reader = Homeserver::get().userId("dr.tanaka");
        CHECK(test::syncUntil(*nurse, [&] {
            auto receipts = nurse->receipts(room);
            if (!receipts) return false;
            for (const auto& r : *receipts) {
                if (r.user_id == reader && r.receipt_type == "m.read" && r.event_id == last) return true;
            }
            return false;
        }));
    }
}

TEST_CASE("a declined invitation leaves the room list, with what the invite brought") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir("decline-nurse"), doctor_dir("decline-doctor");
    Client nurse(nurse_dir.path()), doctor(doctor_dir.path());
    nurse.login("nurse.sato");
    doctor.login("dr.tanaka");
    REQUIRE(doctor->syncOnce(0).ok());
    auto room = nurse->createRoom("辞退テスト 様", {hs.userId("dr.tanaka")});
    REQUIRE(room.ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "invite"; }));
    CHECK(doctor->stateContent(*room, "m.room.name", "").value().has_value());  // stripped

    REQUIRE(doctor->leaveRoom(*room).ok());  // 辞退
    auto listed = [&] {
        const auto rooms = doctor->rooms().value();
        return std::any_of(rooms.begin(), rooms.end(),
                           [&](const store::RoomSummaryRow& r) { return r.room_id == *room; });
    };
    REQUIRE(test::syncUntil(*doctor, [&] { return !listed(); }));
    CHECK_FALSE(doctor->stateContent(*room, "m.room.name", "").value().has_value());
    CHECK(doctor->timeline(*room, 10, std::nullopt).value().empty());
    // A later sync (the server may repeat the leave) does not bring it back.
    REQUIRE(doctor->syncOnce(0).ok());
    CHECK_FALSE(listed());
}

TEST_CASE("a post its sender redacts on the server loses its text in every member's cache") {
    const auto& hs = Homeserver::get();
    CareTeam team("記録取り消し 様（テスト）");
    auto& nurse = team.nurse;
    auto& doctor = team.doctor;
    const std::string& room = team.room;
    const std::string kept = "本日の訪問は予定どおり終了。";
    const std::string marker = test::uniqueMarker("取り消し");
    const std::string mistaken = "誤記（別の利用者の記録） " + marker;
    team.postAndDeliver(kept);
    auto wrong = nurse->sendText(room, mistaken);
    REQUIRE(wrong.ok());
    REQUIRE(test::syncUntil(*doctor, [&] {
        return test::cachedEvent(*doctor, room, *wrong).has_value();
    }));
    REQUIRE(test::messageBodies(*doctor, room).back() == mistaken);

    const std::string redaction = test::redactAs("nurse.sato", room, *wrong, "別の利用者の記録のため");
    std::optional<store::StoredEvent> event;
    REQUIRE(test::syncUntil(*doctor, [&] {
        event = test::cachedEvent(*doctor, room, *wrong);
        return event && event->redacted;
    }));
    // The post keeps its place (marked), its text is gone; the room list does not show it.
    CHECK(event->sender == hs.userId("nurse.sato"));
    CHECK_FALSE(event->content.contains("body"));
    CHECK(test::messageBodies(*doctor, room) == std::vector<std::string>{kept});
    const auto redaction_event = test::cachedEvent(*doctor, room, redaction);
    REQUIRE(redaction_event.has_value());
    CHECK(redaction_event->type == "m.room.redaction");
    const auto rooms = doctor->rooms().value();
    const auto listed = std::find_if(rooms.begin(), rooms.end(),
                                     [&](const auto& r) { return r.room_id == room; });
    REQUIRE(listed != rooms.end());
    CHECK(listed->last_body.find(marker) == std::string::npos);

    // The sender's own cache too.
    REQUIRE(test::syncUntil(*nurse, [&] {
        auto own = test::cachedEvent(*nurse, room, *wrong);
        return own && own->redacted && !own->content.contains("body");
    }));
    CHECK(test::messageBodies(*nurse, room) == std::vector<std::string>{kept});

    // A cache that first syncs after the redaction never holds the text.
    TempDir later_dir("redacted-later");
    Client later(later_dir.path());
    later.login("dr.tanaka");
    REQUIRE(test::syncUntil(*later, [&] {
        return test::cachedEvent(*later, room, *wrong).has_value();
    }));
    const auto seen = test::cachedEvent(*later, room, *wrong);
    CHECK(seen->redacted);
    CHECK_FALSE(seen->content.contains("body"));
    CHECK(test::messageBodies(*later, room) == std::vector<std::string>{kept});
}

TEST_CASE("cached rooms and timelines are readable with the homeserver stopped") {
    const auto& hs = Homeserver::get();
    if (hs.external) SKIP("the homeserver is external: this test does not stop it");
    CareTeam team("オフライン確認 様（テスト）");
    auto& nurse = team.nurse;
    auto& doctor = team.doctor;
    const std::string& room = team.room;
    const std::string post = "夜間の様子：よく眠れている。ご家族より食欲が戻ったとの報告。";
    team.postAndDeliver(post);

    REQUIRE(hs.stop());
    doctor.reopen();  // an app restart without network
    CHECK(doctor->loggedIn());
    CHECK(test::messageBodies(*doctor, room) == std::vector<std::string>{post});
    auto offline = doctor->syncOnce(0);
    REQUIRE_FALSE(offline.ok());
    CHECK(offline.error().kind == ErrorKind::Network);
    CHECK(offline.error().isTransient());

    REQUIRE(hs.start());
    REQUIRE(nurse->sendText(room, "再開後の投稿").ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::messageBodies(*doctor, room).size() == 2; }));
    CHECK(test::messageBodies(*doctor, room).back() == "再開後の投稿");
}

TEST_CASE("a burst of 200 posts while a client is closed is filled by back-pagination, none missing or doubled") {
    CareTeam team("連投確認 様（テスト）");
    auto& nurse = team.nurse;
    auto& doctor = team.doctor;
    const std::string& room = team.room;
    REQUIRE(doctor->syncOnce(0).ok());
    doctor.close();

    std::vector<std::string> posts;
    for (int i = 1; i <= 200; ++i) {
        posts.push_back("バイタル記録 " + std::to_string(i) + "：血圧 " + std::to_string(110 + i % 30) + "/70");
        REQUIRE(nurse->sendText(room, posts.back()).ok());
    }

    doctor.reopen();
    const auto started = std::chrono::steady_clock::now();
    auto synced = doctor->syncOnce(0);
    REQUIRE(synced.ok());
    auto gaps = doctor->gaps(room);
    REQUIRE(gaps.ok());
    REQUIRE_FALSE(gaps->empty());  // the sync was limited: a gap at its prev_batch
    CHECK(test::messageBodies(*doctor, room).size() < posts.size());

    std::size_t added = synced->events_added;
    for (int page = 0; page < 20; ++page) {
        auto filled = doctor->fillGap(room, std::nullopt);
        REQUIRE(filled.ok());
        added += *filled;
        if (*filled == 0) break;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "[measure] burst: " << added << " events synced and back-filled in " << seconds * 1000.0
              << " ms (" << static_cast<double>(added) / seconds << " events/s, network included)\n";

    CHECK(doctor->gaps(room)->empty());
    CHECK(test::messageBodies(*doctor, room) == posts);
    auto events = doctor->timeline(room, 5000, std::nullopt);
    REQUIRE(events.ok());
    std::set<std::string> ids;
    for (const auto& e : *events) CHECK(ids.insert(e.event_id).second);
}

TEST_CASE("logout invalidates the token on the server and keeps the device id for the next login") {
    const auto& hs = Homeserver::get();
    TempDir dir("pharm");
    Client pharmacist(dir.path());
    pharmacist.login("pharm.suzuki");
    const std::string device = pharmacist->deviceId();
    REQUIRE_FALSE(device.empty());
    auto devices_of = [&] {
        std::set<std::string> ids;
        auto body = test::adminGet("/_synapse/admin/v2/users/" + matrix::urlEncode(hs.userId("pharm.suzuki")) + "/devices");
        for (const auto& d : body.at("devices")) ids.insert(d.at("device_id").get<std::string>());
        return ids;
    };
    CHECK(devices_of().count(device) == 1);

    REQUIRE(pharmacist->logout().ok());
    CHECK_FALSE(pharmacist->loggedIn());
    CHECK(devices_of().count(device) == 0);
    auto after = pharmacist->syncOnce(0);
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().kind == ErrorKind::NotLoggedIn);

    pharmacist.reopen();
    CHECK_FALSE(pharmacist->loggedIn());
    pharmacist.login("pharm.suzuki");
    CHECK(pharmacist->deviceId() == device);
}

TEST_CASE("no message text appears in plaintext anywhere in the account's data directory") {
    CareTeam team("暗号化確認 様（テスト）");
    auto& doctor = team.doctor;
    const std::string& room = team.room;
    const std::string marker = test::uniqueMarker("褥瘡マーカー");
    team.postAndDeliver("観察メモ " + marker);
    REQUIRE(test::messageBodies(*doctor, room).back().find(marker) != std::string::npos);

    const std::vector<std::string> secrets = {marker, "褥瘡マーカー", Homeserver::get().password("dr.tanaka")};
    auto scan = [&] {
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(team.doctor_dir.path())) {
            if (!entry.is_regular_file()) continue;
            ++files;
            const std::string bytes = test::readFile(entry.path());
            for (const auto& s : secrets) {
                INFO("file " << entry.path().filename());
                CHECK(bytes.find(s) == std::string::npos);
            }
        }
        return files;
    };
    CHECK(scan() >= 2);   // while open: databases and their WAL files
    doctor.close();
    CHECK(scan() >= 2);   // after close and checkpoint
}

TEST_CASE("a damaged cache is rebuilt from the server without signing out") {
    CareTeam team("キャッシュ破損 様（テスト）");
    auto& doctor = team.doctor;
    const std::string& room = team.room;
    const std::string post = "褥瘡の写真は次回撮影予定。";
    team.postAndDeliver(post);
    doctor.close();

    // Overwrite the cache's first pages, as a crashed disk or a stray tool might.
    const auto cache_file = team.doctor_dir.path() / "cache.db";
    REQUIRE(std::filesystem::exists(cache_file));
    {
        std::fstream f(cache_file, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(8192, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    std::filesystem::remove(team.doctor_dir.path() / "cache.db-wal");

    doctor.reopen();
    CHECK(doctor->loggedIn());                        // the vault was untouched
    CHECK(test::messageBodies(*doctor, room).empty());  // the cache starts over
    CHECK(test::syncUntil(*doctor, [&] {
        auto bodies = test::messageBodies(*doctor, room);
        return !bodies.empty() && bodies.back() == post;
    }));
}
