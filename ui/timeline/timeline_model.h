// Renkei desktop: one room's timeline (centre pane) as an item model: a thin adapter over
// core's timeline::RoomTimeline, which merges the cached events, their relations (edits,
// reactions, redactions, replies) and the outbox's local echoes into items. Rows are its
// items, oldest first, then the echoes (waiting, sending, sent, failed); its diffs become
// row inserts, updates and removes (never a reset after the first load). Pages from the
// cache (newest 50, then 50 more per fetchMore), fills gaps from the server through the
// bridge, and follows CoreBridge::roomsChanged incrementally (new posts, read state).
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
#include "timeline/room_timeline.h"

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
        BodyRole,           ///< plain text, edits applied (also Qt::DisplayRole); empty for a placeholder
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
        LocalIdRole,        ///< the outbox transaction id of a post of ours, or empty
        ImageSizeRole,      ///< QSize from an m.image's info.w/h (invalid when not given)
        /// QImage: the thumbnail once loaded, else a null QVariant. Asking for it the first
        /// time fetches it through the bridge; dataChanged tells when it is there.
        ThumbnailRole,
        ThumbnailFailedRole,  ///< bool: the thumbnail could not be loaded
        KindRole,             ///< renkei::timeline::TimelineItem::Kind as int
        IsLocalEchoRole,      ///< bool: shown from the outbox, not yet brought by sync
        EditedRole,           ///< bool: the text shown is a replacement (編集済み)
        RedactedByRole,       ///< Redacted: display name of who deleted it, or empty
        RedactedTimeRole,     ///< Redacted: QDateTime of the deletion (invalid when unknown)
        RedactionReasonRole,  ///< Redacted: the reason as written, or empty
        // Files (m.file, m.audio, m.video, m.image), from the typed content
        FileNameRole,   ///< the file's name (filename, else body), or empty
        FileMimeRole,   ///< info.mimetype as declared (well-formed or empty)
        FileSizeRole,   ///< qint64: info.size in bytes, -1 when not given
        FileUrlRole,    ///< mxc:// URL of an unencrypted attachment, or empty
        /// QVariantList of QVariantMap{key (QString), count (int), names (QStringList: who,
        /// display names), mine (bool), pending (bool: our reaction is still in the outbox)},
        /// keys in the order first used, each sender counted once per key.
        ReactionsRole,
        ReplyToRole,     ///< event id of the post this one answers, or empty
        /// QVariantMap{state ("loaded", "loading", "missing"), eventId, senderName, text}:
        /// quoteOf(ReplyToRole); empty for a post that answers none.
        ReplyQuoteRole,
        ThreadRootRole,     ///< event id of the thread root this post is in (spec "Threading"), or empty
        ThreadRepliesRole,  ///< int: a thread root's number of replies; 0 for any other post
        /// The post's 場面 (jp.renkei.scene) as int(care::Scene), or -1 when it has none.
        SceneRole,
        UrgentRole,  ///< bool: a 至急 post (jp.renkei.urgent)
        /// The sender's profession as int(care::Profession) from their jp.renkei.member, or -1.
        SenderProfessionRole,
        /// Kind::CareState: the state type changed ("jp.renkei.consent"); BodyRole its body.
        StateTypeRole,
        /// Kind::CareState: what the edit changed (careChangesText), or a null QVariant when
        /// the previous state is not held.
        StateChangesRole,
        /// bool: the first post by someone else after our read position when the room was
        /// opened: the 「ここから未読」 divider is painted above it (glance()).
        UnreadMarkerRole,
        /// A structured post (its current version, TimelineItem::record()): its kind as int
        /// (care::RecordKind), -1 for any other post.
        RecordKindRole,
        RecordTitleRole,  ///< 「バイタル」…, or empty
        /// QStringList: its lines, each 「label\tvalue」 (a value may hold newlines).
        RecordLinesRole,
    };
    Q_ENUM(Role)
    using SendState = renkei::ui::SendState;
    using Item = timeline::TimelineItem;

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
    /// The core's item behind `row` (0 <= row < rowCount()).
    const Item& item(int row) const;

    /// What a reply shows of the post it answers.
    struct ReplyQuote {
        enum class State { Loaded, Loading, Missing };
        State state = State::Loading;
        QString event_id, sender_name;
        QString text;  ///< the original's current text (edits applied) or its placeholder
    };
    /// The one place a reply's original is resolved: from the loaded items; otherwise from
    /// the bridge's fetch (CoreBridge::requestEvent: the cache, else the server), Loading
    /// until it answers, Missing when the server has no such event for us.
    ReplyQuote quoteOf(const QString& event_id) const;

    /// What is new since the user last read the room, taken once when it is opened
    /// (setRoom): posts by others after our own read position, i.e. the later of our m.read
    /// receipt and our own newest post. Nothing when we never read nor wrote in the room.
    struct Glance {
        QString first_unread_event_id;  ///< the post the divider stands above; empty: none
        int new_posts = 0;              ///< posts by others since then (of those loaded)
        int urgent = 0;                 ///< of which 至急 (jp.renkei.urgent)
        QStringList professions;        ///< their authors' professions, first seen first
        /// Our read position lies before what could be loaded from the cache (more than
        /// kGlancePages pages back, or behind a gap): the counts are a lower bound.
        bool more = false;
    };
    const Glance& glance() const { return glance_; }
    /// Pages loaded from the cache at most to reach our read position when a room opens.
    static constexpr int kGlancePages = 10;

signals:
    /// glance() changed (a room was opened).
    void glanceChanged();
    void fetchingChanged(bool fetching);
    /// Rows were prepended by loadEarlier (a view keeps its scroll position with this).
    void earlierLoaded(int rows);

private:
    /// What the model adds to an item: names, sanitised HTML, read state, the send error.
    struct Row {
        QString sender_name, formatted_body, send_error;
        QStringList read_by;
    };

    Row rowFor(const Item& item) const;
    QString displayName(const QString& user_id) const;
    /// int(care::Profession) of the member's own jp.renkei.member in this room, or -1.
    int profession(const QString& user_id) const;
    /// The item's formatted_body after the sanitiser (cached by version), or empty when
    /// there is none or the plain body is to be shown.
    QString formattedBody(const Item& item) const;
    /// Applies the RoomTimeline's diffs as row changes (a local echo replaced by its synced
    /// post, at the same place, is one row updated). Returns the number of rows inserted.
    int apply(const std::vector<timeline::TimelineDiff>& diffs);
    void noteEvents(const std::vector<store::StoredEvent>& events);
    void reload();
    /// Takes glance_ for the room just opened (timeline_model_glance.cpp); may load earlier
    /// pages from the cache to reach our read position.
    void takeGlance();
    void appendNewEvents();
    void updateReadState(bool notify);
    std::optional<qint64> gapAnchorAtOrBefore(qint64 seq) const;
    void setFetching(bool on);
    void onRoomsChanged(const QStringList& room_ids);
    /// CoreBridge::eventFetched: the replies quoting `event_id` repaint their quote.
    void onEventFetched(const QString& room_id, const QString& event_id);
    void onGapFilled(const QString& room_id, int events_added);
    QVariant thumbnail(const QString& mxc) const;
    /// ReactionsRole of `item` (names through displayName).
    QVariantList reactions(const Item& item) const;
    void onThumbnail(const QString& mxc, const QImage& image, bool failed);

    // Local echoes: the one place that hands the outbox to the RoomTimeline.
    /// Brings the echoes in line with the bridge's outbox: new posts added, states updated,
    /// echoes of posts gone from it removed unless Sent (their synced event replaces them).
    void syncEchoes();
    /// The server answered the send of `local_id`: Sent as `event_id`, or refused (`error`).
    /// Applied as told, even when a sync has confirmed the post in the vault already.
    void echoAnswered(const QString& local_id, const QString& event_id, const QString& error);
    /// The post left the outbox (discarded, or confirmed by sync): its echo goes, unless
    /// sync's event has replaced it already.
    void dropEcho(const QString& local_id);

    CoreBridge* bridge_;
    QString room_id_;
    std::string room_;  ///< room_id_ for Session calls
    QString own_user_;
    timeline::RoomTimeline timeline_;
    std::vector<Row> rows_;          ///< one per timeline_.items(), same order
    QHash<QString, qint64> seq_of_;  ///< every loaded event (displayed or not) -> seq
    QHash<QString, QString> send_errors_;  ///< local id -> why the server refused it
    /// Corrections handed to timeline_ as echoes (edits, reactions, deletions; no row of their
    /// own): local id -> the state and event id last given (syncEchoes).
    QHash<QString, QPair<SendState, QString>> relation_echoes_;
    QString oldest_event_id_;        ///< oldest loaded event of any type
    qint64 oldest_seq_ = -1;
    QString newest_event_id_;        ///< newest loaded event of any type
    bool reading_for_echoes_ = false;  ///< syncEchoes() is reading the cache (no re-entry)
    bool at_start_ = false;          ///< the room's first event is loaded
    bool fetching_ = false;          ///< a gap fill requested through the bridge is running
    bool gap_failed_ = false;        ///< the last gap fill failed: wait for the next sync
    qint64 last_gap_anchor_ = -1;    ///< anchor of the gap last asked for (loop guard)
    bool auto_fetch_ = true;
    mutable QHash<QString, QString> names_;  ///< user id -> display name in this room
    mutable QHash<QString, int> professions_;  ///< user id -> int(care::Profession), -1: none
    /// "<room id> <event id>" -> sanitised HTML; the cost is its length (about 2 MB in all).
    mutable QCache<QString, QString> html_cache_{1 << 20};
    mutable QSet<QString> quotes_requested_;  ///< originals asked from the bridge (this room)
    mutable QSet<QString> thumbs_requested_;  ///< mxc URLs asked from the bridge
    QHash<QString, QImage> thumbs_;           ///< this room's loaded thumbnails (memory only)
    QSet<QString> thumbs_failed_;
    Glance glance_;
};

}  // namespace renkei::ui
