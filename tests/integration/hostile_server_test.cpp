// A homeserver that answers badly on purpose (an HTTP server inside this test, speaking just
// enough of the Client-Server API; hostile_homeserver.h): deep nesting, malformed events,
// oversized, endless and gzip-bomb replies, redirects to another port, content URIs that
// would steer a download, plain http. Driven through Session (and renkei-cli where a crash
// or the process's memory is the question): each gives a clear error or a skipped event,
// never a crash; memory stays under the 64 MiB cap plus a margin; the vault stays intact and
// sync goes on.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "hostile_homeserver.h"
#include "session/sync_engine.h"
#include "support.h"

extern char** environ;

using namespace renkei;
using renkei::test::Client;
using renkei::test::HostileHomeserver;
using renkei::test::HttpReply;
using renkei::test::HttpRequest;
using renkei::test::jsonReply;
using renkei::test::TempDir;

namespace {

constexpr const char* kRoom = HostileHomeserver::kRoom;
constexpr std::size_t kMiB = std::size_t{1} << 20;
constexpr std::size_t kCap = 64 * kMiB;     ///< the transport's cap for /sync
constexpr std::size_t kMargin = 32 * kMiB;  ///< allowed on top of it (parser, libcurl, threads)

/// A Session signed in to the hostile server, with a draft and a queued post in its vault.
struct Account {
    HostileHomeserver& hs;
    TempDir dir{"hostile"};
    Client client{dir.path()};

    explicit Account(HostileHomeserver& server) : hs(server) {
        auto login = client->login(hs.baseUrl(), "nurse", "fictional-password");
        if (!login) FAIL("login: " << login.error().describe());
        REQUIRE(client->queueText(kRoom, "送信待ち：血圧 128/82").ok());  // (takes the draft)
        REQUIRE(client->saveDraft(kRoom, "下書き：訪問記録（途中）").ok());
    }

    /// The vault still holds the draft and the queued post.
    void checkVault() {
        auto draft = client->draft(kRoom);
        REQUIRE(draft.ok());
        CHECK(draft->value_or("") == "下書き：訪問記録（途中）");
        auto outbox = client->outbox(kRoom);
        REQUIRE(outbox.ok());
        REQUIRE(outbox->size() == 1);
        CHECK(outbox->front().content.value("body", "") == "送信待ち：血圧 128/82");
    }

    std::vector<std::string> bodies() { return test::messageBodies(*client, kRoom); }
};

/// The raw `since` of every /sync request so far.
std::vector<std::string> sinceTokens(const HostileHomeserver& hs) {
    std::vector<std::string> out;
    for (const auto& r : hs.requests("/_matrix/client/v3/sync"))
        out.push_back(r.query("since").value_or(""));
    return out;
}

struct CliRun {
    int exit_code = -1;
    int signal = 0;  ///< the signal that ended the child, 0 if it exited
    std::string out, err;
    long max_rss_kb = 0;  ///< the child's peak resident set (getrusage ru_maxrss)
};

/// Runs renkei-cli with `args` (environment inherited) and collects its output and peak RSS.
CliRun runCli(const std::vector<std::string>& args) {
    std::vector<std::string> argv_text = {RENKEI_CLI_PATH};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    int out_pipe[2], err_pipe[2];
    REQUIRE(pipe(out_pipe) == 0);
    REQUIRE(pipe(err_pipe) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
        posix_spawn_file_actions_addclose(&actions, fd);
    }
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out_pipe[1]);
    close(err_pipe[1]);
    REQUIRE(spawned == 0);
    CliRun run;
    // The outputs are short; read stdout to its end, then stderr.
    for (auto [fd, text] : {std::pair{out_pipe[0], &run.out}, std::pair{err_pipe[0], &run.err}}) {
        char buffer[4096];
        ssize_t n = 0;
        while ((n = read(fd, buffer, sizeof buffer)) > 0)
            text->append(buffer, static_cast<std::size_t>(n));
        close(fd);
    }
    int status = 0;
    rusage usage{};
    REQUIRE(wait4(pid, &status, 0, &usage) == pid);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    run.max_rss_kb = usage.ru_maxrss;
    return run;
}

/// Signs renkei-cli in to the hostile server with its own data directory.
std::vector<std::string> cliLogin(const HostileHomeserver& hs, const TempDir& dir) {
    setenv("RENKEI_PASSPHRASE", "試験用パスフレーズ-hostile", 1);
    setenv("RENKEI_PASSWORD", "fictional-password", 1);
    const std::vector<std::string> data = {"--data-dir", dir.path().string()};
    std::vector<std::string> login = data;
    login.insert(login.end(), {"login", "--homeserver", hs.baseUrl(), "--user", "nurse"});
    const CliRun run = runCli(login);
    unsetenv("RENKEI_PASSWORD");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return data;
}

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
}

/// The malformed events of the first test, between good ones: each must cost itself only.
std::vector<std::string> batchWithMalformedEvents() {
    using test::messageEvent;
    using test::textEvent;
    return {
        textEvent("a", "朝の訪問：異常なし"),
        messageEvent("deep",
                     R"({"msgtype":"m.text","body":"x","x":)" + test::nestedArrays(100'000) + "}"),
        textEvent("b", "昼の服薬：済"),
        messageEvent("range", R"({"msgtype":"m.text","body":"x","v":1e400})"),
        messageEvent("surrogate", R"({"msgtype":"m.text","body":"\ud800"})"),
        R"({"event_id":17,"type":"m.room.message","sender":"@nurse:hostile.test","content":{}})",
        textEvent("c", "夕方：家族へ連絡"),
    };
}

}  // namespace

TEST_CASE(
    "deep nesting, 1e400, a lone surrogate and wrong types are skipped and counted; "
    "the rest of the batch and the next batch apply") {
    HostileHomeserver hs;
    Account account(hs);
    hs.queueSync(jsonReply(200, test::syncBody("s1", batchWithMalformedEvents())));
    hs.queueSync(jsonReply(200, test::syncBody("s2", {test::textEvent("d", "翌朝：体温 36.5")})));

    auto first = account.client->syncOnce(0);
    REQUIRE(first.ok());
    CHECK(first->events_added == 3);
    CHECK(first->events_skipped == 4);
    CHECK(account.bodies() ==
          std::vector<std::string>{"朝の訪問：異常なし", "昼の服薬：済", "夕方：家族へ連絡"});

    auto second = account.client->syncOnce(0);
    REQUIRE(second.ok());
    CHECK(second->events_skipped == 0);
    CHECK(account.bodies().back() == "翌朝：体温 36.5");
    CHECK(sinceTokens(hs) == std::vector<std::string>{"", "s1"});  // the bad batch committed
    account.checkVault();

    account.client.reopen();  // a restart neither replays the batch nor loses anything
    CHECK(account.client->loggedIn());
    CHECK(account.bodies().size() == 4);
    account.checkVault();
}

TEST_CASE("renkei-cli sync --once survives an event nested 100,000 deep and says it skipped it") {
    HostileHomeserver hs;
    TempDir dir("hostile-cli");
    const auto data = cliLogin(hs, dir);
    hs.queueSync(jsonReply(200, test::syncBody("s1", batchWithMalformedEvents())));

    const CliRun sync = runCli(with(data, {"sync", "--once"}));
    INFO(sync.err);
    CHECK(sync.signal == 0);  // it died with SIGSEGV in the recursive JSON serialiser
    REQUIRE(sync.exit_code == 0);
    CHECK(sync.out.find("synced 3 events in 1 rooms (skipped 4 malformed events)") !=
          std::string::npos);
    const CliRun timeline = runCli(with(data, {"timeline", kRoom}));
    CHECK(timeline.out.find("夕方：家族へ連絡") != std::string::npos);
    WARN("renkei-cli sync --once with the 100,000-deep event: peak RSS " << sync.max_rss_kb / 1024
                                                                         << " MiB");
}

TEST_CASE("an unreadable batch is retried with backoff by the sync engine, never stopping sync") {
    using State = session::SyncNotification::State;
    HostileHomeserver hs;
    Account account(hs);
    hs.queueSync(jsonReply(200, R"({"next_batch":"s1","rooms":{"join":{"!x": 1e400)"));
    hs.queueSync(jsonReply(200, test::syncBody("s2", {test::textEvent("a", "再開後の投稿")})));

    std::mutex mutex;
    std::condition_variable changed;
    std::vector<session::SyncNotification> notes;
    session::SyncEngine engine(
        *account.client,
        [&](const session::SyncNotification& n) {
            std::lock_guard lock(mutex);
            notes.push_back(n);
            changed.notify_all();
        },
        std::chrono::milliseconds(100));
    engine.start();
    {
        std::unique_lock lock(mutex);
        const bool synced = changed.wait_for(lock, std::chrono::seconds(30), [&] {
            for (const auto& n : notes) {
                if (n.state == State::Synced && n.changes.events_added > 0) return true;
                if (n.state == State::Failed) return true;
            }
            return false;
        });
        REQUIRE(synced);
        REQUIRE(notes.size() >= 2);
        CHECK(notes.front().state == State::Offline);
        REQUIRE(notes.front().error.has_value());
        CHECK(notes.front().error->kind == ErrorKind::Parse);
        CHECK(notes.front().retry_in.count() > 0);
        for (const auto& n : notes) CHECK(n.state != State::Failed);
    }
    engine.stop();
    CHECK(account.bodies() == std::vector<std::string>{"再開後の投稿"});
    account.checkVault();
}
