// Session: the offline history back-fill's steps (see history_backfill.h for the loop).
#include <algorithm>

#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {

Result<std::vector<store::RoomHistory>> Session::history() const {
    std::lock_guard lock(reader_mutex_);
    return reader_.history();
}

Result<HistoryStep> Session::backfillHistory(const std::string& room_id,
                                             std::optional<std::int64_t> horizon_ms, int limit,
                                             const http::CancelToken* cancel) {
    std::optional<store::Gap> gap;
    {
        std::lock_guard lock(store_mutex_);
        auto found = cache_.gapBefore(room_id, std::nullopt);  // the newest gap first
        if (!found) return found.failure();
        gap = std::move(*found);
        if (gap && horizon_ms) {
            // Gaps below are older still: the horizon ends this room's back-fill.
            auto newer_side = cache_.eventTsFrom(room_id, gap->anchor_seq);
            if (!newer_side) return newer_side.failure();
            if (*newer_side && **newer_side < *horizon_ms) {
                return HistoryStep{HistoryStep::Outcome::Horizon, 0};
            }
        }
        if (!gap) {
            auto rooms = cache_.history();
            if (!rooms) return rooms.failure();
            const auto room = std::find_if(rooms->begin(), rooms->end(),
                                           [&](const auto& r) { return r.room_id == room_id; });
            // A room no longer joined has nothing more to back-fill.
            if (room == rooms->end() || room->start_reached) return HistoryStep{};
            auto marked = cache_.markHistoryStartIfCreate(room_id);
            if (!marked) return marked.failure();
            if (*marked) return HistoryStep{};
            if (horizon_ms && room->oldest_ts && *room->oldest_ts < *horizon_ms) {
                return HistoryStep{HistoryStep::Outcome::Horizon, 0};
            }
            return HistoryStep{HistoryStep::Outcome::NoToken, 0};
        }
    }
    matrix::MessagesRequest request;
    request.room_id = room_id;
    request.from = gap->prev_batch;
    request.dir = 'b';
    request.limit = limit;
    auto page = withAuth([&](matrix::MatrixClient& c) { return c.messages(request, cancel); });
    if (!page) return page.failure();
    std::lock_guard lock(store_mutex_);
    auto changes = cache_.applyBackfill(*gap, *page);
    if (!changes) return changes.failure();
    return HistoryStep{HistoryStep::Outcome::Fetched, changes->events_added};
}

Result<void> Session::writeCacheForTests(
    const std::function<Result<void>(store::Cache&)>& write) {
    std::lock_guard lock(store_mutex_);
    return cache_.database().transaction([&] { return write(cache_); });
}

}  // namespace renkei::session
