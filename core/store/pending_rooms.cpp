#include "store/pending_rooms.h"

#include <span>

#include "matrix/event_types.h"
#include "store/vault_rows.h"
#include "store/json_text.h"

namespace renkei::store {
namespace {

constexpr const char* kColumns =
    "creation_id, plan, state, attempts, error_kind, error_code, error_status, error_message, "
    "queued_ms, scan_content_type, scan_filename, scan_width, scan_height, scan_size, scan_mxc";

PendingRoom readRoom(const Statement& s) {
    PendingRoom r;
    r.creation_id = s.text(0);
    r.plan = detail::parseJson(s.textView(1)).value_or(nlohmann::json::object());
    r.state = s.int64(2) == 2 ? PendingRoomState::Failed : PendingRoomState::Queued;
    r.attempts = static_cast<int>(s.int64(3));
    r.last_error = detail::errorFromRow(s, 4);
    r.queued_ms = s.int64(8);
    r.has_scan = !s.isNull(9);
    if (r.has_scan) {
        r.scan_content_type = s.text(9);
        r.scan_filename = s.text(10);
        r.scan_width = static_cast<int>(s.int64(11));
        r.scan_height = static_cast<int>(s.int64(12));
        r.scan_size = s.int64(13);
    }
    r.scan_mxc = s.optText(14);
    return r;
}

template <class Bind>
Result<std::vector<PendingRoom>> query(Database& db, const std::string& sql, Bind bind) {
    auto stmt = db.cached(sql);
    if (!stmt) return stmt.failure();
    bind(*stmt);
    std::vector<PendingRoom> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return out;
        out.push_back(readRoom(*stmt));
    }
}

Result<std::optional<PendingRoom>> first(Result<std::vector<PendingRoom>> rows) {
    if (!rows) return rows.failure();
    if (rows->empty()) return std::optional<PendingRoom>();
    return std::optional<PendingRoom>(std::move(rows->front()));
}

std::span<const unsigned char> asBytes(const std::string& s) {
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

Result<void> recordError(Database& db, std::string_view id, const Error& error, bool failed) {
    auto stmt = db.cached(failed ? "UPDATE pending_rooms SET state = 2, attempts = attempts + 1, "
                                   "error_kind = ?, error_code = ?, error_status = ?, error_message = ? "
                                   "WHERE creation_id = ?"
                                 : "UPDATE pending_rooms SET attempts = attempts + 1, error_kind = ?, "
                                   "error_code = ?, error_status = ?, error_message = ? "
                                   "WHERE creation_id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, toString(error.kind)).bindText(2, error.errcode)
        .bindInt(3, error.http_status).bindText(4, error.message).bindText(5, id).run();
}

}  // namespace

Result<PendingRoom> PendingRooms::add(std::string_view creation_id, const nlohmann::json& plan,
                                      const OutboxMedia* scan, std::int64_t now_ms) {
    if (creation_id.empty() || !plan.is_object()) {
        return fail(ErrorKind::InvalidArgument, "pending room: a creation id and a plan are required");
    }
    if (scan && (scan->bytes.empty() || scan->content_type.empty() || scan->filename.empty())) {
        return fail(ErrorKind::InvalidArgument, "pending room: the scan needs bytes, a type and a file name");
    }
    return db_.transaction([&]() -> Result<PendingRoom> {
        auto insert = db_.cached(
            "INSERT INTO pending_rooms (creation_id, plan, scan_bytes, scan_content_type, "
            "scan_filename, scan_width, scan_height, scan_size, queued_ms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) return insert.failure();
        insert->bindText(1, creation_id).bindText(2, detail::dumpJson(plan)).bindInt(9, now_ms);
        if (scan) {
            insert->bindBlob(3, asBytes(scan->bytes)).bindText(4, scan->content_type)
                .bindText(5, scan->filename).bindInt(6, scan->width).bindInt(7, scan->height)
                .bindInt(8, static_cast<std::int64_t>(scan->bytes.size()));
        } else {
            insert->bindOptText(3, std::nullopt).bindOptText(4, std::nullopt).bindOptText(5, std::nullopt)
                .bindInt(6, 0).bindInt(7, 0).bindInt(8, 0);
        }
        if (auto r = insert->run(); !r) return r.failure();
        auto stored = find(creation_id);
        if (!stored) return stored.failure();
        if (!*stored) return fail(ErrorKind::Storage, "pending room: could not be read back");
        return std::move(**stored);
    });
}

Result<std::vector<PendingRoom>> PendingRooms::list() const {
    return query(db_, std::string("SELECT ") + kColumns + " FROM pending_rooms ORDER BY queued_ms, creation_id",
                 [](Statement&) {});
}

Result<std::optional<PendingRoom>> PendingRooms::find(std::string_view creation_id) const {
    return first(query(db_, std::string("SELECT ") + kColumns + " FROM pending_rooms WHERE creation_id = ?",
                       [&](Statement& s) { s.bindText(1, creation_id); }));
}

Result<std::optional<PendingRoom>> PendingRooms::nextQueued() const {
    return first(query(db_, std::string("SELECT ") + kColumns +
                                " FROM pending_rooms WHERE state = 0 ORDER BY queued_ms, creation_id LIMIT 1",
                       [](Statement&) {}));
}

Result<std::optional<OutboxMedia>> PendingRooms::scan(std::string_view creation_id) const {
    auto stmt = db_.cached(
        "SELECT scan_bytes, scan_content_type, scan_filename, scan_width, scan_height FROM pending_rooms "
        "WHERE creation_id = ? AND scan_bytes IS NOT NULL");
    if (!stmt) return stmt.failure();
    stmt->bindText(1, creation_id);
    return detail::oneMedia(*stmt);
}

Result<void> PendingRooms::setScanUri(std::string_view creation_id, std::string_view mxc_uri) {
    // The bytes are on the server now; secure_delete overwrites them in the file.
    auto stmt = db_.cached("UPDATE pending_rooms SET scan_mxc = ?, scan_bytes = NULL WHERE creation_id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, mxc_uri).bindText(2, creation_id).run();
}

Result<void> PendingRooms::recordAttempt(std::string_view creation_id, const Error& error) {
    return recordError(db_, creation_id, error, false);
}

Result<void> PendingRooms::markFailed(std::string_view creation_id, const Error& error) {
    return recordError(db_, creation_id, error, true);
}

Result<bool> PendingRooms::requeue(std::string_view creation_id) {
    auto stmt = db_.cached("UPDATE pending_rooms SET state = 0 WHERE creation_id = ? AND state = 2");
    if (!stmt) return stmt.failure();
    if (auto r = stmt->bindText(1, creation_id).run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<void> PendingRooms::clear() { return db_.exec("DELETE FROM pending_rooms"); }

Result<bool> PendingRooms::discard(std::string_view creation_id) {
    auto stmt = db_.cached("DELETE FROM pending_rooms WHERE creation_id = ?");
    if (!stmt) return stmt.failure();
    if (auto r = stmt->bindText(1, creation_id).run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<void> PendingRooms::complete(std::string_view creation_id, std::string_view room_id,
                                    const nlohmann::json* post, std::string_view txn_id, std::int64_t now_ms) {
    return db_.transaction([&]() -> Result<void> {
        if (post) {
            auto queued = Outbox(db_).enqueue(room_id, matrix::kRoomMessage, *post, txn_id, now_ms, nullptr, false);
            if (!queued) return queued.failure();
        }
        auto stmt = db_.cached("DELETE FROM pending_rooms WHERE creation_id = ?");
        if (!stmt) return stmt.failure();
        return stmt->bindText(1, creation_id).run();
    });
}

}  // namespace renkei::store
