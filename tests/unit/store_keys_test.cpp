// Key file: create and unlock, wrong passphrase, corrupt and tampered files.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "store/keys.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using renkei::store::test::readFile;
using renkei::store::test::TempDir;
using renkei::store::test::writeFile;

namespace {

PassphraseKeyProvider fastProvider(const std::filesystem::path& file,
                                   const std::string& passphrase) {
    return PassphraseKeyProvider(file, passphrase, KdfLimits::minimumForTests());
}

std::string hex(const RawKey& key) {
    std::string out(key.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), key.data(), key.size());
    out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("key file: created on first use, unlocked with the same passphrase", "[store][keys]") {
    TempDir dir;
    const auto file = dir / "sub" / "keys.json";
    AccountKeys created{};
    {
        auto provider = fastProvider(file, "correct horse");
        auto keys = provider.loadOrCreate();
        REQUIRE(keys.ok());
        created = *keys;
    }
    REQUIRE(std::filesystem::exists(file));
    CHECK(created.vault != created.cache);
    CHECK(created.vault != RawKey{});

    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const std::string text = readFile(file);
    const auto doc = nlohmann::json::parse(text);
    CHECK(doc["format"] == "renkei-keys");
    CHECK(doc["version"] == 1);
    CHECK(doc["kdf"] == "argon2id13");
    CHECK(doc.contains("salt"));
    CHECK(doc.contains("nonce"));
    CHECK(text.find(hex(created.vault)) == std::string::npos);
    CHECK(text.find(hex(created.cache)) == std::string::npos);
    // No temporary file left behind.
    CHECK(std::distance(std::filesystem::directory_iterator(file.parent_path()),
                        std::filesystem::directory_iterator()) == 1);

    auto again = fastProvider(file, "correct horse");
    auto unlocked = again.loadOrCreate();
    REQUIRE(unlocked.ok());
    CHECK(unlocked->vault == created.vault);
    CHECK(unlocked->cache == created.cache);
}

TEST_CASE("key file: wrong passphrase is WrongPassphrase and leaves the file untouched",
          "[store][keys]") {
    TempDir dir;
    const auto file = dir / "keys.json";
    {
        auto provider = fastProvider(file, "right");
        REQUIRE(provider.loadOrCreate().ok());
    }
    const std::string before = readFile(file);
    auto wrong = fastProvider(file, "wrong");
    auto result = wrong.loadOrCreate();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::WrongPassphrase);
    CHECK(result.error().message.find("wrong") == std::string::npos);  // passphrase not echoed
    CHECK(readFile(file) == before);
}

TEST_CASE("key file: corrupt or unsupported files are Storage errors", "[store][keys]") {
    TempDir dir;
    const auto file = dir / "keys.json";
    {
        auto provider = fastProvider(file, "pw");
        REQUIRE(provider.loadOrCreate().ok());
    }
    const auto good = nlohmann::json::parse(readFile(file));

    auto expectStorage = [&](const std::string& bytes) {
        writeFile(file, bytes);
        auto provider = fastProvider(file, "pw");
        auto result = provider.loadOrCreate();
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::Storage);
        CHECK_FALSE(result.error().message.empty());
        CHECK(readFile(file) == bytes);  // never rewritten
    };
    SECTION("garbage") { expectStorage("\x01\x02 not json at all"); }
    SECTION("empty") { expectStorage(""); }
    SECTION("truncated JSON") { expectStorage(good.dump().substr(0, 40)); }
    SECTION("ciphertext of the wrong length") {
        auto doc = good;
        doc["ciphertext"] = "AAAA";
        expectStorage(doc.dump());
    }
    SECTION("bad base64 salt") {
        auto doc = good;
        doc["salt"] = "!!!";
        expectStorage(doc.dump());
    }
    SECTION("unsupported version") {
        auto doc = good;
        doc["version"] = 99;
        expectStorage(doc.dump());
    }
    SECTION("absurd work factors") {
        auto doc = good;
        doc["memlimit"] = 1ULL << 50;
        expectStorage(doc.dump());
    }
}

TEST_CASE("key file: a tampered ciphertext does not unlock", "[store][keys]") {
    TempDir dir;
    const auto file = dir / "keys.json";
    {
        auto provider = fastProvider(file, "pw");
        REQUIRE(provider.loadOrCreate().ok());
    }
    auto doc = nlohmann::json::parse(readFile(file));
    std::string ct = doc["ciphertext"];
    ct[0] = ct[0] == 'A' ? 'B' : 'A';
    doc["ciphertext"] = ct;
    writeFile(file, doc.dump());
    auto provider = fastProvider(file, "pw");
    auto result = provider.loadOrCreate();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::WrongPassphrase);
}

TEST_CASE("key file: default Argon2id MODERATE factors round-trip", "[store][keys][slow]") {
    TempDir dir;
    const auto file = dir / "keys.json";
    PassphraseKeyProvider first(file, "passphrase");
    auto created = first.loadOrCreate();
    REQUIRE(created.ok());
    const auto doc = nlohmann::json::parse(readFile(file));
    CHECK(doc["opslimit"] == crypto_pwhash_argon2id_OPSLIMIT_MODERATE);
    CHECK(doc["memlimit"] == crypto_pwhash_argon2id_MEMLIMIT_MODERATE);
    PassphraseKeyProvider second(file, "passphrase");
    auto unlocked = second.loadOrCreate();
    REQUIRE(unlocked.ok());
    CHECK(unlocked->vault == created->vault);
    CHECK(unlocked->cache == created->cache);
}

TEST_CASE("key file: changing the passphrase re-wraps the same keys", "[store][keys]") {
    TempDir dir;
    const auto file = dir / "keys.json";
    auto first = fastProvider(file, "古い合言葉").loadOrCreate();
    REQUIRE(first.ok());
    const std::string vault_key = hex(first->vault);
    const std::string cache_key = hex(first->cache);
    const std::string before = readFile(file);

    SECTION("the new one opens the same keys; the old one no longer does") {
        REQUIRE(changePassphrase(file, "古い合言葉", "新しい合言葉-テスト").ok());
        CHECK(readFile(file) != before);
        const auto now = nlohmann::json::parse(readFile(file));
        const auto was = nlohmann::json::parse(before);
        CHECK(now["memlimit"] == was["memlimit"]);  // the file's own work factors
        CHECK(now["opslimit"] == was["opslimit"]);
        CHECK(now["salt"] != was["salt"]);
        auto again = fastProvider(file, "新しい合言葉-テスト").loadOrCreate();
        REQUIRE(again.ok());
        CHECK(hex(again->vault) == vault_key);
        CHECK(hex(again->cache) == cache_key);
        CHECK(fastProvider(file, "古い合言葉").loadOrCreate().error().kind == ErrorKind::WrongPassphrase);
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    SECTION("a wrong current passphrase or a new one under 8 characters changes nothing") {
        CHECK(changePassphrase(file, "違う", "新しい合言葉-テスト").error().kind ==
              ErrorKind::WrongPassphrase);
        CHECK(changePassphrase(file, "古い合言葉", "").error().kind == ErrorKind::InvalidArgument);
        CHECK(changePassphrase(file, "古い合言葉", "七文字の合言葉").error().kind == ErrorKind::InvalidArgument);
        CHECK(readFile(file) == before);
        CHECK(fastProvider(file, "古い合言葉").loadOrCreate().ok());
    }
}

TEST_CASE("RawKeyProvider hands out the keys it was given", "[store][keys]") {
    const AccountKeys keys{test::keyOf(1), test::keyOf(100)};
    RawKeyProvider provider(keys);
    auto got = provider.loadOrCreate();
    REQUIRE(got.ok());
    CHECK(got->vault == keys.vault);
    CHECK(got->cache == keys.cache);
    AccountKeys copy = *got;
    wipe(copy);
    CHECK(copy.vault == RawKey{});
    CHECK(copy.cache == RawKey{});
}
