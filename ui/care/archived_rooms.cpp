#include "care/archived_rooms.h"

#include <QItemSelectionModel>
#include <QListView>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/care_text.h"
#include "matrix/display_text.h"
#include "session/session.h"

namespace renkei::ui {

QString closureSummary(const care::Closure& closure) {
    return ArchivedRoomsModel::tr("%1・%2").arg(closureReasonLabel(closure.reason), QString::fromStdString(closure.date));
}

ArchivedRoomsModel::ArchivedRoomsModel(CoreBridge& bridge, QObject* parent) : QAbstractListModel(parent), bridge_(bridge) {
    connect(&bridge_, &CoreBridge::unlockFinished, this, [this](bool ok) { if (ok) reload(); });
    connect(&bridge_, &CoreBridge::signInFinished, this, [this](bool ok) { if (ok) reload(); });
    connect(&bridge_, &CoreBridge::signedOut, this, &ArchivedRoomsModel::reload);
    connect(&bridge_, &CoreBridge::roomsChanged, this, &ArchivedRoomsModel::reload);
    connect(&bridge_, &CoreBridge::membershipChanged, this, &ArchivedRoomsModel::reload);
    if (bridge_.isOpen()) reload();
}

int ArchivedRoomsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ArchivedRoomsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole: return tr("%1\n%2").arg(row.name, closureSummary(row.closure));
        case Qt::AccessibleTextRole: return tr("%1、%2").arg(row.name, closureSummary(row.closure));
        case RoomIdRole: return row.room_id;
        case PatientNameRole: return row.name;
        case SummaryRole: return closureSummary(row.closure);
        case NoteRole: return QString::fromStdString(row.closure.note);
        default: return {};
    }
}

void ArchivedRoomsModel::reload() {
    std::vector<Row> rows;
    session::Session* s = bridge_.isOpen() ? bridge_.session() : nullptr;
    if (s != nullptr) {
        // Display-safe names (Session::rooms' rules); the closure read through care's parser.
        if (auto archived = s->archivedRooms()) {
            for (auto& a : *archived) {
                QString name = QString::fromStdString(a.room.name);
                if (name.isEmpty()) name = QString::fromStdString(a.room.room_id);
                a.closure.note = matrix::displayText(a.closure.note, matrix::TextLines::Multi);
                rows.push_back({QString::fromStdString(a.room.room_id), name, std::move(a.closure)});
            }
        }
    }
    if (rows == rows_) return;
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

int ArchivedRoomsModel::rowOfRoom(const QString& room_id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].room_id == room_id) return static_cast<int>(i);
    }
    return -1;
}

std::optional<care::Closure> ArchivedRoomsModel::closureOf(const QString& room_id) const {
    const int row = rowOfRoom(room_id);
    if (row < 0) return std::nullopt;
    return rows_[static_cast<std::size_t>(row)].closure;
}

QString ArchivedRoomsModel::patientName(const QString& room_id) const {
    const int row = rowOfRoom(room_id);
    return row < 0 ? QString() : rows_[static_cast<std::size_t>(row)].name;
}

ArchivedRoomsView::ArchivedRoomsView(ArchivedRoomsModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    toggle_ = new QToolButton;
    toggle_->setCheckable(true);
    toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle_->setArrowType(Qt::RightArrow);
    toggle_->setAutoRaise(true);
    toggle_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    toggle_->setAccessibleName(tr("終了した部屋"));

    list_ = new QListView;
    list_->setModel(model_);
    list_->setAccessibleName(tr("終了した部屋"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setTextElideMode(Qt::ElideRight);
    list_->setSpacing(2);

    remove_ = new QPushButton(tr("このパソコンから削除…"));
    remove_->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toggle_);
    layout->addWidget(list_);
    layout->addWidget(remove_);

    connect(toggle_, &QToolButton::toggled, this, &ArchivedRoomsView::setExpanded);
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        remove_->setEnabled(current.isValid());
        if (current.isValid()) emit roomActivated(current.data(ArchivedRoomsModel::RoomIdRole).toString());
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const QString id = currentRoomId();
        if (!id.isEmpty()) emit removeRequested(id);
    });
    connect(model_, &QAbstractItemModel::modelReset, this, &ArchivedRoomsView::updateHeader);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { remove_->setEnabled(list_->currentIndex().isValid()); });
    setExpanded(false);
    updateHeader();
}

void ArchivedRoomsView::updateHeader() {
    toggle_->setText(tr("終了した部屋（%1）").arg(model_->rowCount()));
    // As tall as its rows (up to six), so the room list above keeps the space.
    const int shown = qBound(1, model_->rowCount(), 6);
    const int row = model_->rowCount() > 0 ? list_->sizeHintForRow(0) : list_->fontMetrics().lineSpacing() * 2;
    list_->setFixedHeight(shown * (row + 2 * list_->spacing()) + 2 * list_->frameWidth() + list_->spacing());
    // Nothing archived: no section at all. Shown only inside its pane (never as a window).
    if (model_->rowCount() == 0) {
        hide();
    } else if (parentWidget() != nullptr) {
        show();
    }
}

bool ArchivedRoomsView::expanded() const { return toggle_->isChecked(); }

void ArchivedRoomsView::setExpanded(bool expanded) {
    if (toggle_->isChecked() != expanded) toggle_->setChecked(expanded);  // toggled comes back here
    toggle_->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    list_->setVisible(expanded);
    remove_->setVisible(expanded);
}

void ArchivedRoomsView::selectRoom(const QString& room_id) {
    const int row = model_->rowOfRoom(room_id);
    if (row < 0) return clearSelection();
    setExpanded(true);
    const QModelIndex index = model_->index(row);
    if (list_->currentIndex() != index) list_->setCurrentIndex(index);
    list_->scrollTo(index);
}

void ArchivedRoomsView::clearSelection() {
    list_->selectionModel()->clearCurrentIndex();
    list_->clearSelection();
    remove_->setEnabled(false);
}

QString ArchivedRoomsView::currentRoomId() const {
    return list_->currentIndex().data(ArchivedRoomsModel::RoomIdRole).toString();
}

}  // namespace renkei::ui
