// Renkei desktop: CoreBridge, the ONE place that moves core work and notifications between
// the GUI thread and worker threads. Blocking Session calls run on workers; their results
// and the SyncEngine's and SendQueue's callbacks come back to the GUI thread as queued
// invocations (only in core_bridge.cpp). Widgets and models talk to the core through this
// class; models read the cache directly through session() on the GUI thread (reads only).
// Posts go through the vault's outbox (offline first): queued at once on the GUI thread,
// sent exactly once by the SendQueue, removed when sync confirms them.
#pragma once

#include <QDateTime>
#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>

#include "store/keys.h"

namespace renkei::http {
class CancelToken;
class Transport;
}
namespace renkei::session {
class Session;
class SendQueue;
class SyncEngine;
struct SendNotification;
struct SyncNotification;
}  // namespace renkei::session

namespace renkei::ui {

/// What the status bar shows: オフライン / 同期中 (first sync running) / オンライン.
enum class SyncStatus { Offline, Syncing, Online };

/// Delivery state of a post (TimelineModel::SendStateRole).
enum class SendState {
    Sent,     ///< the server has it (an event id)
    Sending,  ///< in the outbox; Renkei is online and sending it (送信中)
    Failed,   ///< refused for good; the user retries, edits or discards it
    Waiting,  ///< in the outbox; offline or signed out: sent when possible (送信待ち)
};

/// A post in the outbox (vault) that the synced timeline does not show yet: the local
/// echo. The bridge reads them from Session::outbox and caches them for painting.
struct PendingPost {
    QString local_id;    ///< the outbox transaction id, returned by CoreBridge::sendText
    QString room_id;
    QString text;        ///< the text; for an image, its file name
    bool is_image = false;  ///< an m.image post
    SendState state = SendState::Sending;
    QString event_id;    ///< set once the server accepted it (state Sent)
    QString error_text;  ///< state Failed: why, translated
    QDateTime created;   ///< when the user sent it (local time)
};

/// An account with local data on this computer (core/store/accounts.h).
struct LocalAccountInfo {
    QString id;          ///< its directory's name under <data root>/accounts
    QString user_id;     ///< "@name:server"; empty until its first sign-in
    QString homeserver;  ///< base URL; empty until its first sign-in
};

class CoreBridge : public QObject {
    Q_OBJECT
public:
    /// `data_root`: the folder holding one directory per account (<root>/accounts/<id>).
    /// Data of the layout before per-account directories (keys.json and the databases
    /// directly in the root) is taken over into an account directory of its own here. The
    /// most recently used account is selected.
    explicit CoreBridge(QString data_root, QObject* parent = nullptr);
    /// Cancels media downloads, stops sync and the send queue, waits for the workers.
    ~CoreBridge() override;
    CoreBridge(const CoreBridge&) = delete;
    CoreBridge& operator=(const CoreBridge&) = delete;

    /// QStandardPaths::AppDataLocation (XDG: ~/.local/share/<org>/Renkei).
    static QString defaultDataDir();
    QString dataRoot() const { return data_root_; }
    /// Test seam: the HTTP transport the session will use (null: libcurl). Before unlock().
    void setTransport(std::shared_ptr<http::Transport> transport);
    /// Test seam: the Argon2id work factors of key files that unlock() CREATES (a new
    /// account's first passphrase); existing files keep the factors they record. The product
    /// never calls this: its default is store::KdfLimits::moderate(). Before unlock().
    void setNewKeyFileLimits(store::KdfLimits limits) { new_key_limits_ = limits; }
    /// The accounts with local data on this computer, most recently used first.
    QList<LocalAccountInfo> accounts() const;
    /// The account unlock() opens: an id from accounts(), or empty for a new account (the
    /// next unlock() creates its local data with the passphrase). Only while closed.
    void selectAccount(const QString& account_id);
    QString selectedAccount() const { return account_id_; }
    /// The selected account, or nullopt for a new one.
    std::optional<LocalAccountInfo> selectedAccountInfo() const;
    /// An account is selected whose local data exists: ask for its passphrase (unlock), do
    /// not set a new one.
    bool hasLocalData() const;
    bool isOpen() const;      ///< unlocked: session() is usable
    bool isSignedIn() const;  ///< a login is stored (restored at unlock or from signIn)
    QString userId() const;   ///< "@name:server", or empty
    /// For models: cache READS only, on the GUI thread. Null until unlocked.
    session::Session* session() const { return session_.get(); }
    SyncStatus syncStatus() const { return sync_status_; }
    QDateTime lastSync() const { return last_sync_; }  ///< invalid before the first success

    /// Offline as far as Renkei can tell: the last sync round or the last send attempt
    /// failed on the network (not what the OS says). Cleared by the next success.
    bool isOffline() const { return sync_unreachable_ || queue_unreachable_; }
    /// The server no longer accepts this session: the password is needed (reauthenticate).
    bool needsSignIn() const { return needs_sign_in_; }

    // Asynchronous; each emits exactly one result signal, later, on the GUI thread.
    /// Opens the local data with `passphrase` (first use: sets it). Argon2id, ~1 s, on a
    /// worker. -> unlockFinished
    void unlock(const QString& passphrase);
    /// Password login (homeserver: domain or URL, resolved via .well-known). -> signInFinished
    void signIn(const QString& homeserver, const QString& user, const QString& password);
    /// Signs in again as the same user with the same device (after needsSignIn), on a
    /// worker; then restarts sync and the send queue. -> reauthenticateFinished
    void reauthenticate(const QString& password);
    /// Long-polls /sync (30 s) until stopSync(), and starts the send queue.
    /// -> syncStatusChanged, roomsChanged, outbox signals
    void startSync();
    /// Cancels the running requests (a post in flight stays queued); returns when the sync
    /// and send threads have ended.
    void stopSync();
    /// Queues a text post in the outbox now (one vault transaction that also deletes the
    /// room's draft) and wakes the send queue. Returns its local id (the transaction id);
    /// postQueued is emitted before this returns. Empty on failure (e.g. disk full): nothing
    /// changed, and `error_text` (if given) says why in plain words.
    QString sendText(const QString& room_id, const QString& text, QString* error_text = nullptr);
    /// Reads and checks an image file on a worker (in memory only), copies it into the
    /// encrypted outbox and wakes the send queue. -> postQueued, or sendRefused (not an
    /// image, larger than 20 MiB, unreadable, disk full).
    void sendImage(const QString& room_id, const QString& file_path);
    /// Fetches a thumbnail of about `size` pixels for an mxc:// URL on a worker and keeps
    /// it in memory only (a bounded cache; never on disk: patient photos). Answers later,
    /// also when cached. -> thumbnailReady / thumbnailFailed
    void requestThumbnail(const QString& mxc, const QSize& size);
    /// The cached thumbnail of `mxc`, or a null image.
    QImage cachedThumbnail(const QString& mxc) const;
    /// Fetches the full-size image of an mxc:// URL and decodes it, as its declared type and
    /// at most kViewerEdge pixels a side, on a worker; kept in memory only, not cached.
    /// -> imageReady / imageFailed
    void requestImage(const QString& mxc);
    /// The largest width or height requestImage decodes to (a 4K screen); larger pictures
    /// are scaled down.
    static constexpr int kViewerEdge = 4096;
    /// Back-paginates the gap just before `before_event_id` (empty: the newest gap) from the
    /// server. One request per room at a time. -> gapFilled (events_added -1: failed)
    void fillGap(const QString& room_id, const QString& before_event_id);
    void joinRoom(const QString& room_id);   ///< -> membershipChanged
    void leaveRoom(const QString& room_id);  ///< -> membershipChanged
    /// Sends an m.read receipt for a synced event ("$..."); repeated calls for the event
    /// already marked in that room are dropped.
    void markRead(const QString& room_id, const QString& event_id);
    /// Cancels media downloads, stops sync and the send queue, logs out on the server, and closes the account: its
    /// databases are closed and its keys dropped, so the next sign-in starts from the unlock
    /// step (the account stays selected). With `discard_unsent` the outbox is emptied first
    /// (the user agreed); drafts stay, unless `remove_local_copy` also deletes this
    /// computer's copy of the account (store::removeAccount; always for data that never
    /// signed in). False (nothing done,
    /// `error_text` says why) if the outbox could not be emptied.
    /// -> sessionClosing (drop everything that reads session()), then signedOut
    bool signOut(bool discard_unsent = false, QString* error_text = nullptr, bool remove_local_copy = false);

    // Drafts (synchronous vault writes of a few ms, on the GUI thread; no network).
    /// Saves the composer text of a room; empty text deletes the draft. False on failure
    /// (e.g. disk full: the previous draft stays) with `error_text` in plain words.
    bool saveDraft(const QString& room_id, const QString& text, QString* error_text = nullptr);
    /// The room's saved draft, or empty.
    QString draft(const QString& room_id) const;

    // The outbox, as the timeline and the room list show it (cached; no DB read per paint).
    /// The room's posts not yet confirmed by sync (local echoes), in queue order.
    QList<PendingPost> pendingPosts(const QString& room_id) const;
    std::optional<PendingPost> pendingPost(const QString& local_id) const;
    /// True if the room has posts waiting, sending or failed (the room list's mark).
    bool hasUnsent(const QString& room_id) const;
    /// Posts waiting to be sent (queued), all rooms.
    int queuedCount() const;
    /// Posts refused by the server (failed), all rooms.
    int failedCount() const;
    /// The local id whose echo turned out to be the synced event `event_id`, or empty.
    QString localIdForEvent(const QString& event_id) const;
    /// A failed post goes back into the queue (same transaction id) and the queue wakes.
    /// False if it is not failed (any more).
    bool retryPost(const QString& local_id);
    /// Removes a failed (or still queued) post from the outbox. -> postDiscarded
    bool discardPost(const QString& local_id);

signals:
    void unlockFinished(bool ok, const QString& error_text);
    void signInFinished(bool ok, const QString& error_text);  ///< error_text translated
    void reauthenticateFinished(bool ok, const QString& error_text);
    /// The server rejected the session's tokens for good (sync or send): ask for the
    /// password (reauthenticate). Emitted once per loss; drafts and outbox are kept.
    void reauthenticationNeeded();
    void syncStatusChanged(renkei::ui::SyncStatus status, const QDateTime& last_success);
    /// Sync stopped on an error retrying cannot fix (not an authentication error).
    void syncFailed(const QString& error_text);
    /// isOffline, needsSignIn, queuedCount or failedCount may have changed.
    void connectionChanged();
    /// Rooms whose timeline, state, receipts or unread counts changed (may be empty when
    /// only the room list changed, e.g. a room was left).
    void roomsChanged(const QStringList& room_ids);
    void postQueued(const QString& room_id, const QString& local_id);
    /// The send queue reported a post: sent (event_id set) or failed (error_text says why).
    void sendFinished(const QString& room_id, const QString& local_id, const QString& event_id,
                      const QString& error_text);
    void postDiscarded(const QString& room_id, const QString& local_id);
    /// Outbox posts of these rooms changed (confirmed by sync, retried, sending <-> waiting);
    /// an empty list means any room. Emitted after the roomsChanged of the same sync round.
    void outboxChanged(const QStringList& room_ids);
    /// An image could not be queued; error_text says why (nothing was queued).
    void sendRefused(const QString& room_id, const QString& error_text);
    void gapFilled(const QString& room_id, int events_added);
    void membershipChanged(const QString& room_id, const QString& error_text);  ///< empty: ok
    void thumbnailReady(const QString& mxc, const QImage& image);
    void thumbnailFailed(const QString& mxc, const QString& error_text);
    void imageReady(const QString& mxc, const QImage& image);
    /// error_text empty: the bytes are no picture of their declared type (or too large).
    void imageFailed(const QString& mxc, const QString& error_text);
    /// The session is about to be closed (sign-out): session() becomes null right after
    /// this signal; windows and models that read it must go now (synchronously).
    void sessionClosing();
    /// Signed out and closed. `error_text`: why this computer's copy could not be removed
    /// (when asked to), else empty.
    void signedOut(const QString& error_text = {});

private:
    template <class F>
    void toGui(F&& function);
    void onSyncNotification(const session::SyncNotification& note);
    void onSendNotification(const session::SendNotification& note);
    void setSyncStatus(SyncStatus status);
    void startSendQueue();
    void wakeSendQueue();
    void loseSession();
    void afterImageQueued(const QString& room_id, const QString& local_id);
    /// The raw cached outbox (Queued posts as Sending), loaded from the vault when stale.
    const QList<PendingPost>& outboxPosts() const;
    void invalidateOutbox() { outbox_stale_ = true; }
    /// Forgets a post the GUI removed itself (discard, clear): it must not linger.
    void forgetPost(const QString& local_id);
    /// Applies a sync round's confirmations (after its roomsChanged). Returns their rooms.
    QStringList confirmPosts(const std::vector<std::string>& txn_ids);
    /// Updates the queue/sync flags through `change`; emits outboxChanged/connectionChanged
    /// when what the user sees changes (Sending <-> Waiting, the banner).
    void updateFlags(const std::function<void()>& change);
    bool postsWait() const;
    void rememberEcho(const QString& event_id, const QString& local_id);
    /// Cancels every media download in flight (they answer with failed, Cancelled, at
    /// once); later requests get a fresh token.
    void cancelMedia();

    /// A session is open and not being closed: new work may start on it.
    bool usable() const { return session_ && !closing_; }
    /// The account's directory under the data root (empty: a new account).
    QString accountDir() const;
    /// Moves data of the layout before per-account directories into one; selects the most
    /// recently used account.
    void takeOverLegacyData();
    /// After sign-out: closes the session on the GUI thread once every worker is idle.
    void closeSession(bool remove_local_copy);

    QString data_root_;
    QString account_id_;  ///< the selected account (empty: a new one)
    std::shared_ptr<http::Transport> transport_;
    store::KdfLimits new_key_limits_ = store::KdfLimits::moderate();  ///< see setNewKeyFileLimits
    std::unique_ptr<session::Session> session_;
    std::unique_ptr<session::SyncEngine> sync_;
    std::unique_ptr<session::SendQueue> send_queue_;
    QThreadPool workers_;  ///< unlock, sign-in, gap fills, sign-out
    QThreadPool ordered_;  ///< one thread: receipts, joins, leaves, in call order
    QThreadPool files_;    ///< one thread: attached images read and queued, in order
    QThreadPool media_;    ///< thumbnail and full-size downloads
    QThreadPool closer_;   ///< one thread: sign-out (waits for the other pools, logs out)
    std::shared_ptr<http::CancelToken> media_cancel_;  ///< shared by the downloads in flight
    bool unlocking_ = false;
    bool closing_ = false;  ///< signing out: no new work on the session
    bool reauthenticating_ = false;
    bool sync_active_ = false;  ///< between startSync() and stopSync() or a sync failure
    bool queue_active_ = false; ///< the send queue's thread runs (startSync .. stopSync)
    SyncStatus sync_status_ = SyncStatus::Offline;
    QDateTime last_sync_;
    bool sync_unreachable_ = false;   ///< the last sync round failed on a transient error
    bool queue_unreachable_ = false;  ///< the last send attempt failed on the network
    bool queue_waiting_ = false;      ///< the send queue backs off (any transient error)
    bool needs_sign_in_ = false;      ///< tokens rejected: reauthenticate
    mutable QList<PendingPost> outbox_;     ///< cache of Session::outbox() (+ lingering)
    mutable bool outbox_stale_ = true;
    /// Posts that vanished from the vault because a sync confirmed them, before that sync's
    /// notification reached the GUI: shown as sent until it does (no flicker).
    mutable QList<PendingPost> lingering_;
    mutable QSet<QString> in_vault_;  ///< local ids the last read found in the vault
    QHash<QString, QString> echo_of_event_;  ///< synced event id -> local id (bounded)
    QStringList echo_order_;
    QHash<QString, QString> marked_read_;    ///< room id -> event id last sent as m.read
    QSet<QString> filling_;                  ///< rooms with a gap fill in flight
    QCache<QString, QImage> thumbnails_;     ///< mxc -> thumbnail; cost in KiB (memory only)
    QSet<QString> thumbnails_loading_;       ///< mxc URLs with a thumbnail fetch in flight
};

}  // namespace renkei::ui

Q_DECLARE_METATYPE(renkei::ui::SyncStatus)
Q_DECLARE_METATYPE(renkei::ui::SendState)
