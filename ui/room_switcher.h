// Renkei desktop app: the Ctrl+K room switcher — type part of a room's name (or the
// patient's kana), pick with the arrow keys, Enter opens, Esc closes.
#pragma once

#include <QDialog>

class QAbstractItemModel;
class QLineEdit;
class QListView;

namespace renkei::ui {

class RoomFilterModel;

class RoomSwitcher : public QDialog {
    Q_OBJECT
public:
    /// `rooms` is the RoomListModel (not owned).
    explicit RoomSwitcher(QAbstractItemModel* rooms, QWidget* parent = nullptr);

    QLineEdit* filterEdit() const { return filter_; }

signals:
    void roomChosen(const QString& room_id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void choose();

    QLineEdit* filter_ = nullptr;
    QListView* list_ = nullptr;
    RoomFilterModel* proxy_ = nullptr;
};

}  // namespace renkei::ui
