// Renkei core: a restartable worker thread with stop, wake and interruptible waits — the
// scaffolding shared by SyncEngine and SendQueue.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "http/transport.h"

namespace renkei::session {

class WorkerThread {
public:
    WorkerThread() = default;
    ~WorkerThread();  ///< stops
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    /// Runs `body` on a new thread, unless one is running; a thread that ended on its own
    /// is joined first, so a worker that stopped on an error can be started again.
    void start(std::function<void()> body);
    /// Cancels the request in flight (cancelToken()), ends any wait, and joins the thread
    /// (unless called from it).
    void stop();
    /// Ends a wakeable wait at once, or the next one if none is running.
    void wake();
    /// Forgets earlier wake() calls: call at the start of each round of work.
    void clearWake();
    /// Waits `delay` (forever when nullopt), less after stop() or, when `wakeable`, wake().
    /// Returns false once stop() was called.
    bool wait(std::optional<std::chrono::milliseconds> delay, bool wakeable);
    [[nodiscard]] bool running() const;
    [[nodiscard]] bool stopping() const;
    /// Passed to the blocking requests of `body`; cancelled by stop(), reset by start().
    const http::CancelToken& cancelToken() const { return cancel_; }

private:
    http::CancelToken cancel_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    bool finished_ = false;  // the body returned on its own
    std::thread thread_;
};

}  // namespace renkei::session
