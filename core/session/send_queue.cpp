#include "session/send_queue.h"

#include "session/session.h"

namespace renkei::session {

SendQueue::SendQueue(Session& session, Callback callback, Backoff backoff)
    : session_(session), callback_(std::move(callback)), backoff_(std::move(backoff)) {}

SendQueue::~SendQueue() { stop(); }

void SendQueue::start() {
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) return;
    stopping_ = false;
    woken_ = false;
    cancel_.reset();
    worker_ = std::thread([this] { run(); });
}

void SendQueue::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancel_.cancel();
    }
    wake_.notify_all();
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void SendQueue::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

bool SendQueue::running() const {
    std::lock_guard lock(mutex_);
    return worker_.joinable() && !stopping_;
}

bool SendQueue::wait(std::optional<std::chrono::milliseconds> delay, bool wakeable) {
    std::unique_lock lock(mutex_);
    auto done = [&] { return stopping_ || (wakeable && woken_); };
    if (delay) {
        wake_.wait_for(lock, *delay, done);
    } else {
        wake_.wait(lock, done);
    }
    woken_ = false;
    return !stopping_;
}

void SendQueue::run() {
    try {
        for (;;) {
            {
                std::lock_guard lock(mutex_);
                if (stopping_) break;
                woken_ = false;  // this round looks at the queue as it is now
            }
            auto result = session_.sendNextQueued(&cancel_);
            if (cancel_.cancelled()) break;
            SendNotification note;
            if (result && *result) {
                backoff_.reset();
                note.kind = (*result)->state == store::OutboxState::Sent ? SendNotification::Kind::Sent
                                                                         : SendNotification::Kind::Failed;
                note.post = std::move(*result);
                callback_(note);
                continue;
            }
            if (result) {
                backoff_.reset();
                note.kind = SendNotification::Kind::Idle;
                callback_(note);
                if (!wait(std::nullopt, true)) break;
                continue;
            }
            note.error = result.error();
            if (isAuthError(result.error())) {
                note.kind = SendNotification::Kind::NeedsLogin;
                callback_(note);
                if (!wait(std::nullopt, true)) break;
                continue;
            }
            note.kind = SendNotification::Kind::Waiting;
            note.retry_in = backoff_.next(result.error().retry_after);
            callback_(note);
            // The server asked for a pause: keep it even if woken.
            if (!wait(note.retry_in, !result.error().retry_after.has_value())) break;
        }
    } catch (const std::exception&) {
        SendNotification note;
        note.kind = SendNotification::Kind::Waiting;
        note.error = makeError(ErrorKind::Storage, "the send queue stopped on an internal error");
        callback_(note);
    }
}

}  // namespace renkei::session
