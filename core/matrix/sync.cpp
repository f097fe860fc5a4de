// Renkei core: the /sync response parser (spec: Client-Server API, "GET /sync"). This is the
// hot path of ingest: the body is parsed once (event_sax.cpp captures events straight into
// RoomEvents) and every string and content object is moved, never copied. Only a missing
// next_batch (or a body that is not a JSON object) is fatal; anything else of the wrong
// shape reads as empty, and a malformed event is left out and counted (skipped_events).
#include "matrix/sync.h"

#include <exception>

#include "matrix/json_util.h"

namespace renkei::matrix {

using detail::EventTable;
using detail::json;
using detail::StateKey;

namespace {

Timeline takeTimeline(json& room, EventTable& table) {
    Timeline t;
    json* timeline = detail::objectMember(room, "timeline");
    if (timeline == nullptr) return t;
    t.events =
        detail::takeRoomEvents(detail::member(*timeline, "events"), table, StateKey::Optional);
    t.limited = detail::getBool(*timeline, "limited", false);
    t.prev_batch = detail::takeString(*timeline, "prev_batch");
    return t;
}

std::vector<RoomEvent> takeState(json& room, EventTable& table) {
    json* state = detail::objectMember(room, "state");
    if (state == nullptr) return {};
    return detail::takeRoomEvents(detail::member(*state, "events"), table, StateKey::Required);
}

std::optional<std::vector<std::string>> takeStringList(json* array) {
    if (array == nullptr || !array->is_array()) return std::nullopt;
    std::vector<std::string> out;
    out.reserve(array->size());
    for (json& element : *array) {
        if (element.is_string()) out.push_back(std::move(element.get_ref<std::string&>()));
    }
    return out;
}

RoomSummary takeSummary(json& room) {
    RoomSummary s;
    json* summary = detail::objectMember(room, "summary");
    if (summary == nullptr) return s;
    s.heroes = takeStringList(detail::member(*summary, "m.heroes"));
    s.joined_member_count = detail::getInt(*summary, "m.joined_member_count");
    s.invited_member_count = detail::getInt(*summary, "m.invited_member_count");
    return s;
}

void takeEphemeral(json& room, EventTable& table, JoinedRoom& out) {
    json* ephemeral = detail::objectMember(room, "ephemeral");
    json* events = ephemeral == nullptr ? nullptr : detail::arrayMember(*ephemeral, "events");
    if (events == nullptr) return;
    for (json& element : *events) {
        RoomEvent* ev = detail::capturedEvent(element, table);
        if (ev == nullptr) continue;
        if (ev->type == "m.receipt") {
            detail::appendReceipts(ev->content, out.receipts);
        } else if (ev->type == "m.typing") {
            // The last m.typing wins; one without a user_ids array is ignored.
            if (auto users = takeStringList(detail::member(ev->content, "user_ids"))) {
                out.typing = std::move(users);
            }
        }
    }
}

JoinedRoom takeJoinedRoom(json& room, EventTable& table) {
    JoinedRoom r;
    r.summary = takeSummary(room);
    r.state = takeState(room, table);
    r.timeline = takeTimeline(room, table);
    takeEphemeral(room, table, r);
    r.account_data = detail::takeAccountData(detail::objectMember(room, "account_data"), table);
    if (const json* unread = detail::objectMember(room, "unread_notifications")) {
        r.unread_notifications.highlight_count =
            detail::getInt(*unread, "highlight_count").value_or(0);
        r.unread_notifications.notification_count =
            detail::getInt(*unread, "notification_count").value_or(0);
    }
    return r;
}

InvitedRoom takeInvitedRoom(json& room, EventTable& table) {
    InvitedRoom r;
    r.invite_state = detail::takeStrippedState(detail::objectMember(room, "invite_state"), table);
    return r;
}

LeftRoom takeLeftRoom(json& room, EventTable& table) {
    LeftRoom r;
    r.state = takeState(room, table);
    r.timeline = takeTimeline(room, table);
    r.account_data = detail::takeAccountData(detail::objectMember(room, "account_data"), table);
    return r;
}

/// Maps every object-valued entry of `rooms.<section>` with `take`; room ids are kept as
/// the opaque keys they are. Non-object entries and empty ids are skipped.
template <class Room, class Take>
void takeRooms(json* rooms, std::string_view section, EventTable& table,
               std::map<std::string, Room>& out, Take take) {
    json* by_id = rooms == nullptr ? nullptr : detail::objectMember(*rooms, section);
    if (by_id == nullptr) return;
    for (auto& [room_id, room] : by_id->items()) {
        if (room_id.empty() || !room.is_object()) continue;
        out.emplace(room_id, take(room, table));
    }
}

}  // namespace

Result<SyncResponse> parseSyncResponse(std::string_view body) {
    auto parsed = detail::parseWithEvents(body, detail::EventArrays::Sync, "sync response");
    if (!parsed) return parsed.failure();
    try {
        json& doc = parsed->doc;
        EventTable& table = parsed->table;
        SyncResponse out;
        auto next_batch = detail::takeString(doc, "next_batch");
        if (!next_batch || next_batch->empty()) {
            return fail(ErrorKind::Parse, "sync response: next_batch is missing or not a string");
        }
        out.next_batch = std::move(*next_batch);

        json* rooms = detail::objectMember(doc, "rooms");
        takeRooms(rooms, "join", table, out.join, takeJoinedRoom);
        takeRooms(rooms, "invite", table, out.invite, takeInvitedRoom);
        takeRooms(rooms, "leave", table, out.leave, takeLeftRoom);
        out.account_data =
            detail::takeAccountData(detail::objectMember(doc, "account_data"), table);
        out.skipped_events = table.skipped;
        return out;
    } catch (const std::exception&) {
        // The mapping checks every type before reading, so only allocation failure is
        // expected here. Never quote e.what(): library messages may echo the body.
        return fail(ErrorKind::Parse, "sync response: could not be mapped");
    }
}

}  // namespace renkei::matrix
