// Renkei core: the two random 256-bit keys of an account (vault and cache databases) and the
// providers that unwrap them: a passphrase through Argon2id now, the OS keychain later.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>

#include "common/result.h"

namespace renkei::store {

/// A raw SQLCipher key: 32 random bytes, never derived from a password directly.
using RawKey = std::array<unsigned char, 32>;

/// The keys of one account. Callers wipe their copies when done (see wipe()).
struct AccountKeys {
    RawKey vault;  ///< keys <data dir>/vault.db (session, device id; cannot be rebuilt)
    RawKey cache;  ///< keys <data dir>/cache.db (what /sync can rebuild)
};

/// Overwrites both keys with zeros (sodium_memzero, not optimised away).
void wipe(AccountKeys& keys) noexcept;

/// The seam through which an account's keys are obtained (passphrase now, OS keychain later).
class KeyProvider {
public:
    virtual ~KeyProvider();
    /// Returns the account's keys, creating and persisting fresh random ones on first use.
    /// Errors: WrongPassphrase (the keys exist but cannot be unwrapped), Storage (unreadable,
    /// corrupt or unwritable key store).
    virtual Result<AccountKeys> loadOrCreate() = 0;
};

/// Argon2id work factors (libsodium crypto_pwhash). Stored in the key file, so a file keeps
/// opening with the factors it was written with.
struct KdfLimits {
    unsigned long long opslimit;  ///< passes over memory
    std::size_t memlimit;         ///< bytes of memory
    /// OPSLIMIT_MODERATE / MEMLIMIT_MODERATE: ~1 s and 256 MiB on a laptop. The default.
    static KdfLimits moderate() noexcept;
    /// The smallest factors libsodium accepts: only for tests, never for real key files.
    static KdfLimits minimumForTests() noexcept;
};

/// Keys wrapped by a passphrase in a small versioned JSON key file (mode 0600):
/// Argon2id (random 16-byte salt) derives a 256-bit key that seals both account keys with
/// XChaCha20-Poly1305 (random 24-byte nonce; format, version and work factors are bound in
/// as associated data). The file is written atomically (temp file in the same directory,
/// fsync, rename). The passphrase is wiped from memory when the provider is destroyed.
class PassphraseKeyProvider final : public KeyProvider {
public:
    PassphraseKeyProvider(std::filesystem::path key_file, std::string passphrase,
                          KdfLimits limits = KdfLimits::moderate());
    ~PassphraseKeyProvider() override;
    PassphraseKeyProvider(const PassphraseKeyProvider&) = delete;
    PassphraseKeyProvider& operator=(const PassphraseKeyProvider&) = delete;

    /// Reads and unwraps the key file, or creates it (and its directory, 0700) if absent.
    /// Errors: WrongPassphrase (decryption failed; the file is left untouched; a tampered
    /// file looks the same), Storage (unreadable, corrupt or unsupported file, disk full,
    /// read-only directory; the message names the cause, never key material).
    Result<AccountKeys> loadOrCreate() override;

    const std::filesystem::path& keyFile() const noexcept { return key_file_; }

private:
    std::filesystem::path key_file_;
    std::string passphrase_;
    KdfLimits limits_;
};

/// Re-wraps the account keys of `key_file` under `replacement`: unwraps them with `current`,
/// then seals the same keys (new salt and nonce, the work factors the file has) and replaces
/// the file atomically. The databases are not touched: their keys stay the same. Runs
/// Argon2id twice (~1 s and 256 MiB each with KdfLimits::moderate()): call it off the GUI thread.
/// Errors: WrongPassphrase (`current` does not unlock the file; it is left untouched),
/// InvalidArgument (`replacement` shorter than kMinPassphraseChars), Storage (unreadable or corrupt file, disk full,
/// read-only directory: the old file stays and `current` still unlocks it).
Result<void> changePassphrase(const std::filesystem::path& key_file, const std::string& current,
                              const std::string& replacement);
/// The fewest characters (Unicode code points of the UTF-8 text) a new passphrase has.
inline constexpr std::size_t kMinPassphraseChars = 8;

/// Hands out keys it was given: for tests, and for callers that unwrapped them elsewhere.
class RawKeyProvider final : public KeyProvider {
public:
    explicit RawKeyProvider(const AccountKeys& keys) noexcept : keys_(keys) {}
    ~RawKeyProvider() override;
    RawKeyProvider(const RawKeyProvider&) = delete;
    RawKeyProvider& operator=(const RawKeyProvider&) = delete;

    /// Returns a copy of the keys. Never fails.
    Result<AccountKeys> loadOrCreate() override { return keys_; }

private:
    AccountKeys keys_;
};

}  // namespace renkei::store
