// Renkei desktop: CoreBridge, the facade widgets and models talk to the core through. It
// owns the session's parts on the GUI side, one class per concern in ui/bridge/: the one
// GUI-thread hop (GuiHop), the account (unlock, sign-in, sign-out), the connection (sync,
// send queue, offline and sign-in flags), the outbox and drafts, rooms (gaps, receipts,
// membership), media (thumbnails, images, files) and the offline history (back-fill). Its
// signals are the parts' results, on the GUI thread. Models read the cache directly through
// session() on the GUI thread (reads only). Posts go through the vault's outbox (offline
// first): queued at once on the GUI thread, sent exactly once by the SendQueue, removed when
// sync confirms them.
#pragma once

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "bridge/bridge_types.h"
#include "care/care_record.h"
#include "care/care_types.h"
#include "store/access_log.h"
#include "store/keys.h"

namespace renkei::http {
class Transport;
}
namespace renkei::session {
class Session;
}  // namespace renkei::session

namespace renkei::ui {

class AccountBridge;
class ConnectionBridge;
class GuiHop;
class HistoryBridge;
class MediaBridge;
enum class HistoryState;
class OutboxBridge;
class RoomsBridge;

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
    QString dataRoot() const;
    /// Test seam: the HTTP transport the session will use (null: libcurl). Before unlock().
    void setTransport(std::shared_ptr<http::Transport> transport);
    /// Test seam: the Argon2id work factors of key files that unlock() CREATES (a new
    /// account's first passphrase); existing files keep the factors they record. The product
    /// never calls this: its default is store::KdfLimits::moderate(). Before unlock().
    void setNewKeyFileLimits(store::KdfLimits limits);
    /// The accounts with local data on this computer, most recently used first.
    QList<LocalAccountInfo> accounts() const;
    /// The account unlock() opens: an id from accounts(), or empty for a new account (the
    /// next unlock() creates its local data with the passphrase). Only while closed.
    void selectAccount(const QString& account_id);
    QString selectedAccount() const;
    /// The selected account, or nullopt for a new one.
    std::optional<LocalAccountInfo> selectedAccountInfo() const;
    /// An account is selected whose local data exists: ask for its passphrase (unlock), do
    /// not set a new one.
    bool hasLocalData() const;
    bool isOpen() const;      ///< unlocked: session() is usable
    bool isSignedIn() const;  ///< a login is stored (restored at unlock or from signIn)
    QString userId() const;   ///< "@name:server", or empty
    /// For models: cache READS only, on the GUI thread. Null until unlocked.
    session::Session* session() const;
    SyncStatus syncStatus() const;
    QDateTime lastSync() const;  ///< invalid before the first success

    /// Offline as far as Renkei can tell: the last sync round or the last send attempt
    /// failed on the network (not what the OS says). Cleared by the next success.
    bool isOffline() const;
    /// The server no longer accepts this session: the password is needed (reauthenticate).
    bool needsSignIn() const;

    // Asynchronous; each emits exactly one result signal, later, on the GUI thread.
    /// Opens the local data with `passphrase` (first use: sets it). Argon2id, ~1 s, on a
    /// worker. -> unlockFinished
    void unlock(const QString& passphrase);
    /// Checks `passphrase` against the open account's key file (Argon2id with the file's own
    /// work factors, ~0.6 s, on a worker; the keys it unwraps are wiped at once): the screen
    /// lock's unlock. Nothing is changed or deleted on a wrong one. -> passphraseChecked
    void checkPassphrase(const QString& passphrase);
    /// Protects the open account's keys with `replacement` instead of `current` (the key file
    /// re-wrapped on a worker, store::changePassphrase; the databases keep their keys). A wrong
    /// `current` changes nothing. -> passphraseChanged
    void changePassphrase(const QString& current, const QString& replacement);
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
    /// `context`: the post's 場面 and 至急 (jp.renkei.scene / .urgent), none by default.
    QString sendText(const QString& room_id, const QString& text, QString* error_text = nullptr,
                     const care::PostContext& context = {});
    /// Queues a structured post (a m.room.message content with its jp.renkei.record, as
    /// care::vitalsContent and the other kinds' writers build it) like sendText, with its
    /// scene and 至急; the room's text draft is kept, its record draft of `draft_kind` (a
    /// kind's wire value, when given) goes with it in the same vault transaction. Returns its
    /// local id, or empty with `error_text` (Session::queueRecord's refusals in plain words).
    QString queueRecord(const QString& room_id, const nlohmann::json& content, QString* error_text = nullptr,
                        const care::PostContext& context = {}, const QString& draft_kind = {});
    /// Queues a correction of our own structured post `target_event_id` with the new
    /// `content` (Session::queueRecordEdit). Returns the local id, or empty with `error_text`.
    QString queueRecordEdit(const QString& room_id, const QString& target_event_id,
                            const nlohmann::json& content, QString* error_text = nullptr);
    /// Saves the form of a structured post being written (`record`: its fields; {} deletes)
    /// as the room's draft of `kind`. False with `error_text` on failure (the previous stays).
    bool saveRecordDraft(const QString& room_id, const QString& kind, const nlohmann::json& record,
                         QString* error_text = nullptr);
    /// The room's record draft of `kind` (its fields), or null when none.
    nlohmann::json recordDraft(const QString& room_id, const QString& kind) const;
    /// The kinds the room has a record draft of, newest first (the 記録 menu marks them).
    QList<care::RecordKind> recordDraftKinds(const QString& room_id) const;
    /// Reads any file on a worker (in memory only; AttachmentFile), copies it into the
    /// encrypted outbox and wakes the send queue: a PNG, JPEG, GIF or WebP picture goes as
    /// m.image, anything else as m.file, m.audio or m.video (Session::queueFile).
    /// -> postQueued, or sendRefused (larger than the server's upload limit, which the text
    /// names in MB; unreadable; disk full).
    void sendFile(const QString& room_id, const QString& file_path);
    // Corrections, queued in the outbox like a post (a transaction id fixed now; sent exactly
    // once, offline included) on the GUI thread; each emits postQueued before it returns, so
    // its echo shows at once. Empty / false on failure, with `error_text` in plain words.
    /// Edits our own text post `target_event_id` to `text` (m.replace). Returns the local id.
    QString queueEdit(const QString& room_id, const QString& target_event_id, const QString& text,
                      QString* error_text = nullptr);
    /// Replies `text` to `in_reply_to` (m.in_reply_to) with its own scene and 至急 (`context`);
    /// the room's draft goes with it.
    QString queueReply(const QString& room_id, const QString& in_reply_to, const QString& text,
                       QString* error_text = nullptr, const care::PostContext& context = {});
    /// Deletes `target_event_id` (m.room.redaction) with an optional `reason` (empty: none).
    QString queueRedaction(const QString& room_id, const QString& target_event_id, const QString& reason,
                           QString* error_text = nullptr);
    /// Reacts with `key` (e.g. 「確認しました」) to `target_event_id`, or takes our reaction with
    /// that key back when we reacted already (an unsent one is discarded: postDiscarded).
    bool toggleReaction(const QString& room_id, const QString& target_event_id, const QString& key,
                        QString* error_text = nullptr);
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
    /// Fetches the picture of an image post for an export or a print (pdf::printPicture: at
    /// most exporting::kExportImageEdge pixels a side, flattened onto white) on a worker, in
    /// memory only. -> printPictureReady / printPictureFailed
    void requestPrintPicture(const QString& mxc);
    /// Fetches the bytes of a file post (mxc://) into memory on a worker (never on disk),
    /// refusing more than `declared_size` bytes (the event's info.size; 0: unknown) or
    /// kMaxFileBytes. Cancelled with the other downloads (sign-out, quit) or by cancelFile.
    /// -> fileReady / fileFailed
    void requestFile(const QString& mxc, qint64 declared_size = 0);
    /// Ends the file download of `mxc` in flight: fileFailed is emitted before this returns.
    void cancelFile(const QString& mxc);
    /// The most a file download keeps in memory (200 MiB).
    static constexpr qint64 kMaxFileBytes = 200LL * 1024 * 1024;
    /// The largest width or height requestImage decodes to (a 4K screen); larger pictures
    /// are scaled down.
    static constexpr int kViewerEdge = 4096;
    /// Back-paginates the gap just before `before_event_id` (empty: the newest gap) from the
    /// server. One request per room at a time. -> gapFilled (events_added -1: failed)
    void fillGap(const QString& room_id, const QString& before_event_id);
    /// Offline history: every joined room's history is cached in the background after the
    /// first sync (HistoryBridge). Only the last `days` days (0: all history, the default).
    void setHistoryHorizonDays(int days);
    /// What the back-fill does now, and its counts (see historyProgress).
    HistoryState historyState() const;
    int historyRoomsDone() const;
    int historyRoomsTotal() const;
    /// The room's whole history is on this computer: it reads from its first post offline
    /// (RoomHistory::complete, read from the cache).
    bool historyComplete(const QString& room_id) const;
    void joinRoom(const QString& room_id);   ///< -> membershipChanged
    void leaveRoom(const QString& room_id);  ///< -> membershipChanged
    /// Sends an m.read receipt for a synced event ("$..."); repeated calls for the event
    /// already marked in that room are dropped.
    void markRead(const QString& room_id, const QString& event_id);
    /// Fetches the event a reply quotes (cache first, else the server) on a worker; repeats
    /// while it is in flight are ignored. -> eventFetched, then read it with fetchedEvent.
    void requestEvent(const QString& room_id, const QString& event_id);
    /// The event requestEvent fetched (kept in a small in-memory cache), or nullopt: not
    /// asked, in flight, or failed on the network. missing: not found or forbidden.
    std::optional<QuotedEvent> fetchedEvent(const QString& room_id, const QString& event_id) const;
    /// Appends to the vault's access log (Session::recordAccess) on the ordered worker that
    /// `kind` was done now, in `room_id` (empty: none), with `detail` (short text, never patient
    /// data, names or paths). Nothing when no session is open; a record that cannot be kept
    /// is logged by its kind only. Export and print are recorded by Session::recordExport.
    void recordAccess(store::AccessKind kind, const QString& room_id = {}, const QString& detail = {});
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
    /// A failed post goes back into the queue (same transaction id) and the queue wakes.
    /// False if it is not failed (any more).
    bool retryPost(const QString& local_id);
    /// Removes a failed (or still queued) post from the outbox. -> postDiscarded
    bool discardPost(const QString& local_id);

    // The parts, for one another (and for features that grow a part of their own).
    GuiHop& hop() const { return *hop_; }
    AccountBridge& account() const { return *account_; }
    ConnectionBridge& connection() const { return *connection_; }
    OutboxBridge& outbox() const { return *outbox_; }
    RoomsBridge& rooms() const { return *rooms_; }
    MediaBridge& media() const { return *media_; }
    HistoryBridge& history() const { return *history_; }

signals:
    void unlockFinished(bool ok, const QString& error_text);
    /// checkPassphrase answered; error_text (translated) says why not when !ok.
    void passphraseChecked(bool ok, const QString& error_text);
    /// The network's policy was read again (after the unlock, after a sign-in): read it
    /// with session()->networkPolicy().
    void networkPolicyChanged();
    /// changePassphrase's answer; error_text translated (empty when ok).
    void passphraseChanged(bool ok, const QString& error_text);
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
    /// The send queue opened a queued patient room (Session::queuePatientRoom).
    void patientRoomOpened(const QString& creation_id, const QString& room_id);
    /// The homeserver refused a queued patient room for good; error_text says why.
    void patientRoomFailed(const QString& creation_id, const QString& error_text);
    /// The send queue reported a post: sent (event_id set) or failed (error_text says why).
    void sendFinished(const QString& room_id, const QString& local_id, const QString& event_id,
                      const QString& error_text);
    void postDiscarded(const QString& room_id, const QString& local_id);
    /// A sync round brought these posts (outbox local ids): they left the outbox. Emitted
    /// after the round's roomsChanged, before its outboxChanged.
    void postsConfirmed(const QStringList& local_ids);
    /// Outbox posts of these rooms changed (confirmed by sync, retried, sending <-> waiting);
    /// an empty list means any room. Emitted after the roomsChanged of the same sync round.
    void outboxChanged(const QStringList& room_ids);
    /// A file could not be queued; error_text says why (nothing was queued).
    void sendRefused(const QString& room_id, const QString& error_text);
    void gapFilled(const QString& room_id, int events_added);
    void membershipChanged(const QString& room_id, const QString& error_text);  ///< empty: ok
    /// requestEvent answered (fetchedEvent has it, unless the network failed).
    void eventFetched(const QString& room_id, const QString& event_id);
    void thumbnailReady(const QString& mxc, const QImage& image);
    void thumbnailFailed(const QString& mxc, const QString& error_text);
    void imageReady(const QString& mxc, const QImage& image);
    /// error_text empty: the bytes are no picture of their declared type (or too large).
    void imageFailed(const QString& mxc, const QString& error_text);
    void printPictureReady(const QString& mxc, const QImage& picture);
    /// Not fetched (offline, signed out, gone) or no picture of its declared type.
    void printPictureFailed(const QString& mxc);
    /// A file download finished: its bytes (memory only) and declared type.
    void fileReady(const QString& mxc, const QByteArray& bytes, const QString& mime);
    /// A file download failed or was cancelled (error_text says why, translated).
    void fileFailed(const QString& mxc, const QString& error_text);
    /// The offline-history back-fill: `rooms_done` of `rooms_total` joined rooms are cached
    /// as far as asked; `settled`: nothing is being fetched now (done, or stopped).
    void historyProgress(int rooms_done, int rooms_total, bool settled);
    /// historyComplete(room_id) changed.
    void historyCompleteChanged(const QString& room_id);
    /// The session is about to be closed (sign-out): session() becomes null right after
    /// this signal; windows and models that read it must go now (synchronously).
    void sessionClosing();
    /// Signed out and closed. `error_text`: why this computer's copy could not be removed
    /// (when asked to), else empty.
    void signedOut(const QString& error_text = {});

private:
    // Declared first, destroyed last: the parts' queued results die with it.
    std::unique_ptr<GuiHop> hop_;
    std::unique_ptr<AccountBridge> account_;
    std::unique_ptr<ConnectionBridge> connection_;
    std::unique_ptr<OutboxBridge> outbox_;
    std::unique_ptr<RoomsBridge> rooms_;
    std::unique_ptr<MediaBridge> media_;
    std::unique_ptr<HistoryBridge> history_;
};

}  // namespace renkei::ui
