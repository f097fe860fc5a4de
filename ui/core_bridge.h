// Renkei desktop: CoreBridge, the ONE place that moves core work and notifications between
// the GUI thread and worker threads. Blocking Session calls run on workers; their results
// and the SyncEngine's callbacks come back to the GUI thread as queued invocations (only in
// core_bridge.cpp). Widgets and models talk to the core through this class; models read the
// cache directly through session() on the GUI thread (reads only).
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
#include <memory>
#include <optional>

namespace renkei::session {
class Session;
class SyncEngine;
struct SyncNotification;
}  // namespace renkei::session

namespace renkei::ui {

/// What the status bar shows: オフライン / 同期中 (first sync running) / オンライン.
enum class SyncStatus { Offline, Syncing, Online };

/// Delivery state of a post (TimelineModel::SendStateRole).
enum class SendState { Sent, Sending, Failed };

/// A post this app sent (or is sending) that the synced timeline does not show yet:
/// the local echo. Kept by the bridge so that any model can show it.
struct PendingPost {
    QString local_id;    ///< "~local-<uuid>", returned by CoreBridge::sendText
    QString room_id;
    QString text;        ///< the text; for an image, its file name
    bool is_image = false;  ///< sent with sendImage (an m.image post)
    SendState state = SendState::Sending;
    QString event_id;    ///< set once the server accepted it (state Sent)
    QString error_text;  ///< state Failed: why, translated
    QDateTime created;   ///< when the user sent it (local time)
};

class CoreBridge : public QObject {
    Q_OBJECT
public:
    /// `data_dir`: the account's directory (keys.json, vault.db, cache.db).
    explicit CoreBridge(QString data_dir, QObject* parent = nullptr);
    ~CoreBridge() override;  ///< stops sync, waits for the workers
    CoreBridge(const CoreBridge&) = delete;
    CoreBridge& operator=(const CoreBridge&) = delete;

    /// QStandardPaths::AppDataLocation (XDG: ~/.local/share/<org>/Renkei).
    static QString defaultDataDir();
    QString dataDir() const { return data_dir_; }
    /// The key file exists: ask for the passphrase (unlock), do not set a new one.
    bool hasLocalData() const;
    bool isOpen() const;      ///< unlocked: session() is usable
    bool isSignedIn() const;  ///< a login is stored (restored at unlock or from signIn)
    QString userId() const;   ///< "@name:server", or empty
    /// For models: cache READS only, on the GUI thread. Null until unlocked.
    session::Session* session() const { return session_.get(); }
    SyncStatus syncStatus() const { return sync_status_; }
    QDateTime lastSync() const { return last_sync_; }  ///< invalid before the first success

    // Asynchronous; each emits exactly one result signal, later, on the GUI thread.
    /// Opens the local data with `passphrase` (first use: sets it). Argon2id, ~1 s, on a
    /// worker. -> unlockFinished
    void unlock(const QString& passphrase);
    /// Password login (homeserver: domain or URL, resolved via .well-known). -> signInFinished
    void signIn(const QString& homeserver, const QString& user, const QString& password);
    /// Long-polls /sync (30 s) until stopSync(). -> syncStatusChanged, roomsChanged
    void startSync();
    void stopSync();  ///< cancels the running request; returns when the sync thread ended
    /// Queues a post (sent in order on one worker) and returns its local id at once;
    /// postQueued is emitted before this returns. -> sendFinished
    QString sendText(const QString& room_id, const QString& text);
    /// Queues an image post (m.image; body = the file name) like sendText. The file is read
    /// and checked on the worker, in memory only: a file that is not an image or is larger
    /// than 20 MiB fails with a Japanese reason in sendFinished. -> sendFinished
    QString sendImage(const QString& room_id, const QString& file_path);
    /// Fetches a thumbnail of about `size` pixels for an mxc:// URL on a worker and keeps
    /// it in memory only (a bounded cache; never on disk: patient photos). Answers later,
    /// also when cached. -> thumbnailReady / thumbnailFailed
    void requestThumbnail(const QString& mxc, const QSize& size);
    /// The cached thumbnail of `mxc`, or a null image.
    QImage cachedThumbnail(const QString& mxc) const;
    /// Fetches the full-size bytes of an mxc:// URL on a worker; not cached anywhere.
    /// -> mediaReady / mediaFailed
    void requestMedia(const QString& mxc);
    /// Back-paginates the gap just before `before_event_id` (empty: the newest gap) from the
    /// server. One request per room at a time. -> gapFilled (events_added -1: failed)
    void fillGap(const QString& room_id, const QString& before_event_id);
    void joinRoom(const QString& room_id);   ///< -> membershipChanged
    void leaveRoom(const QString& room_id);  ///< -> membershipChanged
    /// Sends an m.read receipt for a synced event ("$..."); repeated calls for the event
    /// already marked in that room are dropped.
    void markRead(const QString& room_id, const QString& event_id);
    void signOut();  ///< stops sync, logs out on the server. -> signedOut

    /// The room's local echoes not yet seen in the synced timeline, oldest first.
    QList<PendingPost> pendingPosts(const QString& room_id) const;
    std::optional<PendingPost> pendingPost(const QString& local_id) const;
    /// True if the room has posts that are sending or failed (the room list's mark).
    bool hasUnsent(const QString& room_id) const;
    /// The local id whose echo turned out to be the synced event `event_id`, or empty.
    QString localIdForEvent(const QString& event_id) const;
    /// Drops a failed post (the user gave up on it). -> postDiscarded
    void discardPost(const QString& local_id);

signals:
    void unlockFinished(bool ok, const QString& error_text);
    void signInFinished(bool ok, const QString& error_text);  ///< error_text translated
    void syncStatusChanged(renkei::ui::SyncStatus status, const QDateTime& last_success);
    /// Sync stopped on an error retrying cannot fix (e.g. signed out on the server).
    void syncFailed(const QString& error_text);
    /// Rooms whose timeline, state, receipts or unread counts changed (may be empty when
    /// only the room list changed, e.g. a room was left).
    void roomsChanged(const QStringList& room_ids);
    void postQueued(const QString& room_id, const QString& local_id);
    /// event_id empty => failed (error_text says why).
    void sendFinished(const QString& room_id, const QString& local_id, const QString& event_id,
                      const QString& error_text);
    void postDiscarded(const QString& room_id, const QString& local_id);
    void gapFilled(const QString& room_id, int events_added);
    void membershipChanged(const QString& room_id, const QString& error_text);  ///< empty: ok
    void thumbnailReady(const QString& mxc, const QImage& image);
    void thumbnailFailed(const QString& mxc, const QString& error_text);
    void mediaReady(const QString& mxc, const QByteArray& bytes);
    void mediaFailed(const QString& mxc, const QString& error_text);
    void signedOut();

private:
    template <class F>
    void toGui(F&& function);
    void onSyncNotification(const session::SyncNotification& note);
    void setSyncStatus(SyncStatus status);
    QString queuePost(const QString& room_id, const QString& text, bool is_image);
    void finishSend(const QString& local_id, const QString& event_id, const QString& error_text);
    /// Drops Sent echoes of `room_id` whose event is now in the cache.
    void reconcileEchoes(const QString& room_id);
    void rememberEcho(const QString& event_id, const QString& local_id);

    QString data_dir_;
    std::unique_ptr<session::Session> session_;
    std::unique_ptr<session::SyncEngine> sync_;
    QThreadPool workers_;  ///< unlock, sign-in, gap fills, sign-out
    QThreadPool ordered_;  ///< one thread: sends, receipts, joins, leaves, in call order
    QThreadPool media_;    ///< thumbnail and full-size downloads
    bool unlocking_ = false;
    bool sync_active_ = false;  ///< between startSync() and stopSync() or a sync failure
    SyncStatus sync_status_ = SyncStatus::Offline;
    QDateTime last_sync_;
    QList<PendingPost> pending_;
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
