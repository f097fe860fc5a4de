// Renkei desktop: the room list (left pane) as an item model over Session::rooms(), most
// recent activity first, paged (fetchMore) and updated row by row on CoreBridge::roomsChanged.
// RoomFilterModel narrows it by room name and patient kana. Qt::ToolTipRole is the topic (or
// name) escaped as rich text (plainToolTip), so that a tool tip shows it exactly as written.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>
#include <vector>

namespace renkei::ui {

class CoreBridge;

class RoomListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        LastBodyRole,        ///< QString: plain body of the last post
        LastTimeRole,        ///< QDateTime (local) of the last activity; invalid if none
        UnreadRole,          ///< int: unread notifications (server count)
        MembershipRole,      ///< "join", "invite" or "leave"
        HasUnsentRole,       ///< bool: posts waiting, sending or failed in this room
        NameKanaRole,        ///< patient name in kana (jp.renkei.patient content.kana), or empty
        InviterRole,         ///< user id that invited us (membership "invite"), or empty
        // additions
        LastSenderRole,      ///< user id of the last post's sender
        LastSenderNameRole,  ///< display name of the last post's sender
        HighlightRole,       ///< int: unread highlights (server count)
        TopicRole,           ///< m.room.topic
        RoomTypeRole,        ///< m.room.create content.type, or empty
    };
    Q_ENUM(Role)

    static constexpr int kPageSize = 50;

    /// Reads from bridge->session(); loads at once if the bridge is open, and again after
    /// unlockFinished / signInFinished; follows roomsChanged, post and membership signals.
    explicit RoomListModel(CoreBridge* bridge, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Re-reads the whole list (model reset). For sign-in and sign-out.
    void reload();
    /// Re-reads the list and applies the difference row by row (inserts, moves, removals,
    /// dataChanged): `room_ids` are the rooms known to have changed (their data is compared
    /// either way, so an empty list is fine).
    void refresh(const QStringList& room_ids = {});

    int rowOfRoom(const QString& room_id) const;  ///< -1 if not loaded
    QString roomIdAt(int row) const;
    int totalRooms() const { return total_; }     ///< all cached rooms, loaded or not

private:
    struct Row {
        QString room_id, name, topic, room_type, membership, inviter, kana;
        QString last_body, last_sender, last_sender_name;
        QDateTime last_time;
        int unread = 0;
        int highlight = 0;
        bool operator==(const Row& other) const = default;
    };
    std::vector<Row> readRows(int& total) const;
    void updateUnsent(const QString& room_id);

    CoreBridge* bridge_;
    std::vector<Row> rows_;
    int limit_ = kPageSize;  ///< rows shown: the first `limit_` of the list
    int total_ = 0;
};

/// Filters a RoomListModel by a text found in the room name or the patient's kana;
/// case-insensitive, full-/half-width and hiragana/katakana insensitive. Keeps the order.
class RoomFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RoomFilterModel(QObject* parent = nullptr);
    void setFilterText(const QString& text);
    QString filterText() const { return filter_; }
    /// The folded form used for matching (NFKC, case-folded, katakana as hiragana).
    static QString fold(const QString& text);

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

private:
    QString filter_;
    QString folded_;
};

}  // namespace renkei::ui
