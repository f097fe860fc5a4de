// Local data per account (store/accounts.h, Session's binding): the layout before account
// directories is taken over with nothing lost, accounts are listed and found by
// (homeserver, user), and removing an account's copy leaves nothing that opens.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>

#include "fixtures.h"
#include "matrix/sync.h"
#include "session/session.h"
#include "store/accounts.h"
#include "store/cache.h"
#include "store/outbox.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using renkei::store::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr char kPassphrase[] = "correct horse battery";
constexpr char kRoom[] = "!patient-matsumoto:example.org";

std::unique_ptr<PassphraseKeyProvider> keysAt(const fs::path& dir) {
    return std::make_unique<PassphraseKeyProvider>(keyFileOf(dir), kPassphrase, KdfLimits::minimumForTests());
}

// What Renkei wrote before accounts had directories: keys and databases in the data root, a
// stored session, a draft, a queued post and a synced cache — and no binding in the vault.
std::size_t writeLegacyAccount(const fs::path& root) {
    auto keys = keysAt(root)->loadOrCreate();
    REQUIRE(keys.ok());
    auto vault = Vault::open(root, keys->vault);
    REQUIRE(vault.ok());
    StoredSession stored{"https://renkei.example.org", "@nurse.sato:example.org", "DEVICE1", "opaque-access", {}, {}};
    REQUIRE(vault->saveSession(stored).ok());
    REQUIRE(Drafts(vault->database()).save(kRoom, "ご家族に確認中（下書き）", 1).ok());
    const nlohmann::json content = {{"msgtype", "m.text"}, {"body", "夕方の訪問で血圧を再測定します"}};
    REQUIRE(Outbox(vault->database()).enqueue(kRoom, "m.room.message", content, "rktxn1", 2, nullptr, false).ok());
    auto cache = Cache::open(root, keys->cache);
    REQUIRE(cache.ok());
    auto sync = matrix::parseSyncResponse(renkei::test::readFixture("sync_initial.json"));
    REQUIRE(sync.ok());
    REQUIRE(cache->applySync(*sync).ok());
    auto rooms = cache->rooms();
    REQUIRE(rooms.ok());
    REQUIRE(!rooms->empty());
    wipe(*keys);
    return rooms->size();
}

std::unique_ptr<session::Session> openAccount(const fs::path& dir, const fs::path& root) {
    auto keys = keysAt(dir);
    session::SessionConfig config;
    config.data_dir = dir;
    config.accounts_root = root;
    auto opened = session::Session::open(std::move(config), *keys);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

}  // namespace

TEST_CASE("the layout before account directories is taken over with drafts, outbox and cache") {
    TempDir root;
    const std::size_t rooms_before = writeLegacyAccount(root.path());

    auto moved = takeOverLegacyLayout(root.path());
    REQUIRE(moved.ok());
    REQUIRE(moved->has_value());
    for (const char* name : {"keys.json", "vault.db", "cache.db"}) {
        CHECK_FALSE(fs::exists(root / name));
        CHECK(fs::exists(**moved / name));
    }
    auto listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().dir == **moved);

    {
        auto session = openAccount(**moved, root.path());
        // The stored session names the account: the data is bound to it from now on.
        CHECK(session->binding() == AccountBinding{"https://renkei.example.org", "@nurse.sato:example.org"});
        CHECK(session->userId() == "@nurse.sato:example.org");
        auto draft = session->draft(kRoom);
        REQUIRE(draft.ok());
        CHECK(draft->value_or("") == "ご家族に確認中（下書き）");
        auto outbox = session->outbox();
        REQUIRE(outbox.ok());
        REQUIRE(outbox->size() == 1);
        CHECK(outbox->front().txn_id == "rktxn1");
        auto rooms = session->rooms();
        REQUIRE(rooms.ok());
        CHECK(rooms->size() == rooms_before);
    }
    // account.json now lets the front ends name the account before unlocking it.
    listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    CHECK(listed->front().binding.user_id == "@nurse.sato:example.org");
    CHECK(findAccount(*listed, "https://renkei.example.org/", "Nurse.Sato").has_value());
    CHECK(findAccount(*listed, "https://renkei.example.org", "@nurse.sato:example.org").has_value());
    CHECK_FALSE(findAccount(*listed, "https://other.example.org", "nurse.sato").has_value());
    CHECK_FALSE(findAccount(*listed, "https://renkei.example.org", "dr.tanaka").has_value());

    // A second start finds nothing left to take over.
    auto again = takeOverLegacyLayout(root.path());
    REQUIRE(again.ok());
    CHECK_FALSE(again->has_value());
}

TEST_CASE("an interrupted takeover is completed at the next start") {
    TempDir root;
    writeLegacyAccount(root.path());
    // The first attempt stopped after moving the vault (e.g. the laptop lost power).
    const fs::path staging = root / "accounts" / ".takeover-0123456789abcdef";
    fs::create_directories(staging);
    fs::rename(root / "vault.db", staging / "vault.db");
    auto listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    CHECK(listed->empty());  // a staging folder is not an account

    auto moved = takeOverLegacyLayout(root.path());
    REQUIRE(moved.ok());
    REQUIRE(moved->has_value());
    CHECK_FALSE(fs::exists(staging));
    auto session = openAccount(**moved, root.path());
    auto draft = session->draft(kRoom);
    REQUIRE(draft.ok());
    CHECK(draft->value_or("") == "ご家族に確認中（下書き）");
}

TEST_CASE("accounts are listed most recently used first, and a removed copy is gone") {
    TempDir root;
    auto first = createAccount(root.path());
    auto second = createAccount(root.path());
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first->dir != second->dir);
    CHECK((fs::status(first->dir).permissions() & fs::perms::all) == fs::perms::owner_all);
    { auto s = openAccount(first->dir, root.path()); }
    REQUIRE(writeAccountIndex(first->dir, {"https://a.example.org", "@a:example.org"}, 100).ok());
    { auto s = openAccount(second->dir, root.path()); }
    REQUIRE(writeAccountIndex(second->dir, {"https://b.example.org", "@b:example.org"}, 200).ok());
    auto listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 2);
    CHECK(listed->front().id == second->id);

    REQUIRE(fs::exists(keyFileOf(second->dir)));
    REQUIRE(removeAccount(second->dir).ok());
    CHECK_FALSE(fs::exists(second->dir));
    listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().id == first->id);
}

TEST_CASE("an account without a key file or with an unreadable index is listed safely") {
    TempDir root;
    fs::create_directories(root / "accounts" / "empty");  // no key file: not an account
    auto account = createAccount(root.path());
    REQUIRE(account.ok());
    { auto s = openAccount(account->dir, root.path()); }
    store::test::writeFile(account->dir / "account.json", "{\"format\":\"renkei-account\",\"user_id\":[");
    auto listed = listAccounts(root.path());
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK_FALSE(listed->front().binding.bound());
}
