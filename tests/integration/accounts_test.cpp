// Local data bound to one account (issue 8.1), against the real Synapse: once signed in, an
// account directory never signs in as another account (another homeserver: see
// tests/gui/accounts_test.cpp, which has a second Synapse), and a
// first sign-in never duplicates an account that has a directory of its own. The refusal
// comes before the password is sent: the other account gets no new device on the server.
#include <catch2/catch_test_macros.hpp>
#include <sodium.h>

#include "matrix/client.h"
#include "support.h"

using namespace renkei;
using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

std::size_t deviceCount(const std::string& user_id) {
    const auto devices = test::adminGet("/_synapse/admin/v2/users/" + matrix::urlEncode(user_id) + "/devices");
    return devices.at("devices").size();
}

std::unique_ptr<session::Session> openIn(const std::filesystem::path& dir, const std::filesystem::path& root) {
    store::AccountKeys keys{};
    randombytes_buf(keys.vault.data(), keys.vault.size());
    randombytes_buf(keys.cache.data(), keys.cache.size());
    store::RawKeyProvider provider(keys);
    store::wipe(keys);
    session::SessionConfig config;
    config.data_dir = dir;
    config.accounts_root = root;
    auto opened = session::Session::open(std::move(config), provider);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

}  // namespace

TEST_CASE("signed-out local data of one account refuses to sign in as another account") {
    const auto& hs = Homeserver::get();
    const std::string nurse = test::registerFreshUser("acct-nurse");
    const std::string doctor = test::registerFreshUser("acct-doctor");
    const auto& users = Homeserver::get();
    TempDir dir("accounts-bound");
    test::Client client(dir.path());
    client.login(nurse);
    const std::string device = client->deviceId();
    auto room = client->createRoom("松本 トメ 様（アカウント分離テスト）", {});
    REQUIRE(room.ok());
    REQUIRE(client->saveDraft(*room, "ご家族の前では話せない内容（下書き）").ok());
    REQUIRE(test::syncUntil(*client, [&] {
        auto rooms = client->rooms();
        return rooms.ok() && !rooms->empty();
    }));
    REQUIRE(client->logout().ok());
    CHECK(client->binding().user_id == users.userId(nurse));

    const std::size_t doctor_devices = deviceCount(users.userId(doctor));
    auto as_doctor = client->login(hs.base_url, doctor, users.password(doctor));
    REQUIRE_FALSE(as_doctor.ok());
    CHECK(as_doctor.error().kind == ErrorKind::AccountMismatch);
    auto as_doctor_id = client->login(hs.base_url, users.userId(doctor), users.password(doctor));
    REQUIRE_FALSE(as_doctor_id.ok());
    CHECK(as_doctor_id.error().kind == ErrorKind::AccountMismatch);
    CHECK(deviceCount(users.userId(doctor)) == doctor_devices);  // the password never went out

    CHECK_FALSE(client->loggedIn());

    // The nurse's own data is untouched and her device id is reused.
    auto draft = client->draft(*room);
    REQUIRE(draft.ok());
    CHECK(draft->value_or("") == "ご家族の前では話せない内容（下書き）");
    client.login(nurse);
    CHECK(client->deviceId() == device);
    REQUIRE(client->logout().ok());
}

TEST_CASE("a first sign-in as an account that already has its own directory is refused") {
    const auto& hs = Homeserver::get();
    const std::string nurse = test::registerFreshUser("acct-twice");
    const auto& users = Homeserver::get();
    TempDir root("accounts-root");
    auto first = store::createAccount(root.path());
    REQUIRE(first.ok());
    {
        auto session = openIn(first->dir, root.path());
        REQUIRE(session->login(hs.base_url, nurse, users.password(nurse)).ok());
        REQUIRE(session->logout().ok());
    }
    const std::size_t devices = deviceCount(users.userId(nurse));
    auto second = store::createAccount(root.path());
    REQUIRE(second.ok());
    auto session = openIn(second->dir, root.path());
    auto again = session->login(hs.base_url, nurse, users.password(nurse));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::AccountMismatch);
    CHECK_FALSE(session->binding().bound());
    CHECK(deviceCount(users.userId(nurse)) == devices);
}
