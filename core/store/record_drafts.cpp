#include "store/record_drafts.h"

#include "store/json_text.h"

namespace renkei::store {
namespace {

// A row (kind, record, updated_ms) as a draft; a record that no longer reads as an object
// (it cannot be written so, but the file is the user's) reads as an empty form.
RecordDraft readDraft(Statement& s) {
    RecordDraft d;
    d.kind = s.text(0);
    auto record = detail::parseJson(s.text(1));
    d.record = record && record->is_object() ? std::move(*record) : nlohmann::json::object();
    d.updated_ms = s.int64(2);
    return d;
}

}  // namespace

Result<void> RecordDrafts::save(std::string_view room_id, std::string_view kind,
                                const nlohmann::json& record, std::int64_t now_ms) {
    if (room_id.empty() || kind.empty()) {
        return fail(ErrorKind::InvalidArgument, "record draft: empty room id or kind");
    }
    if (record.is_null() || (record.is_object() && record.empty())) return remove(room_id, kind);
    if (!record.is_object()) return fail(ErrorKind::InvalidArgument, "record draft: not an object");
    auto stmt = db_.cached(
        "INSERT OR REPLACE INTO record_drafts (room_id, kind, record, updated_ms) VALUES (?, ?, ?, ?)");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, room_id).bindText(2, kind).bindText(3, detail::dumpJson(record))
        .bindInt(4, now_ms).run();
}

Result<std::optional<RecordDraft>> RecordDrafts::load(std::string_view room_id,
                                                      std::string_view kind) const {
    auto stmt = db_.cached(
        "SELECT kind, record, updated_ms FROM record_drafts WHERE room_id = ? AND kind = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, room_id).bindText(2, kind).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<RecordDraft>();
    return std::optional<RecordDraft>(readDraft(*stmt));
}

Result<std::vector<RecordDraft>> RecordDrafts::list(std::string_view room_id) const {
    auto stmt = db_.cached(
        "SELECT kind, record, updated_ms FROM record_drafts WHERE room_id = ? "
        "ORDER BY updated_ms DESC, kind");
    if (!stmt) return stmt.failure();
    stmt->bindText(1, room_id);
    std::vector<RecordDraft> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return out;
        out.push_back(readDraft(*stmt));
    }
}

Result<void> RecordDrafts::remove(std::string_view room_id, std::string_view kind) {
    auto stmt = db_.cached("DELETE FROM record_drafts WHERE room_id = ? AND kind = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, room_id).bindText(2, kind).run();
}

}  // namespace renkei::store
