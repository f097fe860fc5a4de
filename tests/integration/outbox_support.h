// Integration-test support for the outbox: a SendQueue whose notifications are recorded
// and can be waited on with a deadline.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "session/send_queue.h"

namespace renkei::test {

/// Everything a SendQueue reported, thread-safe.
class SendLog {
public:
    session::SendQueue::Callback callback() {
        return [this](const session::SendNotification& note) {
            {
                std::lock_guard lock(mutex_);
                notes_.push_back(note);
            }
            changed_.notify_all();
        };
    }
    /// Waits until `done(notes)` holds or `deadline` passes; returns done().
    bool waitFor(const std::function<bool(const std::vector<session::SendNotification>&)>& done,
                 std::chrono::seconds deadline) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, deadline, [&] { return done(notes_); });
    }
    int count(session::SendNotification::Kind kind) const {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (const auto& note : notes_) n += note.kind == kind ? 1 : 0;
        return n;
    }
    /// Waiting notifications whose error has this kind.
    int waitingWith(ErrorKind kind) const {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (const auto& note : notes_) {
            n += note.kind == session::SendNotification::Kind::Waiting && note.error &&
                         note.error->kind == kind
                     ? 1 : 0;
        }
        return n;
    }
    bool waitForSent(int n, std::chrono::seconds deadline) {
        return waitFor([n](const auto& notes) { return countIn(notes, session::SendNotification::Kind::Sent) >= n; },
                       deadline);
    }
    bool waitForKind(session::SendNotification::Kind kind, std::chrono::seconds deadline) {
        return waitFor([kind](const auto& notes) { return countIn(notes, kind) >= 1; }, deadline);
    }

private:
    static int countIn(const std::vector<session::SendNotification>& notes,
                       session::SendNotification::Kind kind) {
        int n = 0;
        for (const auto& note : notes) n += note.kind == kind ? 1 : 0;
        return n;
    }
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<session::SendNotification> notes_;
};

}  // namespace renkei::test
