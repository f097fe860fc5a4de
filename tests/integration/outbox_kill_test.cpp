// Issue 4 fault test 2: renkei-cli is killed with SIGKILL twice while flushing 100 queued
// posts, then restarted: every post arrives exactly once, in order. Prints the counts and
// the flush rate for the session note.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <iostream>
#include <set>
#include <thread>

#include "store/accounts.h"
#include "support.h"

extern char** environ;

using namespace renkei;
using namespace renkei::test;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPassphrase = "kill-test-パスフレーズ";

// Starts `renkei-cli --data-dir DIR flush` with output discarded; returns its pid.
pid_t startFlush(const std::filesystem::path& dir) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::string cli = RENKEI_CLI_PATH, data_flag = "--data-dir", data = dir.string(), cmd = "flush";
    char* argv[] = {cli.data(), data_flag.data(), data.data(), cmd.data(), nullptr};
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, cli.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    return pid;
}

// Polls the server (admin API) until at least `n` posts are there or the deadline passes.
std::size_t waitForArrivals(const std::string& room, std::size_t n, std::chrono::seconds deadline) {
    const auto until = Clock::now() + deadline;
    std::size_t arrived = 0;
    while ((arrived = serverBodies(room).size()) < n && Clock::now() < until) {
        std::this_thread::sleep_for(10ms);  // polling interval of a deadline loop
    }
    return arrived;
}

int waitExit(pid_t pid, std::chrono::seconds deadline) {
    const auto until = Clock::now() + deadline;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (Clock::now() > until) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(20ms);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("outbox 2: SIGKILL while flushing 100 posts, then a restart: each post exactly once") {
    const auto& hs = Homeserver::get();
    TempDir dir("outbox-kill");
    std::string room;
    std::vector<std::string> expected;
    {
        // The account as the CLI opens it: its own directory under the data root, with a
        // passphrase key file (cheap KDF for the test).
        auto account = store::createAccount(dir.path());
        REQUIRE(account.ok());
        store::PassphraseKeyProvider keys(store::keyFileOf(account->dir), kPassphrase,
                                          store::KdfLimits::minimumForTests());
        session::SessionConfig config;
        config.data_dir = account->dir;
        auto opened = session::Session::open(std::move(config), keys);
        REQUIRE(opened.ok());
        auto& s = **opened;
        REQUIRE(s.login(hs.base_url, "nurse.sato", hs.password("nurse.sato")).ok());
        auto created = s.createRoom("強制終了試験", {});
        REQUIRE(created.ok());
        room = *created;
        const std::string marker = uniqueMarker("kill");
        for (int i = 0; i < 100; ++i) {
            expected.push_back("訪問記録 " + marker + " #" + std::to_string(i));
            REQUIRE(s.queueText(room, expected.back()).ok());
        }
    }
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);

    const auto started = Clock::now();
    std::vector<std::size_t> at_kill;
    double first_run_rate = 0;
    for (std::size_t threshold : {std::size_t{30}, std::size_t{65}}) {
        const auto spawned = Clock::now();
        const pid_t pid = startFlush(dir.path());
        const std::size_t arrived = waitForArrivals(room, threshold, 60s);
        REQUIRE(kill(pid, SIGKILL) == 0);
        int status = 0;
        waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));  // killed mid-flush, not finished
        REQUIRE(arrived >= threshold);
        REQUIRE(arrived < 100);
        if (at_kill.empty()) {
            first_run_rate = static_cast<double>(arrived) /
                             std::chrono::duration<double>(Clock::now() - spawned).count();
        }
        at_kill.push_back(arrived);
    }
    const auto last_start = Clock::now();
    const std::size_t before_last = serverBodies(room).size();
    REQUIRE(waitExit(startFlush(dir.path()), 120s) == 0);
    const auto finished = Clock::now();
    unsetenv("RENKEI_PASSPHRASE");

    const auto bodies = serverBodies(room);
    const std::set<std::string> distinct(bodies.begin(), bodies.end());
    const std::size_t duplicates = bodies.size() - distinct.size();
    std::size_t lost = 0;
    for (const auto& body : expected) lost += distinct.count(body) == 0 ? 1U : 0U;
    const double seconds = std::chrono::duration<double>(finished - last_start).count();
    std::cout << "outbox 2: posts 100, arrived " << bodies.size() << ", duplicates " << duplicates
              << ", lost " << lost << ", killed at " << at_kill[0] << " and " << at_kill[1]
              << " arrived; last run sent " << (bodies.size() - before_last) << " in " << seconds
              << " s (" << static_cast<double>(bodies.size() - before_last) / seconds
              << " posts/s incl. process start and unlock); first run " << first_run_rate
              << " posts/s; whole test "
              << std::chrono::duration<double>(finished - started).count() << " s\n";
    CHECK(duplicates == 0);
    CHECK(lost == 0);
    CHECK(bodies == expected);  // in order, too
}
