#include "store/accounts.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include <nlohmann/json.hpp>

#include "store/key_file.h"
#include "store/store_dir.h"

namespace renkei::store {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kAccountsFolder[] = "accounts";
constexpr char kIndexFile[] = "account.json";
constexpr char kIndexFormat[] = "renkei-account";
constexpr int kIndexVersion = 1;
constexpr std::size_t kMaxIndexBytes = 16 * 1024;
constexpr std::string_view kStagingPrefix = ".takeover-";
// The files of one account in the layout before account directories, moved key file last:
// until it has moved, the root still looks like that layout and a new call resumes.
constexpr std::array<const char*, 7> kLegacyFiles = {"vault.db", "vault.db-wal", "vault.db-shm",
                                                     "cache.db", "cache.db-wal", "cache.db-shm",
                                                     "keys.json"};

std::string randomId() {
    std::array<unsigned char, 8> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 17> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), 16);
}

std::string withoutTrailingSlash(std::string_view url) {
    while (!url.empty() && url.back() == '/') url.remove_suffix(1);
    return std::string(url);
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string localpartOf(std::string_view user_id) {
    if (user_id.empty() || user_id.front() != '@') return std::string(user_id);
    const auto colon = user_id.find(':');
    return std::string(user_id.substr(1, colon == std::string_view::npos ? std::string_view::npos : colon - 1));
}

Failure storageError(const std::string& what, const std::error_code& ec) {
    return fail(ErrorKind::Storage, what + ": " + ec.message());
}

// account.json, or an unbound entry when it is missing or unreadable (never an error: the
// vault is the authority and rewrites it at the next unlock).
LocalAccount readAccount(const fs::path& dir) {
    LocalAccount account;
    account.dir = dir;
    account.id = dir.filename().string();
    auto text = detail::readSmallFile(dir / kIndexFile, kMaxIndexBytes);
    if (!text) return account;
    const json doc = json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object() || doc.value("format", std::string()) != kIndexFormat) return account;
    const auto string_at = [&](const char* key) {
        auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    account.binding.homeserver = string_at("homeserver");
    account.binding.user_id = string_at("user_id");
    if (auto it = doc.find("last_used_ms"); it != doc.end() && it->is_number_integer()) {
        account.last_used_ms = it->get<std::int64_t>();
    }
    return account;
}

void syncDirectory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// A staging folder left by an interrupted takeover, or a new one.
Result<fs::path> stagingFolder(const fs::path& accounts) {
    std::error_code ec;
    for (fs::directory_iterator it(accounts, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().starts_with(kStagingPrefix)) return it->path();
    }
    const fs::path staging = accounts / (std::string(kStagingPrefix) + randomId());
    if (auto r = detail::ensurePrivateDir(staging); !r) return r.failure();
    return staging;
}

}  // namespace

fs::path keyFileOf(const fs::path& account_dir) { return account_dir / "keys.json"; }

Result<std::vector<LocalAccount>> listAccounts(const fs::path& root) {
    std::vector<LocalAccount> accounts;
    const fs::path folder = root / kAccountsFolder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return accounts;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.starts_with('.') || !it->is_directory(ec)) continue;
        // Data of an account: its key file, or a vault whose keys are kept elsewhere.
        if (!fs::exists(keyFileOf(it->path()), ec) && !fs::exists(it->path() / "vault.db", ec)) continue;
        accounts.push_back(readAccount(it->path()));
    }
    if (ec) return storageError("cannot list the accounts on this computer", ec);
    std::sort(accounts.begin(), accounts.end(), [](const LocalAccount& a, const LocalAccount& b) {
        return a.last_used_ms != b.last_used_ms ? a.last_used_ms > b.last_used_ms : a.id < b.id;
    });
    return accounts;
}

Result<LocalAccount> createAccount(const fs::path& root) {
    if (sodium_init() < 0) return fail(ErrorKind::Storage, "libsodium could not be initialised");
    if (auto r = detail::ensurePrivateDir(root); !r) return r.failure();
    if (auto r = detail::ensurePrivateDir(root / kAccountsFolder); !r) return r.failure();
    LocalAccount account;
    account.id = randomId();
    account.dir = root / kAccountsFolder / account.id;
    std::error_code ec;
    if (!fs::create_directory(account.dir, ec)) {
        return fail(ErrorKind::Storage, "cannot create the account directory" +
                                            (ec ? ": " + ec.message() : std::string()));
    }
    fs::permissions(account.dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) return storageError("cannot restrict the account directory", ec);
    return account;
}

std::optional<LocalAccount> findAccount(const std::vector<LocalAccount>& accounts,
                                        std::string_view homeserver, std::string_view user) {
    const std::string server = withoutTrailingSlash(homeserver);
    const bool full_id = !user.empty() && user.front() == '@';
    for (const auto& a : accounts) {
        if (!a.binding.bound()) continue;
        if (!server.empty() && withoutTrailingSlash(a.binding.homeserver) != server) continue;
        const bool same = full_id ? a.binding.user_id == user
                                  : lower(localpartOf(a.binding.user_id)) == lower(user);
        if (same) return a;
    }
    return std::nullopt;
}

Result<void> writeAccountIndex(const fs::path& account_dir, const AccountBinding& binding,
                               std::int64_t last_used_ms) {
    const json doc = {{"format", kIndexFormat},
                      {"version", kIndexVersion},
                      {"homeserver", binding.homeserver},
                      {"user_id", binding.user_id},
                      {"last_used_ms", last_used_ms}};
    return detail::writeFileAtomically(account_dir / kIndexFile, doc.dump());
}

Result<std::optional<fs::path>> takeOverLegacyLayout(const fs::path& root) {
    if (sodium_init() < 0) return fail(ErrorKind::Storage, "libsodium could not be initialised");
    std::error_code ec;
    const fs::path accounts = root / kAccountsFolder;
    const bool legacy = fs::exists(root / "keys.json", ec);
    bool interrupted = false;
    if (!legacy && fs::is_directory(accounts, ec)) {
        for (fs::directory_iterator it(accounts, ec), end; !ec && it != end; it.increment(ec)) {
            interrupted = interrupted || it->path().filename().string().starts_with(kStagingPrefix);
        }
    }
    if (!legacy && !interrupted) return std::optional<fs::path>();
    if (auto r = detail::ensurePrivateDir(accounts); !r) return r.failure();
    auto staging = stagingFolder(accounts);
    if (!staging) return staging.failure();
    for (const char* name : kLegacyFiles) {
        const fs::path from = root / name;
        if (!fs::exists(from, ec)) continue;
        fs::rename(from, *staging / name, ec);
        if (ec) return storageError(std::string("cannot move ") + name + " into its account directory", ec);
    }
    syncDirectory(*staging);
    syncDirectory(root);
    const fs::path target = accounts / randomId();
    fs::rename(*staging, target, ec);
    if (ec) return storageError("cannot name the account directory", ec);
    syncDirectory(accounts);
    return std::optional<fs::path>(target);
}

Result<void> removeAccount(const fs::path& account_dir) {
    std::error_code ec;
    const fs::path key_file = keyFileOf(account_dir);
    // Overwrites the wrapped keys in place and flushes them before anything is deleted (best
    // effort on flash storage; the keys were wrapped by the passphrase besides).
    if (const int fd = ::open(key_file.c_str(), O_WRONLY | O_CLOEXEC); fd >= 0) {
        const auto size = fs::file_size(key_file, ec);
        std::string noise(ec ? std::uintmax_t{4096} : std::max<std::uintmax_t>(size, 1), '\0');
        randombytes_buf(noise.data(), noise.size());
        const bool written = ::write(fd, noise.data(), noise.size()) == static_cast<ssize_t>(noise.size());
        const bool flushed = ::fsync(fd) == 0;
        ::close(fd);
        if (!written || !flushed) return fail(ErrorKind::Storage, "cannot overwrite the account's key file");
    }
    fs::remove_all(account_dir, ec);
    if (ec) return storageError("cannot remove this computer's copy of the account", ec);
    syncDirectory(account_dir.parent_path());
    return {};
}

}  // namespace renkei::store
