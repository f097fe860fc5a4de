// Integration tests of MatrixClient over the real CurlTransport against the Synapse started by
// tests/homeserver/harness.py (ctest fixture "synapse"). No scripted answers: every request
// goes to the homeserver on loopback, and the assertions are what a user or an integrator
// would check (ids, the room as the other member sees it, error codes), per PROTOCOL.md.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"

using namespace renkei;
using namespace renkei::matrix;
using nlohmann::json;
using renkei::test::Homeserver;
using renkei::test::loginAs;

namespace {

constexpr const char* kPatientRoom = "jp.renkei.patient_room";

std::shared_ptr<http::CurlTransport> newTransport() {
    return std::make_shared<http::CurlTransport>();
}

/// One clinician's MatrixClient, logged in on a fresh device; logs out (deleting the device
/// on the server) when the test ends so that test runs do not pile up devices.
struct Account {
    MatrixClient client;
    LoginResponse session;
    explicit Account(const std::string& name, std::optional<std::string> device_id = std::nullopt)
        : client(newTransport(), Homeserver::get().base_url),
          session(loginAs(client, name, std::move(device_id))) {}
    ~Account() {
        if (!client.accessToken().empty()) static_cast<void>(client.logout());
    }
    Account(const Account&) = delete;
    Account& operator=(const Account&) = delete;
    MatrixClient* operator->() { return &client; }
};

/// An inline sync filter (the `filter` query also takes a JSON object) limited to one room, so
/// that an initial sync stays small however many rooms earlier test runs left behind.
std::string roomFilter(const std::string& room_id, int timeline_limit = 50) {
    return json{{"room",
                 {{"rooms", json::array({room_id})},
                  {"timeline", {{"limit", timeline_limit}}}}}}
        .dump();
}

/// Syncs (1 s long-polls) from `since` until `done` holds for one response or `deadline`
/// passes; `since` advances with every response. Returns whether `done` held.
bool syncUntil(MatrixClient& client, std::optional<std::string>& since,
               const std::optional<std::string>& filter,
               const std::function<bool(const SyncResponse&)>& done,
               std::chrono::seconds deadline = std::chrono::seconds(30)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (std::chrono::steady_clock::now() < until) {
        SyncRequest req;
        req.since = since;
        req.filter = filter;
        req.timeout_ms = since ? 1000 : 0;
        auto r = client.sync(req);
        if (!r) FAIL("sync: " << r.error().describe());
        since = r->next_batch;
        if (done(*r)) return true;
    }
    return false;
}

/// The state event (type, state_key) as the room's sync shows it: in `state` or, when it
/// falls inside the timeline window, in the timeline. nullptr if absent.
const RoomEvent* findState(const JoinedRoom& room, const std::string& type,
                           const std::string& state_key = "") {
    for (const auto* events : {&room.state, &room.timeline.events}) {
        for (const auto& e : *events) {
            if (e.type == type && e.state_key == state_key) return &e;
        }
    }
    return nullptr;
}

const StrippedStateEvent* findStripped(const InvitedRoom& room, const std::string& type) {
    for (const auto& e : room.invite_state) {
        if (e.type == type) return &e;
    }
    return nullptr;
}

json textContent(const std::string& body) { return {{"msgtype", "m.text"}, {"body", body}}; }

/// Bodies of the m.room.message events among `events`, in the order given.
std::vector<std::string> bodies(const std::vector<RoomEvent>& events) {
    std::vector<std::string> out;
    for (const auto& e : events) {
        if (e.type == "m.room.message" && e.content.contains("body") &&
            e.content["body"].is_string()) {
            out.push_back(e.content["body"].get<std::string>());
        }
    }
    return out;
}

/// All of a room's events, newest first, read with /messages dir=b from the newest event.
std::vector<RoomEvent> allEventsBackwards(MatrixClient& client, const std::string& room_id) {
    std::vector<RoomEvent> out;
    MessagesRequest req;
    req.room_id = room_id;
    req.limit = 100;
    for (int page = 0; page < 50; ++page) {
        auto r = client.messages(req);
        if (!r) FAIL("messages: " << r.error().describe());
        for (auto& e : r->chunk) out.push_back(std::move(e));
        if (!r->end) return out;
        req.from = *r->end;
    }
    FAIL("messages: no end of the room after 50 pages");
    return out;
}

std::size_t countBody(const std::vector<RoomEvent>& events, const std::string& body) {
    std::size_t n = 0;
    for (const auto& b : bodies(events)) n += b == body ? 1U : 0U;
    return n;
}

/// A patient room created by `creator`; REQUIREs success.
std::string createPatientRoom(MatrixClient& creator, const std::string& name,
                              std::vector<std::string> invite = {},
                              std::optional<json> power_levels = std::nullopt) {
    CreateRoomRequest req;
    req.name = name;
    req.room_type = kPatientRoom;
    req.invite = std::move(invite);
    req.power_level_content_override = std::move(power_levels);
    auto room = creator.createRoom(req);
    if (!room) FAIL("createRoom: " << room.error().describe());
    REQUIRE_FALSE(room->empty());
    return *room;
}

/// Joined members of a room according to the admin API.
std::vector<std::string> adminMembers(const std::string& room_id) {
    const json doc = test::adminGet("/_synapse/admin/v1/rooms/" + urlEncode(room_id) + "/members");
    return doc.at("members").get<std::vector<std::string>>();
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
    for (const auto& s : v) {
        if (s == x) return true;
    }
    return false;
}

void checkMatrixError(const Error& e, int status, const std::string& errcode) {
    INFO(e.describe());
    CHECK(e.kind == ErrorKind::Matrix);
    CHECK(e.http_status == status);
    CHECK(e.errcode == errcode);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Login, refresh, whoami, logout

TEST_CASE("login with a wrong password is 403 M_FORBIDDEN and never quotes the password",
          "[matrix][login]") {
    const auto& hs = Homeserver::get();
    MatrixClient client(newTransport(), hs.base_url);
    const std::string wrong = test::uniqueMarker("wrong-password");
    LoginRequest req;
    req.user = "nurse.sato";
    req.password = wrong;
    auto r = client.login(req);
    REQUIRE_FALSE(r.ok());
    checkMatrixError(r.error(), 403, "M_FORBIDDEN");
    CHECK_FALSE(r.error().soft_logout);
    CHECK_FALSE(r.error().isTransient());
    CHECK(r.error().describe().find(wrong) == std::string::npos);
    CHECK(r.error().message.find(wrong) == std::string::npos);
    CHECK(client.accessToken().empty());

    SECTION("an unknown user gets the same answer (no account enumeration)") {
        req.user = test::uniqueMarker("no.such.user");
        auto unknown = client.login(req);
        REQUIRE_FALSE(unknown.ok());
        checkMatrixError(unknown.error(), 403, "M_FORBIDDEN");
        CHECK(unknown.error().describe().find(wrong) == std::string::npos);
    }
}

TEST_CASE("login returns a refreshable session and keeps a given device id", "[matrix][login]") {
    const auto& hs = Homeserver::get();
    MatrixClient client(newTransport(), hs.base_url);
    const LoginResponse first = loginAs(client, "nurse.sato");
    CHECK(first.user_id == hs.userId("nurse.sato"));
    CHECK_FALSE(first.access_token.empty());
    CHECK_FALSE(first.device_id.empty());
    REQUIRE(first.refresh_token.has_value());
    CHECK_FALSE(first.refresh_token->empty());
    REQUIRE(first.expires_in_ms.has_value());
    CHECK(*first.expires_in_ms > 0);

    SECTION("logging in again with that device id (by full user id) keeps the device") {
        LoginRequest req;
        req.user = hs.userId("nurse.sato");
        req.password = hs.password("nurse.sato");
        req.device_id = first.device_id;
        auto again = client.login(req);
        if (!again) FAIL("second login: " << again.error().describe());
        CHECK(again->device_id == first.device_id);
        CHECK(again->user_id == first.user_id);
        CHECK(again->access_token != first.access_token);
        client.setAccessToken(again->access_token);
        auto me = client.whoami();
        if (!me) FAIL("whoami: " << me.error().describe());
        CHECK(me->device_id == first.device_id);
    }
    SECTION("without a device id the server makes a new device") {
        MatrixClient other(newTransport(), hs.base_url);
        const LoginResponse second = loginAs(other, "nurse.sato");
        CHECK(second.device_id != first.device_id);
        CHECK(other.logout().ok());
    }
    SECTION("refresh_token = false gives a non-expiring token without a refresh token") {
        MatrixClient other(newTransport(), hs.base_url);
        LoginRequest req;
        req.user = "nurse.sato";
        req.password = hs.password("nurse.sato");
        req.refresh_token = false;
        auto plain = other.login(req);
        if (!plain) FAIL("login: " << plain.error().describe());
        CHECK_FALSE(plain->refresh_token.has_value());
        CHECK_FALSE(plain->expires_in_ms.has_value());
        other.setAccessToken(plain->access_token);
        CHECK(other.logout().ok());
    }
    CHECK(client.logout().ok());
}

TEST_CASE("refresh gives a new working access token and retires the old refresh token",
          "[matrix][login]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    REQUIRE(nurse.session.refresh_token.has_value());
    const std::string old_refresh = *nurse.session.refresh_token;

    auto refreshed = nurse->refresh(old_refresh);
    if (!refreshed) FAIL("refresh: " << refreshed.error().describe());
    CHECK_FALSE(refreshed->access_token.empty());
    CHECK(refreshed->access_token != nurse.session.access_token);
    REQUIRE(refreshed->refresh_token.has_value());
    CHECK(*refreshed->refresh_token != old_refresh);
    CHECK(refreshed->expires_in_ms.has_value());

    // The new access token works and belongs to the same device.
    nurse->setAccessToken(refreshed->access_token);
    auto me = nurse->whoami();
    if (!me) FAIL("whoami with the refreshed token: " << me.error().describe());
    CHECK(me->user_id == hs.userId("nurse.sato"));
    CHECK(me->device_id == nurse.session.device_id);

    // Once the new token has been used, the superseded refresh token is refused: 403
    // M_FORBIDDEN on Synapse (PROTOCOL.md), not a soft logout.
    auto reused = nurse->refresh(old_refresh);
    REQUIRE_FALSE(reused.ok());
    checkMatrixError(reused.error(), 403, "M_FORBIDDEN");
    CHECK_FALSE(reused.error().soft_logout);
    CHECK(reused.error().describe().find(old_refresh) == std::string::npos);

    // The new refresh token still works.
    auto next = nurse->refresh(*refreshed->refresh_token);
    if (!next) FAIL("second refresh: " << next.error().describe());
    nurse->setAccessToken(next->access_token);
    CHECK(nurse->whoami().ok());

    SECTION("a refresh token the server never issued is 401 M_UNKNOWN_TOKEN") {
        const std::string bogus = test::uniqueMarker("syr_bogus");
        auto r = nurse->refresh(bogus);
        REQUIRE_FALSE(r.ok());
        checkMatrixError(r.error(), 401, "M_UNKNOWN_TOKEN");
        CHECK(r.error().describe().find(bogus) == std::string::npos);
    }
}

TEST_CASE("whoami names the user and device; unknown or logged-out tokens are M_UNKNOWN_TOKEN",
          "[matrix][login]") {
    const auto& hs = Homeserver::get();
    MatrixClient client(newTransport(), hs.base_url);
    const LoginResponse login = loginAs(client, "dr.tanaka");
    auto me = client.whoami();
    if (!me) FAIL("whoami: " << me.error().describe());
    CHECK(me->user_id == hs.userId("dr.tanaka"));
    CHECK(me->device_id == login.device_id);

    SECTION("an invalid access token") {
        const std::string bogus = test::uniqueMarker("syt_bogus");
        client.setAccessToken(bogus);
        auto r = client.whoami();
        REQUIRE_FALSE(r.ok());
        checkMatrixError(r.error(), 401, "M_UNKNOWN_TOKEN");
        CHECK_FALSE(r.error().soft_logout);
        CHECK(r.error().describe().find(bogus) == std::string::npos);
        client.setAccessToken(login.access_token);
        CHECK(client.logout().ok());
    }
    SECTION("after logout the token is dead and the device is gone") {
        REQUIRE(client.logout().ok());
        auto r = client.whoami();
        REQUIRE_FALSE(r.ok());
        checkMatrixError(r.error(), 401, "M_UNKNOWN_TOKEN");
        CHECK_FALSE(r.error().soft_logout);
        CHECK(r.error().describe().find(login.access_token) == std::string::npos);
        const json devices = test::adminGet("/_synapse/admin/v2/users/" +
                                            urlEncode(hs.userId("dr.tanaka")) + "/devices");
        for (const auto& d : devices.at("devices")) {
            CHECK(d.at("device_id").get<std::string>() != login.device_id);
        }
    }
    SECTION("without a token nothing is sent: NotLoggedIn") {
        MatrixClient anonymous(newTransport(), hs.base_url);
        auto r = anonymous.whoami();
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::NotLoggedIn);
        CHECK(r.error().http_status == 0);
        CHECK(client.logout().ok());
    }
}

// ---------------------------------------------------------------------------------------
// Filter and sync

TEST_CASE("uploadFilter returns an id that initial and incremental syncs accept",
          "[matrix][sync]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    auto filter = nurse->uploadFilter(hs.userId("nurse.sato"), 20);
    if (!filter) FAIL("uploadFilter: " << filter.error().describe());
    CHECK_FALSE(filter->empty());

    SyncRequest req;
    req.filter = *filter;
    req.timeout_ms = 0;
    auto initial = nurse->sync(req);
    if (!initial) FAIL("initial sync: " << initial.error().describe());
    CHECK_FALSE(initial->next_batch.empty());
    // The filter's timeline limit holds in every joined room.
    for (const auto& [room_id, room] : initial->join) {
        INFO(room_id);
        CHECK(room.timeline.events.size() <= 20U);
    }

    // A new room shows up in the next incremental sync with the same filter.
    std::optional<std::string> since = initial->next_batch;
    const std::string room = createPatientRoom(nurse.client, test::uniqueMarker("filter"));
    CHECK(syncUntil(nurse.client, since, *filter,
                    [&](const SyncResponse& r) { return r.join.count(room) == 1; }));
}

TEST_CASE("sync with a since token the server never issued is an error", "[matrix][sync]") {
    Account nurse("nurse.sato");
    SyncRequest req;
    req.since = "not-a-sync-token";
    req.timeout_ms = 0;
    auto r = nurse->sync(req);
    REQUIRE_FALSE(r.ok());
    // PROTOCOL.md: 400 M_UNKNOWN.
    checkMatrixError(r.error(), 400, "M_UNKNOWN");
    CHECK_FALSE(r.error().isTransient());
}

// ---------------------------------------------------------------------------------------
// Rooms

TEST_CASE("a created patient room shows its type, name and initial state to its creator",
          "[matrix][rooms]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    const std::string name = "山田 花子 様（" + test::uniqueMarker("テスト") + "）";
    CreateRoomRequest req;
    req.name = name;
    req.topic = "日常の療養支援";
    req.room_type = kPatientRoom;
    req.initial_state = json::array({{{"type", "jp.renkei.consent"},
                                      {"state_key", ""},
                                      {"content", {{"method", "in_person"}}}}});
    auto room = nurse->createRoom(req);
    if (!room) FAIL("createRoom: " << room.error().describe());
    REQUIRE_FALSE(room->empty());

    std::optional<std::string> since;
    SyncResponse seen;
    REQUIRE(syncUntil(nurse.client, since, roomFilter(*room), [&](const SyncResponse& r) {
        if (r.join.count(*room) == 0) return false;
        seen = r;
        return true;
    }));
    const JoinedRoom& joined = seen.join.at(*room);
    const RoomEvent* create = findState(joined, "m.room.create");
    REQUIRE(create != nullptr);
    CHECK(create->content.value("type", "") == kPatientRoom);
    CHECK(create->sender == hs.userId("nurse.sato"));
    const RoomEvent* room_name = findState(joined, "m.room.name");
    REQUIRE(room_name != nullptr);
    CHECK(room_name->content.value("name", "") == name);
    const RoomEvent* topic = findState(joined, "m.room.topic");
    REQUIRE(topic != nullptr);
    CHECK(topic->content.value("topic", "") == "日常の療養支援");
    const RoomEvent* consent = findState(joined, "jp.renkei.consent");
    REQUIRE(consent != nullptr);
    CHECK(consent->content.value("method", "") == "in_person");
    const RoomEvent* me = findState(joined, "m.room.member", hs.userId("nurse.sato"));
    REQUIRE(me != nullptr);
    CHECK(me->content.value("membership", "") == "join");
}

TEST_CASE("invite, join and leave move the other clinician through the room",
          "[matrix][rooms]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    Account doctor("dr.tanaka");
    const std::string doctor_id = hs.userId("dr.tanaka");
    const std::string name = "佐藤 一郎 様 " + test::uniqueMarker("invite");
    const std::string room = createPatientRoom(nurse.client, name);

    std::optional<std::string> doctor_since;
    const std::string filter = roomFilter(room);
    REQUIRE(syncUntil(doctor.client, doctor_since, filter,
                      [](const SyncResponse&) { return true; }));

    REQUIRE(nurse->invite(room, doctor_id).ok());
    InvitedRoom invited;
    REQUIRE(syncUntil(doctor.client, doctor_since, filter, [&](const SyncResponse& r) {
        auto it = r.invite.find(room);
        if (it == r.invite.end()) return false;
        invited = it->second;
        return true;
    }));
    // The invite carries enough stripped state to show it as a patient room with its name.
    const StrippedStateEvent* invite_name = findStripped(invited, "m.room.name");
    REQUIRE(invite_name != nullptr);
    CHECK(invite_name->content.value("name", "") == name);
    const StrippedStateEvent* invite_create = findStripped(invited, "m.room.create");
    REQUIRE(invite_create != nullptr);
    CHECK(invite_create->content.value("type", "") == kPatientRoom);

    auto joined = doctor->join(room);
    if (!joined) FAIL("join: " << joined.error().describe());
    CHECK(*joined == room);
    auto members = adminMembers(room);
    CHECK(contains(members, doctor_id));
    CHECK(contains(members, hs.userId("nurse.sato")));
    CHECK(syncUntil(doctor.client, doctor_since, filter,
                    [&](const SyncResponse& r) { return r.join.count(room) == 1; }));

    REQUIRE(doctor->leave(room).ok());
    members = adminMembers(room);
    CHECK_FALSE(contains(members, doctor_id));
    CHECK(contains(members, hs.userId("nurse.sato")));
    CHECK(syncUntil(doctor.client, doctor_since, filter,
                    [&](const SyncResponse& r) { return r.leave.count(room) == 1; }));

    // Having left, the physician can no longer post there.
    auto after = doctor->sendMessageEvent(room, "m.room.message", test::uniqueMarker("txn"),
                                          textContent("退室後の投稿"));
    REQUIRE_FALSE(after.ok());
    checkMatrixError(after.error(), 403, "M_FORBIDDEN");
}

TEST_CASE("a user outside a room can neither post to it nor join it uninvited",
          "[matrix][rooms]") {
    Account nurse("nurse.sato");
    Account pharmacist("pharm.suzuki");
    const std::string room = createPatientRoom(nurse.client, test::uniqueMarker("closed"));

    auto sent = pharmacist->sendMessageEvent(room, "m.room.message", test::uniqueMarker("txn"),
                                             textContent("残薬を確認しました"));
    REQUIRE_FALSE(sent.ok());
    checkMatrixError(sent.error(), 403, "M_FORBIDDEN");

    auto joined = pharmacist->join(room);
    REQUIRE_FALSE(joined.ok());
    checkMatrixError(joined.error(), 403, "M_FORBIDDEN");

    CHECK(countBody(allEventsBackwards(nurse.client, room), "残薬を確認しました") == 0U);
}

// ---------------------------------------------------------------------------------------
// Sending

TEST_CASE("resending with the same transaction id returns the first event and creates none",
          "[matrix][send]") {
    Account nurse("nurse.sato");
    const std::string room = createPatientRoom(nurse.client, test::uniqueMarker("txn"));
    const std::string body = "血圧 128/76 mmHg、体温 36.5℃ " + test::uniqueMarker("vitals");
    const std::string txn = test::uniqueMarker("renkei-txn");

    auto first = nurse->sendMessageEvent(room, "m.room.message", txn, textContent(body));
    if (!first) FAIL("send: " << first.error().describe());
    auto retry = nurse->sendMessageEvent(room, "m.room.message", txn, textContent(body));
    if (!retry) FAIL("resend: " << retry.error().describe());
    CHECK(*retry == *first);
    CHECK(countBody(allEventsBackwards(nurse.client, room), body) == 1U);

    // The echo in /sync carries the transaction id for the sending device: the outbox's match.
    std::optional<std::string> since;
    std::optional<std::string> echoed_txn;
    REQUIRE(syncUntil(nurse.client, since, roomFilter(room), [&](const SyncResponse& r) {
        auto it = r.join.find(room);
        if (it == r.join.end()) return false;
        for (const auto& e : it->second.timeline.events) {
            if (e.event_id == *first) echoed_txn = e.transaction_id;
        }
        return true;
    }));
    CHECK(echoed_txn == txn);

    SECTION("after logging in again on the same device, the retry still de-duplicates") {
        MatrixClient restarted(newTransport(), Homeserver::get().base_url);
        const LoginResponse again = loginAs(restarted, "nurse.sato", nurse.session.device_id);
        REQUIRE(again.device_id == nurse.session.device_id);
        auto after_restart =
            restarted.sendMessageEvent(room, "m.room.message", txn, textContent(body));
        if (!after_restart) FAIL("resend: " << after_restart.error().describe());
        CHECK(*after_restart == *first);
        CHECK(countBody(allEventsBackwards(restarted, room), body) == 1U);
        nurse->setAccessToken(again.access_token);  // the old token died with the re-login
    }
    SECTION("a different transaction id makes a second event") {
        auto second = nurse->sendMessageEvent(room, "m.room.message", txn + "-2", textContent(body));
        if (!second) FAIL("send: " << second.error().describe());
        CHECK(*second != *first);
        CHECK(countBody(allEventsBackwards(nurse.client, room), body) == 2U);
    }
    SECTION("the same transaction id from another device makes a second event") {
        Account other_device("nurse.sato");
        REQUIRE(other_device.session.device_id != nurse.session.device_id);
        auto other = other_device->sendMessageEvent(room, "m.room.message", txn, textContent(body));
        if (!other) FAIL("send: " << other.error().describe());
        CHECK(*other != *first);
        CHECK(countBody(allEventsBackwards(nurse.client, room), body) == 2U);
    }
}

TEST_CASE("members write their own jp.renkei.member state when power levels allow it",
          "[matrix][send]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    Account doctor("dr.tanaka");
    const std::string nurse_id = hs.userId("nurse.sato");
    const std::string doctor_id = hs.userId("dr.tanaka");
    const json doctor_profile = {{"profession", "physician"}, {"organisation", "柏在宅クリニック"}};

    SECTION("private_chat defaults: state needs power 50, so only the creator may write") {
        const std::string room =
            createPatientRoom(nurse.client, test::uniqueMarker("member-default"), {doctor_id});
        REQUIRE(doctor->join(room).ok());

        auto own = nurse->sendStateEvent(room, "jp.renkei.member", nurse_id,
                                         {{"profession", "nurse"}});
        if (!own) FAIL("state: " << own.error().describe());
        CHECK_FALSE(own->empty());

        // Synapse's default private_chat power levels (state_default 50, users_default 0)
        // reject a joined member's own jp.renkei.member: the room must lower it on creation.
        auto doctor_own = doctor->sendStateEvent(room, "jp.renkei.member", doctor_id, doctor_profile);
        REQUIRE_FALSE(doctor_own.ok());
        checkMatrixError(doctor_own.error(), 403, "M_FORBIDDEN");

        // A state key starting with '@' belongs to that user, whatever the sender's power.
        auto for_doctor = nurse->sendStateEvent(room, "jp.renkei.member", doctor_id, doctor_profile);
        REQUIRE_FALSE(for_doctor.ok());
        checkMatrixError(for_doctor.error(), 403, "M_FORBIDDEN");
    }
    SECTION("with jp.renkei.member at power 0, every member writes only their own") {
        const json power_levels = {{"events", {{"jp.renkei.member", 0}}}};
        const std::string room = createPatientRoom(
            nurse.client, test::uniqueMarker("member-open"), {doctor_id}, power_levels);
        REQUIRE(doctor->join(room).ok());

        auto doctor_own = doctor->sendStateEvent(room, "jp.renkei.member", doctor_id, doctor_profile);
        if (!doctor_own) FAIL("state: " << doctor_own.error().describe());
        CHECK_FALSE(doctor_own->empty());

        auto for_nurse = doctor->sendStateEvent(room, "jp.renkei.member", nurse_id,
                                                {{"profession", "physician"}});
        REQUIRE_FALSE(for_nurse.ok());
        checkMatrixError(for_nurse.error(), 403, "M_FORBIDDEN");

        // The nurse's client sees the physician's member state.
        std::optional<std::string> since;
        const RoomEvent* member = nullptr;
        SyncResponse seen;
        REQUIRE(syncUntil(nurse.client, since, roomFilter(room), [&](const SyncResponse& r) {
            auto it = r.join.find(room);
            if (it == r.join.end()) return false;
            seen = r;
            member = findState(seen.join.at(room), "jp.renkei.member", doctor_id);
            return member != nullptr;
        }));
        CHECK(member->event_id == *doctor_own);
        CHECK(member->sender == doctor_id);
        CHECK(member->content == doctor_profile);
    }
}

// ---------------------------------------------------------------------------------------
// History and receipts

TEST_CASE("messages pages backwards newest first until the start of the room",
          "[matrix][messages]") {
    Account nurse("nurse.sato");
    const std::string room = createPatientRoom(nurse.client, test::uniqueMarker("history"));
    const std::string marker = test::uniqueMarker("訪問記録");
    std::vector<std::string> posted;
    for (int i = 0; i < 7; ++i) {
        posted.push_back(marker + " #" + std::to_string(i));
        auto r = nurse->sendMessageEvent(room, "m.room.message", marker + "-" + std::to_string(i),
                                         textContent(posted.back()));
        if (!r) FAIL("send: " << r.error().describe());
    }

    MessagesRequest req;
    req.room_id = room;
    req.limit = 3;
    std::vector<RoomEvent> all;
    bool reached_start = false;
    int pages = 0;
    for (; pages < 30 && !reached_start; ++pages) {
        auto page = nurse->messages(req);
        if (!page) FAIL("messages: " << page.error().describe());
        CHECK(page->chunk.size() <= 3U);
        if (pages == 0) {
            // The first page holds the newest posts, newest first, and a token to go on.
            REQUIRE(page->chunk.size() == 3U);
            CHECK(bodies(page->chunk) ==
                  std::vector<std::string>{posted[6], posted[5], posted[4]});
            CHECK(page->end.has_value());
        }
        for (auto& e : page->chunk) all.push_back(std::move(e));
        if (page->end) {
            CHECK(*page->end != req.from);
            req.from = *page->end;
        } else {
            reached_start = true;
        }
    }
    REQUIRE(reached_start);
    CHECK(pages >= 3);
    REQUIRE_FALSE(all.empty());
    CHECK(all.back().type == "m.room.create");  // the oldest event of the room comes last
    const std::vector<std::string> expected(posted.rbegin(), posted.rend());
    CHECK(bodies(all) == expected);
    for (std::size_t i = 1; i < all.size(); ++i) {
        CHECK(all[i - 1].origin_server_ts >= all[i].origin_server_ts);
    }

    SECTION("a limited sync timeline's prev_batch fills the gap before it") {
        std::optional<std::string> since;
        JoinedRoom seen;
        REQUIRE(syncUntil(nurse.client, since, roomFilter(room, 2), [&](const SyncResponse& r) {
            auto it = r.join.find(room);
            if (it == r.join.end()) return false;
            seen = it->second;
            return true;
        }));
        CHECK(seen.timeline.limited);
        REQUIRE(seen.timeline.prev_batch.has_value());
        CHECK(bodies(seen.timeline.events) == std::vector<std::string>{posted[5], posted[6]});

        MessagesRequest gap;
        gap.room_id = room;
        gap.from = *seen.timeline.prev_batch;
        gap.limit = 2;
        auto older = nurse->messages(gap);
        if (!older) FAIL("messages: " << older.error().describe());
        CHECK(bodies(older->chunk) == std::vector<std::string>{posted[4], posted[3]});
        CHECK(older->end.has_value());
    }
    SECTION("dir=f from the start returns the room oldest first") {
        MessagesRequest forward;
        forward.room_id = room;
        forward.dir = 'f';
        forward.limit = 100;
        auto page = nurse->messages(forward);
        if (!page) FAIL("messages: " << page.error().describe());
        REQUIRE_FALSE(page->chunk.empty());
        CHECK(page->chunk.front().type == "m.room.create");
        CHECK(bodies(page->chunk) == posted);
    }
}

TEST_CASE("a read receipt reaches the other member's sync", "[matrix][receipts]") {
    const auto& hs = Homeserver::get();
    Account nurse("nurse.sato");
    Account doctor("dr.tanaka");
    const std::string doctor_id = hs.userId("dr.tanaka");
    const std::string room =
        createPatientRoom(nurse.client, test::uniqueMarker("receipt"), {doctor_id});
    REQUIRE(doctor->join(room).ok());
    auto event = nurse->sendMessageEvent(room, "m.room.message", test::uniqueMarker("txn"),
                                         textContent("褥瘡の写真を確認してください"));
    if (!event) FAIL("send: " << event.error().describe());

    std::optional<std::string> since;
    const std::string filter = roomFilter(room);
    REQUIRE(syncUntil(nurse.client, since, filter,
                      [&](const SyncResponse& r) { return r.join.count(room) == 1; }));

    auto receipt = doctor->sendReceipt(room, *event);
    if (!receipt.ok()) FAIL("receipt: " << receipt.error().describe());

    std::optional<Receipt> seen;
    CHECK(syncUntil(nurse.client, since, filter, [&](const SyncResponse& r) {
        auto it = r.join.find(room);
        if (it == r.join.end()) return false;
        for (const auto& rc : it->second.receipts) {
            if (rc.user_id == doctor_id && rc.receipt_type == "m.read") seen = rc;
        }
        return seen.has_value();
    }));
    REQUIRE(seen.has_value());
    CHECK(seen->event_id == *event);
    CHECK(seen->ts > 0);
}
