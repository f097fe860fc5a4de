// Issue 4 fault test 2: the flush of 100 queued posts is killed with SIGKILL twice, each time
// inside the dangerous window: after a PUT reached the server and before its result was
// committed to the vault (the test helper outbox_flush_helper pauses there on purpose). Each
// restart sends that post again with the same transaction id; at the end renkei-cli flushes
// the rest, and every post is on the server exactly once, in order. Prints the counts and
// the flush rate for the session note.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/accounts.h"
#include "support.h"

extern char** environ;

using namespace renkei;
using namespace renkei::test;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPassphrase = "kill-test-パスフレーズ";

/// A child process whose stdout the test reads line by line.
struct Child {
    pid_t pid = -1;
    int out = -1;     ///< read end of its stdout (-1 if discarded)
    std::string buffered;
};

// Starts `argv` with stderr discarded and stdout to a pipe (or discarded).
Child spawn(std::vector<std::string> args, bool read_stdout) {
    int pipe_fds[2] = {-1, -1};
    if (read_stdout) REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (read_stdout) {
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    Child child;
    const int rc = posix_spawn(&child.pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (read_stdout) {
        ::close(pipe_fds[1]);
        child.out = pipe_fds[0];
    }
    REQUIRE(rc == 0);
    return child;
}

/// The next line of the child's stdout, or nullopt at its end or after `deadline`.
std::optional<std::string> readLine(Child& child, std::chrono::milliseconds deadline) {
    const auto until = Clock::now() + deadline;
    for (;;) {
        if (const auto nl = child.buffered.find('\n'); nl != std::string::npos) {
            std::string line = child.buffered.substr(0, nl);
            child.buffered.erase(0, nl + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
        if (left.count() <= 0) return std::nullopt;
        pollfd fd{child.out, POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
        char buf[4096];
        const ssize_t n = ::read(child.out, buf, sizeof buf);
        if (n <= 0) return std::nullopt;
        child.buffered.append(buf, static_cast<std::size_t>(n));
    }
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
        std::this_thread::sleep_for(20ms);  // polling interval of a deadline loop
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// One run of the helper that pauses after its `pause_at`-th answered PUT and is killed
/// there. Returns the transaction ids of its PUTs in order, the paused one last.
std::vector<std::string> flushUntilKilled(const std::filesystem::path& account_dir, int pause_at) {
    Child child =
        spawn({RENKEI_FLUSH_HELPER_PATH, account_dir.string(), std::to_string(pause_at)}, true);
    std::vector<std::string> puts;
    std::string paused;
    while (paused.empty()) {
        auto line = readLine(child, 60s);
        if (!line) break;
        std::istringstream words(*line);
        std::string what, txn;
        words >> what >> txn;
        if (what == "put") puts.push_back(txn);
        if (what == "paused") paused = txn;
    }
    // Killed while it waits between the server's answer and the vault's commit.
    REQUIRE(kill(child.pid, SIGKILL) == 0);
    int status = 0;
    waitpid(child.pid, &status, 0);
    ::close(child.out);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE_FALSE(paused.empty());
    REQUIRE(puts.back() == paused);
    return puts;
}

std::unique_ptr<session::Session> openAccount(const std::filesystem::path& account_dir) {
    store::PassphraseKeyProvider keys(store::keyFileOf(account_dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    session::SessionConfig config;
    config.data_dir = account_dir;
    auto opened = session::Session::open(std::move(config), keys);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

/// What the vault says of the post with `txn` after a kill: queued again, in doubt.
void checkLeftInDoubt(const std::filesystem::path& account_dir, const std::string& txn) {
    auto s = openAccount(account_dir);
    auto posts = s->outbox();
    REQUIRE(posts.ok());
    const auto it = std::find_if(posts->begin(), posts->end(),
                                 [&](const auto& p) { return p.txn_id == txn; });
    REQUIRE(it != posts->end());
    CHECK(it->state == store::OutboxState::Queued);  // its result was never committed
    CHECK(it->in_doubt);
    CHECK_FALSE(s->discardPost(txn).value());  // it is on the server: not "discarded"
}

}  // namespace

TEST_CASE("outbox 2: SIGKILL after a PUT, before its commit, twice; each post exactly once") {
    const auto& hs = Homeserver::get();
    TempDir dir("outbox-kill");
    std::string room;
    std::vector<std::string> expected;
    std::filesystem::path account_dir;
    {
        // The account as the CLI opens it: its own directory under the data root, with a
        // passphrase key file (cheap KDF for the test).
        auto account = store::createAccount(dir.path());
        REQUIRE(account.ok());
        account_dir = account->dir;
        auto s = openAccount(account_dir);
        REQUIRE(s->login(hs.base_url, "nurse.sato", hs.password("nurse.sato")).ok());
        auto created = s->createRoom("強制終了試験", {});
        REQUIRE(created.ok());
        room = *created;
        const std::string marker = uniqueMarker("kill");
        for (int i = 0; i < 100; ++i) {
            expected.push_back("訪問記録 " + marker + " #" + std::to_string(i));
            REQUIRE(s->queueText(room, expected.back()).ok());
        }
    }
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);

    const auto started = Clock::now();
    // Run 1 is killed after the 30th post reached the server, run 2 after its 20th answer:
    // its first PUT is post 30 again, so post 49.
    const auto first = flushUntilKilled(account_dir, 30);
    CHECK(first.size() == 30);
    CHECK(serverBodies(room).size() == 30);
    checkLeftInDoubt(account_dir, first.back());

    const auto second = flushUntilKilled(account_dir, 20);
    CHECK(second.front() == first.back());  // sent again, with the same transaction id
    CHECK(serverBodies(room).size() == 49);
    checkLeftInDoubt(account_dir, second.back());

    // The product's own flush finishes the job.
    const auto last_start = Clock::now();
    Child cli = spawn({RENKEI_CLI_PATH, "--data-dir", dir.path().string(), "flush"}, false);
    REQUIRE(waitExit(cli.pid, 120s) == 0);
    const auto finished = Clock::now();
    unsetenv("RENKEI_PASSPHRASE");

    const auto bodies = serverBodies(room);
    const std::set<std::string> distinct(bodies.begin(), bodies.end());
    const std::size_t duplicates = bodies.size() - distinct.size();
    std::size_t lost = 0;
    for (const auto& body : expected) lost += distinct.count(body) == 0 ? 1U : 0U;
    const double seconds = std::chrono::duration<double>(finished - last_start).count();
    std::cout << "outbox 2: posts 100, arrived " << bodies.size() << ", duplicates " << duplicates
              << ", lost " << lost << "; killed inside the window at posts 30 and 49; last run sent "
              << (100 - 49) << " in " << seconds << " s ("
              << static_cast<double>(100 - 49) / seconds
              << " posts/s incl. process start and unlock); whole test "
              << std::chrono::duration<double>(finished - started).count() << " s\n";
    CHECK(duplicates == 0);
    CHECK(lost == 0);
    CHECK(bodies == expected);  // in order, too
}
