// An account's local data as Session::open leaves and finds it, in a real account directory
// with real SQLCipher files: the vault and the cache each open with their own key only, and
// a damaged or unreadable vault, a read-only data directory and a key file that cannot be
// written each give a clear Storage error (naming the cause, never key material) and delete
// nothing.
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <cctype>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dir_snapshot.h"
#include "session/session.h"
#include "store/accounts.h"
#include "store/cache.h"
#include "store/database.h"
#include "store/keys.h"
#include "store/outbox.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using renkei::store::test::readFile;
using renkei::test::snapshot;
using renkei::store::test::TempDir;
using renkei::store::test::writeFile;
namespace fs = std::filesystem;

namespace {

constexpr char kPassphrase[] = "訪問看護-合言葉-4417";
constexpr char kDraftRoom[] = "!patient-kobayashi:example.org";
constexpr char kDraft[] = "仙骨部の発赤、次回訪問で再確認（下書き）";
constexpr char kQueued[] = "夕方の血圧 132/80、ご家族へ連絡済み";

std::unique_ptr<PassphraseKeyProvider> keysOf(const fs::path& dir) {
    return std::make_unique<PassphraseKeyProvider>(keyFileOf(dir), kPassphrase,
                                                   KdfLimits::minimumForTests());
}

Result<std::unique_ptr<session::Session>> openSession(const fs::path& dir) {
    session::SessionConfig config;
    config.data_dir = dir;
    return session::Session::open(std::move(config), *keysOf(dir));
}

// An account directory as the app leaves it: key file, a vault holding a draft and a queued
// post, a cache, account.json; the Session is closed again (WAL checkpointed and removed).
fs::path writeAccount(const TempDir& root) {
    auto account = createAccount(root.path());
    REQUIRE(account.ok());
    auto opened = openSession(account->dir);
    REQUIRE(opened.ok());
    REQUIRE((*opened)->saveDraft(kDraftRoom, kDraft).ok());
    REQUIRE((*opened)->queueText(kDraftRoom, kQueued).ok());
    REQUIRE((*opened)->saveDraft(kDraftRoom, kDraft).ok());  // queueing took the draft
    return account->dir;
}

// The draft and the queued post are (still) there.
void checkContents(session::Session& s) {
    auto draft = s.draft(kDraftRoom);
    REQUIRE(draft.ok());
    CHECK(draft->value_or("") == kDraft);
    auto outbox = s.outbox();
    REQUIRE(outbox.ok());
    REQUIRE(outbox->size() == 1);
    CHECK(outbox->front().content.value("body", "") == kQueued);
}

std::string hex(const RawKey& key) {
    std::string out(key.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), key.data(), key.size());
    out.pop_back();
    return out;
}

// A Storage error whose message names `file` and the cause (one of `causes`: the words
// differ by platform and privileges), and holds no key or passphrase.
void checkClearError(const Error& error, const std::string& file,
                     const std::vector<std::string>& causes, const AccountKeys* keys) {
    INFO("error: " << error.describe());
    CHECK(error.kind == ErrorKind::Storage);
    CHECK(error.message.find(file) != std::string::npos);
    CHECK(std::any_of(causes.begin(), causes.end(), [&](const std::string& cause) {
        return error.message.find(cause) != std::string::npos;
    }));
    CHECK(error.message.find(kPassphrase) == std::string::npos);
    if (keys != nullptr) {
        for (const RawKey* key : {&keys->vault, &keys->cache}) {
            std::string upper = hex(*key);
            for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            CHECK(error.message.find(hex(*key)) == std::string::npos);
            CHECK(error.message.find(upper) == std::string::npos);
        }
    }
}

// True when file permissions stop this process (false for root, which reads and writes
// through them).
bool permissionsBind(const fs::path& scratch) {
    const fs::path probe = scratch / ".permission-probe";
    writeFile(probe, "x");
    fs::permissions(probe, fs::perms::none);
    const int fd = ::open(probe.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) ::close(fd);
    fs::permissions(probe, fs::perms::owner_read | fs::perms::owner_write);
    fs::remove(probe);
    return fd < 0;
}

// Sets or clears the immutable attribute (chattr +i) of `path`: nothing in a directory so
// marked can be created, renamed or removed, by root neither. False where the file system
// or the process's capabilities do not allow it.
bool setImmutable(const fs::path& path, bool on) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok) {
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return ok;
}

// A directory that this process cannot write to while the guard lives: mode 0500 where
// permissions bind, else (root) the immutable attribute. `how` is empty when neither works.
class ReadOnlyDir {
public:
    explicit ReadOnlyDir(fs::path dir) : dir_(std::move(dir)) {
        if (permissionsBind(dir_.parent_path())) {
            fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec,
                            fs::perm_options::replace);
            how = "mode 0500";
        } else if (setImmutable(dir_, true)) {
            how = "the immutable attribute";
        }
    }
    ~ReadOnlyDir() {
        if (how == "the immutable attribute") setImmutable(dir_, false);
        std::error_code ec;
        fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace, ec);
    }
    ReadOnlyDir(const ReadOnlyDir&) = delete;
    ReadOnlyDir& operator=(const ReadOnlyDir&) = delete;
    std::string how;

private:
    fs::path dir_;
};

// While it lives, no file of this process can grow past `bytes` (RLIMIT_FSIZE: a write
// beyond fails with EFBIG, for root too, as on a full disk); SIGXFSZ is ignored meanwhile.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &before_) == 0);
        previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lowered = before_;
        lowered.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &lowered) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &before_);
        std::signal(SIGXFSZ, previous_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit before_{};
    void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("after a session closes, the vault opens with the vault key only and the cache with "
          "the cache key only") {
    TempDir root;
    const fs::path dir = writeAccount(root);
    auto keys = keysOf(dir)->loadOrCreate();
    REQUIRE(keys.ok());
    REQUIRE(keys->vault != keys->cache);

    {
        auto vault = Vault::open(dir, keys->vault);
        REQUIRE(vault.ok());
        auto draft = Drafts(vault->database()).load(kDraftRoom);
        REQUIRE(draft.ok());
        CHECK(draft->value_or("") == kDraft);
        auto cache = Cache::open(dir, keys->cache);
        REQUIRE(cache.ok());
    }
    auto vault_under_cache_key = Database::open(dir / "vault.db", keys->cache);
    REQUIRE_FALSE(vault_under_cache_key.ok());
    CHECK(vault_under_cache_key.error().errcode == "SQLITE_NOTADB");
    auto cache_under_vault_key = Database::open(dir / "cache.db", keys->vault);
    REQUIRE_FALSE(cache_under_vault_key.ok());
    CHECK(cache_under_vault_key.error().errcode == "SQLITE_NOTADB");
    wipe(*keys);
}

TEST_CASE("a damaged vault is refused with a clear error, and nothing is deleted") {
    TempDir root;
    const fs::path dir = writeAccount(root);
    const fs::path vault_file = dir / "vault.db";
    const std::string intact = readFile(vault_file);
    REQUIRE(intact.size() >= 3 * 4096);
    SECTION("its first pages overwritten") {
        std::fstream f(vault_file, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(8192, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    SECTION("cut short after its first page") { fs::resize_file(vault_file, 4096 + 100); }
    const auto before = snapshot(dir);
    auto keys = keysOf(dir)->loadOrCreate();
    REQUIRE(keys.ok());

    auto opened = openSession(dir);
    REQUIRE_FALSE(opened.ok());
    checkClearError(opened.error(), "vault.db", {"corrupt"}, &*keys);
    CHECK((opened.error().errcode == "SQLITE_NOTADB" || opened.error().errcode == "SQLITE_CORRUPT"));
    CHECK(snapshot(dir) == before);  // nothing erased, rewritten or replaced

    // Put back from a backup, the vault opens with everything in it: keys and cache kept.
    writeFile(vault_file, intact);
    auto restored = openSession(dir);
    REQUIRE(restored.ok());
    checkContents(**restored);
    wipe(*keys);
}

TEST_CASE("an unreadable vault is refused with a clear error, and nothing is deleted") {
    TempDir root;
    const fs::path dir = writeAccount(root);
    const fs::path vault_file = dir / "vault.db";
    const bool by_mode = permissionsBind(root.path());
    if (by_mode) {
        fs::permissions(vault_file, fs::perms::none, fs::perm_options::replace);
    } else {
        // Root reads through any mode: a directory in the vault's place cannot be read either.
        fs::rename(vault_file, dir / "vault.db.moved-aside");
        fs::create_directory(vault_file);
    }
    INFO("unreadable through " << (by_mode ? "mode 0000" : "a directory named vault.db"));
    const auto before = snapshot(dir);

    auto opened = openSession(dir);
    REQUIRE_FALSE(opened.ok());
    checkClearError(opened.error(), "vault.db", {"permission denied"}, nullptr);
    CHECK(opened.error().errcode == "SQLITE_CANTOPEN");
    CHECK(snapshot(dir) == before);

    if (by_mode) {
        fs::permissions(vault_file, fs::perms::owner_read | fs::perms::owner_write);
    } else {
        fs::remove(vault_file);
        fs::rename(dir / "vault.db.moved-aside", vault_file);
    }
    auto readable = openSession(dir);
    REQUIRE(readable.ok());
    checkContents(**readable);
}

TEST_CASE("a read-only account directory is refused with a clear error, and nothing is deleted") {
    TempDir root;
    const fs::path dir = writeAccount(root);
    {
        const auto before = snapshot(dir);
        ReadOnlyDir read_only(dir);
        if (read_only.how.empty()) {
            SKIP("this process can write to any directory here (root without the immutable "
                 "attribute on this file system): no read-only directory can be made");
        }
        INFO("read-only through " << read_only.how);
        auto opened = openSession(dir);
        REQUIRE_FALSE(opened.ok());
        checkClearError(opened.error(), "vault.db", {"read-only", "permission denied"}, nullptr);
        CHECK(snapshot(dir) == before);
    }
    auto writable = openSession(dir);  // writable again: everything is still there
    REQUIRE(writable.ok());
    checkContents(**writable);
}

TEST_CASE("a data directory that cannot be created gives a clear error and touches nothing") {
    TempDir root;
    // A regular file where a folder of the data directory's path should be: no process,
    // root neither, can create the directory.
    const fs::path blocker = root / "not-a-folder";
    writeFile(blocker, "a file the user keeps");
    auto opened = openSession(blocker / "accounts" / "0123456789abcdef");
    REQUIRE_FALSE(opened.ok());
    checkClearError(opened.error(), "data directory", {"Not a directory"}, nullptr);
    CHECK(readFile(blocker) == "a file the user keeps");
}

TEST_CASE("a key file that cannot be written gives a clear error and leaves no partial file") {
    TempDir root;
    auto account = createAccount(root.path());
    REQUIRE(account.ok());
    {
        // The key file (about 330 bytes) cannot be written in full, as on a full disk.
        FileSizeLimit limit(64);
        auto opened = openSession(account->dir);
        REQUIRE_FALSE(opened.ok());
        checkClearError(opened.error(), "key file", {"File too large"}, nullptr);
    }
    CHECK(fs::is_directory(account->dir));
    CHECK(snapshot(account->dir).empty());  // no key file, no temporary file, no database

    auto opened = openSession(account->dir);  // with room on the disk again, all starts over
    REQUIRE(opened.ok());
    CHECK(fs::exists(keyFileOf(account->dir)));
}

TEST_CASE("the data directory is private to its owner: created 0700, an existing one loses "
          "group and other access") {
    TempDir root;
    const fs::path fresh = root / "made-by-open";
    REQUIRE(openSession(fresh).ok());
    CHECK((fs::status(fresh).permissions() & fs::perms::all) == fs::perms::owner_all);

    const fs::path existing = root / "made-before";
    fs::create_directory(existing);
    fs::permissions(existing, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    REQUIRE(openSession(existing).ok());
    CHECK((fs::status(existing).permissions() & fs::perms::all) == fs::perms::owner_all);
}
