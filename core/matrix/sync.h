// Renkei core: /sync response structs and parser (spec: Client-Server API, "GET /sync").
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "matrix/events.h"

namespace renkei::matrix {

struct Timeline {
    std::vector<RoomEvent> events;          ///< oldest first
    bool limited = false;                   ///< true: events are missing before `events`
    std::optional<std::string> prev_batch;  ///< token to paginate backwards from here
};

struct RoomSummary {
    std::optional<std::vector<std::string>> heroes;  ///< m.heroes
    std::optional<int> joined_member_count;          ///< m.joined_member_count
    std::optional<int> invited_member_count;         ///< m.invited_member_count
};

struct UnreadNotifications {
    int highlight_count = 0;
    int notification_count = 0;
};

struct JoinedRoom {
    RoomSummary summary;
    std::vector<RoomEvent> state;           ///< state before the timeline starts
    Timeline timeline;
    std::vector<Receipt> receipts;          ///< flattened from ephemeral m.receipt
    std::optional<std::vector<std::string>> typing;  ///< from ephemeral m.typing, if present
    std::vector<AccountDataEvent> account_data;
    UnreadNotifications unread_notifications;
};

struct InvitedRoom {
    std::vector<StrippedStateEvent> invite_state;
};

struct LeftRoom {
    std::vector<RoomEvent> state;
    Timeline timeline;
    std::vector<AccountDataEvent> account_data;
};

struct SyncResponse {
    std::string next_batch;                 ///< required; the `since` for the next call
    std::map<std::string, JoinedRoom> join;      ///< keyed by opaque room id
    std::map<std::string, InvitedRoom> invite;
    std::map<std::string, LeftRoom> leave;
    std::vector<AccountDataEvent> account_data;  ///< global account data
    /// Events of the mapped arrays (timeline, state, invite_state, account_data) that were
    /// left out as malformed: not an object, lacking event_id/type/sender (state: state_key),
    /// content nested too deep, or a bad JSON token inside the event.
    std::size_t skipped_events = 0;
};

/// Parses a /sync response body. Every missing optional key is treated as empty (an empty
/// incremental sync omits `rooms`). Malformed events are skipped and counted, not fatal
/// (see detail::parseWithEvents for what is contained per event). Errors: Parse if the
/// body is not JSON outside the events, not an object, or lacks `next_batch`.
Result<SyncResponse> parseSyncResponse(std::string_view body);

}  // namespace renkei::matrix
