// Renkei desktop app: the room list pane — a filter box (name and kana) over the list of
// rooms; each row shows name (a patient's with kana), the 「市外」 / 「主治医なし」 markers, last
// post preview and time, the unread and 至急 badges and an unsent mark.
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>
#include <QWidget>

class QLineEdit;
class QListView;
class QAbstractItemModel;
class QModelIndex;

namespace renkei::ui {

class RoomFilterModel;

/// Paints one room row (RoomListModel roles).
class RoomDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    /// The markers a row shows after the name: 「市外」, 「主治医なし」 (RoomListModel roles).
    static QStringList markers(const QModelIndex& index);
    /// The red badge of unread urgent posts: 「至急 2」.
    static QString urgentText(int count);
};

class RoomListView : public QWidget {
    Q_OBJECT
public:
    /// `rooms` is the RoomListModel (not owned).
    explicit RoomListView(QAbstractItemModel* rooms, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return filter_; }
    QListView* listView() const { return list_; }
    /// Selects the row of `room_id` (clearing the filter if it hides the room).
    void selectRoom(const QString& room_id);
    QString currentRoomId() const;

signals:
    /// The user opened a room (click, Enter, or selection by keyboard).
    void roomActivated(const QString& room_id);

private:
    QLineEdit* filter_ = nullptr;
    QListView* list_ = nullptr;
    RoomFilterModel* proxy_ = nullptr;
    /// Rows are being removed (a room left or closed): the selection model then moves the
    /// current row to a neighbour, which is not the user's choice and opens nothing.
    bool removing_ = false;
    bool removing_current_ = false;
};

/// A user id shown to people: "@dr.tanaka:example.jp" -> "dr.tanaka" (when no display
/// name is known); anything else unchanged.
QString userLabel(const QString& user_id);

/// "HH:mm" for today, else "yyyy/MM/dd" (room list rows).
QString formatListTime(const QDateTime& time);

}  // namespace renkei::ui
