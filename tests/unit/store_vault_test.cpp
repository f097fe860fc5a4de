// Vault: session tokens, the device id that survives logout, settings.
#include <catch2/catch_test_macros.hpp>

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
