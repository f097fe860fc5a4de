#include "store/vault.h"

#include "store/access_log.h"
#include "store/store_dir.h"

namespace renkei::store {
namespace {

// Migration 7: the exports and prints logged before the access log existed become its first
// records, oldest first, so that the chain covers them too.
Result<void> chainExportLog(Database& db) {
    auto stmt = db.prepare(
        "SELECT exported_ms, user_id, room_id, layout, selected, post_count, target FROM export_log ORDER BY id");
    if (!stmt) return stmt.failure();
    AccessLog log(db);
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return {};
        AccessEntry e;
        e.at_ms = stmt->int64(0);
        e.user_id = stmt->text(1);
        e.room_id = stmt->text(2);
        e.kind = stmt->text(6) == "print" ? AccessKind::Print : AccessKind::Export;
        e.detail = exportAccessDetail(stmt->textView(3), stmt->int64(5), stmt->int64(4) != 0);
        if (auto r = log.append(std::move(e)); !r) return r.failure();
    }
}

}  // namespace

const std::vector<Migration>& vaultMigrations() {
    static const std::vector<Migration> migrations = {
        {1, R"sql(
            -- One row at most: the signed-in session. Deleting it removes the tokens
            -- (secure_delete overwrites the freed bytes).
            CREATE TABLE session (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                homeserver TEXT NOT NULL,
                user_id TEXT NOT NULL,
                access_token TEXT NOT NULL,
                refresh_token TEXT,
                access_token_expires_at_ms INTEGER
            );
            -- The device id outlives the session: re-login reuses it so the server keeps
            -- de-duplicating our transaction ids.
            CREATE TABLE device (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                device_id TEXT NOT NULL
            );
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;
        )sql"},
        {2, R"sql(
            -- The composer's text per room, saved as the user types (store/outbox.h).
            CREATE TABLE drafts (
                room_id TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                updated_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            -- The send queue: seq is the order posts leave in; txn_id is chosen at queue
            -- time and reused on every retry. state: 0 queued, 1 sent, 2 failed.
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                txn_id TEXT NOT NULL UNIQUE,
                room_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                content TEXT NOT NULL,
                state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
                event_id TEXT,
                sent_ms INTEGER,
                attempts INTEGER NOT NULL DEFAULT 0,
                error_kind TEXT,
                error_code TEXT,
                error_status INTEGER,
                error_message TEXT,
                created_ms INTEGER NOT NULL
            );
            CREATE INDEX outbox_by_state ON outbox (state, seq);
            -- An attached image: bytes until sent (then NULL), the content URI once uploaded.
            CREATE TABLE outbox_media (
                seq INTEGER PRIMARY KEY REFERENCES outbox (seq) ON DELETE CASCADE,
                bytes BLOB,
                content_type TEXT NOT NULL,
                filename TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                content_uri TEXT
            );
        )sql"},
        {3, R"sql(
            -- 1 from just before a PUT of the post until an answer settles whether the server
            -- took it: a post in doubt may already be on the server, so it is not discarded.
            ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0
                CHECK (in_doubt IN (0, 1));
        )sql"},
        {4, R"sql(
            -- Patient rooms queued to be opened (store/pending_rooms.h): the plan as JSON
            -- (care::planToJson), the consent scan's bytes until its upload returned scan_mxc
            -- (then NULL), and the state: 0 queued, 2 failed (the server refused it).
            CREATE TABLE pending_rooms (
                creation_id TEXT PRIMARY KEY,
                plan TEXT NOT NULL,
                scan_bytes BLOB,
                scan_content_type TEXT,
                scan_filename TEXT,
                scan_width INTEGER NOT NULL DEFAULT 0,
                scan_height INTEGER NOT NULL DEFAULT 0,
                scan_size INTEGER NOT NULL DEFAULT 0,
                scan_mxc TEXT,
                state INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 2)),
                attempts INTEGER NOT NULL DEFAULT 0,
                error_kind TEXT,
                error_code TEXT,
                error_status INTEGER,
                error_message TEXT,
                queued_ms INTEGER NOT NULL
            );
        )sql"},
        {5, R"sql(
            -- Structured posts being written (store/record_drafts.h): one form per room and
            -- record kind, its fields as a JSON object, kept until the post is queued.
            CREATE TABLE record_drafts (
                room_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                record TEXT NOT NULL,
                updated_ms INTEGER NOT NULL,
                PRIMARY KEY (room_id, kind)
            ) WITHOUT ROWID;
        )sql"},
        {6, R"sql(
            -- Every export to PDF and every print (store/export_log.h), for the access log:
            -- who, which room, which layout and range, how many posts, when, and whether it
            -- went to a file or a printer. Never the file's path (it may name the patient).
            CREATE TABLE export_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                exported_ms INTEGER NOT NULL,
                user_id TEXT NOT NULL,
                room_id TEXT NOT NULL,
                layout TEXT NOT NULL,
                from_ms INTEGER,
                to_ms INTEGER,
                selected INTEGER NOT NULL DEFAULT 0,
                post_count INTEGER NOT NULL CHECK (post_count >= 0),
                target TEXT NOT NULL CHECK (target IN ('pdf', 'print'))
            );
            CREATE INDEX export_log_by_time ON export_log (exported_ms);
        )sql"},
        {7, R"sql(
            -- The access log (store/access_log.h): every room opened, export, print, file
            -- opened or saved, sign-in, sign-out and unlock, as a hash chain. ids are 1, 2,
            -- 3, … (chosen from the head, never reused); hash covers prev_hash and the row.
            CREATE TABLE access_log (
                id INTEGER PRIMARY KEY,
                at_ms INTEGER NOT NULL,
                user_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('room-opened', 'export', 'print', 'file-opened',
                    'file-saved', 'sign-in', 'sign-out', 'unlock', 'unlock-failed')),
                room_id TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX access_log_by_room ON access_log (room_id, id);
            -- The last record's id and hash: a chain alone cannot show that its last records
            -- were removed; the head can.
            CREATE TABLE access_log_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                last_id INTEGER NOT NULL,
                last_hash TEXT NOT NULL
            );
        )sql", chainExportLog},
    };
    return migrations;
}

Result<Vault> Vault::open(const std::filesystem::path& dir, const RawKey& key) {
    if (auto r = detail::ensurePrivateDir(dir); !r) return r.failure();
    auto db = Database::open(dir / "vault.db", key);
    if (!db) return db.failure();
    // What the vault holds cannot be rebuilt (drafts, outbox): a commit must survive a
    // power cut too, not only a crash of the process.
    if (auto r = db->exec("PRAGMA synchronous=FULL"); !r) return r.failure();
    if (auto r = db->migrate(vaultMigrations()); !r) return r.failure();
    return Vault(std::move(*db));
}

Result<std::optional<StoredSession>> Vault::loadSession() const {
    auto stmt = db_.cached(
        "SELECT s.homeserver, s.user_id, d.device_id, s.access_token, s.refresh_token, "
        "s.access_token_expires_at_ms FROM session s LEFT JOIN device d ON d.id = 1 WHERE s.id = "
        "1");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    if (!*row) return std::optional<StoredSession>();
    StoredSession s;
    s.homeserver = stmt->text(0);
    s.user_id = stmt->text(1);
    s.device_id = stmt->text(2);
    s.access_token = stmt->text(3);
    s.refresh_token = stmt->optText(4);
    s.access_token_expires_at_ms = stmt->optInt(5);
    return std::optional<StoredSession>(std::move(s));
}

Result<void> Vault::saveSession(const StoredSession& session) {
    if (session.user_id.empty() || session.access_token.empty()) {
        return fail(ErrorKind::InvalidArgument, "a session needs a user id and an access token");
    }
    return db_.transaction([&]() -> Result<void> {
        auto stmt = db_.cached(
            "INSERT OR REPLACE INTO session (id, homeserver, user_id, access_token, refresh_token, "
            "access_token_expires_at_ms) VALUES (1, ?, ?, ?, ?, ?)");
        if (!stmt) return stmt.failure();
        stmt->bindText(1, session.homeserver)
            .bindText(2, session.user_id)
            .bindText(3, session.access_token)
            .bindOptText(4, session.refresh_token)
            .bindOptInt(5, session.access_token_expires_at_ms);
        if (auto r = stmt->run(); !r) return r;
        if (session.device_id.empty()) return {};
        return setDeviceId(session.device_id);
    });
}

Result<void> Vault::clearSession() {
    if (auto r = db_.exec("DELETE FROM session"); !r) return r;
    // secure_delete overwrote the tokens in the database pages; a checkpoint also moves the
    // freed pages out of the WAL. Best effort: a reader may hold the WAL (SQLITE_BUSY).
    (void)db_.checkpoint();
    return {};
}

Result<std::optional<std::string>> Vault::deviceId() const {
    auto stmt = db_.cached("SELECT device_id FROM device WHERE id = 1");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Result<void> Vault::setDeviceId(std::string_view device_id) {
    auto stmt = db_.cached("INSERT OR REPLACE INTO device (id, device_id) VALUES (1, ?)");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, device_id).run();
}

Result<std::optional<std::string>> Vault::setting(std::string_view key) const {
    auto stmt = db_.cached("SELECT value FROM settings WHERE key = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, key).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Result<void> Vault::setSetting(std::string_view key, std::string_view value) {
    auto stmt = db_.cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, key).bindText(2, value).run();
}

Result<void> Vault::removeSetting(std::string_view key) {
    auto stmt = db_.cached("DELETE FROM settings WHERE key = ?");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, key).run();
}

Result<void> Vault::checkpoint() { return db_.checkpoint(); }

}  // namespace renkei::store
