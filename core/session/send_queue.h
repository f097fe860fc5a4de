// Renkei core: the SendQueue — flushes a Session's outbox on its own worker thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/error.h"
#include "http/transport.h"
#include "session/backoff.h"
#include "session/worker_thread.h"
#include "store/outbox.h"
#include "store/pending_rooms.h"

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
        RoomOpened,  ///< a queued patient room was opened (`pending_room`, `room_id`)
        RoomFailed,  ///< a queued patient room was refused for good (`pending_room`: Failed)
    };
    Kind kind = Kind::Idle;
    std::optional<store::OutboxPost> post;   ///< Sent / Failed
    std::optional<store::PendingRoom> pending_room;  ///< RoomOpened / RoomFailed
    std::optional<std::string> room_id;      ///< RoomOpened
    std::optional<Error> error;              ///< Waiting / NeedsLogin
    std::chrono::milliseconds retry_in{0};   ///< Waiting
};

/// Opens the queued patient rooms first (Session::openNextPendingRoom, so a room's consent
/// scan is its first post), then sends queued posts one at a time, oldest first, so posts
/// leave in order per room (and overall). Transient errors keep the head of the queue and back off (1 s … 60 s with
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

    /// Starts the worker; also restarts one that ended on an internal error.
    void start();
    /// Cancels the request in flight (the post stays queued) and joins the thread.
    void stop();
    void wake();
    [[nodiscard]] bool running() const;

private:
    void run();
    // After a failed step: reports it and waits as the error says; false when stopping.
    bool waitAfter(const Error& error);

    Session& session_;
    Callback callback_;
    Backoff backoff_;
    WorkerThread worker_;
};

}  // namespace renkei::session
