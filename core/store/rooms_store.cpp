#include "store/rooms_store.h"

#include "matrix/display_text.h"
#include "store/json_text.h"
#include "store/state_store.h"
#include "store/urgent_store.h"

namespace renkei::store::detail {
namespace {

constexpr std::size_t kMaxNameMembers = 5;

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

}  // namespace

Result<RoomRef> RoomsStore::upsert(std::string_view room_id, std::string_view membership) {
    RoomRef ref;
    {
        auto find = db_.cached("SELECT nid, membership, next_seq FROM rooms WHERE room_id = ?");
        if (!find) return find.failure();
        auto row = find->bindText(1, room_id).step();
        if (!row) return row.failure();
        if (*row) {
            ref.nid = find->int64(0);
            ref.previous_membership = find->text(1);
            ref.membership_changed = ref.previous_membership != membership;
            ref.next_seq = find->optInt(2);
        }
    }
    if (ref.nid == 0) {
        auto insert = db_.cached("INSERT INTO rooms (room_id, membership) VALUES (?, ?)");
        if (!insert) return insert.failure();
        if (auto r = insert->bindText(1, room_id).bindText(2, membership).run(); !r)
            return r.failure();
        ref.nid = db_.lastInsertRowId();
        ref.created = true;
        ref.membership_changed = true;
    } else if (ref.membership_changed) {
        auto update = db_.cached("UPDATE rooms SET membership = ? WHERE nid = ?");
        if (!update) return update.failure();
        if (auto r = update->bindText(1, membership).bindInt(2, ref.nid).run(); !r)
            return r.failure();
    }
    return ref;
}

Result<std::optional<std::int64_t>> RoomsStore::find(std::string_view room_id) {
    auto stmt = db_.cached("SELECT nid FROM rooms WHERE room_id = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, room_id).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->int64(0));
}

Result<void> RoomsStore::remove(std::int64_t nid) {
    // The other tables reference rooms ON DELETE CASCADE (foreign_keys=ON).
    auto stmt = db_.cached("DELETE FROM rooms WHERE nid = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, nid).run();
}

Result<bool> RoomsStore::setSummary(std::int64_t nid, const matrix::RoomSummary& summary) {
    if (!summary.heroes && !summary.joined_member_count && !summary.invited_member_count)
        return false;
    // Only the fields the server sent change (spec: absent summary fields mean "unchanged").
    auto stmt = db_.cached(
        "UPDATE rooms SET heroes = coalesce(?1, heroes), "
        "joined_member_count = coalesce(?2, joined_member_count), "
        "invited_member_count = coalesce(?3, invited_member_count) WHERE nid = ?4 AND "
        "(heroes IS NOT coalesce(?1, heroes) OR joined_member_count IS NOT coalesce(?2, "
        "joined_member_count) "
        "OR invited_member_count IS NOT coalesce(?3, invited_member_count))");
    if (!stmt) return stmt.failure();
    std::optional<std::string> heroes;
    if (summary.heroes) heroes = dumpJson(nlohmann::json(*summary.heroes));
    auto opt = [](const std::optional<int>& v) -> std::optional<std::int64_t> {
        return v ? std::optional<std::int64_t>(*v) : std::nullopt;
    };
    stmt->bindOptText(1, heroes)
        .bindOptInt(2, opt(summary.joined_member_count))
        .bindOptInt(3, opt(summary.invited_member_count))
        .bindInt(4, nid);
    if (auto r = stmt->run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<bool> RoomsStore::setCounts(std::int64_t nid, const matrix::UnreadNotifications& counts) {
    auto stmt = db_.cached(
        "UPDATE rooms SET notification_count = ?1, highlight_count = ?2 WHERE nid = ?3 AND "
        "(notification_count <> ?1 OR highlight_count <> ?2)");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, counts.notification_count).bindInt(2, counts.highlight_count).bindInt(3, nid);
    if (auto r = stmt->run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<void> RoomsStore::setNextSeq(std::int64_t nid, std::int64_t next_seq) {
    auto stmt = db_.cached("UPDATE rooms SET next_seq = ? WHERE nid = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, next_seq).bindInt(2, nid).run();
}

Result<void> RoomsStore::setInviter(std::int64_t nid, const std::optional<std::string>& inviter) {
    auto stmt = db_.cached("UPDATE rooms SET inviter = ? WHERE nid = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindOptText(1, inviter).bindInt(2, nid).run();
}

Result<void> RoomsStore::setFullyRead(std::int64_t nid, std::string_view event_id) {
    auto stmt = db_.cached("UPDATE rooms SET fully_read = ? WHERE nid = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, event_id).bindInt(2, nid).run();
}

Result<void> RoomsStore::setLastPost(std::int64_t nid, const LastPost& post) {
    auto stmt = db_.cached(
        "UPDATE rooms SET last_event_id = ?1, last_ts = ?2, last_sender = ?3, last_body = ?4 "
        "WHERE nid = ?5 AND (last_event_id IS NULL OR last_ts <= ?2)");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, post.event_id)
        .bindInt(2, post.ts)
        .bindText(3, post.sender)
        .bindText(4, post.body)
        .bindInt(5, nid)
        .run();
}

Result<void> RoomsStore::noteActivityWithoutPost(std::int64_t nid, std::int64_t ts) {
    auto stmt = db_.cached(
        "UPDATE rooms SET last_ts = ?1 WHERE nid = ?2 AND last_event_id IS NULL AND last_ts < ?1");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, ts).bindInt(2, nid).run();
}

Result<bool> RoomsStore::hasLastPost(std::int64_t nid) {
    auto stmt = db_.cached("SELECT last_event_id IS NOT NULL FROM rooms WHERE nid = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, nid).step();
    if (!row) return row.failure();
    return *row && stmt->int64(0) != 0;
}

Result<void> RoomsStore::editLastBody(std::int64_t nid, std::string_view event_id, std::string_view sender,
                                      std::string_view body) {
    auto stmt = db_.cached(
        "UPDATE rooms SET last_body = ? WHERE nid = ? AND last_event_id = ? AND last_sender = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, body).bindInt(2, nid).bindText(3, event_id).bindText(4, sender).run();
}

Result<void> RoomsStore::forgetLastBody(std::int64_t nid, std::string_view event_id) {
    auto stmt = db_.cached("UPDATE rooms SET last_body = '' WHERE nid = ? AND last_event_id = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, nid).bindText(2, event_id).run();
}

Result<std::vector<RoomSummaryRow>> RoomsStore::list(
    const std::optional<std::string>& own_user_id) {
    // Name, alias, topic and type are read from current state, so they are never stale.
    auto stmt = db_.cached(R"sql(
        SELECT r.nid, r.room_id, r.membership, r.heroes, r.last_ts, r.last_sender, r.last_body,
               r.notification_count, r.highlight_count, r.inviter,
               (SELECT json_extract(s.content, '$.name') FROM state s
                 WHERE s.room_nid = r.nid AND s.type = 'm.room.name' AND s.state_key = ''),
               (SELECT json_extract(s.content, '$.alias') FROM state s
                 WHERE s.room_nid = r.nid AND s.type = 'm.room.canonical_alias'
                   AND s.state_key = ''),
               (SELECT json_extract(s.content, '$.topic') FROM state s
                 WHERE s.room_nid = r.nid AND s.type = 'm.room.topic' AND s.state_key = ''),
               (SELECT json_extract(s.content, '$.type') FROM state s
                 WHERE s.room_nid = r.nid AND s.type = 'm.room.create' AND s.state_key = ''),
               r.history_start AND NOT EXISTS (SELECT 1 FROM gaps g WHERE g.room_nid = r.nid),
               (SELECT e.redacted FROM events e
                 WHERE e.room_nid = r.nid AND e.event_id = r.last_event_id)
        FROM rooms r ORDER BY r.last_ts DESC, r.room_id)sql");
    if (!stmt) return stmt.failure();
    std::vector<RoomSummaryRow> rows;
    std::vector<std::pair<std::int64_t, std::string>> unnamed;  // (nid, heroes) by row index
    std::vector<std::size_t> unnamed_index;
    std::vector<std::int64_t> joined;  // nid of each joined row, by row index (else 0)
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.failure();
        if (!*more) break;
        RoomSummaryRow row;
        row.room_id = stmt->text(1);
        row.membership = stmt->text(2);
        row.last_ts = stmt->int64(4);
        row.last_sender = stmt->text(5);
        row.last_body = stmt->text(6);
        row.notification_count = static_cast<int>(stmt->int64(7));
        row.highlight_count = static_cast<int>(stmt->int64(8));
        if (row.membership == "invite") row.inviter = stmt->optText(9);
        if (stmt->isText(10)) row.name = stmt->text(10);
        if (row.name.empty() && stmt->isText(11)) row.name = stmt->text(11);
        if (stmt->isText(12)) row.topic = stmt->text(12);
        if (stmt->isText(13)) row.room_type = stmt->text(13);
        row.history_complete = stmt->int64(14) != 0;
        row.last_post_deleted = stmt->int64(15) != 0;
        if (row.name.empty()) {
            unnamed.emplace_back(stmt->int64(0), stmt->text(3));
            unnamed_index.push_back(rows.size());
        }
        joined.push_back(row.membership == "join" ? stmt->int64(0) : 0);
        rows.push_back(std::move(row));
    }
    UrgentStore urgent(db_);
    for (std::size_t i = 0; i < rows.size() && own_user_id; ++i) {
        if (joined[i] == 0) continue;
        auto count = urgent.unreadCount(joined[i], *own_user_id);
        if (!count) return count.failure();
        rows[i].urgent_unread = *count;
    }
    for (std::size_t i = 0; i < unnamed.size(); ++i) {
        auto name = fallbackName(unnamed[i].first, unnamed[i].second, own_user_id.value_or(""));
        if (!name) return name.failure();
        RoomSummaryRow& row = rows[unnamed_index[i]];
        row.name = name->empty() ? row.room_id : std::move(*name);
    }
    return rows;
}

// Spec "Calculating the display name for a room", simplified: the heroes' display names
// (or the first joined/invited members when the server sent no heroes), disambiguated as
// for a user, else empty.
Result<std::string> RoomsStore::fallbackName(std::int64_t nid, const std::string& heroes_json,
                                             const std::string& own_user_id) {
    std::vector<std::string> users;
    const auto heroes = parseJson(heroes_json);
    if (heroes && heroes->is_array() && !heroes->empty()) {
        for (const auto& hero : *heroes) {
            if (!hero.is_string() || users.size() == kMaxNameMembers) continue;
            users.push_back(hero.get<std::string>());
        }
    } else {
        auto stmt = db_.cached(
            "SELECT state_key FROM state "
            "WHERE room_nid = ? AND type = 'm.room.member' AND state_key <> ? "
            "AND json_extract(content, '$.membership') IN ('join', 'invite') ORDER BY state_key "
            "LIMIT ?");
        if (!stmt) return stmt.failure();
        stmt->bindInt(1, nid)
            .bindText(2, own_user_id)
            .bindInt(3, static_cast<std::int64_t>(kMaxNameMembers));
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.failure();
            if (!*row) break;
            users.push_back(stmt->text(0));
        }
    }
    std::vector<std::string> names;
    StateStore state(db_);
    for (const auto& user : users) {
        auto name = state.memberName(nid, user);
        if (!name) return name.failure();
        names.push_back(matrix::memberDisplayName(user, name->displayname, name->shared));
    }
    return joinNames(names);
}

}  // namespace renkei::store::detail
