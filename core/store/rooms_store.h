// Renkei core, internal to core/store: the rooms table (membership, list summary, counters,
// the timeline's next seq) and the room list with computed names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matrix/sync.h"
#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

struct RoomRef {
    std::int64_t nid = 0;
    std::optional<std::int64_t> next_seq;  ///< NULL until the room's first timeline event
    bool created = false;
    bool membership_changed = false;
    std::string previous_membership;  ///< before upsert ("join", "invite", …); empty if created
};

/// The last post as shown in the room list.
struct LastPost {
    std::string event_id;
    std::int64_t ts = 0;
    std::string sender;
    std::string body;
};

class RoomsStore {
public:
    explicit RoomsStore(Database& db) noexcept : db_(db) {}

    /// Finds or creates the room and sets its membership.
    Result<RoomRef> upsert(std::string_view room_id, std::string_view membership);
    /// The room's nid, or nullopt if the room is not cached.
    Result<std::optional<std::int64_t>> find(std::string_view room_id);
    /// Deletes the room and everything cached for it (state, events, gaps, receipts, …).
    Result<void> remove(std::int64_t nid);

    /// Stores the sync summary's fields that are present. Returns whether anything changed.
    Result<bool> setSummary(std::int64_t nid, const matrix::RoomSummary& summary);
    /// Returns whether the counts changed.
    Result<bool> setCounts(std::int64_t nid, const matrix::UnreadNotifications& counts);
    Result<void> setNextSeq(std::int64_t nid, std::int64_t next_seq);
    Result<void> setInviter(std::int64_t nid, const std::optional<std::string>& inviter);
    Result<void> setFullyRead(std::int64_t nid, std::string_view event_id);
    /// Records a newer last post (ignored if older than the current one).
    Result<void> setLastPost(std::int64_t nid, const LastPost& post);
    /// Records activity (ms) for a room that has no post yet, so new rooms sort sensibly.
    Result<void> noteActivityWithoutPost(std::int64_t nid, std::int64_t ts);
    /// Whether the room already shows a last post.
    Result<bool> hasLastPost(std::int64_t nid);
    /// Sets the last post's body to `body` if it is `event_id` and was sent by `sender` (an
    /// edit of it, spec: "Event replacements").
    Result<void> editLastBody(std::int64_t nid, std::string_view event_id, std::string_view sender,
                              std::string_view body);
    /// Blanks the last post's body if it is `event_id` (it was redacted).
    Result<void> forgetLastBody(std::int64_t nid, std::string_view event_id);

    /// All rooms, newest activity first, with names computed (see Cache::rooms()).
    Result<std::vector<RoomSummaryRow>> list(const std::optional<std::string>& own_user_id);

private:
    Result<std::string> fallbackName(std::int64_t nid, const std::string& heroes_json,
                                     const std::string& own_user_id);

    Database& db_;
};

}  // namespace renkei::store::detail
