// Integration tests of renkei-cli as a script would use it, against the real Synapse. Account
// directories are seeded with a fast key file (cli_support.h); one test signs in the way a
// user does and checks the work factors the product records.
#include <sodium.h>
#include <sys/wait.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli_support.h"
#include "support.h"

using renkei::test::cliLogin;
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

constexpr char kPassphrase[] = "テスト用パスフレーズ-cli";

}  // namespace

TEST_CASE("renkei-cli: log in, create a room, post in Japanese, and read it as the invitee") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir("cli-nurse"), doctor_dir("cli-doctor");
    const std::string nurse = "--data-dir " + quoted(nurse_dir.path().string());
    const std::string doctor = "--data-dir " + quoted(doctor_dir.path().string());
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    cliLogin(nurse_dir.path(), "nurse.sato", kPassphrase);
    cliLogin(doctor_dir.path(), "dr.tanaka", kPassphrase);

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
        setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
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
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    renkei::test::seedAccount(dir.path(), "nurse.sato", kPassphrase);
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
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    cliLogin(dir.path(), "nurse.sato", kPassphrase);
    const Run created = cli(data + " create-room " + quoted("松本 トメ 様（CLIアカウント）"));
    REQUIRE(created.exit_code == 0);
    const std::string room = firstLine(created.out);
    REQUIRE(cli(data + " sync --once").exit_code == 0);
    cliLogin(dir.path(), "dr.tanaka", kPassphrase);

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
    TempDir dir("cli-legacy");
    const std::string data = "--data-dir " + quoted(dir.path().string());
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    cliLogin(dir.path(), "nurse.sato", kPassphrase);
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

namespace {

// True when `out` holds a byte that moves a terminal's cursor, changes its colours or
// reorders a line: C0 controls but newline and tab (the column separator), DEL, C1 controls
// (UTF-8 C2 80..9F) and the bidi controls U+202A–U+202E and U+2066–U+2069.
bool hasRawControl(const std::string& out) {
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto b = static_cast<unsigned char>(out[i]);
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return true;
        const auto next = [&](std::size_t k) {
            return i + k < out.size() ? static_cast<unsigned char>(out[i + k]) : 0;
        };
        if (b == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;
        if (b == 0xE2 && next(1) == 0x80 && next(2) >= 0xAA && next(2) <= 0xAE) return true;
        if (b == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) return true;
    }
    return false;
}

std::vector<std::string> lines(const std::string& out) {
    std::vector<std::string> result;
    std::size_t start = 0;
    for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
        result.push_back(out.substr(start, end - start));
    }
    return result;
}

}  // namespace

TEST_CASE("renkei-cli: control characters and bidi overrides from the server print as escapes") {
    const auto& hs = Homeserver::get();
    TempDir poster_dir("cli-poster"), reader_dir("cli-reader");
    renkei::test::Client poster(poster_dir.path());
    poster.login("nurse.sato");
    const std::string reader = "--data-dir " + quoted(reader_dir.path().string());
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    cliLogin(reader_dir.path(), "dr.tanaka", kPassphrase);

    // A member names the room and posts with terminal escapes, a right-to-left override,
    // carriage returns, DEL and a C1 control.
    const std::string marker = renkei::test::uniqueMarker("cli-escapes");
    const std::string name = "松本\x1b[31m トメ 様\u202e\r" + marker;
    const std::string body = "至急\x1b[31m赤字\x1b[0m \u202egnp.exe\r\n2行目\x7f\u009b" + marker;
    auto created = poster->createRoom(name, {hs.userId("dr.tanaka")});
    REQUIRE(created.ok());
    const std::string room = *created;
    REQUIRE(poster->sendText(room, body).ok());

    REQUIRE(cli(reader + " sync --once").exit_code == 0);
    REQUIRE(cli(reader + " join " + quoted(room)).exit_code == 0);
    REQUIRE(cli(reader + " sync --once").exit_code == 0);

    const Run rooms = cli(reader + " rooms");
    const Run rooms_json = cli(reader + " rooms --json");
    const Run timeline = cli(reader + " timeline " + quoted(room));
    const Run timeline_json = cli(reader + " timeline " + quoted(room) + " --json");
    for (const Run* run : {&rooms, &rooms_json, &timeline, &timeline_json}) {
        CHECK(run->exit_code == 0);
        CHECK(run->out.find(marker) != std::string::npos);
        CHECK_FALSE(hasRawControl(run->out));
    }

    // The one-line output shows what was sent, escaped, with the body on one line.
    std::string post_line;
    for (const auto& line : lines(timeline.out)) {
        if (line.find(marker) != std::string::npos) post_line = line;
    }
    CHECK(post_line.find("至急\\u001b[31m赤字\\u001b[0m \\u202egnp.exe\\r\\n2行目\\u007f\\u009b") !=
          std::string::npos);

    // The JSON lines still carry the exact text.
    bool found = false;
    for (const auto& line : lines(timeline_json.out)) {
        const auto event = nlohmann::json::parse(line);
        if (event.value("body", "") == body) found = true;
    }
    CHECK(found);
    CHECK(cli(reader + " leave " + quoted(room)).exit_code == 0);
    unsetenv("RENKEI_PASSPHRASE");
    static_cast<void>(poster->leaveRoom(room));
}

TEST_CASE("renkei-cli: a first login into a fresh data directory seals the keys with Argon2id "
          "MODERATE") {
    // The product's own path to a key file, unseeded: the one CLI run here that pays for it
    // (about a second and 256 MiB).
    const auto& hs = Homeserver::get();
    TempDir dir("cli-moderate");
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
    const Run login = cli("--data-dir " + quoted(dir.path().string()) + " login --homeserver " +
                          quoted(hs.base_url) + " --user nurse.sato");
    unsetenv("RENKEI_PASSWORD");
    unsetenv("RENKEI_PASSPHRASE");
    REQUIRE(login.exit_code == 0);
    auto accounts = renkei::store::listAccounts(dir.path());
    REQUIRE(accounts.ok());
    REQUIRE(accounts->size() == 1);
    CHECK(accounts->front().binding.user_id == hs.userId("nurse.sato"));
    const auto [opslimit, memlimit] = renkei::test::keyFileLimits(accounts->front().dir);
    CHECK(opslimit == crypto_pwhash_argon2id_OPSLIMIT_MODERATE);
    CHECK(memlimit == crypto_pwhash_argon2id_MEMLIMIT_MODERATE);
}
