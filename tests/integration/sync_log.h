// Integration-test support for the SyncEngine: its notifications (delivered on the engine's
// worker thread) recorded with the thread each came from, to be waited on with a deadline.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "session/sync_engine.h"

namespace renkei::test {

/// Everything a SyncEngine reported, thread-safe.
class SyncLog {
public:
    using Notes = std::vector<session::SyncNotification>;

    session::SyncEngine::Callback callback() {
        return [this](const session::SyncNotification& note) {
            {
                std::lock_guard lock(mutex_);
                notes_.push_back(note);
                threads_.insert(std::this_thread::get_id());
            }
            changed_.notify_all();
        };
    }
    /// Waits until `done(notes)` holds or `deadline` passes; returns done(). `done` runs
    /// with the log locked (it may call into the Session, never into this log).
    bool waitFor(const std::function<bool(const Notes&)>& done,
                 std::chrono::seconds deadline = std::chrono::seconds(30)) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, deadline, [&] { return done(notes_); });
    }
    bool waitForState(session::SyncNotification::State state,
                      std::chrono::seconds deadline = std::chrono::seconds(30)) {
        return waitFor([state](const Notes& notes) { return count(notes, state) > 0; }, deadline);
    }
    Notes notes() const {
        std::lock_guard lock(mutex_);
        return notes_;
    }
    /// The threads the notifications so far were delivered on.
    std::set<std::thread::id> threads() const {
        std::lock_guard lock(mutex_);
        return threads_;
    }
    static int count(const Notes& notes, session::SyncNotification::State state) {
        int n = 0;
        for (const auto& note : notes) n += note.state == state ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    Notes notes_;
    std::set<std::thread::id> threads_;
};

}  // namespace renkei::test
