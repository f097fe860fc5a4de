// The Session's offline history without a network, on real SQLCipher files: GUI reads go
// through their own read-only connection and answer while a large write holds the writer,
// and the HistoryBackfiller's start/stop, counts, horizon and notifications.
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <vector>

#include "session/history_backfill.h"
#include "session/session.h"
#include "store/cache.h"
#include "store/keys.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr char kPassphrase[] = "履歴テスト-合言葉-2291";
constexpr char kRoom[] = "!ward-tanaka:example.org";

std::unique_ptr<session::Session> openSession(const fs::path& dir) {
    store::PassphraseKeyProvider keys(store::keyFileOf(dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    session::SessionConfig config;
    config.data_dir = dir;
    auto s = session::Session::open(std::move(config), keys);
    REQUIRE(s.ok());
    return std::move(*s);
}

void applyAll(session::Session& s, const std::vector<matrix::SyncResponse>& responses) {
    auto r = s.writeCacheForTests([&](store::Cache& cache) -> Result<void> {
        for (const auto& response : responses) {
            if (auto applied = cache.applySync(response); !applied) return applied.failure();
        }
        return {};
    });
    REQUIRE(r.ok());
}

/// Notifications as the back-filler's worker sends them, waited on with deadlines.
class Recorder {
public:
    session::HistoryBackfiller::Callback callback() {
        return [this](const session::HistoryNotification& n) {
            std::lock_guard lock(mutex_);
            notes_.push_back(n);
            changed_.notify_all();
        };
    }
    /// The first notification from index `from` on that `match`es, within 5 s.
    template <class Match>
    std::optional<session::HistoryNotification> waitFor(std::size_t from, Match match) {
        std::unique_lock lock(mutex_);
        std::optional<session::HistoryNotification> found;
        changed_.wait_for(lock, 5s, [&] {
            for (std::size_t i = from; i < notes_.size(); ++i) {
                if (match(notes_[i])) {
                    found = notes_[i];
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    std::size_t count() {
        std::lock_guard lock(mutex_);
        return notes_.size();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<session::HistoryNotification> notes_;
};

}  // namespace

TEST_CASE("session: GUI reads answer while a large sync holds the writer, then see it",
          "[session][history]") {
    TempDir dir;
    auto s = openSession(dir.path());
    applyAll(*s, {syncWith("s0", kRoom, messages("old", 5, 100))});

    std::promise<void> written;
    std::promise<void> reads_done;
    auto write = std::async(std::launch::async, [&] {
        return s->writeCacheForTests([&](store::Cache& cache) -> Result<void> {
            if (auto r = cache.applySync(syncWith("s1", kRoom, messages("new", 2000, 5000))); !r)
                return r.failure();
            written.set_value();
            // Hold the write transaction open until the reads are done (or 5 s passed).
            reads_done.get_future().wait_for(5s);
            return {};
        });
    });
    written.get_future().wait();
    auto reads = std::async(std::launch::async, [&] {
        std::size_t seen = 0;
        if (auto rooms = s->rooms(); rooms && rooms->size() == 1) ++seen;
        if (auto events = s->timeline(kRoom, 50, std::nullopt); events && events->size() == 5)
            ++seen;
        if (auto gaps = s->gaps(kRoom); gaps && gaps->empty()) ++seen;
        if (auto receipts = s->receipts(kRoom); receipts) ++seen;
        if (auto state = s->stateContent(kRoom, "m.room.name", ""); state) ++seen;
        if (auto history = s->history(); history && history->size() == 1) ++seen;
        if (s->displayName(kRoom, "@alice:example.org") == "@alice:example.org") ++seen;
        return seen;
    });
    const bool answered = reads.wait_for(2s) == std::future_status::ready;
    reads_done.set_value();
    REQUIRE(write.get().ok());
    CHECK(answered);  // before the write committed: the reads did not wait for it
    CHECK(reads.get() == 7);
    auto after = s->timeline(kRoom, 5000, std::nullopt);
    REQUIRE(after.ok());
    CHECK(after->size() == 2005);  // committed: the read connection sees it at once
    CHECK(after->back().event_id == "$new1999");
}

TEST_CASE("history back-filler: counts, horizon, stop and restart without network",
          "[session][history]") {
    TempDir dir;
    auto s = openSession(dir.path());  // not signed in: any request is NotLoggedIn
    applyAll(*s, {syncWith("s1", "!complete-a:x", messages("a", 3, 1000)),
                  syncWith("s2", "!complete-b:x", messages("b", 3, 2000)),
                  limitedSyncWith("s3", "!partial:x", "p0", messages("c", 3, 3000))});
    Recorder recorder;
    session::HistoryOptions options;
    options.backoff = session::Backoff(10ms, 20ms);
    session::HistoryBackfiller backfiller(*s, recorder.callback(), std::move(options));
    using Kind = session::HistoryNotification::Kind;

    backfiller.start();
    auto login = recorder.waitFor(0, [](const auto& n) { return n.kind == Kind::NeedsLogin; });
    REQUIRE(login);
    CHECK(login->rooms_done == 2);  // two rooms are complete; the third needs the server
    CHECK(login->rooms_total == 3);
    CHECK(backfiller.running());

    // A horizon after the partial room's newest post: nothing left to fetch for it.
    std::size_t mark = recorder.count();
    backfiller.setHorizon(10'000);
    auto settled = recorder.waitFor(mark, [](const auto& n) { return n.kind == Kind::Settled; });
    REQUIRE(settled);
    CHECK(settled->rooms_done == 3);
    CHECK(settled->rooms_total == 3);

    backfiller.stop();
    CHECK_FALSE(backfiller.running());
    mark = recorder.count();
    backfiller.start();  // the horizon is kept across a restart
    settled = recorder.waitFor(mark, [](const auto& n) { return n.kind == Kind::Settled; });
    REQUIRE(settled);
    CHECK(settled->rooms_done == 3);

    mark = recorder.count();
    backfiller.setHorizon(std::nullopt);  // all history again: the partial room needs login
    login = recorder.waitFor(mark, [](const auto& n) { return n.kind == Kind::NeedsLogin; });
    REQUIRE(login);
    CHECK(login->rooms_done == 2);
    CHECK(login->error->kind == ErrorKind::NotLoggedIn);
    backfiller.stop();
}

TEST_CASE("history back-filler: an unreachable homeserver backs off and keeps retrying",
          "[session][history]") {
    TempDir dir;
    {
        auto s = openSession(dir.path());
        applyAll(*s, {limitedSyncWith("s1", kRoom, "p0", messages("c", 3, 3000))});
    }
    {
        // A stored session on a closed loopback port: every request fails with Network.
        store::PassphraseKeyProvider keys(store::keyFileOf(dir.path()), kPassphrase,
                                          store::KdfLimits::minimumForTests());
        auto account_keys = keys.loadOrCreate();
        REQUIRE(account_keys.ok());
        auto vault = store::Vault::open(dir.path(), account_keys->vault);
        store::wipe(*account_keys);
        REQUIRE(vault.ok());
        REQUIRE(vault->saveSession({"http://127.0.0.1:1", "@nurse:example.org", "DEVICE",
                                    "fictional-token", std::nullopt, std::nullopt})
                    .ok());
    }
    auto s = openSession(dir.path());
    REQUIRE(s->loggedIn());
    Recorder recorder;
    session::HistoryOptions options;
    options.backoff = session::Backoff(10ms, 40ms);
    session::HistoryBackfiller backfiller(*s, recorder.callback(), std::move(options));
    using Kind = session::HistoryNotification::Kind;
    backfiller.start();
    auto first = recorder.waitFor(0, [](const auto& n) { return n.kind == Kind::Waiting; });
    REQUIRE(first);
    CHECK(first->error->kind == ErrorKind::Network);
    CHECK(first->retry_in >= 5ms);
    CHECK(first->retry_in <= 10ms);
    CHECK(first->rooms_done == 0);
    CHECK(first->rooms_total == 1);
    // It tries again after the delay, waiting longer each time, up to the maximum.
    const std::size_t after_first = recorder.count();
    auto later = recorder.waitFor(after_first, [](const auto& n) {
        return n.kind == Kind::Waiting && n.retry_in > 10ms;
    });
    REQUIRE(later);
    CHECK(later->retry_in <= 40ms);
    backfiller.stop();
    CHECK_FALSE(backfiller.running());
    auto gaps = s->gaps(kRoom);
    REQUIRE(gaps.ok());
    CHECK(gaps->size() == 1);  // nothing lost: the gap waits for the network
}
