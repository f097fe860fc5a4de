// Renkei core, internal to core/store: writes one /sync response into the cache.
#pragma once

#include <string>
#include <vector>

#include "matrix/sync.h"
#include "store/cache_stores.h"
#include "store/cache_types.h"

namespace renkei::store::detail {

/// Applies a whole /sync response and its next_batch in one transaction (see Cache::applySync).
class SyncApplier {
public:
    explicit SyncApplier(CacheStores& stores) noexcept : s_(stores) {}

    Result<ChangeSet> apply(const matrix::SyncResponse& response);

private:
    struct RoomOutcome {
        bool changed = false;       // anything of the room changed
        bool list_changed = false;  // its room-list row may differ
    };

    Result<RoomOutcome> applyJoined(const std::string& room_id, const matrix::JoinedRoom& room,
                                    ChangeSet& changes);
    Result<RoomOutcome> applyInvited(const std::string& room_id, const matrix::InvitedRoom& room);
    Result<RoomOutcome> applyLeft(const std::string& room_id, const matrix::LeftRoom& room,
                                  ChangeSet& changes);
    /// State block, then the timeline (appended, de-duplicated, gap recorded if limited).
    Result<RoomOutcome> applyTimeline(const RoomRef& room,
                                      const std::vector<matrix::RoomEvent>& state,
                                      const matrix::Timeline& timeline, ChangeSet& changes);
    Result<bool> applyAccountData(std::int64_t room_nid,
                                  const std::vector<matrix::AccountDataEvent>& data);

    CacheStores& s_;
};

}  // namespace renkei::store::detail
