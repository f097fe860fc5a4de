// Test support shared by unit and integration tests: what a directory holds, to check that a
// failure deleted, rewrote or replaced nothing in an account's local data.
#pragma once

#include <sodium.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

namespace renkei::test {

/// Every entry under `dir` by relative path: a regular file as its size and a hash of its
/// bytes (short enough to print when a check fails), a directory as "<dir>".
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        const std::string name = std::filesystem::relative(entry.path(), dir).string();
        if (!entry.is_regular_file()) {
            out[name] = "<dir>";
            continue;
        }
        crypto_generichash_state state;
        crypto_generichash_init(&state, nullptr, 0, 16);
        std::size_t size = 0;
        if (std::FILE* f = std::fopen(entry.path().c_str(), "rb")) {
            unsigned char buffer[65536];
            for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0; size += n) {
                crypto_generichash_update(&state, buffer, n);
            }
            std::fclose(f);
        }
        unsigned char digest[16];
        crypto_generichash_final(&state, digest, sizeof digest);
        char digest_hex[2 * sizeof digest + 1];
        sodium_bin2hex(digest_hex, sizeof digest_hex, digest, sizeof digest);
        out[name] = std::to_string(size) + " bytes, " + digest_hex;
    }
    return out;
}

}  // namespace renkei::test
