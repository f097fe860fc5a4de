// Renkei desktop: the connection part of CoreBridge: the sync engine and the send queue,
// and what the user is told about them (sync status, offline, sign-in needed, posts
// waiting). GUI thread only; the engines' callbacks arrive through the GuiHop.
#pragma once

#include <QDateTime>
#include <functional>
#include <memory>

#include "bridge/bridge_types.h"

namespace renkei::session {
class SendQueue;
class SyncEngine;
struct SendNotification;
struct SyncNotification;
}  // namespace renkei::session

namespace renkei::ui {

class CoreBridge;
class GuiHop;

class ConnectionBridge {
public:
    ConnectionBridge(CoreBridge& bridge, GuiHop& hop);
    ~ConnectionBridge();
    ConnectionBridge(const ConnectionBridge&) = delete;
    ConnectionBridge& operator=(const ConnectionBridge&) = delete;

    SyncStatus syncStatus() const { return sync_status_; }
    QDateTime lastSync() const { return last_sync_; }
    bool isOffline() const { return sync_unreachable_ || queue_unreachable_; }
    bool needsSignIn() const { return needs_sign_in_; }
    /// Queued posts wait (送信待ち) rather than being sent now: the queue is stopped or backs
    /// off, the session needs the password, or Renkei is offline.
    bool postsWait() const;

    void startSync();  ///< see CoreBridge::startSync
    void stopSync();   ///< see CoreBridge::stopSync
    void wakeSendQueue();
    /// The password was accepted again: no sign-in needed any more.
    void signedInAgain();
    /// Stops both engines' threads (the bridge is going away).
    void stopEngines();
    /// Drops both engines (before their session closes).
    void dropEngines();
    /// After the session closed: nothing is offline or waiting for a sign-in any more.
    void resetFlags();
    /// Updates the queue/sync flags through `change`; emits outboxChanged/connectionChanged
    /// when what the user sees changes (Sending <-> Waiting, the banner).
    void updateFlags(const std::function<void()>& change);

private:
    void onSyncNotification(const session::SyncNotification& note);
    void onSendNotification(const session::SendNotification& note);
    void setSyncStatus(SyncStatus status);
    void startSendQueue();
    void loseSession();

    CoreBridge& bridge_;
    GuiHop& hop_;
    std::unique_ptr<session::SyncEngine> sync_;
    std::unique_ptr<session::SendQueue> send_queue_;
    bool sync_active_ = false;  ///< between startSync() and stopSync() or a sync failure
    bool queue_active_ = false; ///< the send queue's thread runs (startSync .. stopSync)
    SyncStatus sync_status_ = SyncStatus::Offline;
    QDateTime last_sync_;
    bool sync_unreachable_ = false;   ///< the last sync round failed on a transient error
    bool queue_unreachable_ = false;  ///< the last send attempt failed on the network
    bool queue_waiting_ = false;      ///< the send queue backs off (any transient error)
    bool needs_sign_in_ = false;      ///< tokens rejected: reauthenticate
};

}  // namespace renkei::ui
