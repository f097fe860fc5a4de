#include "bridge/connection_bridge.h"

#include <QStringList>
#include <chrono>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "bridge/history_bridge.h"
#include "bridge/outbox_bridge.h"
#include "error_text.h"
#include "session/send_queue.h"
#include "session/session.h"
#include "session/sync_engine.h"

namespace renkei::ui {
namespace {

constexpr auto kLongPoll = std::chrono::seconds(30);

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

ConnectionBridge::ConnectionBridge(CoreBridge& bridge, GuiHop& hop) : bridge_(bridge), hop_(hop) {}

ConnectionBridge::~ConnectionBridge() = default;

void ConnectionBridge::stopEngines() {
    bridge_.history().stop();
    if (sync_) sync_->stop();
    if (send_queue_) send_queue_->stop();
}

void ConnectionBridge::dropEngines() {
    bridge_.history().drop();
    send_queue_.reset();
    sync_.reset();
}

void ConnectionBridge::resetFlags() {
    updateFlags([this] {
        needs_sign_in_ = false;
        sync_unreachable_ = queue_unreachable_ = queue_waiting_ = false;
    });
}

void ConnectionBridge::signedInAgain() {
    updateFlags([this] { needs_sign_in_ = false; });
    bridge_.history().wake();  // a back-fill paused at NeedsLogin goes on
}

void ConnectionBridge::startSendQueue() {
    if (!bridge_.account().usable()) return;
    if (!send_queue_) {
        send_queue_ = std::make_unique<session::SendQueue>(
            *bridge_.session(), [this](const session::SendNotification& note) {
                hop_.toGui([this, note] { onSendNotification(note); });
            });
    }
    if (!queue_active_) {
        send_queue_->stop();  // joins a worker that ended on its own, so start() runs again
        send_queue_->start();
        updateFlags([this] { queue_active_ = true; });
    }
}

void ConnectionBridge::wakeSendQueue() {
    if (send_queue_ && queue_active_) send_queue_->wake();
}

void ConnectionBridge::startSync() {
    session::Session* s = bridge_.session();
    if (!bridge_.account().usable() || !s->loggedIn()) return;
    startSendQueue();
    if (sync_active_) return;
    sync_active_ = true;
    if (!sync_) {
        sync_ = std::make_unique<session::SyncEngine>(
            *s,
            [this](const session::SyncNotification& note) {
                hop_.toGui([this, note] { onSyncNotification(note); });
            },
            kLongPoll);
    } else {
        sync_->stop();  // joins a worker that ended on a failure, so start() runs again
    }
    sync_->start();
    setSyncStatus(SyncStatus::Syncing);
}

void ConnectionBridge::stopSync() {
    bridge_.history().stop();  // with the sync engine: no history fetched while sync is off
    if (send_queue_ && queue_active_) {
        send_queue_->stop();
        updateFlags([this] {
            queue_active_ = false;
            queue_waiting_ = queue_unreachable_ = false;
        });
    }
    if (!sync_) return;
    sync_active_ = false;
    sync_->stop();
    updateFlags([this] { sync_unreachable_ = false; });
    setSyncStatus(SyncStatus::Offline);
}

void ConnectionBridge::setSyncStatus(SyncStatus status) {
    sync_status_ = status;
    emit bridge_.syncStatusChanged(status, last_sync_);
}

void ConnectionBridge::onSyncNotification(const session::SyncNotification& note) {
    using State = session::SyncNotification::State;
    switch (note.state) {
        case State::Synced: {
            last_sync_ = QDateTime::currentDateTime();
            QStringList rooms;
            for (const auto& id : note.changes.rooms) rooms << fromStd(id);
            // The network answers again: back online, and a send backoff ends at once.
            updateFlags([this] { sync_unreachable_ = queue_unreachable_ = false; });
            // A round that finished just before stopSync() still brings its changes.
            if (sync_active_) setSyncStatus(SyncStatus::Online);
            // First the events (a model turns each echo into its synced post in place),
            // then the confirmations: the echo never disappears and comes back. Their rooms
            // come from the outbox as last read, before anything reads it again.
            QStringList confirmed;
            QStringList confirmed_rooms;
            if (!note.changes.confirmed_txn_ids.empty()) {
                for (const auto& id : note.changes.confirmed_txn_ids) confirmed << fromStd(id);
                confirmed_rooms = bridge_.outbox().confirmedRooms(note.changes.confirmed_txn_ids);
                bridge_.outbox().invalidate();
            }
            if (!rooms.isEmpty() || note.changes.rooms_list_changed) emit bridge_.roomsChanged(rooms);
            if (!confirmed.isEmpty()) {
                emit bridge_.postsConfirmed(confirmed);
                emit bridge_.outboxChanged(confirmed_rooms);
                emit bridge_.connectionChanged();
            }
            wakeSendQueue();
            // The first round starts the offline-history back-fill; later ones wake it.
            if (sync_active_) bridge_.history().synced();
            break;
        }
        case State::Offline:
            if (!sync_active_) break;  // a round that failed just before stopSync()
            updateFlags([this] { sync_unreachable_ = true; });
            setSyncStatus(SyncStatus::Offline);
            break;
        case State::Failed:
            sync_active_ = false;  // the engine's thread has ended; startSync() may restart it
            setSyncStatus(SyncStatus::Offline);
            if ((note.error && session::isAuthError(*note.error)) ||
                (bridge_.session() && bridge_.session()->needsReauthentication())) {
                loseSession();
            } else {
                emit bridge_.syncFailed(note.error ? errorText(*note.error) : QString());
            }
            break;
        case State::Stopped:
            if (!sync_active_ && sync_status_ != SyncStatus::Offline) setSyncStatus(SyncStatus::Offline);
            break;
    }
}

void ConnectionBridge::onSendNotification(const session::SendNotification& note) {
    using Kind = session::SendNotification::Kind;
    switch (note.kind) {
        case Kind::Sent:
        case Kind::Failed: {
            bridge_.outbox().invalidate();
            updateFlags([this] { queue_waiting_ = queue_unreachable_ = false; });
            if (!note.post) break;
            const QString room_id = fromStd(note.post->room_id);
            const QString local_id = fromStd(note.post->txn_id);
            QString event_id;
            QString error;
            if (note.kind == Kind::Sent) {
                event_id = fromStd(note.post->event_id.value_or(std::string()));
                // The server answered: the network is back, so sync need not finish its backoff.
                if (sync_ && sync_status_ == SyncStatus::Offline) sync_->wake();
            } else {
                error = note.post->last_error ? errorText(*note.post->last_error)
                                              : CoreBridge::tr("The server did not accept the post.");
            }
            emit bridge_.sendFinished(room_id, local_id, event_id, error);
            emit bridge_.connectionChanged();
            break;
        }
        case Kind::Waiting: {
            if (!queue_active_) break;  // reported just before stopSync(): no longer true
            const bool network = note.error && (note.error->kind == ErrorKind::Network ||
                                                note.error->kind == ErrorKind::Timeout);
            updateFlags([this, network] {
                queue_waiting_ = true;
                queue_unreachable_ = network;
            });
            break;
        }
        case Kind::NeedsLogin:
            if (queue_active_) loseSession();  // after a sign-out, nobody is to be asked
            break;
        case Kind::Idle:
            if (!queue_active_) break;
            updateFlags([this] { queue_waiting_ = queue_unreachable_ = false; });
            break;
        case Kind::RoomOpened:
        case Kind::RoomFailed: {
            updateFlags([this] { queue_waiting_ = queue_unreachable_ = false; });
            if (!note.pending_room) break;
            const QString creation_id = fromStd(note.pending_room->creation_id);
            if (note.kind == Kind::RoomOpened) {
                emit bridge_.patientRoomOpened(creation_id, fromStd(note.room_id.value_or(std::string())));
                if (sync_) sync_->wake();  // bring the new room into the list now
            } else {
                emit bridge_.patientRoomFailed(creation_id, note.pending_room->last_error
                                                                ? errorText(*note.pending_room->last_error)
                                                                : QString());
            }
            emit bridge_.connectionChanged();
            break;
        }
    }
}

void ConnectionBridge::loseSession() {
    if (needs_sign_in_) return;  // asked already
    updateFlags([this] { needs_sign_in_ = true; });
    emit bridge_.reauthenticationNeeded();
}

bool ConnectionBridge::postsWait() const {
    return !queue_active_ || queue_waiting_ || needs_sign_in_ || isOffline();
}

void ConnectionBridge::updateFlags(const std::function<void()>& change) {
    const bool waited = postsWait();
    const bool offline = isOffline();
    const bool sign_in = needs_sign_in_;
    change();
    const bool waits = postsWait();
    if (waits != waited && bridge_.outbox().queuedCount() > 0) emit bridge_.outboxChanged({});
    if (waits != waited || offline != isOffline() || sign_in != needs_sign_in_) emit bridge_.connectionChanged();
}

}  // namespace renkei::ui
