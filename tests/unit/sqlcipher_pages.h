// Test support for the store unit tests: the decrypted bytes of every page of a SQLCipher 4
// database or of its WAL file, read with the raw key. This is what someone holding the key
// would find in the files, freed space included, which no SQL query shows: the way to see
// whether deleted data (a token after clearSession) was really overwritten.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "store/keys.h"
#include "store_test_util.h"

namespace renkei::store::test {

// SQLCipher 4 defaults: pages of 4096 bytes whose last 80 are reserved (a 16-byte IV, then a
// 64-byte HMAC-SHA512); page 1 starts with the file's 16-byte salt, stored unencrypted. With
// a raw key (x'…', as store::Database keys), the key is the AES-256 key as it is.
inline constexpr std::size_t kCipherPageBytes = 4096;
inline constexpr std::size_t kCipherReserveBytes = 80;
inline constexpr std::size_t kCipherSaltBytes = 16;
// The WAL: a 32-byte file header, then frames of a 24-byte header (page number first, big
// endian) and one page.
inline constexpr std::size_t kWalHeaderBytes = 32;
inline constexpr std::size_t kWalFrameHeaderBytes = 24;

/// One page decrypted (AES-256-CBC with the IV from its reserved bytes), without the salt of
/// page 1 and without the reserved bytes. Empty if OpenSSL refuses.
inline std::string decryptPage(std::string_view page, bool first_page, const RawKey& key) {
    const std::size_t begin = first_page ? kCipherSaltBytes : 0;
    const std::size_t end = kCipherPageBytes - kCipherReserveBytes;
    const auto* in = reinterpret_cast<const unsigned char*>(page.data());
    std::string out(end - begin, '\0');
    auto* plain = reinterpret_cast<unsigned char*>(out.data());
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    int written = 0;
    int tail = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key.data(), in + end) == 1 &&
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1 &&
        EVP_DecryptUpdate(ctx.get(), plain, &written, in + begin, static_cast<int>(end - begin)) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), plain + written, &tail) == 1;
    return ok ? out : std::string();
}

/// Every page of the database `file` decrypted with `key`, concatenated.
inline std::string decryptedDatabase(const std::filesystem::path& file, const RawKey& key) {
    const std::string bytes = readFile(file);
    std::string out;
    for (std::size_t at = 0; at + kCipherPageBytes <= bytes.size(); at += kCipherPageBytes) {
        out += decryptPage(std::string_view(bytes).substr(at, kCipherPageBytes), at == 0, key);
    }
    return out;
}

/// Every page stored in the WAL file `file` (each frame's page) decrypted, concatenated.
inline std::string decryptedWal(const std::filesystem::path& file, const RawKey& key) {
    const std::string bytes = readFile(file);
    std::string out;
    const std::size_t frame = kWalFrameHeaderBytes + kCipherPageBytes;
    for (std::size_t at = kWalHeaderBytes; at + frame <= bytes.size(); at += frame) {
        const auto* header = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        const std::uint32_t page_number = (std::uint32_t{header[0]} << 24) |
                                          (std::uint32_t{header[1]} << 16) |
                                          (std::uint32_t{header[2]} << 8) | header[3];
        out += decryptPage(std::string_view(bytes).substr(at + kWalFrameHeaderBytes, kCipherPageBytes),
                           page_number == 1, key);
    }
    return out;
}

}  // namespace renkei::store::test
