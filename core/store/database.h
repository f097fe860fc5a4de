// Renkei core: one keyed SQLCipher connection with prepared-statement cache, transactions
// and numbered migrations (PRAGMA user_version). See ARCHITECTURE.md "Storage and keys".
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/result.h"
#include "store/keys.h"
#include "store/statement.h"

namespace renkei::store {

class Database;

/// One schema step. Versions are 1, 2, 3, … and each runs once, in its own transaction,
/// which also sets PRAGMA user_version to `version`.
struct Migration {
    int version = 0;
    std::string_view sql;  ///< one or more statements; may be empty when `apply` is set
    std::function<Result<void>(Database&)> apply = nullptr;  ///< runs after `sql`, if set
};

/// A SQLCipher connection. Not thread-safe: use one per thread (WAL lets readers run beside
/// the one writer). Move-only; statements and transactions must not outlive it.
class Database {
public:
    /// Opens (creating if absent, mode 0600) and keys `file` with the raw 256-bit `key`, checks
    /// the key by reading the schema, then sets WAL, temp_store=MEMORY, secure_delete=ON,
    /// foreign_keys=ON, synchronous=NORMAL and a 5 s busy timeout.
    /// Errors: Storage with errcode "SQLITE_NOTADB" and "cannot decrypt … (wrong key or corrupt
    /// file)" for a wrong key or a file that is not a database; "SQLITE_CANTOPEN" (missing
    /// directory, permission denied), "SQLITE_READONLY", "SQLITE_FULL" (disk full); Storage if the
    /// linked SQLite is not SQLCipher (it would silently write plaintext).
    static Result<Database> open(const std::filesystem::path& file, const RawKey& key);
    /// Opens an existing `file` read-only (SQLITE_OPEN_READONLY and query_only), keyed and
    /// checked as open() does, with temp_store=MEMORY and the same busy timeout. In WAL mode
    /// it reads the last committed state without waiting for a writer on another connection.
    /// Errors: as open(); "SQLITE_CANTOPEN" when the file does not exist.
    static Result<Database> openReadOnly(const std::filesystem::path& file, const RawKey& key);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Runs one or more SQL statements without results. Errors: Storage.
    Result<void> exec(const char* sql);
    /// Prepares a statement owned by the caller (finalised on destruction). Errors: Storage.
    Result<Statement> prepare(std::string_view sql);
    /// Returns the connection's cached prepared statement for `sql` (prepared on first use),
    /// reset and unbound again when the returned Statement is destroyed. If that statement is
    /// still in use (nested use), or the cache already holds kMaxCachedStatements, a fresh one
    /// is prepared instead. `sql` must be fixed text with ? parameters, never built from
    /// values (each text is its own entry). Errors: Storage.
    Result<Statement> cached(std::string_view sql);
    /// Statements in the cache (tests check that it stays bounded).
    [[nodiscard]] std::size_t cachedStatementCount() const noexcept;
    /// Upper bound of the statement cache: far above the fixed statements the stores use.
    static constexpr std::size_t kMaxCachedStatements = 256;

    /// Runs `f` (returning Result<T> or Result<void>) inside BEGIN IMMEDIATE … COMMIT; any
    /// failure or exception from `f` rolls back and is returned (an exception becomes Storage,
    /// without its text). Inside an open transaction, `f` runs in a SAVEPOINT instead: its
    /// failure undoes only its own changes, and the outer transaction decides the rest.
    template <class F>
    auto transaction(F&& f) -> std::invoke_result_t<F&>;

    /// Applies the migrations whose version is above PRAGMA user_version, in ascending order,
    /// each in its own transaction. Idempotent; safe when another connection migrates first.
    /// Errors: Storage (a migration failed: that step is rolled back, earlier ones stay;
    /// the database is newer than `migrations` know: "database schema is newer").
    Result<void> migrate(const std::vector<Migration>& migrations);
    /// PRAGMA user_version. Errors: Storage.
    Result<int> userVersion();

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    [[nodiscard]] std::int64_t changes() const noexcept;
    [[nodiscard]] std::int64_t lastInsertRowId() const noexcept;
    [[nodiscard]] bool inTransaction() const noexcept;
    /// Copies the WAL into the database and truncates it (PRAGMA wal_checkpoint(TRUNCATE)).
    /// Errors: Storage (SQLITE_BUSY if readers prevent it).
    Result<void> checkpoint();
    /// The file name (no directory), for error messages.
    [[nodiscard]] std::string fileName() const;
    /// The raw connection, for tests and diagnostics (e.g. sqlite3_limit); may be null after move.
    [[nodiscard]] sqlite3* handle() const noexcept;

private:
    struct Impl;
    explicit Database(std::unique_ptr<Impl> impl) noexcept;
    static Result<Database> openKeyed(const std::filesystem::path& file, const RawKey& key,
                                      bool read_only);
    Result<void> begin(bool nested);
    Result<void> commit(bool nested);
    void rollback(bool nested) noexcept;

    std::unique_ptr<Impl> impl_;
};

template <class F>
auto Database::transaction(F&& f) -> std::invoke_result_t<F&> {
    using R = std::invoke_result_t<F&>;
    const bool nested = inTransaction();
    if (auto r = begin(nested); !r) return r.failure();
    try {
        R result = f();
        if (!result) {
            rollback(nested);
            return result;
        }
        if (auto c = commit(nested); !c) {
            rollback(nested);
            return c.failure();
        }
        return result;
    } catch (...) {
        rollback(nested);
        // The exception's text may quote data; say only that one happened.
        return fail(ErrorKind::Storage,
                    "internal error inside a database transaction (rolled back)");
    }
}

}  // namespace renkei::store
