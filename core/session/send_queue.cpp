#include "session/send_queue.h"

#include "session/session.h"

namespace renkei::session {

SendQueue::SendQueue(Session& session, Callback callback, Backoff backoff)
    : session_(session), callback_(std::move(callback)), backoff_(std::move(backoff)) {}

SendQueue::~SendQueue() { stop(); }

void SendQueue::start() { worker_.start([this] { run(); }); }
void SendQueue::stop() { worker_.stop(); }
void SendQueue::wake() { worker_.wake(); }
bool SendQueue::running() const { return worker_.running(); }

bool SendQueue::waitAfter(const Error& error) {
    SendNotification note;
    note.error = error;
    if (isAuthError(error)) {
        note.kind = SendNotification::Kind::NeedsLogin;
        callback_(note);
        return worker_.wait(std::nullopt, true);
    }
    note.kind = SendNotification::Kind::Waiting;
    note.retry_in = backoff_.next(error.retry_after);
    callback_(note);
    // The server asked for a pause: keep it even if woken.
    return worker_.wait(note.retry_in, !error.retry_after.has_value());
}

void SendQueue::run() {
    try {
        for (;;) {
            if (worker_.stopping()) break;
            worker_.clearWake();  // this round looks at the queue as it is now
            auto room = session_.openNextPendingRoom(&worker_.cancelToken());
            if (worker_.cancelToken().cancelled()) break;
            if (!room) {
                if (!waitAfter(room.error())) break;
                continue;
            }
            if (*room) {
                backoff_.reset();
                SendNotification note;
                note.kind = (*room)->room_id ? SendNotification::Kind::RoomOpened : SendNotification::Kind::RoomFailed;
                note.room_id = (*room)->room_id;
                note.pending_room = std::move((*room)->room);
                callback_(note);
                continue;
            }
            auto result = session_.sendNextQueued(&worker_.cancelToken());
            if (worker_.cancelToken().cancelled()) break;
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
                if (!worker_.wait(std::nullopt, true)) break;
                continue;
            }
            if (!waitAfter(result.error())) break;
        }
    } catch (const std::exception&) {
        SendNotification note;
        note.kind = SendNotification::Kind::Waiting;
        note.error = makeError(ErrorKind::Storage, "the send queue stopped on an internal error");
        callback_(note);
    }
}

}  // namespace renkei::session
