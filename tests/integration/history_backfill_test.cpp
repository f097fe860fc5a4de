// Issue 10, complete history offline: an account in 20 rooms of 300 posts each signs in with
// renkei-cli, whose `backfill` is killed with SIGKILL mid-way and run again to the end; then
// Synapse is stopped and every room reads from the cache alone, from its first post to its
// last, nothing missing or doubled, each marked complete. Prints the seeding and back-fill
// times for the session note.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "session/session.h"
#include "store/keys.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPassphrase = "履歴-強制終了試験-8130";
constexpr int kRooms = 20;
constexpr int kPosts = 300;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Seeded {
    std::vector<std::string> rooms;  ///< room k holds "<tag> r<k> p<i>", i = 0 .. kPosts-1
    std::string tag;
};

// Seeds kRooms x kPosts for `user` through seed_history.py (concurrent Client-Server API
// posts), or reuses what an earlier run seeded on this server (the fixture keeps its data).
Seeded seed(const std::string& user) {
    const char* state = std::getenv("RENKEI_HOMESERVER_STATE");
    const std::string dir = RENKEI_HOMESERVER_DIR;
    const std::string state_file = state != nullptr ? state : dir + "/state.json";
    const std::string cmd = std::string("'") + RENKEI_PYTHON + "' '" + RENKEI_SEED_HISTORY +
                            "' --state '" + state_file + "' --user '" + user + "' --rooms " +
                            std::to_string(kRooms) + " --posts " + std::to_string(kPosts) +
                            " --tag '" + uniqueMarker("hist") + "' --reuse '" + dir +
                            "/history-seed.json'";
    std::FILE* out = ::popen(cmd.c_str(), "r");
    REQUIRE(out != nullptr);
    std::string text;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, out) != nullptr) text += buffer;
    REQUIRE(::pclose(out) == 0);
    const auto doc = nlohmann::json::parse(text);
    WARN((doc.at("reused").get<bool>() ? "reused the " : "seeded ")
         << kRooms * kPosts << " posts in " << kRooms << " rooms: "
         << doc.at("seconds").get<double>() << " s");
    return {doc.at("rooms").get<std::vector<std::string>>(), doc.at("tag").get<std::string>()};
}

std::vector<std::string> backfillArgs(const std::filesystem::path& root) {
    return {"--data-dir", root.string(), "backfill", "--patience", "20"};
}

// Runs `renkei-cli backfill` until it has printed `pages` progress lines, then SIGKILLs it.
void backfillUntilKilled(const std::filesystem::path& root, int pages) {
    int out_fd = -1;
    const pid_t pid = startCli(backfillArgs(root), &out_fd);
    std::string text;
    int seen = 0;
    const auto until = Clock::now() + 60s;
    while (seen < pages && Clock::now() < until) {
        pollfd fd{out_fd, POLLIN, 0};
        if (::poll(&fd, 1, 100) <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::read(out_fd, buffer, sizeof buffer);
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        seen = 0;
        for (std::size_t at = text.find("history "); at != std::string::npos;
             at = text.find("history ", at + 1)) {
            ++seen;
        }
    }
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(out_fd);
    INFO(text);
    REQUIRE(seen >= pages);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(text.find("settled") == std::string::npos);  // killed mid-way, not at the end
}

// Rooms the CLI lists as complete, by room id.
std::set<std::string> completeRooms(const std::filesystem::path& root) {
    const CliRun rooms = runCli({"--data-dir", root.string(), "rooms"});
    REQUIRE(rooms.exit_code == 0);
    std::set<std::string> out;
    std::istringstream lines(rooms.out);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields(line);
        std::string id, membership, unread, history;
        std::getline(fields, id, '\t');
        std::getline(fields, membership, '\t');
        std::getline(fields, unread, '\t');
        std::getline(fields, history, '\t');
        if (history == "complete") out.insert(id);
    }
    return out;
}

// Brings the stopped Synapse back for the tests after this one, whatever happens here.
struct RestartServer {
    ~RestartServer() {
        if (stopped) Homeserver::get().start();
    }
    bool stopped = false;
};

}  // namespace

TEST_CASE("history: 20 rooms x 300 posts back-fill, survive a SIGKILL, and read offline") {
    const auto started = Clock::now();
    // A fixed user: the seeded rooms are kept on the server and reused by later runs. Each
    // run signs in with a new local account directory, so the back-fill starts from nothing.
    const std::string user = "hist.backfill";
    registerUser(user);
    const Seeded seeded = seed(user);
    const auto& rooms = seeded.rooms;
    const std::string& tag = seeded.tag;
    REQUIRE(rooms.size() == kRooms);

    TempDir dir("history");
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    const auto account_dir = cliLogin(dir.path(), user, kPassphrase);

    const auto backfill_started = Clock::now();
    backfillUntilKilled(dir.path(), 8);
    const auto after_kill = completeRooms(dir.path());
    CHECK(after_kill.size() < rooms.size());  // part of the way, not all of it

    const CliRun rest = runCli(backfillArgs(dir.path()), 120s);
    INFO(rest.err);
    REQUIRE(rest.exit_code == 0);
    CHECK(rest.out.find("history settled 20/20 rooms") != std::string::npos);
    const double backfill_seconds = secondsSince(backfill_started);
    for (const auto& room : after_kill) {
        CHECK(rest.out.find(" " + room + " +") == std::string::npos);  // done once, kept
    }
    CHECK(completeRooms(dir.path()).size() == rooms.size());

    RestartServer restart;
    restart.stopped = Homeserver::get().stop();
    REQUIRE(restart.stopped);
    store::PassphraseKeyProvider keys(store::keyFileOf(account_dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    session::SessionConfig config;
    config.data_dir = account_dir;
    auto s = session::Session::open(std::move(config), keys);
    REQUIRE(s.ok());
    for (int k = 0; k < kRooms; ++k) {
        const std::string& room = rooms[static_cast<std::size_t>(k)];
        auto events = (*s)->timeline(room, 100'000, std::nullopt);
        REQUIRE(events.ok());
        std::vector<std::string> bodies;
        for (const auto& e : *events) {
            if (e.type == "m.room.message") bodies.push_back(e.content.value("body", ""));
        }
        std::vector<std::string> expected;
        for (int i = 0; i < kPosts; ++i) {
            expected.push_back(tag + " r" + std::to_string(k) + " p" + std::to_string(i));
        }
        INFO("room " << k);
        CHECK(bodies == expected);  // first to last, nothing missing or doubled
        REQUIRE_FALSE(events->empty());
        CHECK(events->front().type == "m.room.create");
        auto gaps = (*s)->gaps(room);
        REQUIRE(gaps.ok());
        CHECK(gaps->empty());
    }
    unsetenv("RENKEI_PASSPHRASE");
    WARN("back-fill of " << kRooms << " x " << kPosts << " posts (with one SIGKILL): "
                         << backfill_seconds << " s; whole test " << secondsSince(started)
                         << " s");
}
