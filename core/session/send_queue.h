// Renkei core: the SendQueue — flushes a Session's outbox on its own worker thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "common/error.h"
#include "http/transport.h"
#include "session/backoff.h"
#include "store/outbox.h"

namespace renkei::session {

class Session;

/// What the queue reports. Called on the queue's worker thread (the GUI re-posts it).
struct SendNotification {
    enum class Kind {
        Sent,        ///< `post` reached the homeserver (state Sent, event_id set)
        Failed,      ///< `post` was refused for good (state Failed, last_error says why)
        Waiting,     ///< a transient error (offline, 5xx, 429, storage): retry in `retry_in`
        NeedsLogin,  ///< the server rejected the session: paused until wake() after re-login
        Idle,        ///< nothing left to send
    };
    Kind kind = Kind::Idle;
    std::optional<store::OutboxPost> post;   ///< Sent / Failed
    std::optional<Error> error;              ///< Waiting / NeedsLogin
    std::chrono::milliseconds retry_in{0};   ///< Waiting
};

/// Sends queued posts one at a time, oldest first, so posts leave in order per room (and
/// overall). Transient errors keep the head of the queue and back off (1 s … 60 s with
/// jitter; a server's Retry-After is honoured and never cut short); errors retrying cannot
/// fix mark that post failed and the queue moves on; authentication errors pause the queue
/// until wake(). wake() after queueing a post, a retry, a re-login or a successful sync (the
/// network is back: a pending backoff other than Retry-After ends at once).
class SendQueue {
public:
    using Callback = std::function<void(const SendNotification&)>;

    /// `backoff`: the retry delays (tests pass shorter ones).
    SendQueue(Session& session, Callback callback, Backoff backoff = Backoff());
    ~SendQueue();  ///< stops
    SendQueue(const SendQueue&) = delete;
    SendQueue& operator=(const SendQueue&) = delete;

    void start();
    /// Cancels the request in flight (the post stays queued) and joins the thread.
    void stop();
    void wake();
    [[nodiscard]] bool running() const;

private:
    void run();
    /// Waits until `delay` passes, wake() (when `wakeable`) or stop(); false on stop.
    bool wait(std::optional<std::chrono::milliseconds> delay, bool wakeable);

    Session& session_;
    Callback callback_;
    Backoff backoff_;
    http::CancelToken cancel_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread worker_;
};

}  // namespace renkei::session
