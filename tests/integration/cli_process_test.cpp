// renkei-cli as a running process, seen from outside as another program on the clinic laptop
// would see it: no core dump can be written (RLIMIT_CORE 0 in /proc/<pid>/limits), and the
// passphrase and password it was started with are gone from /proc/<pid>/environ.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "support.h"

using namespace renkei::test;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPassphrase = "環境変数のパスフレーズ-7c1e";

// renkei-cli with `args` and the test's environment plus `extra_env` ("NAME=value");
// stdout into a pipe (returned in `out_fd`, -1: discarded), stderr discarded.
pid_t spawnCli(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
               int* out_fd) {
    std::vector<std::string> words = {RENKEI_CLI_PATH};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = extra_env;
    for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    int pipe_fds[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (out_fd != nullptr) {
        REQUIRE(pipe2(pipe_fds, O_CLOEXEC) == 0);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (out_fd != nullptr) {
        close(pipe_fds[1]);
        *out_fd = pipe_fds[0];
    }
    REQUIRE(rc == 0);
    return pid;
}

int waitExit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Reads `fd` until `needle` appears or the deadline passes; returns whether it appeared.
bool waitForOutput(int fd, const std::string& needle, std::chrono::seconds deadline) {
    const auto until = Clock::now() + deadline;
    std::string seen;
    while (seen.find(needle) == std::string::npos && Clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) continue;
        char buffer[4096];
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) return false;  // the CLI ended
        seen.append(buffer, static_cast<std::size_t>(n));
    }
    return seen.find(needle) != std::string::npos;
}

std::string procFile(pid_t pid, const char* name) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/" + name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The "Max core file size" line of /proc/<pid>/limits, columns squeezed: "<soft> <hard>".
std::string coreLimit(pid_t pid) {
    std::istringstream limits(procFile(pid, "limits"));
    for (std::string line; std::getline(limits, line);) {
        if (!line.starts_with("Max core file size")) continue;
        std::istringstream words(line.substr(std::string("Max core file size").size()));
        std::string soft, hard;
        words >> soft >> hard;
        return soft + " " + hard;
    }
    return "(none)";
}

}  // namespace

TEST_CASE("renkei-cli: while it runs, no core dump is possible and no secret is in its "
          "environment") {
    const auto& hs = Homeserver::get();
    TempDir dir("cli-process");
    const std::string password = hs.password("nurse.sato");
    const std::vector<std::string> secrets = {std::string("RENKEI_PASSPHRASE=") + kPassphrase,
                                              "RENKEI_PASSWORD=" + password};
    const std::vector<std::string> data = {"--data-dir", dir.path().string()};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), data.begin(), data.end());
        return args;
    };
    seedAccount(dir.path(), "nurse.sato", kPassphrase);  // a fast key file (cli_support.h)
    REQUIRE(waitExit(spawnCli(with({"login", "--homeserver", hs.base_url, "--user", "nurse.sato"}),
                              secrets, nullptr)) == 0);
    // A room of its own, so that the first sync below has events to report.
    REQUIRE(waitExit(spawnCli(with({"create-room", "環境変数テスト"}), secrets, nullptr)) == 0);

    // `sync --follow` reads the passphrase only; both variables are in its start environment.
    int out = -1;
    const pid_t pid = spawnCli(with({"sync", "--follow"}), secrets, &out);
    const bool synced = waitForOutput(out, "synced ", 60s);
    const std::string environ_text = procFile(pid, "environ");
    const std::string core = coreLimit(pid);
    kill(pid, SIGTERM);
    const int code = waitExit(pid);
    close(out);

    REQUIRE(synced);  // it unlocked the data and ran: the secrets were read
    CHECK_FALSE(environ_text.empty());
    CHECK(environ_text.find("RENKEI_PASSPHRASE=") == std::string::npos);
    CHECK(environ_text.find("RENKEI_PASSWORD=") == std::string::npos);
    CHECK(environ_text.find(kPassphrase) == std::string::npos);
    CHECK(environ_text.find(password) == std::string::npos);
    CHECK(environ_text.find("PATH=") != std::string::npos);  // the rest of it is still there
    CHECK(core == "0 0");
    CHECK(code == 0);
}
