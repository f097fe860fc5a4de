#include "store/history_store.h"

namespace renkei::store::detail {

Result<void> HistoryStore::markStart(std::int64_t room_nid) {
    auto stmt = db_.cached("UPDATE rooms SET history_start = 1 WHERE nid = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid).run();
}

Result<std::optional<std::int64_t>> HistoryStore::lowestSeq(std::int64_t room_nid) {
    auto stmt = db_.cached("SELECT min(seq) FROM events WHERE room_nid = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::int64_t>();
    return stmt->optInt(0);
}

Result<std::optional<std::int64_t>> HistoryStore::tsFrom(std::int64_t room_nid, std::int64_t seq) {
    auto stmt = db_.cached(
        "SELECT origin_server_ts FROM events WHERE room_nid = ? AND seq >= ? ORDER BY seq LIMIT 1");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindInt(2, seq).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->int64(0));
}

Result<std::vector<RoomHistory>> HistoryStore::joined() {
    // The lowest event is one index seek on events_by_seq per room.
    auto stmt = db_.cached(R"sql(
        SELECT r.room_id, r.last_ts, r.history_start,
               (SELECT count(*) FROM gaps g WHERE g.room_nid = r.nid),
               e.origin_server_ts, e.type = 'm.room.create' AND e.state_key = ''
        FROM rooms r
        LEFT JOIN events e ON e.room_nid = r.nid
             AND e.seq = (SELECT min(seq) FROM events WHERE room_nid = r.nid)
        WHERE r.membership = 'join'
        ORDER BY r.last_ts DESC, r.room_id)sql");
    if (!stmt) return stmt.failure();
    std::vector<RoomHistory> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        RoomHistory h;
        h.room_id = stmt->text(0);
        h.last_ts = stmt->int64(1);
        h.start_reached = stmt->int64(2) != 0;
        h.gaps = static_cast<std::size_t>(stmt->int64(3));
        h.oldest_ts = stmt->optInt(4);
        h.oldest_is_create = stmt->optInt(5).value_or(0) != 0;
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace renkei::store::detail
