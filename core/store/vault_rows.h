// Renkei core (internal to core/store): reading the vault's rows that the outbox and the
// pending rooms share — an Error kept as its columns (error_kind as toString(kind),
// error_code, error_status, error_message) and a file's bytes with their description.
#pragma once

#include <optional>
#include <string_view>

#include "common/error.h"
#include "common/result.h"
#include "store/outbox.h"
#include "store/statement.h"

namespace renkei::store::detail {

/// The ErrorKind whose toString is `name`; Network when unknown (a row from a newer build).
inline ErrorKind errorKindFromName(std::string_view name) noexcept {
    for (int k = 0; k <= static_cast<int>(ErrorKind::AccountMismatch); ++k) {
        if (name == toString(static_cast<ErrorKind>(k))) return static_cast<ErrorKind>(k);
    }
    return ErrorKind::Network;
}

/// The Error in columns first … first + 3 (kind, code, status, message), or nullopt when the
/// kind is NULL (no error recorded).
inline std::optional<Error> errorFromRow(const Statement& s, int first) {
    if (s.isNull(first)) return std::nullopt;
    Error e;
    e.kind = errorKindFromName(s.textView(first));
    e.errcode = s.text(first + 1);
    e.http_status = static_cast<int>(s.int64(first + 2));
    e.message = s.text(first + 3);
    return e;
}

/// Steps `stmt` (its parameters bound) for one row of (bytes, content type, file name,
/// width, height): the file, or nullopt when there is no row. Errors: Storage.
inline Result<std::optional<OutboxMedia>> oneMedia(Statement& stmt) {
    auto row = stmt.step();
    if (!row) return row.failure();
    if (!*row) return std::optional<OutboxMedia>();
    OutboxMedia m;
    const auto bytes = stmt.blob(0);
    m.bytes.assign(bytes.begin(), bytes.end());
    m.content_type = stmt.text(1);
    m.filename = stmt.text(2);
    m.width = static_cast<int>(stmt.int64(3));
    m.height = static_cast<int>(stmt.int64(4));
    return std::optional<OutboxMedia>(std::move(m));
}

}  // namespace renkei::store::detail
