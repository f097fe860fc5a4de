// Renkei desktop: one room's timeline (centre pane) as an item model. Rows are the posts,
// oldest first, then the local echoes of the outbox's posts (waiting, sending, sent, failed). Pages from the cache (newest 50,
// then 50 more per fetchMore), fills gaps from the server through the bridge, and follows
// CoreBridge::roomsChanged incrementally (new posts appended, read state updated).
#pragma once

#include <QAbstractListModel>
#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

#include "bridge/core_bridge.h"

namespace renkei::store {
struct StoredEvent;
}

namespace renkei::ui {

class TimelineModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,  ///< "$..." once sent; empty for a post still sending
        SenderRole,         ///< user id
        SenderNameRole,     ///< display name in this room
        TimeRole,           ///< QDateTime, local time
        BodyRole,           ///< plain text (also Qt::DisplayRole)
        FormattedBodyRole,  ///< sanitised HTML (org.matrix.custom.html, matrix/rich_text.h), or empty
        MsgTypeRole,        ///< "m.text", "m.image", ...
        IsOwnRole,          ///< bool: sent by the signed-in user
        SendStateRole,      ///< renkei::ui::SendState (QVariant::fromValue; toInt() works too)
        SendErrorRole,      ///< Failed: why, translated
        ReadByRole,         ///< QStringList: display names of others whose m.read is at/after it
        ReadCountRole,      ///< int: ReadByRole's size
        DaySeparatorRole,   ///< bool: first loaded post of a local calendar day
        ImageUrlRole,       ///< mxc:// URL of an m.image, or empty
        // additions
        LocalIdRole,        ///< local echo id ("~local-..."), or empty
        ImageSizeRole,      ///< QSize from an m.image's info.w/h (invalid when not given)
        /// QImage: the thumbnail once loaded, else a null QVariant. Asking for it the first
        /// time fetches it through the bridge; dataChanged tells when it is there.
        ThumbnailRole,
        ThumbnailFailedRole,  ///< bool: the thumbnail could not be loaded
    };
    Q_ENUM(Role)
    using SendState = renkei::ui::SendState;

    static constexpr int kPageSize = 50;
    /// Thumbnail size asked from the server: twice the ~240 px the delegate shows (HiDPI).
    static constexpr int kThumbnailEdge = 480;

    explicit TimelineModel(CoreBridge* bridge, QObject* parent = nullptr);

    /// Shows `room_id` (empty: nothing): its newest kPageSize cached events plus its echoes.
    void setRoom(const QString& room_id);
    QString roomId() const { return room_id_; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// True while earlier posts may exist (in the cache or behind a gap on the server) and
    /// no gap fill is running. False when autoFetchMore is off.
    bool canFetchMore(const QModelIndex& parent) const override;
    /// Prepends the kPageSize events before the oldest loaded one; at a gap asks the bridge
    /// to fill it and prepends when gapFilled arrives. Does nothing when autoFetchMore is off.
    void fetchMore(const QModelIndex& parent) override;

    /// QAbstractItemView calls fetchMore() on its own whenever its LAST row is visible (a
    /// list that grows downwards). A timeline with the newest post at the bottom would then
    /// page in the whole history: such a view turns this off and calls loadEarlier() when
    /// the user scrolls to the top. Default: on.
    void setAutoFetchMore(bool on) { auto_fetch_ = on; }
    bool autoFetchMore() const { return auto_fetch_; }
    /// What fetchMore() does, whatever autoFetchMore says.
    void loadEarlier();
    bool hasEarlier() const;           ///< more posts before the oldest loaded one may exist
    bool isFetching() const { return fetching_; }  ///< a gap fill is running

    /// Event id of the newest synced post (for CoreBridge::markRead), or empty.
    QString newestEventId() const;
    int rowOfEvent(const QString& event_id) const;  ///< -1 if not loaded

signals:
    void fetchingChanged(bool fetching);
    /// Rows were prepended by loadEarlier (a view keeps its scroll position with this).
    void earlierLoaded(int rows);

private:
    struct Row {
        QString event_id, local_id, sender, sender_name, body, formatted_body, msgtype, image_url;
        QString send_error;
        QDateTime time;
        qint64 seq = -1;  ///< position in the room's timeline; -1 for a local echo
        bool own = false;
        SendState state = SendState::Sent;
        QStringList read_by;
        QSize image_size;
    };

    Row rowFromEvent(const store::StoredEvent& e) const;
    /// The event's formatted_body after the sanitiser (cached by event id), or empty when
    /// there is none or the plain body is to be shown.
    QString formattedBody(const store::StoredEvent& e) const;
    Row rowFromPending(const PendingPost& p) const;
    void noteEvent(const store::StoredEvent& e);
    int matchEcho(const store::StoredEvent& e) const;  ///< echo row index, or -1
    void reload();
    void appendNewEvents();
    void insertStoreRow(const store::StoredEvent& e);
    /// Removes the synced post `event_id` if it is loaded: a redaction arrived for it. (Issue
    /// 10 shows a placeholder instead.)
    void removeRedacted(const QString& event_id);
    void updateReadState(bool notify);
    std::optional<qint64> gapAnchorAtOrBefore(qint64 seq) const;
    void setFetching(bool on);
    void onRoomsChanged(const QStringList& room_ids);
    /// Brings the echo rows in line with the bridge's outbox: removed, updated (state,
    /// reason) or appended, row by row (no reset).
    void syncEchoes();
    bool shownAsSynced(const PendingPost& p) const;  ///< its event is loaded already
    void onGapFilled(const QString& room_id, int events_added);
    int echoRow(const QString& local_id) const;
    QVariant thumbnail(const Row& row) const;
    void onThumbnail(const QString& mxc, const QImage& image, bool failed);

    CoreBridge* bridge_;
    QString room_id_;
    std::string room_;  ///< room_id_ for Session calls
    QString own_user_;
    std::vector<Row> rows_;  ///< [0, store_rows_): synced posts by seq; then local echoes
    int store_rows_ = 0;
    QHash<QString, qint64> seq_of_;  ///< every loaded event (displayed or not) -> seq
    QSet<QString> txn_loaded_;       ///< unsigned.transaction_id of loaded own events
    QString oldest_event_id_;        ///< oldest loaded event of any type
    qint64 oldest_seq_ = -1;
    QString newest_event_id_;        ///< newest loaded event of any type
    bool at_start_ = false;          ///< the room's first event is loaded
    bool fetching_ = false;          ///< a gap fill requested through the bridge is running
    bool gap_failed_ = false;        ///< the last gap fill failed: wait for the next sync
    qint64 last_gap_anchor_ = -1;    ///< anchor of the gap last asked for (loop guard)
    bool auto_fetch_ = true;
    mutable QHash<QString, QString> names_;  ///< user id -> display name in this room
    /// "<room id> <event id>" -> sanitised HTML; the cost is its length (about 2 MB in all).
    mutable QCache<QString, QString> html_cache_{1 << 20};
    mutable QSet<QString> thumbs_requested_;  ///< mxc URLs asked from the bridge
    QHash<QString, QImage> thumbs_;           ///< this room's loaded thumbnails (memory only)
    QSet<QString> thumbs_failed_;
};

}  // namespace renkei::ui
