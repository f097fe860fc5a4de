// Renkei core: one prepared SQLite statement (SQLCipher connection) with bind/step/column.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace renkei::store {

/// Storage error for SQLite result code `rc` on connection `db` (may be null): kind Storage,
/// errcode "SQLITE_FULL", "SQLITE_NOTADB", …; the message says what failed (`context`) and
/// why in plain words (disk full, read-only, cannot open, …). Never contains bound values.
Error sqliteError(sqlite3* db, int rc, std::string_view context);

/// A prepared statement. Indexes are 1-based for bind*, 0-based for columns, as in SQLite.
/// bind* never fail by themselves: the first bind error is reported by the next step().
/// Statements from Database::cached() are reset and unbound (not finalised) when destroyed.
/// A Statement must not outlive its Database. Move-only.
class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bindInt(int index, std::int64_t value);
    /// Binds text (copied; need not outlive the call). UTF-8, no terminator needed. An empty
    /// view, even a default one, binds the empty text, never NULL (use bindOptText for NULL).
    Statement& bindText(int index, std::string_view value);
    /// Binds text, or NULL when `value` is nullopt.
    Statement& bindOptText(int index, const std::optional<std::string>& value);
    /// Binds an integer, or NULL when `value` is nullopt.
    Statement& bindOptInt(int index, std::optional<std::int64_t> value);
    Statement& bindBlob(int index, std::span<const unsigned char> bytes);
    Statement& bindNull(int index);

    /// Runs to the next row: true when a row is available, false when done.
    /// Errors: Storage (see sqliteError), including the first failed bind.
    Result<bool> step();
    /// Steps until done, for statements that return no rows (INSERT, UPDATE, …).
    Result<void> run();
    /// Resets to run again and clears all bindings.
    void reset() noexcept;

    [[nodiscard]] bool isNull(int column) const;
    /// True if the column's value is text (not NULL, a number or a blob).
    [[nodiscard]] bool isText(int column) const;
    [[nodiscard]] std::int64_t int64(int column) const;
    /// Column as text; empty for NULL.
    [[nodiscard]] std::string text(int column) const;
    /// Column as text, valid only until the next step() or reset().
    [[nodiscard]] std::string_view textView(int column) const;
    [[nodiscard]] std::optional<std::string> optText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optInt(int column) const;
    [[nodiscard]] std::vector<unsigned char> blob(int column) const;

    [[nodiscard]] bool valid() const noexcept { return stmt_ != nullptr; }

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, bool* in_use) noexcept : stmt_(stmt), in_use_(in_use) {}
    void release() noexcept;
    void noteBind(int rc, int index) noexcept;

    sqlite3_stmt* stmt_ = nullptr;
    bool* in_use_ = nullptr;  // non-null: borrowed from the Database's statement cache
    int bind_rc_ = 0;         // first failed bind's result code, SQLITE_OK if none
    int bind_index_ = 0;
};

}  // namespace renkei::store
