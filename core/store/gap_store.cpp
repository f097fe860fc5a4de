#include "store/gap_store.h"

#include <limits>

namespace renkei::store::detail {

Result<void> GapStore::add(std::int64_t room_nid, std::string_view prev_batch,
                           std::int64_t anchor_seq) {
    auto stmt = db_.cached("INSERT INTO gaps (room_nid, prev_batch, anchor_seq) VALUES (?, ?, ?)");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid).bindText(2, prev_batch).bindInt(3, anchor_seq).run();
}

Result<std::optional<Gap>> GapStore::byId(std::int64_t id) {
    auto stmt = db_.cached(
        "SELECT g.id, r.room_id, g.prev_batch, g.anchor_seq FROM gaps g "
        "JOIN rooms r ON r.nid = g.room_nid WHERE g.id = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, id).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<Gap>();
    return std::optional<Gap>(Gap{stmt->int64(0), stmt->text(1), stmt->text(2), stmt->int64(3)});
}

Result<void> GapStore::remove(std::int64_t id) {
    auto stmt = db_.cached("DELETE FROM gaps WHERE id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, id).run();
}

Result<void> GapStore::move(std::int64_t id, std::string_view prev_batch, std::int64_t anchor_seq) {
    auto stmt = db_.cached("UPDATE gaps SET prev_batch = ?, anchor_seq = ? WHERE id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, prev_batch).bindInt(2, anchor_seq).bindInt(3, id).run();
}

Result<std::optional<Gap>> GapStore::atOrBefore(std::int64_t room_nid, std::string_view room_id,
                                                std::optional<std::int64_t> seq) {
    auto stmt = db_.cached(
        "SELECT id, prev_batch, anchor_seq FROM gaps WHERE room_nid = ? AND anchor_seq <= ? "
        "ORDER BY anchor_seq DESC, id DESC LIMIT 1");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid)
                   .bindInt(2, seq.value_or(std::numeric_limits<std::int64_t>::max()))
                   .step();
    if (!row) return row.failure();
    if (!*row) return std::optional<Gap>();
    return std::optional<Gap>(
        Gap{stmt->int64(0), std::string(room_id), stmt->text(1), stmt->int64(2)});
}

Result<std::vector<Gap>> GapStore::list(std::int64_t room_nid, std::string_view room_id) {
    auto stmt = db_.cached(
        "SELECT id, prev_batch, anchor_seq FROM gaps WHERE room_nid = ? ORDER BY anchor_seq, id");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid);
    std::vector<Gap> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        out.push_back(Gap{stmt->int64(0), std::string(room_id), stmt->text(1), stmt->int64(2)});
    }
    return out;
}

}  // namespace renkei::store::detail
