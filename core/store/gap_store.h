// Renkei core, internal to core/store: the holes in each room's stored timeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

class GapStore {
public:
    explicit GapStore(Database& db) noexcept : db_(db) {}

    /// Records a hole just before seq `anchor_seq`, fetched from token `prev_batch`.
    Result<void> add(std::int64_t room_nid, std::string_view prev_batch, std::int64_t anchor_seq);
    /// The gap with this id as currently stored (room_id filled from the rooms table).
    Result<std::optional<Gap>> byId(std::int64_t id);
    Result<void> remove(std::int64_t id);
    /// Moves a partly filled gap to a new token and anchor.
    Result<void> move(std::int64_t id, std::string_view prev_batch, std::int64_t anchor_seq);
    /// The gap with the greatest anchor_seq <= `seq` (the newest gap when nullopt).
    Result<std::optional<Gap>> atOrBefore(std::int64_t room_nid, std::string_view room_id,
                                          std::optional<std::int64_t> seq);
    /// All gaps of a room, oldest anchor first.
    Result<std::vector<Gap>> list(std::int64_t room_nid, std::string_view room_id);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
