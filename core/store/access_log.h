// Renkei core: the access log (アクセス記録) in the vault database (vault migration 7, tables
// access_log and access_log_head): who opened which patient room when, every export, print,
// file opened or saved, sign-in, sign-out, unlock and failed unlock, as the MHLW guideline
// expects of a client terminal (DOMAIN.md "Security expectations").
//
// The records form a hash chain: each holds the hash of the one before it (the first holds
// kAccessGenesisHash) and its own hash over both (accessHash), and the head row keeps the last
// record's id and hash. verify() therefore detects a record edited, removed (in the middle
// or at the end), inserted or moved by anything that does not also rewrite every hash after
// it and the head. What the chain cannot prove: the hashes are not keyed, so someone holding
// the vault's key (who can write raw SQL into it) can forge a whole new chain; and a vault
// replaced by an older copy of itself verifies. It is evidence of tampering, not a signature.
//
// The vault is encrypted, so room ids and user ids may be kept; `detail` is short text that
// never holds patient data, names, message text or file paths (a file's name may be the
// patient's), and callers must keep it so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace renkei::store {

/// What was done. Wire names (stored, and the CLI's --kind): accessKindToWire.
enum class AccessKind {
    RoomOpened,    ///< "room-opened": a patient room's posts shown
    Export,        ///< "export": a document written to a PDF file
    Print,         ///< "print": a document sent to a printer
    FileOpened,    ///< "file-opened": an attachment opened
    FileSaved,     ///< "file-saved": an attachment saved to disk
    SignIn,        ///< "sign-in"
    SignOut,       ///< "sign-out"
    Unlock,        ///< "unlock": the lock screen or the local data unlocked
    UnlockFailed,  ///< "unlock-failed": a wrong passphrase at the lock screen
};

/// Every kind, in declaration order.
const std::vector<AccessKind>& allAccessKinds();
/// "room-opened", "export", … (see AccessKind).
std::string_view accessKindToWire(AccessKind kind) noexcept;
/// The kind of a wire name; nullopt for any other text (case-sensitive).
std::optional<AccessKind> accessKindFromWire(std::string_view wire) noexcept;
/// The kind in Japanese as the CSV shows it: 「部屋を開いた」, 「PDF書き出し」, 「印刷」, ….
std::string_view accessKindLabelJa(AccessKind kind) noexcept;

/// One record of the log.
struct AccessEntry {
    std::int64_t id = 0;      ///< 1, 2, 3, … in the order appended (0 before it is appended)
    std::int64_t at_ms = 0;   ///< when, ms since the Unix epoch (local clock)
    std::string user_id;      ///< who ("@name:server")
    AccessKind kind = AccessKind::RoomOpened;
    std::string room_id;      ///< the patient room, empty when none (sign-in, unlock, …)
    std::string detail;       ///< short non-patient text, e.g. "layout=timeline posts=12"
    std::string prev_hash;    ///< the previous record's hash (kAccessGenesisHash for the first)
    std::string hash;         ///< accessHash of this record: 64 lower-case hex digits
};

/// The prev_hash of the first record: 64 zeros.
inline constexpr std::string_view kAccessGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
/// Longest detail and room id append() takes, in bytes.
inline constexpr std::size_t kMaxAccessDetailBytes = 200;
inline constexpr std::size_t kMaxAccessRoomIdBytes = 255;
/// Most records entries() returns at once.
inline constexpr int kMaxAccessEntries = 100'000;

/// BLAKE2b-256 (libsodium crypto_generichash, unkeyed) as 64 lower-case hex digits over a
/// versioned encoding of (prev_hash, id, at_ms, user_id, kind's wire name, room_id, detail):
/// each text as its byte length (8 bytes, big-endian) and bytes, each number as 8 bytes
/// big-endian, so no two records encode alike. Ignores `entry.hash`.
std::string accessHash(const AccessEntry& entry);

/// A description of the text detail export and print records carry: "layout=<wire>
/// posts=<n>", then " selected" when a chosen set of posts was exported.
std::string exportAccessDetail(std::string_view layout_wire, std::int64_t post_count, bool selected);

/// Which records entries() returns; every condition set must hold.
struct AccessFilter {
    std::string room_id;                  ///< empty: any room (or none)
    std::optional<AccessKind> kind;       ///< nullopt: any kind
    std::optional<std::int64_t> from_ms;  ///< at_ms ≥ from_ms (ms since the epoch)
    std::optional<std::int64_t> to_ms;    ///< at_ms < to_ms
    int limit = 100;                      ///< the newest this many (1 … kMaxAccessEntries)
};

/// What verify() found.
struct AccessLogCheck {
    bool ok = true;
    std::int64_t records = 0;    ///< records read
    std::int64_t broken_id = 0;  ///< not ok: the first record that is missing or does not match
    std::string problem;         ///< not ok: what is wrong, in English, naming broken_id
};

/// The vault's access log. Not thread-safe: use under the vault's lock.
class AccessLog {
public:
    explicit AccessLog(Database& vault) noexcept : db_(vault) {}

    /// Appends a record of `entry`'s at_ms, user_id, kind, room_id and detail behind the last
    /// one, in one transaction (a savepoint inside the caller's), and returns it with its id,
    /// prev_hash and hash. Errors: InvalidArgument (empty user; negative time; room id or
    /// detail too long; a control character in user, room or detail; an unknown kind), Storage.
    Result<AccessEntry> append(AccessEntry entry);
    /// The records that pass `filter`, newest (last appended) first. Errors: InvalidArgument
    /// (limit outside 1 … kMaxAccessEntries), Storage (also a row whose kind is unknown).
    Result<std::vector<AccessEntry>> entries(const AccessFilter& filter = {}) const;
    /// Walks the chain from the first record to the head; reads one record at a time.
    /// Not ok names the first record that is missing (removed: ids jump, or the head says the
    /// log went further), was changed or moved (its hash does not match), does not follow the
    /// one before it (prev_hash), or stands after the head (appended behind the log's back).
    /// Errors: Storage only; tampering is a result, not an error.
    Result<AccessLogCheck> verify() const;

private:
    Database& db_;
};

/// The records as CSV for the office's administrator (RFC 4180: CRLF line ends, a field with
/// a comma, quote, CR or LF quoted, quotes doubled), UTF-8 with a byte-order mark so that
/// Excel in Japan reads it. Header: 日時（日本時間）, 利用者, 種類, 患者の部屋, 内容, ハッシュ;
/// the time as "YYYY-MM-DD HH:MM:SS" in Japan time, the kind as accessKindLabelJa, the room
/// by its id (never its name: the file leaves the encrypted vault). A field that starts with
/// =, +, -, @, tab or CR (every user id) starts with an apostrophe so that a spreadsheet shows
/// it rather than running it as a formula. Rows in the given order.
std::string toCsv(const std::vector<AccessEntry>& entries);

}  // namespace renkei::store
