#include "store/statement.h"

#include <sqlite3.h>

#include <utility>

namespace renkei::store {
namespace {

// Symbolic name of a primary result code, for Error::errcode.
const char* codeName(int primary) {
    switch (primary) {
        case SQLITE_ERROR:
            return "SQLITE_ERROR";
        case SQLITE_INTERNAL:
            return "SQLITE_INTERNAL";
        case SQLITE_PERM:
            return "SQLITE_PERM";
        case SQLITE_ABORT:
            return "SQLITE_ABORT";
        case SQLITE_BUSY:
            return "SQLITE_BUSY";
        case SQLITE_LOCKED:
            return "SQLITE_LOCKED";
        case SQLITE_NOMEM:
            return "SQLITE_NOMEM";
        case SQLITE_READONLY:
            return "SQLITE_READONLY";
        case SQLITE_INTERRUPT:
            return "SQLITE_INTERRUPT";
        case SQLITE_IOERR:
            return "SQLITE_IOERR";
        case SQLITE_CORRUPT:
            return "SQLITE_CORRUPT";
        case SQLITE_FULL:
            return "SQLITE_FULL";
        case SQLITE_CANTOPEN:
            return "SQLITE_CANTOPEN";
        case SQLITE_PROTOCOL:
            return "SQLITE_PROTOCOL";
        case SQLITE_SCHEMA:
            return "SQLITE_SCHEMA";
        case SQLITE_TOOBIG:
            return "SQLITE_TOOBIG";
        case SQLITE_CONSTRAINT:
            return "SQLITE_CONSTRAINT";
        case SQLITE_MISMATCH:
            return "SQLITE_MISMATCH";
        case SQLITE_MISUSE:
            return "SQLITE_MISUSE";
        case SQLITE_RANGE:
            return "SQLITE_RANGE";
        case SQLITE_NOTADB:
            return "SQLITE_NOTADB";
        default:
            return "SQLITE_ERROR";
    }
}

// Plain-words cause for the codes a user can do something about.
const char* plainCause(int rc) {
    if (rc == SQLITE_IOERR_NOMEM) return "out of memory";
    switch (rc & 0xff) {
        case SQLITE_FULL:
            return "the disk is full";
        case SQLITE_READONLY:
            return "the database is read-only (file permissions or read-only disk)";
        case SQLITE_CANTOPEN:
            return "cannot open the database file (missing directory or permission denied)";
        case SQLITE_NOTADB:
            return "cannot decrypt the database (wrong key or corrupt file)";
        case SQLITE_CORRUPT:
            return "the database file is corrupt";
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return "the database is busy (another connection holds the lock)";
        case SQLITE_NOMEM:
            return "out of memory";
        case SQLITE_TOOBIG:
            return "a value is too large to store";
        case SQLITE_IOERR:
            return "disk input/output error";
        default:
            return nullptr;
    }
}

}  // namespace

Error sqliteError(sqlite3* db, int rc, std::string_view context) {
    Error e;
    e.kind = ErrorKind::Storage;
    e.errcode = codeName(rc & 0xff);
    e.message = std::string(context) + ": ";
    if (const char* cause = plainCause(rc)) {
        e.message += cause;
    } else {
        // SQLite's own messages name tables and columns, never bound values.
        e.message += (db != nullptr && (sqlite3_extended_errcode(db) & 0xff) == (rc & 0xff))
                         ? sqlite3_errmsg(db)
                         : sqlite3_errstr(rc);
    }
    return e;
}

Statement::~Statement() { release(); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_rc_(other.bind_rc_),
      bind_index_(other.bind_index_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        stmt_ = std::exchange(other.stmt_, nullptr);
        in_use_ = std::exchange(other.in_use_, nullptr);
        bind_rc_ = other.bind_rc_;
        bind_index_ = other.bind_index_;
    }
    return *this;
}

void Statement::release() noexcept {
    if (stmt_ == nullptr) return;
    if (in_use_ != nullptr) {
        reset();
        *in_use_ = false;
    } else {
        sqlite3_finalize(stmt_);
    }
    stmt_ = nullptr;
    in_use_ = nullptr;
}

void Statement::noteBind(int rc, int index) noexcept {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
        bind_rc_ = rc;
        bind_index_ = index;
    }
}

Statement& Statement::bindInt(int index, std::int64_t value) {
    noteBind(sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bindText(int index, std::string_view value) {
    // A default string_view has no data: SQLite would bind NULL, not the empty text.
    noteBind(sqlite3_bind_text64(stmt_, index, value.data() != nullptr ? value.data() : "", value.size(),
                                 SQLITE_TRANSIENT, SQLITE_UTF8),
             index);
    return *this;
}

Statement& Statement::bindOptText(int index, const std::optional<std::string>& value) {
    return value ? bindText(index, *value) : bindNull(index);
}

Statement& Statement::bindOptInt(int index, std::optional<std::int64_t> value) {
    return value ? bindInt(index, *value) : bindNull(index);
}

Statement& Statement::bindBlob(int index, std::span<const unsigned char> bytes) {
    noteBind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT),
             index);
    return *this;
}

Statement& Statement::bindNull(int index) {
    noteBind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Result<bool> Statement::step() {
    if (stmt_ == nullptr) return fail(ErrorKind::Storage, "statement used after it was moved from");
    sqlite3* db = sqlite3_db_handle(stmt_);
    if (bind_rc_ != SQLITE_OK) {
        return Failure{
            sqliteError(db, bind_rc_, "cannot bind parameter " + std::to_string(bind_index_))};
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Error e = sqliteError(db, sqlite3_extended_errcode(db), "statement failed");
    sqlite3_reset(stmt_);
    return Failure{std::move(e)};
}

Result<void> Statement::run() {
    for (;;) {
        auto r = step();
        if (!r) return r.failure();
        if (!*r) return {};
    }
}

void Statement::reset() noexcept {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
    bind_index_ = 0;
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

bool Statement::isText(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_TEXT;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view Statement::textView(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p), n};
}

std::string Statement::text(int column) const { return std::string(textView(column)); }

std::optional<std::string> Statement::optText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optInt(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

std::vector<unsigned char> Statement::blob(int column) const {
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, column));
    const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    if (p == nullptr) return {};
    return {p, p + n};
}

}  // namespace renkei::store
