// Integration-test support for tests that run the real renkei-cli (registered USES_CLI, so
// RENKEI_CLI_PATH names the binary): running it without a shell, and preparing the account
// directory it signs in to.
//
// Speed seam: `renkei-cli login` seals a new account's keys with Argon2id MODERATE (~1 s and
// 256 MiB per unlock, i.e. per CLI run). seedAccount() writes the key file beforehand with
// the lowest work factors instead; the CLI then finds that directory for the user and unlocks
// it with the factors the file records. One test (cli_test.cpp) keeps the product path.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/accounts.h"
#include "store/keys.h"
#include "support.h"

extern char** environ;

namespace renkei::test {

/// One finished renkei-cli run.
struct CliRun {
    int exit_code = -1;  ///< -1: ended by a signal
    std::string out;     ///< stdout
    std::string err;     ///< stderr (may name the homeserver; never a secret)
    std::chrono::milliseconds elapsed{0};
};

/// Starts renkei-cli with `args` and the test's environment; its stdout and stderr go to the
/// returned pipes' read ends (`out_fd`, `err_fd`; null: discarded). Returns the pid.
inline pid_t startCli(const std::vector<std::string>& args, int* out_fd = nullptr,
                      int* err_fd = nullptr) {
    std::vector<std::string> words = {RENKEI_CLI_PATH};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& w : words) argv.push_back(w.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    std::vector<int> child_ends;
    for (auto [target, read_end] : {std::pair{1, out_fd}, std::pair{2, err_fd}}) {
        if (read_end == nullptr) {
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0);
            continue;
        }
        int fds[2] = {-1, -1};
        REQUIRE(pipe2(fds, O_CLOEXEC) == 0);
        posix_spawn_file_actions_adddup2(&actions, fds[1], target);
        child_ends.push_back(fds[1]);
        *read_end = fds[0];
    }
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    for (int fd : child_ends) close(fd);
    REQUIRE(rc == 0);
    return pid;
}

/// Waits up to `deadline` for `pid` to end (then kills it). Returns its exit code, -1 if it
/// was killed or ended by a signal.
inline int waitCli(pid_t pid, std::chrono::seconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > until) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling a deadline
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Runs renkei-cli with `args` to its end (at most `deadline`) and collects its output.
inline CliRun runCli(const std::vector<std::string>& args,
                     std::chrono::seconds deadline = std::chrono::seconds(60)) {
    const auto started = std::chrono::steady_clock::now();
    int out_fd = -1;
    int err_fd = -1;
    const pid_t pid = startCli(args, &out_fd, &err_fd);
    CliRun run;
    pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    std::string* texts[2] = {&run.out, &run.err};
    const auto until = started + deadline;
    for (int open_fds = 2; open_fds > 0 && std::chrono::steady_clock::now() < until;) {
        if (poll(fds, 2, 100) <= 0) continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buffer[4096];
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                texts[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    for (const auto& p : fds) {
        if (p.fd >= 0) close(p.fd);
    }
    run.exit_code = waitCli(pid, std::chrono::seconds(5));
    run.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return run;
}

/// The Argon2id work factors (opslimit, memlimit) an account's key file records.
inline std::pair<unsigned long long, std::size_t> keyFileLimits(const std::filesystem::path& dir) {
    const auto doc = nlohmann::json::parse(readFile(store::keyFileOf(dir)));
    return {doc.at("opslimit").get<unsigned long long>(), doc.at("memlimit").get<std::size_t>()};
}

/// Prepares under the data root `root` the directory `renkei-cli login` picks for `binding`
/// (homeserver base URL and user id): <root>/accounts/<id>/ with a key file sealed with
/// `passphrase` at KdfLimits::minimumForTests(), and an account.json naming the account.
/// Returns it.
inline std::filesystem::path seedAccount(const std::filesystem::path& root,
                                         const store::AccountBinding& binding,
                                         const std::string& passphrase) {
    auto account = store::createAccount(root);
    REQUIRE(account.ok());
    store::PassphraseKeyProvider keys(store::keyFileOf(account->dir), passphrase,
                                      store::KdfLimits::minimumForTests());
    auto created = keys.loadOrCreate();
    REQUIRE(created.ok());
    store::wipe(*created);
    REQUIRE(store::writeAccountIndex(account->dir, binding, 0).ok());
    return account->dir;
}

/// seedAccount for the harness user `name` on the test Synapse.
inline std::filesystem::path seedAccount(const std::filesystem::path& root, const std::string& name,
                                         const std::string& passphrase) {
    const auto& hs = Homeserver::get();
    return seedAccount(root, store::AccountBinding{hs.base_url, hs.userId(name)}, passphrase);
}

/// Seeds a directory for `name` (seedAccount) and signs renkei-cli in to it; RENKEI_PASSPHRASE
/// must hold `passphrase`. REQUIREs that the login succeeded into that very directory, whose
/// key file keeps the low work factors. Returns the account directory.
inline std::filesystem::path cliLogin(const std::filesystem::path& root, const std::string& name,
                                      const std::string& passphrase) {
    const auto& hs = Homeserver::get();
    const std::filesystem::path dir = seedAccount(root, name, passphrase);
    setenv("RENKEI_PASSWORD", hs.password(name).c_str(), 1);
    const CliRun login = runCli({"--data-dir", root.string(), "login", "--homeserver", hs.base_url,
                                 "--user", name});
    unsetenv("RENKEI_PASSWORD");
    INFO(login.err);
    REQUIRE(login.exit_code == 0);
    const auto accounts = store::listAccounts(root);
    REQUIRE(accounts.ok());
    auto found = store::findAccount(*accounts, hs.base_url, name);
    REQUIRE(found.has_value());
    REQUIRE(found->dir == dir);
    REQUIRE(keyFileLimits(dir).first == store::KdfLimits::minimumForTests().opslimit);
    return dir;
}

/// renkei-cli signed in as the harness user `name` under the data root `root` (cliLogin),
/// with RENKEI_PASSPHRASE set to `passphrase` while it lives; run() runs a command on that
/// data directory, its stderr kept as the assertion's context.
class CliUser {
public:
    CliUser(std::filesystem::path root, const std::string& name, const std::string& passphrase)
        : root_(std::move(root)) {
        setenv("RENKEI_PASSPHRASE", passphrase.c_str(), 1);
        cliLogin(root_, name, passphrase);
    }
    ~CliUser() { unsetenv("RENKEI_PASSPHRASE"); }
    CliUser(const CliUser&) = delete;
    CliUser& operator=(const CliUser&) = delete;
    CliRun run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--data-dir", root_.string()});
        CliRun done = runCli(args);
        UNSCOPED_INFO(done.err);
        return done;
    }

private:
    std::filesystem::path root_;
};

}  // namespace renkei::test
