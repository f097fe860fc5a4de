// Renkei core: the vault database (<data dir>/vault.db): what cannot be rebuilt from the
// server — the session's tokens, the device id, settings, drafts and the outbox
// (store/outbox.h), pending rooms, the export log (store/export_log.h), the access log (store/access_log.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/database.h"
#include "store/keys.h"

namespace renkei::store {

/// A signed-in session as persisted in the vault.
struct StoredSession {
    std::string homeserver;  ///< base URL, e.g. "https://matrix.example.org"
    std::string user_id;     ///< "@name:server"
    std::string device_id;
    std::string access_token;
    std::optional<std::string> refresh_token;
    std::optional<std::int64_t> access_token_expires_at_ms;  ///< ms since the Unix epoch
};

/// The account's vault. Not thread-safe (one connection); move-only.
class Vault {
public:
    /// Opens or creates `<dir>/vault.db` (creating `dir` 0700 if needed) keyed with `key`, and
    /// migrates its schema. Errors: Storage (see Database::open: wrong key → "SQLITE_NOTADB").
    static Result<Vault> open(const std::filesystem::path& dir, const RawKey& key);

    /// The stored session, or nullopt when logged out. Errors: Storage.
    Result<std::optional<StoredSession>> loadSession() const;
    /// Stores (replaces) the session and records its device id as the persisted one.
    /// Errors: Storage (e.g. disk full), InvalidArgument (empty user id or access token).
    Result<void> saveSession(const StoredSession& session);
    /// Removes the tokens (securely deleted) but keeps the device id. Errors: Storage.
    Result<void> clearSession();

    /// The persisted device id (survives clearSession), or nullopt if never set. Errors: Storage.
    Result<std::optional<std::string>> deviceId() const;
    /// Persists the device id to reuse at the next login. Errors: Storage.
    Result<void> setDeviceId(std::string_view device_id);

    /// A setting by key, or nullopt. Values are opaque text (JSON if structured). Errors: Storage.
    Result<std::optional<std::string>> setting(std::string_view key) const;
    /// Sets (replaces) a setting. Errors: Storage.
    Result<void> setSetting(std::string_view key, std::string_view value);
    /// Removes a setting; no error if absent. Errors: Storage.
    Result<void> removeSetting(std::string_view key);

    /// Checkpoints the WAL (call before closing or copying). Errors: Storage.
    Result<void> checkpoint();
    /// The underlying connection, for tests and later vault stores (drafts, outbox).
    Database& database() const noexcept { return db_; }

private:
    explicit Vault(Database db) noexcept : db_(std::move(db)) {}
    mutable Database db_;
};

/// The vault's schema steps (exposed for tests).
const std::vector<Migration>& vaultMigrations();

}  // namespace renkei::store
