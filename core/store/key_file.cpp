#include "store/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <system_error>

namespace renkei::store::detail {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "renkei-keys";
constexpr int kVersion = 1;
constexpr const char* kKdf = "argon2id13";
constexpr const char* kAead = "xchacha20poly1305-ietf";
constexpr int kB64Variant = sodium_base64_VARIANT_ORIGINAL;

// Upper bounds so that a tampered file cannot make us allocate or spin without end.
constexpr unsigned long long kMaxOpslimit = 64;
constexpr std::size_t kMaxMemlimit = std::size_t{4} << 30;  // 4 GiB

Failure corrupt(const std::string& why) {
    return fail(ErrorKind::Storage, "corrupt key file: " + why);
}

std::string toBase64(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, kB64Variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, kB64Variant);
    out.resize(std::strlen(out.c_str()));
    return out;
}

// Decodes the base64 string member `key` into exactly `size` bytes at `out`.
Result<void> fromBase64(const json& doc, const char* key, unsigned char* out, std::size_t size) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return corrupt(std::string("missing ") + key);
    const auto& text = it->get_ref<const std::string&>();
    std::size_t decoded = 0;
    if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &decoded, nullptr,
                          kB64Variant) != 0 ||
        decoded != size) {
        return corrupt(std::string("bad ") + key);
    }
    return {};
}

bool stringIs(const json& doc, const char* key, const char* expected) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() && it->get_ref<const std::string&>() == expected;
}

std::optional<unsigned long long> unsignedMember(const json& doc, const char* key) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<unsigned long long>();
}

Failure ioFailure(const std::string& what, int err) {
    std::string reason;
    switch (err) {
        case ENOSPC:
        case EDQUOT:
            reason = "the disk is full";
            break;
        case EROFS:
            reason = "the file system is read-only";
            break;
        case EACCES:
        case EPERM:
            reason = "permission denied";
            break;
        default:
            reason = std::error_code(err, std::generic_category()).message();
            break;
    }
    return fail(ErrorKind::Storage, what + ": " + reason);
}

Result<void> writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return ioFailure("cannot write the key file", errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

}  // namespace

std::string keyFileAssociatedData(unsigned long long opslimit, std::size_t memlimit) {
    return std::string(kFormat) + "/" + std::to_string(kVersion) + "/" + kKdf + "/" +
           std::to_string(opslimit) + "/" + std::to_string(memlimit) + "/" + kAead;
}

std::string serializeKeyFile(const KeyFileContents& c) {
    json doc = {
        {"format", kFormat},
        {"version", kVersion},
        {"kdf", kKdf},
        {"opslimit", c.opslimit},
        {"memlimit", c.memlimit},
        {"salt", toBase64(c.salt.data(), c.salt.size())},
        {"aead", kAead},
        {"nonce", toBase64(c.nonce.data(), c.nonce.size())},
        {"ciphertext", toBase64(c.ciphertext.data(), c.ciphertext.size())},
    };
    return doc.dump(2) + "\n";
}

Result<KeyFileContents> parseKeyFile(std::string_view text) {
    const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return corrupt("not a JSON object");
    if (!stringIs(doc, "format", kFormat)) return corrupt("not a Renkei key file");
    const auto version = unsignedMember(doc, "version");
    if (!version) return corrupt("missing version");
    if (*version != kVersion) {
        return fail(ErrorKind::Storage,
                    "unsupported key file: version " + std::to_string(*version));
    }
    if (!stringIs(doc, "kdf", kKdf) || !stringIs(doc, "aead", kAead)) {
        return fail(ErrorKind::Storage, "unsupported key file: unknown algorithm");
    }
    KeyFileContents c;
    const auto ops = unsignedMember(doc, "opslimit");
    const auto mem = unsignedMember(doc, "memlimit");
    if (!ops || !mem) return corrupt("missing work factors");
    if (*ops < crypto_pwhash_argon2id_OPSLIMIT_MIN || *ops > kMaxOpslimit ||
        *mem < crypto_pwhash_argon2id_MEMLIMIT_MIN || *mem > kMaxMemlimit) {
        return corrupt("work factors out of range");
    }
    c.opslimit = *ops;
    c.memlimit = static_cast<std::size_t>(*mem);
    if (auto r = fromBase64(doc, "salt", c.salt.data(), c.salt.size()); !r) return r.failure();
    if (auto r = fromBase64(doc, "nonce", c.nonce.data(), c.nonce.size()); !r) return r.failure();
    c.ciphertext.resize(kSealedKeysBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    if (auto r = fromBase64(doc, "ciphertext", c.ciphertext.data(), c.ciphertext.size()); !r) {
        return r.failure();
    }
    return c;
}

Result<std::string> readSmallFile(const std::filesystem::path& file, std::size_t max_bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return ioFailure("cannot open the key file", errno);
    std::string out;
    out.resize(max_bytes + 1);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    if (in.bad()) return fail(ErrorKind::Storage, "cannot read the key file");
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got > max_bytes) return corrupt("too large");
    out.resize(got);
    return out;
}

Result<void> writeFileAtomically(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::path dir = file.parent_path();
    if (dir.empty()) dir = ".";
    std::string pattern = (dir / (file.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());  // creates the file with mode 0600
    if (fd < 0) return ioFailure("cannot create a temporary key file", errno);
    auto abandon = [&](Failure f) {
        ::close(fd);
        ::unlink(pattern.c_str());
        return f;
    };
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return abandon(ioFailure("cannot restrict the key file", errno));
    if (auto r = writeAll(fd, bytes); !r) return abandon(r.failure());
    if (::fsync(fd) != 0) return abandon(ioFailure("cannot flush the key file", errno));
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(pattern.c_str());
        return ioFailure("cannot close the key file", err);
    }
    if (::rename(pattern.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(pattern.c_str());
        return ioFailure("cannot move the key file into place", err);
    }
    // The rename is only durable once the directory entry is on disk.
    const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return {};
}

}  // namespace renkei::store::detail
