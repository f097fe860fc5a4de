#include "store/state_store.h"

#include "store/json_text.h"

namespace renkei::store::detail {

Result<void> StateStore::put(std::int64_t room_nid, const matrix::RoomEvent& event,
                             std::string_view content_json) {
    auto stmt = db_.cached(
        "INSERT INTO state (room_nid, type, state_key, event_id, sender, origin_server_ts, "
        "content) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_nid, type, state_key) DO UPDATE SET "
        "event_id = excluded.event_id, sender = excluded.sender, "
        "origin_server_ts = excluded.origin_server_ts, content = excluded.content");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid)
        .bindText(2, event.type)
        .bindText(3, event.state_key.value_or(""))
        .bindText(4, event.event_id)
        .bindText(5, event.sender)
        .bindInt(6, event.origin_server_ts)
        .bindText(7, content_json)
        .run();
}

Result<bool> StateStore::putIfAbsent(std::int64_t room_nid, const matrix::RoomEvent& event,
                                     std::string_view content_json) {
    auto stmt = db_.cached(
        "INSERT INTO state (room_nid, type, state_key, event_id, sender, origin_server_ts, "
        "content) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (room_nid, type, state_key) DO NOTHING");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid)
        .bindText(2, event.type)
        .bindText(3, event.state_key.value_or(""))
        .bindText(4, event.event_id)
        .bindText(5, event.sender)
        .bindInt(6, event.origin_server_ts)
        .bindText(7, content_json);
    if (auto r = stmt->run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<void> StateStore::putStripped(std::int64_t room_nid,
                                     const matrix::StrippedStateEvent& event) {
    auto stmt = db_.cached(
        "INSERT INTO state (room_nid, type, state_key, event_id, sender, origin_server_ts, "
        "content) "
        "VALUES (?, ?, ?, NULL, ?, 0, ?) ON CONFLICT (room_nid, type, state_key) DO UPDATE SET "
        "sender = excluded.sender, content = excluded.content WHERE state.event_id IS NULL");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid)
        .bindText(2, event.type)
        .bindText(3, event.state_key)
        .bindText(4, event.sender)
        .bindText(5, dumpJson(event.content))
        .run();
}

Result<void> StateStore::dropStripped(std::int64_t room_nid) {
    auto stmt = db_.cached("DELETE FROM state WHERE room_nid = ? AND event_id IS NULL");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid).run();
}

Result<void> StateStore::replaceContent(std::int64_t room_nid, std::string_view event_id,
                                        std::string_view content_json) {
    auto stmt = db_.cached("UPDATE state SET content = ? WHERE room_nid = ? AND event_id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, content_json).bindInt(2, room_nid).bindText(3, event_id).run();
}

Result<std::optional<nlohmann::json>> StateStore::content(std::int64_t room_nid,
                                                          std::string_view type,
                                                          std::string_view state_key) {
    auto stmt =
        db_.cached("SELECT content FROM state WHERE room_nid = ? AND type = ? AND state_key = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, type).bindText(3, state_key).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<nlohmann::json>();
    auto parsed = parseJson(stmt->textView(0));
    if (!parsed) return fail(ErrorKind::Storage, "corrupt state content in the cache");
    return std::optional<nlohmann::json>(std::move(*parsed));
}

Result<std::vector<StateEntry>> StateStore::ofType(std::int64_t room_nid, std::string_view type,
                                                   int limit) {
    auto stmt = db_.cached(
        "SELECT state_key, sender, event_id, origin_server_ts, content FROM state "
        "WHERE room_nid = ? AND type = ? ORDER BY state_key LIMIT ?");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid).bindText(2, type).bindInt(3, limit);
    std::vector<StateEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        auto parsed = parseJson(stmt->textView(4));
        if (!parsed) continue;
        out.push_back(StateEntry{stmt->text(0), stmt->text(1), stmt->optText(2).value_or(""),
                                 stmt->int64(3), std::move(*parsed)});
    }
    return out;
}

Result<std::optional<std::string>> StateStore::displayName(std::int64_t room_nid,
                                                           std::string_view user_id) {
    auto stmt = db_.cached(
        "SELECT json_extract(content, '$.displayname') FROM state "
        "WHERE room_nid = ? AND type = 'm.room.member' AND state_key = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, user_id).step();
    if (!row) return row.failure();
    if (!*row || !stmt->isText(0) || stmt->textView(0).empty()) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Result<MemberName> StateStore::memberName(std::int64_t room_nid, std::string_view user_id) {
    // The uniqueness test compares the names as sent: names that differ only in characters
    // that show as nothing are caught by matrix::memberDisplayName instead.
    auto stmt = db_.cached(R"sql(
        SELECT json_extract(m.content, '$.displayname'),
               EXISTS (SELECT 1 FROM state o
                        WHERE o.room_nid = m.room_nid AND o.type = 'm.room.member'
                          AND json_extract(o.content, '$.displayname')
                              = json_extract(m.content, '$.displayname')
                          AND o.state_key <> m.state_key
                          AND json_extract(o.content, '$.membership') IN ('join', 'invite'))
        FROM state m WHERE m.room_nid = ? AND m.type = 'm.room.member' AND m.state_key = ?)sql");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, user_id).step();
    if (!row) return row.failure();
    MemberName name;
    if (!*row || !stmt->isText(0)) return name;
    name.displayname = stmt->text(0);
    name.shared = stmt->int64(1) != 0;
    return name;
}

}  // namespace renkei::store::detail
