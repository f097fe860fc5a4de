#include "store/outbox.h"

#include <span>

#include "store/vault_rows.h"
#include "store/json_text.h"

namespace renkei::store {
namespace {

constexpr const char* kColumns =
    "seq, txn_id, room_id, event_type, content, state, event_id, attempts, error_kind, "
    "error_code, error_status, error_message, created_ms, "
    "(SELECT content_uri FROM outbox_media m WHERE m.seq = outbox.seq), "
    "EXISTS (SELECT 1 FROM outbox_media m WHERE m.seq = outbox.seq), in_doubt";

OutboxPost readPost(const Statement& s) {
    OutboxPost p;
    p.seq = s.int64(0);
    p.txn_id = s.text(1);
    p.room_id = s.text(2);
    p.event_type = s.text(3);
    p.content = detail::parseJson(s.textView(4)).value_or(nlohmann::json::object());
    p.state = static_cast<OutboxState>(s.int64(5));
    p.event_id = s.optText(6);
    p.attempts = static_cast<int>(s.int64(7));
    p.last_error = detail::errorFromRow(s, 8);
    p.created_ms = s.int64(12);
    p.content_uri = s.optText(13);
    // An attachment row with its bytes released (sent) or lost (see Session::sendNextQueued).
    p.has_media = s.int64(14) != 0;
    p.in_doubt = s.int64(15) != 0;
    return p;
}

// One post from `sql` (a fixed statement, its one parameter bound by `bind`): one cached
// statement per query, never one per post.
template <class Bind>
Result<std::optional<OutboxPost>> onePost(Database& db, const std::string& sql, Bind bind) {
    auto stmt = db.cached(sql);
    if (!stmt) return stmt.failure();
    bind(*stmt);
    auto row = stmt->step();
    if (!row) return row.failure();
    if (!*row) return std::optional<OutboxPost>();
    return std::optional<OutboxPost>(readPost(*stmt));
}

std::span<const unsigned char> asBytes(const std::string& s) {
    return {reinterpret_cast<const unsigned char*>(s.data()), s.size()};
}

}  // namespace

Result<OutboxPost> Outbox::enqueue(std::string_view room_id, std::string_view event_type,
                                   const nlohmann::json& content, std::string_view txn_id,
                                   std::int64_t now_ms, const OutboxMedia* media,
                                   bool clear_draft) {
    if (room_id.empty() || event_type.empty() || txn_id.empty() || !content.is_object()) {
        return fail(ErrorKind::InvalidArgument, "outbox: a post needs a room, a type, a txn id and object content");
    }
    return db_.transaction([&]() -> Result<OutboxPost> {
        auto insert = db_.cached(
            "INSERT INTO outbox (txn_id, room_id, event_type, content, state, created_ms) "
            "VALUES (?, ?, ?, ?, 0, ?)");
        if (!insert) return insert.failure();
        insert->bindText(1, txn_id).bindText(2, room_id).bindText(3, event_type)
            .bindText(4, detail::dumpJson(content)).bindInt(5, now_ms);
        if (auto r = insert->run(); !r) return r.failure();
        const std::int64_t seq = db_.lastInsertRowId();
        if (media != nullptr) {
            auto m = db_.cached(
                "INSERT INTO outbox_media (seq, bytes, content_type, filename, width, height) "
                "VALUES (?, ?, ?, ?, ?, ?)");
            if (!m) return m.failure();
            m->bindInt(1, seq).bindBlob(2, asBytes(media->bytes)).bindText(3, media->content_type)
                .bindText(4, media->filename).bindInt(5, media->width).bindInt(6, media->height);
            if (auto r = m->run(); !r) return r.failure();
        }
        if (clear_draft) {
            if (auto r = Drafts(db_).save(room_id, {}, now_ms); !r) return r.failure();
        }
        auto stored = onePost(db_, std::string("SELECT ") + kColumns + " FROM outbox WHERE seq = ?",
                              [seq](Statement& s) { s.bindInt(1, seq); });
        if (!stored) return stored.failure();
        if (!*stored) return fail(ErrorKind::Storage, "outbox: the new post could not be read back");
        return std::move(**stored);
    });
}

Result<std::vector<OutboxPost>> Outbox::posts(std::string_view room_id) const {
    const std::string sql = std::string("SELECT ") + kColumns + " FROM outbox" +
                            (room_id.empty() ? "" : " WHERE room_id = ?") + " ORDER BY seq";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    if (!room_id.empty()) stmt->bindText(1, room_id);
    std::vector<OutboxPost> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        out.push_back(readPost(*stmt));
    }
    return out;
}

Result<std::optional<OutboxPost>> Outbox::post(std::string_view txn_id) const {
    return onePost(db_, std::string("SELECT ") + kColumns + " FROM outbox WHERE txn_id = ?",
                   [txn_id](Statement& s) { s.bindText(1, txn_id); });
}

Result<std::optional<OutboxPost>> Outbox::nextQueued() const {
    return onePost(db_, std::string("SELECT ") + kColumns +
                            " FROM outbox WHERE state = 0 ORDER BY seq LIMIT 1",
                   [](Statement&) {});
}

Result<std::int64_t> Outbox::queuedCount() const {
    auto stmt = db_.cached("SELECT count(*) FROM outbox WHERE state = 0");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    return stmt->int64(0);
}

Result<std::optional<OutboxMedia>> Outbox::media(std::int64_t seq) const {
    auto stmt = db_.cached(
        "SELECT bytes, content_type, filename, width, height FROM outbox_media "
        "WHERE seq = ? AND bytes IS NOT NULL");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, seq);
    return detail::oneMedia(*stmt);
}

Result<void> Outbox::setContentUri(std::int64_t seq, std::string_view mxc_uri) {
    return db_.transaction([&]() -> Result<void> {
        auto m = db_.cached("UPDATE outbox_media SET content_uri = ? WHERE seq = ?");
        if (!m) return m.failure();
        if (auto r = m->bindText(1, mxc_uri).bindInt(2, seq).run(); !r) return r;
        auto c = db_.cached("UPDATE outbox SET content = json_set(content, '$.url', ?) WHERE seq = ?");
        if (!c) return c.failure();
        return c->bindText(1, mxc_uri).bindInt(2, seq).run();
    });
}

// One more failed attempt with its error; `state` stays (Queued) or becomes Failed (then
// the post is no longer in doubt: the server refused it).
static Result<void> recordError(Database& db, std::int64_t seq, const Error& error, bool failed,
                                bool in_doubt) {
    auto stmt = db.cached(failed ? "UPDATE outbox SET state = 2, attempts = attempts + 1, "
                                   "error_kind = ?, error_code = ?, error_status = ?, "
                                   "error_message = ?, in_doubt = 0 WHERE seq = ?"
                                 : "UPDATE outbox SET attempts = attempts + 1, error_kind = ?, "
                                   "error_code = ?, error_status = ?, error_message = ?, "
                                   "in_doubt = ?6 WHERE seq = ?5");
    if (!stmt) return stmt.failure();
    stmt->bindText(1, toString(error.kind)).bindText(2, error.errcode)
        .bindInt(3, error.http_status).bindText(4, error.message).bindInt(5, seq);
    if (!failed) stmt->bindInt(6, in_doubt ? 1 : 0);
    return stmt->run();
}

Result<void> Outbox::markInDoubt(std::int64_t seq) {
    auto stmt = db_.cached("UPDATE outbox SET in_doubt = 1 WHERE seq = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, seq).run();
}

Result<void> Outbox::recordAttempt(std::int64_t seq, const Error& error, bool in_doubt) {
    return recordError(db_, seq, error, false, in_doubt);
}

Result<void> Outbox::markSent(std::int64_t seq, std::string_view event_id, std::int64_t now_ms) {
    return db_.transaction([&]() -> Result<void> {
        auto stmt = db_.cached(
            "UPDATE outbox SET state = 1, event_id = ?, sent_ms = ?, attempts = attempts + 1, "
            "error_kind = NULL, error_code = NULL, error_status = NULL, error_message = NULL "
            "WHERE seq = ?");
        if (!stmt) return stmt.failure();
        if (auto r = stmt->bindText(1, event_id).bindInt(2, now_ms).bindInt(3, seq).run(); !r) return r;
        // The bytes are on the server now; secure_delete overwrites them in the file.
        auto m = db_.cached("UPDATE outbox_media SET bytes = NULL WHERE seq = ?");
        if (!m) return m.failure();
        return m->bindInt(1, seq).run();
    });
}

Result<void> Outbox::markFailed(std::int64_t seq, const Error& error) {
    return recordError(db_, seq, error, true, false);
}

Result<bool> Outbox::requeue(std::string_view txn_id) {
    auto stmt = db_.cached("UPDATE outbox SET state = 0 WHERE txn_id = ? AND state = 2");
    if (!stmt) return stmt.failure();
    if (auto r = stmt->bindText(1, txn_id).run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<bool> Outbox::discard(std::string_view txn_id) {
    auto stmt = db_.cached(
        "DELETE FROM outbox WHERE txn_id = ? AND state IN (0, 2) AND in_doubt = 0");
    if (!stmt) return stmt.failure();
    if (auto r = stmt->bindText(1, txn_id).run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<void> Outbox::clear() {
    return db_.transaction([&]() -> Result<void> {
        if (auto r = db_.exec("DELETE FROM outbox_media"); !r) return r;
        return db_.exec("DELETE FROM outbox");
    });
}

Result<std::vector<std::string>> Outbox::confirm(const std::vector<OutboxEcho>& echoes,
                                                 std::optional<std::int64_t> synced_since_ms) {
    return db_.transaction([&]() -> Result<std::vector<std::string>> {
        std::vector<std::string> removed;
        auto remove = [&](const char* sql, auto bind) -> Result<void> {
            auto stmt = db_.cached(sql);
            if (!stmt) return stmt.failure();
            bind(*stmt);
            for (;;) {
                auto row = stmt->step();
                if (!row) return row.failure();
                if (!*row) return {};
                removed.push_back(stmt->text(0));
            }
        };
        for (const auto& echo : echoes) {
            // The server's word is checked against what we sent: room, type and, once /send
            // answered, the event id it returned.
            auto r = echo.txn_id
                         ? remove("DELETE FROM outbox WHERE txn_id = ?1 AND room_id = ?2 "
                                  "AND event_type = ?3 "
                                  "AND (state = 0 OR (state = 1 AND event_id = ?4)) "
                                  "RETURNING txn_id",
                                  [&](Statement& s) {
                                      s.bindText(1, *echo.txn_id).bindText(2, echo.room_id)
                                          .bindText(3, echo.event_type).bindText(4, echo.event_id);
                                  })
                         : remove("DELETE FROM outbox WHERE state = 1 AND event_id = ?1 AND "
                                  "room_id = ?2 AND event_type = ?3 RETURNING txn_id",
                                  [&](Statement& s) {
                                      s.bindText(1, echo.event_id).bindText(2, echo.room_id)
                                          .bindText(3, echo.event_type);
                                  });
            if (!r) return r.failure();
        }
        if (synced_since_ms) {
            auto r = remove("DELETE FROM outbox WHERE state = 1 AND sent_ms < ? RETURNING txn_id",
                            [&](Statement& s) { s.bindInt(1, *synced_since_ms); });
            if (!r) return r.failure();
        }
        return removed;
    });
}

Result<void> Drafts::save(std::string_view room_id, std::string_view body, std::int64_t now_ms) {
    if (body.empty()) {
        auto stmt = db_.cached("DELETE FROM drafts WHERE room_id = ?");
        if (!stmt) return stmt.failure();
        return stmt->bindText(1, room_id).run();
    }
    auto stmt = db_.cached("INSERT OR REPLACE INTO drafts (room_id, body, updated_ms) VALUES (?, ?, ?)");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, room_id).bindText(2, body).bindInt(3, now_ms).run();
}

Result<std::optional<std::string>> Drafts::load(std::string_view room_id) const {
    auto stmt = db_.cached("SELECT body FROM drafts WHERE room_id = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, room_id).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Result<std::vector<std::string>> Drafts::rooms() const {
    auto stmt = db_.cached("SELECT room_id FROM drafts ORDER BY room_id");
    if (!stmt) return stmt.failure();
    std::vector<std::string> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return out;
        out.push_back(stmt->text(0));
    }
}

}  // namespace renkei::store
