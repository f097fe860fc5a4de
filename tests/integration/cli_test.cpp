// Integration tests of renkei-cli as a script would use it, against the real Synapse.
#include <sys/wait.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "support.h"

using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

struct Run {
    int exit_code = -1;
    std::string out;
};

// Runs renkei-cli with the given arguments (already shell-quoted); stderr is discarded
// unless the test fails (it may contain homeserver URLs, never secrets).
Run cli(const std::string& args) {
    const std::string cmd = std::string("'") + RENKEI_CLI_PATH + "' " + args + " 2>/dev/null";
    Run run;
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("renkei-cli: log in, create a room, post in Japanese, and read it as the invitee") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir("cli-nurse"), doctor_dir("cli-doctor");
    const std::string nurse = "--data-dir " + quoted(nurse_dir.path().string());
    const std::string doctor = "--data-dir " + quoted(doctor_dir.path().string());
    setenv("RENKEI_PASSPHRASE", "テスト用パスフレーズ-cli", 1);

    setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
    REQUIRE(cli(nurse + " login --homeserver " + quoted(hs.base_url) + " --user nurse.sato").exit_code == 0);
    setenv("RENKEI_PASSWORD", hs.password("dr.tanaka").c_str(), 1);
    REQUIRE(cli(doctor + " login --homeserver " + quoted(hs.base_url) + " --user dr.tanaka").exit_code == 0);
    unsetenv("RENKEI_PASSWORD");

    const Run created = cli(nurse + " create-room " + quoted("鈴木 一郎 様（CLIテスト）") + " --invite " +
                            quoted(hs.userId("dr.tanaka")));
    REQUIRE(created.exit_code == 0);
    const std::string room = firstLine(created.out);
    REQUIRE(room.starts_with("!"));
    const std::string post = "退院前カンファレンスは 11/28 14:00 に決定しました。";
    REQUIRE(cli(nurse + " send " + quoted(room) + " " + quoted(post)).exit_code == 0);

    REQUIRE(cli(doctor + " sync --once").exit_code == 0);
    const Run rooms = cli(doctor + " rooms");
    CHECK(rooms.out.find(room + "\tinvite") != std::string::npos);
    REQUIRE(cli(doctor + " join " + quoted(room)).exit_code == 0);
    REQUIRE(cli(doctor + " sync --once").exit_code == 0);
    const Run timeline = cli(doctor + " timeline " + quoted(room) + " --json");
    REQUIRE(timeline.exit_code == 0);
    CHECK(timeline.out.find(post) != std::string::npos);

    SECTION("a wrong passphrase is exit code 3 and leaves the data usable") {
        setenv("RENKEI_PASSPHRASE", "まちがい", 1);
        CHECK(cli(doctor + " rooms").exit_code == 3);
        setenv("RENKEI_PASSPHRASE", "テスト用パスフレーズ-cli", 1);
        CHECK(cli(doctor + " rooms").out.find(room) != std::string::npos);
    }
    SECTION("after logout, commands that need the server say so with exit code 4") {
        REQUIRE(cli(doctor + " logout").exit_code == 0);
        CHECK(cli(doctor + " send " + quoted(room) + " test").exit_code == 4);
        CHECK(cli(doctor + " timeline " + quoted(room)).out.find(post) != std::string::npos);
    }
    unsetenv("RENKEI_PASSPHRASE");
}

TEST_CASE("renkei-cli: an unreachable homeserver is exit code 5, a wrong password exit code 6") {
    const auto& hs = Homeserver::get();
    TempDir dir("cli-errors");
    const std::string data = "--data-dir " + quoted(dir.path().string());
    setenv("RENKEI_PASSPHRASE", "テスト用パスフレーズ-cli", 1);
    setenv("RENKEI_PASSWORD", "not-the-password", 1);
    CHECK(cli(data + " login --homeserver http://127.0.0.1:9 --user nurse.sato").exit_code == 5);
    CHECK(cli(data + " login --homeserver " + quoted(hs.base_url) + " --user nurse.sato").exit_code == 6);
    CHECK(cli(data + " bogus-command").exit_code == 2);
    unsetenv("RENKEI_PASSWORD");
    unsetenv("RENKEI_PASSPHRASE");
}

TEST_CASE("renkei-cli: two accounts in one data directory keep their data apart") {
    const auto& hs = Homeserver::get();
    TempDir dir("cli-accounts");
    const std::string data = "--data-dir " + quoted(dir.path().string());
    setenv("RENKEI_PASSPHRASE", "テスト用パスフレーズ-cli", 1);
    setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
    REQUIRE(cli(data + " login --homeserver " + quoted(hs.base_url) + " --user nurse.sato").exit_code == 0);
    const Run created = cli(data + " create-room " + quoted("松本 トメ 様（CLIアカウント）"));
    REQUIRE(created.exit_code == 0);
    const std::string room = firstLine(created.out);
    REQUIRE(cli(data + " sync --once").exit_code == 0);
    setenv("RENKEI_PASSWORD", hs.password("dr.tanaka").c_str(), 1);
    REQUIRE(cli(data + " login --homeserver " + quoted(hs.base_url) + " --user dr.tanaka").exit_code == 0);
    unsetenv("RENKEI_PASSWORD");

    CHECK(std::distance(std::filesystem::directory_iterator(dir.path() / "accounts"),
                        std::filesystem::directory_iterator()) == 2);
    CHECK(cli(data + " rooms").exit_code == 2);  // which account? --account says
    REQUIRE(cli(data + " --account dr.tanaka sync --once").exit_code == 0);
    CHECK(cli(data + " --account dr.tanaka rooms").out.find(room) == std::string::npos);
    CHECK(cli(data + " --account nurse.sato rooms").out.find(room) != std::string::npos);
    CHECK(cli(data + " --account " + quoted(hs.userId("nurse.sato")) + " rooms").out.find(room) != std::string::npos);
    CHECK(cli(data + " --account nobody rooms").exit_code == 4);
    unsetenv("RENKEI_PASSPHRASE");
}

TEST_CASE("renkei-cli: data of the layout before account directories is taken over at the first start") {
    namespace fs = std::filesystem;
    const auto& hs = Homeserver::get();
    TempDir dir("cli-legacy");
    const std::string data = "--data-dir " + quoted(dir.path().string());
    setenv("RENKEI_PASSPHRASE", "テスト用パスフレーズ-cli", 1);
    setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
    REQUIRE(cli(data + " login --homeserver " + quoted(hs.base_url) + " --user nurse.sato").exit_code == 0);
    unsetenv("RENKEI_PASSWORD");
    const Run created = cli(data + " create-room " + quoted("高橋 ハナ 様（移行テスト）"));
    REQUIRE(created.exit_code == 0);
    const std::string room = firstLine(created.out);
    REQUIRE(cli(data + " sync --once").exit_code == 0);
    const std::string queued = "移行前に書いた未送信の投稿";
    const Run queue = cli(data + " queue " + quoted(room) + " " + quoted(queued));
    REQUIRE(queue.exit_code == 0);
    const std::string txn_id = firstLine(queue.out);
    REQUIRE(!txn_id.empty());

    // Put the account's files back where Renkei kept them before: straight in the data dir.
    const fs::path account = fs::directory_iterator(dir.path() / "accounts")->path();
    for (const auto& entry : fs::directory_iterator(account)) {
        if (entry.path().filename() != "account.json") fs::rename(entry.path(), dir.path() / entry.path().filename());
    }
    fs::remove_all(dir.path() / "accounts");
    REQUIRE(fs::exists(dir.path() / "keys.json"));

    const Run rooms = cli(data + " rooms");
    CHECK(rooms.exit_code == 0);
    CHECK(rooms.out.find(room) != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "keys.json"));
    CHECK_FALSE(fs::exists(dir.path() / "vault.db"));
    CHECK(cli(data + " outbox").out.find(txn_id) != std::string::npos);
    CHECK(cli(data + " flush --patience 30").exit_code == 0);
    REQUIRE(cli(data + " sync --once").exit_code == 0);
    CHECK(cli(data + " timeline " + quoted(room)).out.find(queued) != std::string::npos);
    unsetenv("RENKEI_PASSPHRASE");
}
