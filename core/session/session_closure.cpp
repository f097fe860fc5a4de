// Session: closing a patient room (部屋の終了) and the archive of closed rooms kept on this
// computer for reading. See session.h and care/SCHEMA.md ("Closing a patient room").
//
// A room is archived when it is a patient room whose cached state holds a valid
// jp.renkei.closure (a real state event, not an invite's stripped state). Nothing extra is
// stored: the closure itself is the mark, so an archive survives a restart and a fresh
// Session on the same data directory reads it without the server. Leaving keeps the room's
// cache rows (the sync's "leave" section only sets the membership); removeArchivedRoom is
// the one way to delete them.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

#include "matrix/json_util.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

bool isPatientRoom(const store::RoomSummaryRow& row) {
    return row.room_type == std::optional<std::string>(care::kPatientRoomType);
}

// A power level as m.room.power_levels holds it: an integer, or (room versions before 10) a
// string of one; anything else is absent.
std::optional<std::int64_t> powerLevel(const nlohmann::json& value) {
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (!value.is_string()) return std::nullopt;
    const auto& text = value.get_ref<const std::string&>();
    std::int64_t level = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), level);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return level;
}

std::int64_t levelAt(const nlohmann::json& content, const char* key, const std::string& name,
                     std::int64_t fallback) {
    const auto map = content.find(key);
    if (map == content.end() || !map->is_object()) return fallback;
    const auto entry = map->find(name);
    if (entry == map->end()) return fallback;
    return powerLevel(*entry).value_or(fallback);
}

std::int64_t levelOr(const nlohmann::json& content, const char* key, std::int64_t fallback) {
    const auto entry = content.find(key);
    return entry == content.end() ? fallback : powerLevel(*entry).value_or(fallback);
}

// Room versions 1 … 11 rank creators by power levels only; from version 12 on the creators
// (m.room.create's sender and additional_creators) outrank every level (spec: room version 12).
bool creatorsOutrank(const nlohmann::json& create_content) {
    const auto version = matrix::detail::getString(create_content, "room_version").value_or("1");
    static const char* const kClassic[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"};
    return std::none_of(std::begin(kClassic), std::end(kClassic), [&](const char* v) { return version == v; });
}

}  // namespace

Result<void> Session::splitArchived(std::vector<store::RoomSummaryRow>& rows,
                                    std::vector<ArchivedRoom>* archived) const {
    std::vector<store::RoomSummaryRow> active;
    active.reserve(rows.size());
    for (auto& row : rows) {
        if (!isPatientRoom(row) || row.membership == "invite") {
            active.push_back(std::move(row));
            continue;
        }
        auto closures = stateOfType(row.room_id, care::kClosureType);
        if (!closures) return closures.failure();
        std::optional<ArchivedRoom> closed;
        for (const auto& entry : *closures) {
            if (!entry.state_key.empty() || entry.event_id.empty()) continue;
            if (auto parsed = care::parseClosure(entry.content)) {
                closed = ArchivedRoom{{}, std::move(*parsed), entry.sender, entry.origin_server_ts};
            }
        }
        if (!closed) {
            active.push_back(std::move(row));
        } else if (archived) {
            closed->room = std::move(row);
            archived->push_back(std::move(*closed));
        }
    }
    rows = std::move(active);
    return {};
}

Result<bool> Session::canCloseRoom(const std::string& room_id) const {
    const std::string me = userId();
    if (me.empty()) return false;
    auto record = patientRecord(room_id);
    if (!record) return record.failure();
    if (!record->patient_room || record->closure) return false;
    auto member = stateContent(room_id, "m.room.member", me);
    if (!member) return member.failure();
    if (!*member || matrix::detail::getString(**member, "membership") != std::optional<std::string>("join")) return false;
    auto create = stateContent(room_id, "m.room.create", "");
    if (!create) return create.failure();
    if (*create && creatorsOutrank(**create)) {
        if (record->opened_by == me) return true;
        const auto extra = (*create)->find("additional_creators");
        if (extra != (*create)->end() && extra->is_array() &&
            std::any_of(extra->begin(), extra->end(), [&](const nlohmann::json& id) { return id == me; })) {
            return true;
        }
    }
    auto levels = stateContent(room_id, "m.room.power_levels", "");
    if (!levels) return levels.failure();
    if (!*levels || !(*levels)->is_object()) {
        // Spec "m.room.power_levels": without the event, state events need level 0.
        return true;
    }
    const nlohmann::json& pl = **levels;
    const std::int64_t mine = levelAt(pl, "users", me, levelOr(pl, "users_default", 0));
    const std::int64_t needed = levelAt(pl, "events", care::kClosureType, levelOr(pl, "state_default", 50));
    return mine >= needed;
}

Result<void> Session::closeRoom(const std::string& room_id, const care::Closure& closure) {
    auto content = care::toContent(closure);
    if (!content) return content.failure();
    auto record = patientRecord(room_id);
    if (!record) return record.failure();
    if (!record->patient_room) return fail(ErrorKind::InvalidArgument, "closeRoom: not a patient room in the cache (sync first)");
    auto written = withAuth([&](matrix::MatrixClient& c) {
        return c.sendStateEvent(room_id, care::kClosureType, "", *content);
    });
    if (!written) return written.failure();
    return leaveRoom(room_id);
}

Result<std::vector<ArchivedRoom>> Session::archivedRooms() const {
    auto rows = allRooms();
    if (!rows) return rows.failure();
    std::vector<ArchivedRoom> archived;
    if (auto r = splitArchived(*rows, &archived); !r) return r.failure();
    return archived;
}

Result<void> Session::removeArchivedRoom(const std::string& room_id) {
    auto archived = archivedRooms();
    if (!archived) return archived.failure();
    const auto it = std::find_if(archived->begin(), archived->end(),
                                 [&](const ArchivedRoom& a) { return a.room.room_id == room_id; });
    if (it == archived->end()) return fail(ErrorKind::InvalidArgument, "removeArchivedRoom: not an archived room");
    if (it->room.membership == "join") {
        return fail(ErrorKind::InvalidArgument, "removeArchivedRoom: still joined; sync first");
    }
    {
        std::lock_guard lock(store_mutex_);
        auto removed = cache_.removeRoom(room_id);
        if (!removed) return removed.failure();
    }
    return saveDraft(room_id, "");
}

int Session::archiveClosedRooms() {
    auto rows = allRooms();
    if (!rows) return 0;
    std::vector<ArchivedRoom> archived;
    if (!splitArchived(*rows, &archived)) return 0;
    int left = 0;
    for (const auto& a : archived) {
        if (a.room.membership != "join") continue;
        if (leaveRoom(a.room.room_id)) ++left;
    }
    return left;
}

}  // namespace renkei::session
