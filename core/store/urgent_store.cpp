#include "store/urgent_store.h"

#include <limits>
#include <string_view>

#include "care/care_types.h"
#include "store/json_text.h"

namespace renkei::store::detail {
namespace {

static_assert(std::string_view(care::kUrgentKey) == "jp.renkei.urgent", "kUrgentPostTerms names the key");

// Receipts that say how far a user has read (spec: "Receipts"; threaded ones other than the
// main timeline are about a thread, not the room).
constexpr const char* kReadReceipts =
    "rc.receipt_type IN ('m.read', 'm.read.private') AND rc.thread IN ('', 'main')";

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

Result<ReadMark> UrgentStore::readMark(std::int64_t room_nid, std::string_view user_id) {
    static const std::string sql =
        std::string("SELECT max(ev.seq), max(rc.ts) FROM receipts rc LEFT JOIN events ev "
                    "ON ev.room_nid = rc.room_nid AND ev.event_id = rc.event_id "
                    "WHERE rc.room_nid = ? AND rc.user_id = ? AND ") + kReadReceipts;
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    auto row = stmt->bindInt(1, room_nid).bindText(2, user_id).step();
    if (!row) return row.failure();
    ReadMark mark;
    if (*row) {
        mark.seq = stmt->optInt(0);
        if (!mark.seq) mark.ts = stmt->optInt(1);
    }
    return mark;
}

Result<int> UrgentStore::unreadCount(std::int64_t room_nid, std::string_view user_id) {
    auto mark = readMark(room_nid, user_id);
    if (!mark) return mark.failure();
    static const std::string sql =
        std::string("SELECT count(*) FROM events e WHERE e.room_nid = ? AND ") + kUrgentPostTerms +
        " AND e.rel_type IS NOT 'm.replace' AND e.sender <> ? AND e.seq > ? AND e.origin_server_ts > ?";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid).bindText(2, user_id).bindInt(3, mark->seq.value_or(kMin)).bindInt(4, mark->ts.value_or(kMin));
    auto row = stmt->step();
    if (!row) return row.failure();
    return *row ? static_cast<int>(stmt->int64(0)) : 0;
}

Result<std::vector<UrgentPostRow>> UrgentStore::posts(std::string_view room_type, std::int64_t since_ms,
                                                      int limit) {
    if (limit <= 0) return std::vector<UrgentPostRow>();
    static const std::string sql =
        std::string("SELECT r.room_id, e.event_id, e.type, e.sender, e.origin_server_ts, e.content, e.seq "
                    "FROM events e JOIN rooms r ON r.nid = e.room_nid WHERE r.membership = 'join' AND ") +
        kUrgentPostTerms +
        " AND e.rel_type IS NOT 'm.replace' AND e.origin_server_ts >= ?1 AND (?2 = '' OR EXISTS ("
        "SELECT 1 FROM state s WHERE s.room_nid = r.nid AND s.type = 'm.room.create' AND s.state_key = '' "
        "AND json_extract(s.content, '$.type') = ?2)) "
        "ORDER BY e.origin_server_ts DESC, e.seq DESC LIMIT ?3";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, since_ms).bindText(2, room_type).bindInt(3, limit);
    std::vector<UrgentPostRow> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        UrgentPostRow post;
        post.room_id = stmt->text(0);
        post.event.event_id = stmt->text(1);
        post.event.type = stmt->text(2);
        post.event.sender = stmt->text(3);
        post.event.origin_server_ts = stmt->int64(4);
        auto content = parseJson(stmt->textView(5));
        if (!content) return fail(ErrorKind::Storage, "corrupt event content in the cache");
        post.event.content = std::move(*content);
        post.event.seq = stmt->int64(6);
        out.push_back(std::move(post));
    }
    return out;
}

Result<std::vector<std::string>> UrgentStore::readers(std::int64_t room_nid, std::int64_t post_seq,
                                                      std::int64_t post_ts) {
    // Per user, the newest receipt decides (as readMark): its event's seq when cached, else its ts.
    static const std::string sql =
        std::string("SELECT rc.user_id, max(ev.seq), max(rc.ts) FROM receipts rc LEFT JOIN events ev "
                    "ON ev.room_nid = rc.room_nid AND ev.event_id = rc.event_id "
                    "WHERE rc.room_nid = ? AND ") + kReadReceipts + " GROUP BY rc.user_id ORDER BY rc.user_id";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid);
    std::vector<std::string> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        const auto seq = stmt->optInt(1);
        const bool read = seq ? *seq >= post_seq : stmt->int64(2) >= post_ts;
        if (read) out.push_back(stmt->text(0));
    }
    return out;
}

}  // namespace renkei::store::detail
