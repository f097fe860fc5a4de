// Session: closing a patient room (部屋の終了) and the archive of closed rooms kept on this
// computer for reading. See session.h and care/SCHEMA.md ("Closing a patient room").
//
// A room is archived when it is a patient room whose cached state holds a valid
// jp.renkei.closure (a real state event, not an invite's stripped state). Nothing extra is
// stored: the closure itself is the mark, so an archive survives a restart and a fresh
// Session on the same data directory reads it without the server. Leaving keeps the room's
// cache rows (the sync's "leave" section only sets the membership); removeArchivedRoom is
// the one way to delete them.
#include <optional>

#include "matrix/json_util.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

bool isPatientRoom(const store::RoomSummaryRow& row) {
    return row.room_type == std::optional<std::string>(care::kPatientRoomType);
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
    // Who may: the power levels (room version 12 creators above all), as for every care state.
    return canSendState(room_id, care::kClosureType, me);
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
    {
        // The forms being written in the room go with it.
        std::lock_guard lock(vault_mutex_);
        auto cleared = vault_.database().transaction([&]() -> Result<void> {
            store::RecordDrafts drafts(vault_.database());
            auto forms = drafts.list(room_id);
            if (!forms) return forms.failure();
            for (const auto& form : *forms) {
                if (auto r = drafts.remove(room_id, form.kind); !r) return r;
            }
            return {};
        });
        if (!cleared) return cleared;
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
