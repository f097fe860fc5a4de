// Vault: session tokens, the device id that survives logout, settings, the connection's
// durability and secure-delete settings, and what is left of a token after clearSession.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <vector>

#include "sqlcipher_pages.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

StoredSession sampleSession() {
    StoredSession s;
    s.homeserver = "https://matrix.example.org";
    s.user_id = "@nurse:example.org";
    s.device_id = "DEVICE1";
    s.access_token = "syt_secret_access";
    s.refresh_token = "syr_secret_refresh";
    s.access_token_expires_at_ms = 1'700'000'000'000;
    return s;
}

}  // namespace

TEST_CASE("vault: session round-trips and survives reopening", "[store][vault]") {
    TempDir dir;
    {
        auto vault = Vault::open(dir.path(), keyOf(11));
        REQUIRE(vault.ok());
        CHECK_FALSE(vault->loadSession()->has_value());
        CHECK_FALSE(vault->deviceId()->has_value());
        REQUIRE(vault->saveSession(sampleSession()).ok());
        REQUIRE(vault->checkpoint().ok());
    }
    CHECK(readFile(dir / "vault.db").find("syt_secret_access") == std::string::npos);
    auto vault = Vault::open(dir.path(), keyOf(11));
    REQUIRE(vault.ok());
    auto loaded = vault->loadSession();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    const StoredSession& s = **loaded;
    CHECK(s.homeserver == "https://matrix.example.org");
    CHECK(s.user_id == "@nurse:example.org");
    CHECK(s.device_id == "DEVICE1");
    CHECK(s.access_token == "syt_secret_access");
    CHECK(s.refresh_token == "syr_secret_refresh");
    CHECK(s.access_token_expires_at_ms == 1'700'000'000'000);
    CHECK(**vault->deviceId() == "DEVICE1");

    auto updated = sampleSession();
    updated.access_token = "syt_new";
    updated.refresh_token.reset();
    updated.access_token_expires_at_ms.reset();
    REQUIRE(vault->saveSession(updated).ok());
    auto reloaded = **vault->loadSession();
    CHECK(reloaded.access_token == "syt_new");
    CHECK_FALSE(reloaded.refresh_token.has_value());
    CHECK_FALSE(reloaded.access_token_expires_at_ms.has_value());
}

TEST_CASE("vault: clearSession removes tokens but keeps the device id", "[store][vault]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(12));
    REQUIRE(vault.ok());
    REQUIRE(vault->saveSession(sampleSession()).ok());
    REQUIRE(vault->clearSession().ok());
    CHECK_FALSE(vault->loadSession()->has_value());
    CHECK(**vault->deviceId() == "DEVICE1");
    REQUIRE(vault->setDeviceId("DEVICE2").ok());
    CHECK(**vault->deviceId() == "DEVICE2");
}

TEST_CASE("vault: settings and validation", "[store][vault]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(13));
    REQUIRE(vault.ok());
    CHECK_FALSE(vault->setting("theme")->has_value());
    REQUIRE(vault->setSetting("theme", "dark").ok());
    REQUIRE(vault->setSetting("theme", "light").ok());
    CHECK(**vault->setting("theme") == "light");
    REQUIRE(vault->removeSetting("theme").ok());
    CHECK_FALSE(vault->setting("theme")->has_value());

    StoredSession empty;
    auto r = vault->saveSession(empty);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("vault: the wrong key does not open it", "[store][vault]") {
    TempDir dir;
    REQUIRE(Vault::open(dir.path(), keyOf(14)).ok());
    auto wrong = Vault::open(dir.path(), keyOf(15));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::Storage);
    CHECK(wrong.error().errcode == "SQLITE_NOTADB");
}

TEST_CASE("vault: its own connection commits durably, overwrites what it deletes, keeps "
          "temporaries in memory and runs in WAL mode", "[store][vault]") {
    TempDir dir;
    // Created, then opened again: the settings belong to each connection, not to the file.
    for (const char* when : {"created", "reopened"}) {
        INFO("vault " << when);
        auto vault = Vault::open(dir.path(), keyOf(16));
        REQUIRE(vault.ok());
        Database& db = vault->database();
        CHECK(pragma(db, "PRAGMA synchronous") == "2");     // FULL: a commit survives a power cut
        CHECK(pragma(db, "PRAGMA secure_delete") == "1");   // deleted tokens are overwritten
        CHECK(pragma(db, "PRAGMA temp_store") == "2");      // MEMORY: no temporary files
        CHECK(pragma(db, "PRAGMA journal_mode") == "wal");
        CHECK(pragma(db, "PRAGMA foreign_keys") == "1");    // an outbox post takes its image along
    }
}

namespace {

// Fails the test if any file under `dir` holds one of `secrets` in plaintext.
void checkNoPlaintext(const std::filesystem::path& dir, const std::vector<std::string>& secrets) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string bytes = readFile(entry.path());
        for (const auto& secret : secrets) {
            INFO("file " << entry.path().filename());
            CHECK(bytes.find(secret) == std::string::npos);
        }
    }
}

}  // namespace

TEST_CASE("vault: clearSession leaves no token bytes in the file or its WAL, and no file ever "
          "holds a token in plaintext", "[store][vault]") {
    TempDir dir;
    const RawKey key = keyOf(17);
    StoredSession session = sampleSession();
    session.access_token = "syt_bnVyc2Uuc2F0bw_TokenMarkerAccess_9f3c1e";
    session.refresh_token = "syr_bnVyc2Uuc2F0bw_TokenMarkerRefresh_2b7d40";
    const std::vector<std::string> tokens = {session.access_token, *session.refresh_token};
    const auto vault_file = dir / "vault.db";
    const auto wal_file = dir / "vault.db-wal";
    auto holdsToken = [&](const std::string& decrypted) {
        return decrypted.find(tokens[0]) != std::string::npos ||
               decrypted.find(tokens[1]) != std::string::npos;
    };

    {
        auto vault = Vault::open(dir.path(), key);
        REQUIRE(vault.ok());
        REQUIRE(vault->saveSession(session).ok());
        checkNoPlaintext(dir.path(), tokens);
        // The page reader sees what the files hold: the new session in the WAL, and after a
        // checkpoint in the database itself (else the checks below could not fail).
        CHECK(holdsToken(decryptedWal(wal_file, key)));
        REQUIRE(vault->checkpoint().ok());
        const std::string before = decryptedDatabase(vault_file, key);
        REQUIRE(before.find("CREATE TABLE session") != std::string::npos);
        REQUIRE(holdsToken(before));
        checkNoPlaintext(dir.path(), tokens);

        REQUIRE(vault->clearSession().ok());
        CHECK_FALSE(vault->loadSession()->has_value());
        CHECK(**vault->deviceId() == "DEVICE1");
        CHECK(std::filesystem::file_size(wal_file) == 0);  // the checkpoint emptied the WAL
        const std::string after = decryptedDatabase(vault_file, key);
        REQUIRE(after.find("CREATE TABLE session") != std::string::npos);
        CHECK_FALSE(holdsToken(after));
        checkNoPlaintext(dir.path(), tokens);
    }
    // Closed: nothing of the tokens in what stays on disk.
    CHECK_FALSE(holdsToken(decryptedDatabase(vault_file, key)));
    CHECK_FALSE(holdsToken(decryptedWal(wal_file, key)));
    checkNoPlaintext(dir.path(), tokens);
}
