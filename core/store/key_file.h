// Renkei core, internal to core/store: the passphrase key file's format and its atomic I/O.
// Format version 1, a small JSON object (binary fields in standard base64):
//   {"format":"renkei-keys","version":1,"kdf":"argon2id13","opslimit":3,"memlimit":268435456,
//    "salt":"…16 bytes…","aead":"xchacha20poly1305-ietf","nonce":"…24 bytes…",
//    "ciphertext":"…64 bytes sealed (vault key ‖ cache key) + 16-byte tag…"}
#pragma once

#include <sodium.h>

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace renkei::store::detail {

inline constexpr std::size_t kSealedKeysBytes = 64;  // vault key ‖ cache key

struct KeyFileContents {
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0;
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
    std::vector<unsigned char> ciphertext;  ///< kSealedKeysBytes + ABYTES
};

/// The associated data that binds format, version and work factors to the ciphertext.
std::string keyFileAssociatedData(unsigned long long opslimit, std::size_t memlimit);

/// Serialises `contents` as format version 1.
std::string serializeKeyFile(const KeyFileContents& contents);

/// Parses and validates a key file. Errors: Storage ("corrupt key file: …" or "unsupported
/// key file: …"), never naming or echoing the file's bytes.
Result<KeyFileContents> parseKeyFile(std::string_view text);

/// Reads a whole file of at most `max_bytes`. Errors: Storage (unreadable, too large).
Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t max_bytes);

/// Writes `bytes` to `file` atomically with mode 0600: a temporary file in the same directory,
/// fsync, rename over `file`, fsync of the directory. Errors: Storage (disk full, read-only
/// file system, permission denied, …); on error `file` is untouched and no temp file remains.
Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view bytes);

}  // namespace renkei::store::detail
