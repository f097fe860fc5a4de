// Renkei core, internal to core/store: how far back each room's cached history reaches
// (rooms.history_start, the gaps, the lowest stored event), for the offline back-fill.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

class HistoryStore {
public:
    explicit HistoryStore(Database& db) noexcept : db_(db) {}

    /// Records that nothing older than the room's lowest stored event exists.
    Result<void> markStart(std::int64_t room_nid);
    /// The lowest stored seq of the room, or nullopt when it has no events.
    Result<std::optional<std::int64_t>> lowestSeq(std::int64_t room_nid);
    /// origin_server_ts (ms) of the first stored event at or above `seq`, or nullopt.
    Result<std::optional<std::int64_t>> tsFrom(std::int64_t room_nid, std::int64_t seq);
    /// Joined rooms, most recent activity first (as the room list), with their history.
    Result<std::vector<RoomHistory>> joined();

private:
    Database& db_;
};

}  // namespace renkei::store::detail
