#include "session/sync_engine.h"

#include "session/session.h"

namespace renkei::session {
namespace {

/// Sync gives up only on what needs the user (the session was rejected) or the local disk. A
/// broken or hostile answer (Parse, TooLarge) is retried with backoff like a network failure:
/// the server may recover, and stopping would only replay the same batch after a restart.
bool worthRetrying(const Error& e) {
    return e.isTransient() || e.kind == ErrorKind::Parse || e.kind == ErrorKind::TooLarge;
}

}  // namespace

SyncEngine::SyncEngine(Session& session, Callback callback, std::chrono::milliseconds timeout,
                       Backoff backoff)
    : session_(session), callback_(std::move(callback)), timeout_(timeout), backoff_(std::move(backoff)) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() { worker_.start([this] { run(); }); }
void SyncEngine::stop() { worker_.stop(); }
void SyncEngine::wake() { worker_.wake(); }
bool SyncEngine::running() const { return worker_.running(); }

void SyncEngine::run() {
    // Never let an exception escape the worker thread: report it as a failure instead.
    try {
        // Catch up at once (timeout 0) on start and after an error, so the caller learns
        // quickly that it is online; then long-poll.
        bool catching_up = true;
        for (;;) {
            const int timeout_ms = catching_up ? 0 : static_cast<int>(timeout_.count());
            worker_.clearWake();
            auto result = session_.syncOnce(timeout_ms, &worker_.cancelToken());
            if (worker_.cancelToken().cancelled()) break;
            SyncNotification note;
            catching_up = !result.ok();
            if (result) {
                backoff_.reset();
                note.changes = std::move(*result);
                callback_(note);
                continue;
            }
            note.error = result.error();
            if (!worthRetrying(result.error())) {
                note.state = SyncNotification::State::Failed;
                callback_(note);
                return;
            }
            note.state = SyncNotification::State::Offline;
            note.retry_in = backoff_.next(result.error().retry_after);
            callback_(note);
            if (!worker_.wait(note.retry_in, !result.error().retry_after.has_value())) break;
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
