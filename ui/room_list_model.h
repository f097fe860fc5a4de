// Renkei desktop: the room list (left pane) as an item model over Session::rooms(): patient
// rooms first, in gojūon order of the patient's kana (jp.renkei.patient), then the other rooms,
// most recent activity first; paged (fetchMore) and updated row by row on
// CoreBridge::roomsChanged. Each patient room's facts (name, kana, the 「市外」 and 「主治医なし」
// markers, and the trend flags of its vitals) are read once and kept until the room changes. RoomFilterModel narrows the list
// by room name, patient name and kana. Qt::ToolTipRole is the topic (or
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
        IsPatientRoomRole,   ///< bool: created as a patient room (jp.renkei.patient_room)
        UrgentUnreadRole,    ///< int: 至急 posts by others after our read receipt
        /// bool: 「市外」: a care team member's office lies outside the home municipality
        OutsideCityRole,
        /// bool: 「主治医なし」: the room records it opened without an attending physician, or
        /// no member of its care team says they are one (their own jp.renkei.member)
        NoPhysicianRole,
        /// QStringList: the trend rules that hold for the patient's vitals now
        /// (Session::trendFlags), each as its reason (「SpO2 が 92 % 未満」); empty: none
        TrendReasonsRole,
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
    /// The network's home municipality (e.g. 「みどり野市」): offices elsewhere are 「市外」.
    /// Empty: no room is marked. Re-reads the markers.
    void setHomeMunicipality(const QString& municipality);
    QString homeMunicipality() const { return home_; }
    /// The gojūon sort key of a kana text: hiragana and katakana alike, width and case
    /// folded, spaces left out (RoomFilterModel::fold).
    static QString kanaSortKey(const QString& kana);

private:
    struct Row {
        QString room_id, name, topic, room_type, membership, inviter, kana;
        QString last_body, last_sender, last_sender_name;
        QDateTime last_time;
        int unread = 0;
        int highlight = 0;
        int urgent = 0;
        QStringList trends;
        bool patient_room = false, outside_city = false, no_physician = false;
        bool operator==(const Row& other) const = default;
    };
    /// What a patient room's state says for its row (read once, kept in patients_).
    struct PatientFacts {
        QString name, kana, sort_key;
        QStringList trends;  ///< reasons of the trend flags that hold (read with the facts)
        bool outside_city = false, no_physician = false;
    };
    std::vector<Row> readRows(int& total) const;
    PatientFacts patientFacts(const std::string& room_id) const;
    void updateUnsent(const QString& room_id);

    CoreBridge* bridge_;
    std::vector<Row> rows_;
    int limit_ = kPageSize;  ///< rows shown: the first `limit_` of the list
    int total_ = 0;
    QString home_;
    mutable QHash<QString, PatientFacts> patients_;  ///< room id -> facts; dropped on its change
};

/// Filters a RoomListModel by a text found in the room name (the patient's name) or kana;
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
