// disableCoreDumps and takeEnvironmentSecret (core/common/process_hardening.h): a crash of a
// process holding decrypted posts writes no core file, and a secret passed in the environment
// leaves no readable copy there.
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "common/process_hardening.h"

using namespace renkei;

namespace {

// What the forked child found after disableCoreDumps(), as its exit code (it aborts instead
// when everything holds).
enum ChildResult : int { kStillDumpable = 2, kCoreLimitNotZero = 3, kCallFailed = 4, kNoAbort = 5 };

// A child that could dump core (soft limit raised to the hard one, a writable working
// directory), turns core dumps off, checks from the inside, then aborts.
[[noreturn]] void hardenedChild(const std::filesystem::path& dir) {
    rlimit limit{};
    getrlimit(RLIMIT_CORE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_CORE, &limit);
    if (chdir(dir.c_str()) != 0) _exit(1);
    std::signal(SIGABRT, SIG_DFL);  // not the test framework's handler: die as a crash would
    if (!disableCoreDumps()) _exit(kCallFailed);
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) _exit(kStillDumpable);
    getrlimit(RLIMIT_CORE, &limit);
    if (limit.rlim_cur != 0 || limit.rlim_max != 0) _exit(kCoreLimitNotZero);
    std::abort();
    _exit(kNoAbort);
}

// A fresh working directory for the child, removed with whatever it holds.
struct ScratchDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("renkei-core-test-" + std::to_string(std::random_device{}()));
    ScratchDir() { std::filesystem::create_directories(path); }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
};

bool hasCoreFile(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().filename().string().starts_with("core")) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("disableCoreDumps: not dumpable, core limit 0, and an abort leaves no core file",
          "[common][hardening]") {
    // Without the hardening, such a child leaves a core file here (core_pattern "core") or
    // hands one to the system's crash collector.
    const ScratchDir dir;
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) hardenedChild(dir.path);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    INFO("child exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
    CHECK_FALSE(WCOREDUMP(status));  // the kernel reports whether it wrote (or piped) a core
    CHECK_FALSE(hasCoreFile(dir.path));
}

TEST_CASE("takeEnvironmentSecret: returns the value, wipes its bytes and unsets it",
          "[common][hardening]") {
    // putenv keeps this very buffer in the environment, as the process's initial environment
    // block (what /proc/<pid>/environ shows) is kept.
    static char entry[] = "RENKEI_TEST_SECRET=かぎ-passphrase-42";
    REQUIRE(putenv(entry) == 0);

    const auto value = takeEnvironmentSecret("RENKEI_TEST_SECRET");
    REQUIRE(value.has_value());
    CHECK(*value == "かぎ-passphrase-42");
    CHECK(std::getenv("RENKEI_TEST_SECRET") == nullptr);
    const std::string left(entry, sizeof entry - 1);  // name and value: no trace to read
    CHECK(left == std::string(left.size(), '\0'));

    CHECK_FALSE(takeEnvironmentSecret("RENKEI_TEST_SECRET").has_value());  // gone: nullopt
    REQUIRE(setenv("RENKEI_TEST_EMPTY", "", 1) == 0);
    CHECK_FALSE(takeEnvironmentSecret("RENKEI_TEST_EMPTY").has_value());
    CHECK(std::getenv("RENKEI_TEST_EMPTY") == nullptr);
    // A longer name that starts with the same letters is left alone.
    REQUIRE(setenv("RENKEI_TEST_SECRET_NOT", "keep", 1) == 0);
    CHECK_FALSE(takeEnvironmentSecret("RENKEI_TEST_SECRET").has_value());
    CHECK(std::string(std::getenv("RENKEI_TEST_SECRET_NOT")) == "keep");
    unsetenv("RENKEI_TEST_SECRET_NOT");
}
