#include "store/timeline_store.h"

#include <algorithm>
#include <limits>
#include <string>

#include "matrix/content/relation.h"
#include "store/json_text.h"
#include "store/redaction.h"

namespace renkei::store::detail {

Result<bool> TimelineStore::insert(std::int64_t room_nid, std::int64_t seq,
                                   const matrix::RoomEvent& event, std::string_view content_json) {
    // Only an event-id conflict is ignored; a seq conflict stays an error.
    auto stmt = db_.cached(
        "INSERT INTO events (room_nid, seq, event_id, type, sender, origin_server_ts, state_key, "
        "content, transaction_id, redacts, rel_type, relates_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (room_nid, event_id) DO NOTHING");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid)
        .bindInt(2, seq)
        .bindText(3, event.event_id)
        .bindText(4, event.type)
        .bindText(5, event.sender)
        .bindInt(6, event.origin_server_ts)
        .bindOptText(7, event.state_key)
        .bindText(8, content_json)
        .bindOptText(9, event.transaction_id)
        .bindOptText(10, event.redacts);
    // Kept across a redaction (see cache_schema.cpp, migration 3).
    const auto relation = matrix::content::parseRelation(event.content);
    if (relation.type != matrix::content::Relation::Type::None) {
        stmt->bindText(11, relation.rel_type).bindText(12, relation.event_id);
    } else {
        stmt->bindNull(11).bindNull(12);
    }
    if (auto r = stmt->run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<std::optional<std::int64_t>> TimelineStore::seqOf(std::int64_t room_nid,
                                                         std::string_view event_id) {
    auto stmt = db_.cached("SELECT seq FROM events WHERE room_nid = ? AND event_id = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, event_id).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->int64(0));
}

Result<std::vector<StoredEvent>> TimelineStore::page(std::int64_t room_nid,
                                                     std::optional<std::int64_t> before_seq,
                                                     int limit) {
    if (limit <= 0) return std::vector<StoredEvent>();
    // Walks events_by_seq backwards from before_seq: cost is O(log n + limit).
    static const std::string sql = std::string("SELECT ") + kEventColumns +
                                   " FROM events WHERE room_nid = ? AND seq < ? ORDER BY seq DESC LIMIT ?";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid)
        .bindInt(2, before_seq.value_or(std::numeric_limits<std::int64_t>::max()))
        .bindInt(3, limit);
    auto out = eventRows(*stmt, static_cast<std::size_t>(limit));
    if (out) std::reverse(out->begin(), out->end());
    return out;
}

Result<std::optional<StoredEvent>> TimelineStore::event(std::int64_t room_nid, std::string_view event_id) {
    static const std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE room_nid = ? AND event_id = ?";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid).bindText(2, event_id);
    auto found = eventRows(*stmt, 1);
    if (!found) return found.failure();
    if (found->empty()) return std::optional<StoredEvent>();
    return std::optional<StoredEvent>(std::move(found->front()));
}

Result<std::vector<StoredEvent>> TimelineStore::related(std::int64_t room_nid, std::string_view target_id,
                                                        std::string_view rel_type, int limit) {
    static const std::string sql = std::string("SELECT ") + kEventColumns +
                                   " FROM events WHERE room_nid = ? AND relates_to = ? AND rel_type = ? "
                                   "ORDER BY seq LIMIT ?";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid).bindText(2, target_id).bindText(3, rel_type).bindInt(4, limit);
    return eventRows(*stmt, 0);
}

Result<std::vector<StoredEvent>> eventRows(Statement& stmt, std::size_t reserve) {
    std::vector<StoredEvent> out;
    out.reserve(reserve);
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.failure();
        if (!*row) break;
        StoredEvent e;
        e.event_id = stmt.text(0);
        e.type = stmt.text(1);
        e.sender = stmt.text(2);
        e.origin_server_ts = stmt.int64(3);
        e.state_key = stmt.optText(4);
        auto content = parseJson(stmt.textView(5));
        if (!content) return fail(ErrorKind::Storage, "corrupt event content in the cache");
        e.content = std::move(*content);
        e.transaction_id = stmt.optText(6);
        e.seq = stmt.int64(7);
        e.redacted = stmt.int64(8) != 0;
        e.redacts = stmt.optText(9);
        e.rel_type = stmt.optText(10);
        e.relates_to = stmt.optText(11);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::optional<std::string>> TimelineStore::redact(std::int64_t room_nid,
                                                         std::string_view target_id) {
    std::string redacted;
    {
        auto find = db_.cached(
            "SELECT type, content FROM events WHERE room_nid = ? AND event_id = ? AND redacted = "
            "0");
        if (!find) return find.failure();
        auto row = find->bindInt(1, room_nid).bindText(2, target_id).step();
        if (!row) return row.failure();
        if (!*row) return std::optional<std::string>();
        const auto content = parseJson(find->textView(1));
        redacted =
            dumpJson(redactContent(find->textView(0), content.value_or(nlohmann::json::object())));
    }
    auto update = db_.cached(
        "UPDATE events SET content = ?, redacted = 1 WHERE room_nid = ? AND event_id = ?");
    if (!update) return update.failure();
    if (auto r = update->bindText(1, redacted).bindInt(2, room_nid).bindText(3, target_id).run();
        !r) {
        return r.failure();
    }
    return std::optional<std::string>(std::move(redacted));
}

Result<bool> TimelineStore::isRedacted(std::int64_t room_nid, std::string_view event_id) {
    auto stmt = db_.cached(
        "SELECT 1 FROM events WHERE room_nid = ? AND redacts = ? AND type = 'm.room.redaction' "
        "LIMIT 1");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, event_id).step();
    if (!row) return row.failure();
    return *row;
}

}  // namespace renkei::store::detail
