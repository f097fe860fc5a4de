#include "store/database.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "store/secure_memory.h"

namespace renkei::store {
namespace {

constexpr int kBusyTimeoutMs = 5'000;
// "x'" + 64 hex digits + "'" + NUL: SQLCipher's raw-key form, used as is (no KDF).
constexpr std::size_t kKeyLiteralBytes = 2 + 2 * sizeof(RawKey) + 1 + 1;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

// Writes the raw-key literal x'<hex>' into `out` (locked, wiped memory). Internal only:
// the hex form of a key must never reach a std::string, a log or an error.
void hexKeyLiteral(const RawKey& key, detail::SecretArray<char, kKeyLiteralBytes>& out) {
    char* p = out.data();
    p[0] = 'x';
    p[1] = '\'';
    sodium_bin2hex(p + 2, 2 * key.size() + 1, key.data(), key.size());
    p[kKeyLiteralBytes - 2] = '\'';
    p[kKeyLiteralBytes - 1] = '\0';
}

// Creates the file with mode 0600 if absent, so that SQLite's -wal and -shm files (which copy
// the database file's mode) are private too. Failures are left for sqlite3_open_v2 to report.
void precreatePrivate(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
}

}  // namespace

struct Database::Impl {
    struct CachedStatement {
        sqlite3_stmt* stmt = nullptr;
        bool in_use = false;
    };

    sqlite3* db = nullptr;
    std::string file_name;
    std::unordered_map<std::string, std::unique_ptr<CachedStatement>, StringHash, std::equal_to<>>
        cache;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        for (auto& [sql, entry] : cache) sqlite3_finalize(entry->stmt);
        // close_v2 defers the close if a caller still holds a statement (a bug, not a crash).
        if (db != nullptr) sqlite3_close_v2(db);
    }
};

Database::Database(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::filesystem::path& file, const RawKey& key) {
    return openKeyed(file, key, false);
}

Result<Database> Database::openReadOnly(const std::filesystem::path& file, const RawKey& key) {
    return openKeyed(file, key, true);
}

Result<Database> Database::openKeyed(const std::filesystem::path& file, const RawKey& key,
                                     bool read_only) {
    auto impl = std::make_unique<Impl>();
    impl->file_name = file.filename().string();
    const std::string context = "cannot open " + impl->file_name;

    if (!read_only) precreatePrivate(file);
    const int flags = read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(file.c_str(), &impl->db, flags, nullptr);
    if (rc != SQLITE_OK) return Failure{sqliteError(impl->db, rc, context)};
    sqlite3_extended_result_codes(impl->db, 1);

    {
        detail::SecretArray<char, kKeyLiteralBytes> literal;
        hexKeyLiteral(key, literal);
        rc = sqlite3_key(impl->db, literal.data(), static_cast<int>(kKeyLiteralBytes - 1));
    }
    if (rc != SQLITE_OK) return Failure{sqliteError(impl->db, rc, context)};

    Database db(std::move(impl));
    // Without SQLCipher, sqlite3_key is a no-op and everything would be written in plaintext.
    {
        auto version = db.prepare("PRAGMA cipher_version");
        if (!version) return version.failure();
        auto row = version->step();
        if (!row || !*row || version->textView(0).empty()) {
            return fail(ErrorKind::Storage, context + ": the linked SQLite is not SQLCipher");
        }
    }
    // Reading the schema is the first access to the file's pages: a wrong key fails here.
    {
        auto probe = db.prepare("SELECT count(*) FROM sqlite_master");
        if (!probe)
            return Failure{
                sqliteError(db.handle(), sqlite3_extended_errcode(db.handle()), context)};
        if (auto row = probe->step(); !row) {
            return Failure{
                sqliteError(db.handle(), sqlite3_extended_errcode(db.handle()), context)};
        }
    }
    sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
    if (read_only) {
        // The writer set WAL (persistent in the file); a reader cannot and need not.
        for (const char* pragma : {"PRAGMA temp_store=MEMORY", "PRAGMA query_only=ON"}) {
            if (auto r = db.exec(pragma); !r) return r.failure();
        }
        return db;
    }
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA temp_store=MEMORY", "PRAGMA secure_delete=ON",
          "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
        if (auto r = db.exec(pragma); !r) return r.failure();
    }
    return db;
}

Result<void> Database::exec(const char* sql) {
    char* errmsg = nullptr;
    const int rc = sqlite3_exec(impl_->db, sql, nullptr, nullptr, &errmsg);
    sqlite3_free(errmsg);
    if (rc != SQLITE_OK) {
        return Failure{sqliteError(impl_->db, sqlite3_extended_errcode(impl_->db),
                                   "SQL on " + impl_->file_name)};
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(impl_->db, sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return Failure{sqliteError(impl_->db, rc, "cannot prepare SQL on " + impl_->file_name)};
    }
    return Statement(stmt, nullptr);
}

Result<Statement> Database::cached(std::string_view sql) {
    auto it = impl_->cache.find(sql);
    if (it == impl_->cache.end()) {
        if (impl_->cache.size() >= kMaxCachedStatements) return prepare(sql);
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(impl_->db, sql.data(), static_cast<int>(sql.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return Failure{sqliteError(impl_->db, rc, "cannot prepare SQL on " + impl_->file_name)};
        }
        auto entry = std::make_unique<Impl::CachedStatement>();
        entry->stmt = stmt;
        it = impl_->cache.emplace(std::string(sql), std::move(entry)).first;
    }
    Impl::CachedStatement& entry = *it->second;
    if (entry.in_use) return prepare(sql);
    entry.in_use = true;
    return Statement(entry.stmt, &entry.in_use);
}

Result<void> Database::migrate(const std::vector<Migration>& migrations) {
    std::vector<const Migration*> ordered;
    ordered.reserve(migrations.size());
    for (const auto& m : migrations) ordered.push_back(&m);
    std::sort(ordered.begin(), ordered.end(),
              [](const Migration* a, const Migration* b) { return a->version < b->version; });
    const int newest = ordered.empty() ? 0 : ordered.back()->version;

    auto current = userVersion();
    if (!current) return current.failure();
    if (*current > newest) {
        return fail(ErrorKind::Storage, impl_->file_name + ": database schema is newer (version " +
                                            std::to_string(*current) + ") than this Renkei knows");
    }
    for (const Migration* m : ordered) {
        if (m->version <= *current) continue;
        auto applied = transaction([&]() -> Result<void> {
            // Another connection may have migrated since we looked: re-check under the lock.
            auto now = userVersion();
            if (!now) return now.failure();
            if (*now >= m->version) return {};
            if (!m->sql.empty()) {
                const std::string sql(m->sql);
                if (auto r = exec(sql.c_str()); !r) return r;
            }
            if (m->apply) {
                if (auto r = m->apply(*this); !r) return r;
            }
            const std::string set = "PRAGMA user_version = " + std::to_string(m->version);
            return exec(set.c_str());
        });
        if (!applied) {
            Error e = applied.error();
            e.message =
                impl_->file_name + " migration " + std::to_string(m->version) + ": " + e.message;
            return Failure{std::move(e)};
        }
    }
    return {};
}

Result<int> Database::userVersion() {
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    return *row ? static_cast<int>(stmt->int64(0)) : 0;
}

std::size_t Database::cachedStatementCount() const noexcept { return impl_->cache.size(); }

std::int64_t Database::changes() const noexcept { return sqlite3_changes64(impl_->db); }

std::int64_t Database::lastInsertRowId() const noexcept {
    return sqlite3_last_insert_rowid(impl_->db);
}

bool Database::inTransaction() const noexcept { return sqlite3_get_autocommit(impl_->db) == 0; }

Result<void> Database::checkpoint() {
    const int rc =
        sqlite3_wal_checkpoint_v2(impl_->db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return Failure{sqliteError(impl_->db, rc, "cannot checkpoint " + impl_->file_name)};
    return {};
}

std::string Database::fileName() const { return impl_ ? impl_->file_name : std::string(); }

sqlite3* Database::handle() const noexcept { return impl_ ? impl_->db : nullptr; }

Result<void> Database::begin(bool nested) {
    // IMMEDIATE takes the write lock up front, so a transaction never fails half-way with BUSY.
    return exec(nested ? "SAVEPOINT renkei_nested" : "BEGIN IMMEDIATE");
}

Result<void> Database::commit(bool nested) {
    return exec(nested ? "RELEASE renkei_nested" : "COMMIT");
}

void Database::rollback(bool nested) noexcept {
    // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL): then these fail
    // harmlessly.
    if (!inTransaction()) return;
    if (nested) {
        sqlite3_exec(impl_->db, "ROLLBACK TO renkei_nested; RELEASE renkei_nested", nullptr,
                     nullptr, nullptr);
    } else {
        sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

}  // namespace renkei::store
