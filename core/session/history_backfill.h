// Renkei core: the HistoryBackfiller — caches every joined room's whole history (or back to
// a horizon) on its own worker thread, so that a nurse who goes offline can read it all.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "common/error.h"
#include "session/backoff.h"
#include "session/worker_thread.h"

namespace renkei::session {

class Session;

/// What the back-filler reports. Called on its worker thread (the GUI re-posts it), e.g. for
/// the status bar's 「オフライン用に履歴を取得中 {rooms_done}/{rooms_total}」 while kind is
/// Progress or Waiting, and nothing (or a quiet mark) once Settled.
struct HistoryNotification {
    enum class Kind {
        Progress,    ///< one page of `room_id` was stored (events_added), or a room finished
        Settled,     ///< every joined room is done (complete, at the horizon, or cannot be
                     ///< fetched now); waits for wake()
        Waiting,     ///< a transient error (offline, 5xx, 429, storage): retry in `retry_in`
        NeedsLogin,  ///< the server rejected the session: paused until wake() after re-login
    };
    Kind kind = Kind::Progress;
    /// Joined rooms whose history is cached as far as asked (whole history, or back to the
    /// horizon), and all joined rooms. rooms_done <= rooms_total.
    std::size_t rooms_done = 0;
    std::size_t rooms_total = 0;
    std::string room_id;                    ///< Progress: the room worked on
    std::size_t events_added = 0;           ///< Progress: events newly stored by that step
    std::optional<Error> error;             ///< Waiting / NeedsLogin
    std::chrono::milliseconds retry_in{0};  ///< Waiting
};

struct HistoryOptions {
    /// Back-fill only events newer than this (ms since the Unix epoch); nullopt: all history.
    std::optional<std::int64_t> horizon_ms;
    int page_limit = 250;  ///< events per /messages request
    Backoff backoff = Backoff();  ///< retry delays after transient errors (1 s … 60 s by default)
};

/// Back-fills joined rooms one request at a time, newest rooms (last activity) first: each
/// room's gaps, newest first, down to the room's start (a page with no `end`, or
/// m.room.create). Everything it needs to go on is in the cache (gaps with their tokens,
/// rooms' start marks), each page committed with its token, so after a restart or a crash it
/// continues where it stopped and never stores an event twice or leaves a hole. Transient
/// errors back off (a server's Retry-After is honoured and never cut short); a room the
/// server refuses (4xx) or that yields no progress for several pages is skipped until the
/// next wake(). Start it once the first sync has been applied, and wake() it after each sync
/// (a limited sync leaves a new gap) or a re-login.
class HistoryBackfiller {
public:
    using Callback = std::function<void(const HistoryNotification&)>;

    HistoryBackfiller(Session& session, Callback callback,
                      HistoryOptions options = HistoryOptions());
    ~HistoryBackfiller();  ///< stops
    HistoryBackfiller(const HistoryBackfiller&) = delete;
    HistoryBackfiller& operator=(const HistoryBackfiller&) = delete;

    /// Starts the worker; also restarts one that ended on an internal error.
    void start();
    /// Cancels the request in flight (its page is not stored; the gap stays) and joins.
    void stop();
    /// Ends an idle wait or a backoff (not a server's Retry-After) and looks at all rooms again.
    void wake();
    /// Changes the horizon (ms since the epoch; nullopt: all) from the next step on, and wakes.
    void setHorizon(std::optional<std::int64_t> horizon_ms);
    [[nodiscard]] bool running() const;

private:
    void run();
    std::optional<std::int64_t> horizon() const;

    Session& session_;
    Callback callback_;
    HistoryOptions options_;
    mutable std::mutex horizon_mutex_;  // guards options_.horizon_ms
    WorkerThread worker_;
};

}  // namespace renkei::session
