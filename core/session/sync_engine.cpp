#include "session/sync_engine.h"

#include "session/session.h"

namespace renkei::session {

SyncEngine::SyncEngine(Session& session, Callback callback, std::chrono::milliseconds timeout)
    : session_(session), callback_(std::move(callback)), timeout_(timeout) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) return;
    stopping_ = false;
    cancel_.reset();
    worker_ = std::thread([this] { run(); });
}

void SyncEngine::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancel_.cancel();
    }
    wake_.notify_all();
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

bool SyncEngine::running() const {
    std::lock_guard lock(mutex_);
    return worker_.joinable() && !stopping_;
}

bool SyncEngine::waitOrStop(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, delay, [this] { return stopping_; });
}

void SyncEngine::run() {
    // Never let an exception escape the worker thread: report it as a failure instead.
    try {
        // Catch up at once (timeout 0) on start and after an error, so the caller learns
        // quickly that it is online; then long-poll.
        bool catching_up = true;
        for (;;) {
            const int timeout_ms = catching_up ? 0 : static_cast<int>(timeout_.count());
            auto result = session_.syncOnce(timeout_ms, &cancel_);
            if (cancel_.cancelled()) break;
            SyncNotification note;
            catching_up = !result.ok();
            if (result) {
                backoff_.reset();
                note.changes = std::move(*result);
                callback_(note);
                continue;
            }
            note.error = result.error();
            if (!result.error().isTransient()) {
                note.state = SyncNotification::State::Failed;
                callback_(note);
                return;
            }
            note.state = SyncNotification::State::Offline;
            note.retry_in = backoff_.next(result.error().retry_after);
            callback_(note);
            if (!waitOrStop(note.retry_in)) break;
        }
    } catch (const std::exception& e) {
        SyncNotification note;
        note.state = SyncNotification::State::Failed;
        note.error = makeError(ErrorKind::Storage, std::string("sync stopped: ") + e.what());
        callback_(note);
        return;
    }
    SyncNotification stopped;
    stopped.state = SyncNotification::State::Stopped;
    callback_(stopped);
}

}  // namespace renkei::session
