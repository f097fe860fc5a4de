#include "store/export_log.h"

namespace renkei::store {

Result<ExportLogEntry> ExportLog::add(ExportLogEntry entry) {
    if (entry.user_id.empty() || entry.room_id.empty() || entry.layout.empty() || entry.post_count < 0 ||
        (entry.target != "pdf" && entry.target != "print")) {
        return fail(ErrorKind::InvalidArgument,
                    "export log: a user, a room, a layout, a post count and the target pdf or print are required");
    }
    auto stmt = db_.cached(
        "INSERT INTO export_log (exported_ms, user_id, room_id, layout, from_ms, to_ms, selected, "
        "post_count, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, entry.exported_ms)
        .bindText(2, entry.user_id)
        .bindText(3, entry.room_id)
        .bindText(4, entry.layout)
        .bindOptInt(5, entry.from_ms)
        .bindOptInt(6, entry.to_ms)
        .bindInt(7, entry.selected ? 1 : 0)
        .bindInt(8, entry.post_count)
        .bindText(9, entry.target);
    if (auto r = stmt->run(); !r) return r.failure();
    entry.id = db_.lastInsertRowId();
    return entry;
}

Result<std::vector<ExportLogEntry>> ExportLog::entries(int limit, std::string_view room_id) const {
    if (limit < 1 || limit > 10'000) return fail(ErrorKind::InvalidArgument, "export log: limit outside 1 … 10000");
    auto stmt = db_.cached(
        "SELECT id, exported_ms, user_id, room_id, layout, from_ms, to_ms, selected, post_count, target "
        "FROM export_log WHERE (?1 = '' OR room_id = ?1) ORDER BY id DESC LIMIT ?2");
    if (!stmt) return stmt.failure();
    stmt->bindText(1, room_id).bindInt(2, limit);
    std::vector<ExportLogEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return out;
        ExportLogEntry e;
        e.id = stmt->int64(0);
        e.exported_ms = stmt->int64(1);
        e.user_id = stmt->text(2);
        e.room_id = stmt->text(3);
        e.layout = stmt->text(4);
        e.from_ms = stmt->optInt(5);
        e.to_ms = stmt->optInt(6);
        e.selected = stmt->int64(7) != 0;
        e.post_count = stmt->int64(8);
        e.target = stmt->text(9);
        out.push_back(std::move(e));
    }
}

}  // namespace renkei::store
