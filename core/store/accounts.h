// Renkei core: where each account's local data lives. Local data is bound to one
// (homeserver, user id): every account has a directory of its own under the data root,
//   <root>/accounts/<id>/  keys.json  vault.db  cache.db  account.json
// so that signing in as another account never opens the databases, sync token, receipts or
// drafts of the previous one. account.json is a small plaintext index (homeserver and user
// id, no token, key or patient datum) that lets the front ends list and pick accounts before
// unlocking; the vault holds the authoritative binding (session/session.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace renkei::store {

/// The account a data directory belongs to; both empty until its first login.
struct AccountBinding {
    std::string homeserver;  ///< base URL, e.g. "https://matrix.example.org"
    std::string user_id;     ///< "@name:server"
    [[nodiscard]] bool bound() const noexcept { return !user_id.empty(); }
    bool operator==(const AccountBinding&) const = default;
};

/// One account's local data as found on disk.
struct LocalAccount {
    std::string id;               ///< the directory's name under <root>/accounts
    std::filesystem::path dir;    ///< <root>/accounts/<id>
    AccountBinding binding;       ///< from account.json; empty when not (yet) known
    std::int64_t last_used_ms = 0;  ///< ms since the Unix epoch of the last unlock, 0 unknown
};

/// The key file of an account directory: <dir>/keys.json.
std::filesystem::path keyFileOf(const std::filesystem::path& account_dir);

/// Accounts under <root>/accounts that hold a key file or a vault, most recently used first. A missing
/// root or accounts folder gives an empty list. An unreadable account.json leaves that
/// account unbound in the list (it is rewritten at its next unlock). Errors: Storage
/// (the accounts folder exists but cannot be read).
Result<std::vector<LocalAccount>> listAccounts(const std::filesystem::path& root);

/// A new, empty account directory <root>/accounts/<random 16 hex digits> (mode 0700), for a
/// sign-in on this computer. Errors: Storage (read-only or full disk, permission denied).
Result<LocalAccount> createAccount(const std::filesystem::path& root);

/// The account in `accounts` bound to `homeserver` (a base URL, compared without a trailing
/// slash; empty: any homeserver) and `user`: a full user id ("@name:server") or a bare
/// localpart ("name", compared case-insensitively with the localpart of the bound id).
/// Nullopt if none.
std::optional<LocalAccount> findAccount(const std::vector<LocalAccount>& accounts,
                                        std::string_view homeserver, std::string_view user);

/// Rewrites <account_dir>/account.json (atomically, mode 0600) with `binding` and the time
/// `last_used_ms`. Errors: Storage.
Result<void> writeAccountIndex(const std::filesystem::path& account_dir, const AccountBinding& binding,
                               std::int64_t last_used_ms);

/// Takes over the layout of Renkei before accounts had directories of their own: the files of
/// one account (keys.json, vault.db, cache.db and their -wal/-shm) directly in `root`. They
/// are moved (renamed, nothing copied or re-encrypted) into a new <root>/accounts/<id>/,
/// through a staging folder, so an interrupted takeover is completed at the next call.
/// Returns the new account directory, or nullopt when `root` holds no such files.
/// Errors: Storage (a rename failed; files already moved stay together in the staging
/// folder and nothing is deleted).
Result<std::optional<std::filesystem::path>> takeOverLegacyLayout(const std::filesystem::path& root);

/// Removes this computer's copy of an account (the caller closed its databases): the key file
/// is overwritten with random bytes and flushed first, so the encrypted databases can never be
/// opened again even if deleting them is interrupted; then the whole directory goes.
/// Errors: Storage (the key file could not be overwritten or the directory not removed).
Result<void> removeAccount(const std::filesystem::path& account_dir);

}  // namespace renkei::store
