// Integration-test support for the outbox: a SendQueue whose notifications are recorded
// and can be waited on with a deadline, and fault-proxy rules aimed at PUT …/send/….
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "fault_proxy.h"
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
                 std::chrono::milliseconds deadline) {
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
    bool waitForSent(int n, std::chrono::milliseconds deadline) {
        return waitFor([n](const auto& notes) { return countIn(notes, session::SendNotification::Kind::Sent) >= n; },
                       deadline);
    }
    bool waitForKind(session::SendNotification::Kind kind, std::chrono::milliseconds deadline) {
        return waitFor([kind](const auto& notes) { return countIn(notes, kind) >= 1; }, deadline);
    }
    /// Notifications of this kind in `notes` (for waitFor's conditions).
    static int countIn(const std::vector<session::SendNotification>& notes,
                       session::SendNotification::Kind kind) {
        int n = 0;
        for (const auto& note : notes) n += note.kind == kind ? 1 : 0;
        return n;
    }
    /// A copy of everything reported so far.
    std::vector<session::SendNotification> notes() const {
        std::lock_guard lock(mutex_);
        return notes_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<session::SendNotification> notes_;
};

/// A proxy rule for the PUT …/send/… request number `nth` (0-based, counting every PUT to a
/// send endpoint, retries included): `action` with the reply `status`, `body`, `headers`.
inline FaultRule onSend(int nth, FaultRule::Action action, int status = 0, std::string body = {},
                        std::vector<std::pair<std::string, std::string>> headers = {}) {
    FaultRule rule;
    rule.method = "PUT";
    rule.path_contains = "/send/";
    rule.skip = nth;
    rule.action = action;
    rule.status = status;
    rule.body = std::move(body);
    rule.headers = std::move(headers);
    return rule;
}

}  // namespace renkei::test
