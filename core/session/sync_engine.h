// Renkei core: the SyncEngine — long-polls /sync for a Session on its own worker thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "common/error.h"
#include "http/transport.h"
#include "session/backoff.h"
#include "store/cache.h"

namespace renkei::session {

class Session;

/// What the engine reports after each round. Called on the engine's worker thread: the GUI
/// re-posts it to its own thread (ui/ has the one bridge that does so).
struct SyncNotification {
    enum class State { Synced, Offline, Stopped, Failed };
    State state = State::Synced;
    store::ChangeSet changes;                    ///< State::Synced: what the response changed
    std::optional<Error> error;                  ///< Offline/Failed: why
    std::chrono::milliseconds retry_in{0};       ///< Offline: the backoff before the next try
};

/// Runs Session::syncOnce in a loop: a first round with timeout 0 to catch up (also after
/// each error), then long-polls of `timeout` (30 s by default); backoff with
/// jitter (1 s to 60 s, honouring Retry-After) on transient errors, and stop on errors that
/// retrying cannot fix (e.g. the session was logged out: State::Failed). stop() cancels the
/// running request and joins the thread; the destructor stops too.
class SyncEngine {
public:
    using Callback = std::function<void(const SyncNotification&)>;

    SyncEngine(Session& session, Callback callback,
               std::chrono::milliseconds timeout = std::chrono::seconds(30));
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void start();
    void stop();
    [[nodiscard]] bool running() const;

private:
    void run();
    bool waitOrStop(std::chrono::milliseconds delay);  // false when stop() was called

    Session& session_;
    Callback callback_;
    std::chrono::milliseconds timeout_;
    Backoff backoff_;
    http::CancelToken cancel_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace renkei::session
