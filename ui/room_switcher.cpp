#include "room_switcher.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

#include "room_list_model.h"
#include "room_list_view.h"

namespace renkei::ui {

RoomSwitcher::RoomSwitcher(QAbstractItemModel* rooms, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Go to room"));
    setAccessibleName(windowTitle());

    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Room name or kana"));
    filter_->setAccessibleName(tr("Room name or kana"));
    filter_->installEventFilter(this);

    proxy_ = new RoomFilterModel(this);
    proxy_->setSourceModel(rooms);
    list_ = new QListView;
    list_->setModel(proxy_);
    list_->setItemDelegate(new RoomDelegate(list_));
    list_->setAccessibleName(tr("Matching rooms"));
    list_->setUniformItemSizes(true);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* hint = new QLabel(tr("↑↓ to choose, Enter to open, Esc to close"));
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(list_, 1);
    layout->addWidget(hint);

    const QFontMetrics fm = fontMetrics();
    resize(fm.averageCharWidth() * 60, fm.lineSpacing() * 22);

    connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterText(text);
        if (proxy_->rowCount() > 0) list_->setCurrentIndex(proxy_->index(0, 0));
    });
    connect(filter_, &QLineEdit::returnPressed, this, &RoomSwitcher::choose);
    connect(list_, &QListView::activated, this, &RoomSwitcher::choose);
    if (proxy_->rowCount() > 0) list_->setCurrentIndex(proxy_->index(0, 0));
    filter_->setFocus();
}

bool RoomSwitcher::eventFilter(QObject* watched, QEvent* event) {
    if (watched == filter_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown ||
            key->key() == Qt::Key_PageUp) {
            // Arrow keys move in the list while typing continues in the filter.
            QKeyEvent copy(key->type(), key->key(), key->modifiers(), key->text());
            QCoreApplication::sendEvent(list_, &copy);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void RoomSwitcher::choose() {
    const QModelIndex current = list_->currentIndex();
    if (!current.isValid()) return;
    emit roomChosen(current.data(RoomListModel::RoomIdRole).toString());
    accept();
}

}  // namespace renkei::ui
