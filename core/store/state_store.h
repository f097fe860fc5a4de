// Renkei core, internal to core/store: a room's current state, one event per (type, state_key).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "matrix/events.h"
#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

class StateStore {
public:
    explicit StateStore(Database& db) noexcept : db_(db) {}

    /// Sets the current state for the event's (type, state_key) (a newer event: from /sync).
    /// `event.state_key` must be set; `content_json` is the event's content as JSON text.
    Result<void> put(std::int64_t room_nid, const matrix::RoomEvent& event,
                     std::string_view content_json);
    /// Sets it only if that (type, state_key) has no state yet (an older event: back-fill).
    /// Returns whether it was stored.
    Result<bool> putIfAbsent(std::int64_t room_nid, const matrix::RoomEvent& event,
                             std::string_view content_json);
    /// Stores a stripped state event of an invite (no event id, no timestamp). It never
    /// replaces real state (an event with an id) of the same (type, state_key): stripped
    /// state is the inviter's unverified claim (spec: "Stripped state").
    Result<void> putStripped(std::int64_t room_nid, const matrix::StrippedStateEvent& event);
    /// Removes the room's stripped state (at a join or a leave: the claim of the invite must
    /// not outlive it, nor be taken for the room's state).
    Result<void> dropStripped(std::int64_t room_nid);
    /// Replaces the content of the state entry that is event `event_id`, if any (redaction).
    Result<void> replaceContent(std::int64_t room_nid, std::string_view event_id,
                                std::string_view content_json);

    /// The content of (type, state_key), or nullopt if absent.
    Result<std::optional<nlohmann::json>> content(std::int64_t room_nid, std::string_view type,
                                                  std::string_view state_key);
    /// Every current state event of `type` in the room, by state key, at most `limit` (rows
    /// whose content is not valid JSON are skipped: one bad entry, not the list).
    Result<std::vector<StateEntry>> ofType(std::int64_t room_nid, std::string_view type,
                                           int limit);
    /// m.room.member content.displayname of `user_id`, or nullopt (absent, empty or not text).
    Result<std::optional<std::string>> displayName(std::int64_t room_nid, std::string_view user_id);
    /// The member's displayname and whether another joined or invited member has the same
    /// one: one query, an index seek per call (state_member_names).
    Result<MemberName> memberName(std::int64_t room_nid, std::string_view user_id);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
