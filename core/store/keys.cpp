#include "store/keys.h"

#include <sys/stat.h>

#include <cstring>
#include <system_error>
#include <utility>

#include "store/key_file.h"
#include "store/secure_memory.h"
#include "store/store_dir.h"

namespace renkei::store {
namespace {

namespace fs = std::filesystem;
using detail::KeyFileContents;
using detail::SecretArray;

constexpr std::size_t kMaxKeyFileBytes = std::size_t{64} * 1024;
constexpr std::size_t kWrapKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;

Result<void> ensureSodium() {
    if (sodium_init() < 0) return fail(ErrorKind::Storage, "libsodium could not be initialised");
    return {};
}

// Argon2id(passphrase, salt) -> the key that wraps the account keys.
Result<void> deriveWrapKey(const std::string& passphrase, const unsigned char* salt,
                           unsigned long long opslimit, std::size_t memlimit,
                           SecretArray<unsigned char, kWrapKeyBytes>& out) {
    if (crypto_pwhash(out.data(), out.size(), passphrase.data(), passphrase.size(), salt, opslimit,
                      memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return fail(ErrorKind::Storage, "not enough memory to derive the key from the passphrase");
    }
    return {};
}

Result<AccountKeys> unlock(const fs::path& file, const std::string& passphrase) {
    auto text = detail::readSmallFile(file, kMaxKeyFileBytes);
    if (!text) return text.failure();
    auto parsed = detail::parseKeyFile(*text);
    if (!parsed) return parsed.failure();
    const KeyFileContents& c = *parsed;

    SecretArray<unsigned char, kWrapKeyBytes> wrap_key;
    if (auto r = deriveWrapKey(passphrase, c.salt.data(), c.opslimit, c.memlimit, wrap_key); !r) {
        return r.failure();
    }
    const std::string ad = detail::keyFileAssociatedData(c.opslimit, c.memlimit);
    SecretArray<unsigned char, detail::kSealedKeysBytes> plain;
    unsigned long long plain_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &plain_len, nullptr, c.ciphertext.data(), c.ciphertext.size(),
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), c.nonce.data(),
            wrap_key.data()) != 0 ||
        plain_len != detail::kSealedKeysBytes) {
        return fail(ErrorKind::WrongPassphrase, "the passphrase does not unlock the key file");
    }
    AccountKeys keys{};
    std::memcpy(keys.vault.data(), plain.data(), keys.vault.size());
    std::memcpy(keys.cache.data(), plain.data() + keys.vault.size(), keys.cache.size());
    return keys;
}

// Seals `plain` (vault key ‖ cache key) under `passphrase` with a fresh salt and nonce and
// writes the key file atomically.
Result<void> seal(const fs::path& file, const std::string& passphrase, KdfLimits limits,
                  const SecretArray<unsigned char, detail::kSealedKeysBytes>& plain) {
    KeyFileContents c;
    c.opslimit = limits.opslimit;
    c.memlimit = limits.memlimit;
    randombytes_buf(c.salt.data(), c.salt.size());
    randombytes_buf(c.nonce.data(), c.nonce.size());
    SecretArray<unsigned char, kWrapKeyBytes> wrap_key;
    if (auto r = deriveWrapKey(passphrase, c.salt.data(), c.opslimit, c.memlimit, wrap_key); !r) {
        return r.failure();
    }
    const std::string ad = detail::keyFileAssociatedData(c.opslimit, c.memlimit);
    c.ciphertext.resize(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long sealed_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(c.ciphertext.data(), &sealed_len, plain.data(),
                                               plain.size(),
                                               reinterpret_cast<const unsigned char*>(ad.data()),
                                               ad.size(), nullptr, c.nonce.data(), wrap_key.data());
    c.ciphertext.resize(static_cast<std::size_t>(sealed_len));
    return detail::writeFileAtomically(file, detail::serializeKeyFile(c));
}

Result<AccountKeys> create(const fs::path& file, const std::string& passphrase, KdfLimits limits) {
    if (const fs::path dir = file.parent_path(); !dir.empty()) {
        if (auto r = detail::ensurePrivateDir(dir); !r) return r.failure();
    }
    SecretArray<unsigned char, detail::kSealedKeysBytes> plain;
    randombytes_buf(plain.data(), plain.size());
    if (auto r = seal(file, passphrase, limits, plain); !r) return r.failure();
    AccountKeys keys{};
    std::memcpy(keys.vault.data(), plain.data(), keys.vault.size());
    std::memcpy(keys.cache.data(), plain.data() + keys.vault.size(), keys.cache.size());
    return keys;
}

}  // namespace

void wipe(AccountKeys& keys) noexcept {
    sodium_memzero(keys.vault.data(), keys.vault.size());
    sodium_memzero(keys.cache.data(), keys.cache.size());
}

KeyProvider::~KeyProvider() = default;

KdfLimits KdfLimits::moderate() noexcept {
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

KdfLimits KdfLimits::minimumForTests() noexcept {
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PassphraseKeyProvider::PassphraseKeyProvider(fs::path key_file, std::string passphrase,
                                             KdfLimits limits)
    : key_file_(std::move(key_file)), passphrase_(std::move(passphrase)), limits_(limits) {}

PassphraseKeyProvider::~PassphraseKeyProvider() {
    sodium_memzero(passphrase_.data(), passphrase_.size());
}

Result<AccountKeys> PassphraseKeyProvider::loadOrCreate() {
    if (auto r = ensureSodium(); !r) return r.failure();
    std::error_code ec;
    const auto status = fs::status(key_file_, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
        return fail(ErrorKind::Storage, "cannot inspect the key file: " + ec.message());
    }
    if (fs::exists(status)) {
        if (!fs::is_regular_file(status))
            return fail(ErrorKind::Storage, "the key file is not a regular file");
        return unlock(key_file_, passphrase_);
    }
    return create(key_file_, passphrase_, limits_);
}

Result<void> changePassphrase(const fs::path& key_file, const std::string& current,
                              const std::string& replacement) {
    std::size_t chars = 0;
    for (const char c : replacement) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (chars < kMinPassphraseChars) {
        return fail(ErrorKind::InvalidArgument, "the new passphrase is shorter than 8 characters");
    }
    if (auto r = ensureSodium(); !r) return r.failure();
    auto keys = unlock(key_file, current);
    if (!keys) return keys.failure();
    // The file's own work factors (unlock has just read and checked it).
    auto text = detail::readSmallFile(key_file, kMaxKeyFileBytes);
    if (!text) return text.failure();
    auto parsed = detail::parseKeyFile(*text);
    if (!parsed) return parsed.failure();
    const KdfLimits limits{parsed->opslimit, parsed->memlimit};
    SecretArray<unsigned char, detail::kSealedKeysBytes> plain;
    std::memcpy(plain.data(), keys->vault.data(), keys->vault.size());
    std::memcpy(plain.data() + keys->vault.size(), keys->cache.data(), keys->cache.size());
    wipe(*keys);
    return seal(key_file, replacement, limits, plain);
}

RawKeyProvider::~RawKeyProvider() { wipe(keys_); }

}  // namespace renkei::store
