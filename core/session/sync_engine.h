// Renkei core: the SyncEngine — long-polls /sync for a Session on its own worker thread.
#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include "common/error.h"
#include "http/transport.h"
#include "session/backoff.h"
#include "session/worker_thread.h"
#include "store/cache.h"

namespace renkei::session {

class Session;

/// What the engine reports after each round. Called on the engine's worker thread: the GUI
/// re-posts it to its own thread (ui/ has the one bridge that does so).
struct SyncNotification {
    enum class State { Synced, Offline, Stopped, Failed };
    State state = State::Synced;
    store::ChangeSet changes;                    ///< State::Synced: what the response changed
    std::optional<Error> error;                  ///< Offline/Failed: why (Offline also for an
                                                 ///< unreadable answer: Parse, TooLarge)
    std::chrono::milliseconds retry_in{0};       ///< Offline: the backoff before the next try
};

/// Runs Session::syncOnce in a loop: a first round with timeout 0 to catch up (also after
/// each error), then long-polls of `timeout` (30 s by default); backoff with
/// jitter (1 s to 60 s, honouring Retry-After) on transient errors and on answers that could
/// not be read (Parse, TooLarge: State::Offline with that error), and stop on errors that
/// retrying cannot fix (e.g. the session was logged out: State::Failed). Malformed single
/// events never stop a round: they are skipped and counted (ChangeSet::events_skipped).
/// stop() cancels the running request and joins the thread; the destructor stops too.
class SyncEngine {
public:
    using Callback = std::function<void(const SyncNotification&)>;

    /// `timeout`: the long-poll's server-side wait. `backoff`: the retry schedule after
    /// failures (the product keeps the default 1 s to 60 s; tests pass a short one).
    SyncEngine(Session& session, Callback callback,
               std::chrono::milliseconds timeout = std::chrono::seconds(30),
               Backoff backoff = Backoff());
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    /// Starts the worker; also restarts one that ended on its own (State::Failed).
    void start();
    void stop();
    /// Ends a backoff wait at once (e.g. a send just succeeded: the network is back); a
    /// server's Retry-After is still honoured. No effect while a request runs.
    void wake();
    [[nodiscard]] bool running() const;

private:
    void run();

    Session& session_;
    Callback callback_;
    std::chrono::milliseconds timeout_;
    Backoff backoff_;
    WorkerThread worker_;
};

}  // namespace renkei::session
