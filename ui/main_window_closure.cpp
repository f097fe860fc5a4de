// MainWindow: closing a patient room (部屋の終了) and the archive of closed rooms. Room >
// 部屋を終了… opens the CloseRoomDialog for the open room, enabled only for those who may close
// it (the opener and the attending physician: Session::canCloseRoom from the cached power
// levels). Closed rooms leave the room list and are listed under it in 「終了した部屋」; one
// opened from there reads from this computer only: the timeline without a composer and
// without writing actions, a banner 「この部屋は終了しました（施設入所・2026-11-20）」, the
// patient panel. 「このパソコンから削除…」 asks first, then deletes its local data.
#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

#include "bridge/closure_bridge.h"
#include "bridge/core_bridge.h"
#include "care/archived_rooms.h"
#include "care/close_room_dialog.h"
#include "main_window.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "care/patient_panel.h"
#include "timeline/composer.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

namespace renkei::ui {

QWidget* MainWindow::buildRoomPane() {
    archived_ = new ArchivedRoomsModel(bridge_, this);
    archived_view_ = new ArchivedRoomsView(archived_);
    closure_ = new ClosureBridge(bridge_, this);

    closed_banner_ = new QLabel;
    closed_banner_->setObjectName(QStringLiteral("closedBanner"));
    closed_banner_->setAccessibleName(tr("終了した部屋"));
    closed_banner_->setTextFormat(Qt::PlainText);
    closed_banner_->setWordWrap(true);
    closed_banner_->setStyleSheet(
        QStringLiteral("QLabel#closedBanner { background: #eceff1; color: #263238; border: 1px solid #b0bec5;"
                       " border-radius: 4px; padding: 6px; }"));
    closed_banner_->hide();

    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(room_list_, 1);
    layout->addWidget(archived_view_);

    connect(archived_view_, &ArchivedRoomsView::roomActivated, this, &MainWindow::openRoom);
    connect(archived_view_, &ArchivedRoomsView::removeRequested, this, &MainWindow::confirmRemoveArchived);
    connect(archived_, &QAbstractItemModel::modelReset, this, [this] {
        // A room closed here or by the team moved into the archive (or left it): the open
        // room's header follows, and the archive's selection is kept.
        if (room_id_.isEmpty()) return;
        if (isArchived(room_id_)) archived_view_->selectRoom(room_id_);
        updateRoomHeader();
    });
    connect(closure_, &ClosureBridge::removed, this, [this](const QString& room_id) {
        if (room_id == room_id_) {
            // Its data is gone: nothing is open any more (as before choosing a room).
            room_id_.clear();
            timeline_model_->setRoom({});
            patient_panel_->setRoom({});
            closed_banner_->hide();
            timeline_->setReadOnly(false);
            composer_->setEnabled(false);
            composer_->setVisible(true);
            room_title_->setText(tr("Choose a room on the left."));
            setWindowTitle(tr("Renkei"));
            close_action_->setEnabled(false);
            leave_action_->setEnabled(false);
            history_mark_->hide();
        }
        archived_->reload();
        statusBar()->showMessage(tr("終了した部屋をこのパソコンから削除しました。"), 10000);
    });
    connect(closure_, &ClosureBridge::removeFailed, this, [this](const QString&, const QString& error) {
        showNotice(tr("削除できませんでした"), error);
    });
    return pane;
}

bool MainWindow::isArchived(const QString& room_id) const {
    return archived_ != nullptr && !room_id.isEmpty() && archived_->rowOfRoom(room_id) >= 0;
}

void MainWindow::updateClosureState(bool archived) {
    if (archived) {
        const auto closure = archived_->closureOf(room_id_);
        closed_banner_->setText(tr("この部屋は終了しました（%1）").arg(closure ? closureSummary(*closure) : QString()));
        // One list has the open room selected, never both.
        if (room_list_->listView()->currentIndex().isValid()) {
            room_list_->listView()->clearSelection();
            room_list_->listView()->selectionModel()->clearCurrentIndex();
        }
        if (archived_view_->currentRoomId() != room_id_) archived_view_->selectRoom(room_id_);
    } else if (!archived_view_->currentRoomId().isEmpty()) {
        archived_view_->clearSelection();
    }
    closed_banner_->setVisible(archived);
    composer_->setVisible(!archived);  // read-only: nothing to write into
    timeline_->setReadOnly(archived);
    close_action_->setEnabled(!archived && closure_->canClose(room_id_));
}

void MainWindow::showCloseRoomDialog() {
    if (room_id_.isEmpty() || isArchived(room_id_) || !closure_->canClose(room_id_)) return;
    if (close_dialog_ != nullptr) close_dialog_->close();
    auto* dialog = new CloseRoomDialog(bridge_, room_id_, room_title_->text(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &CloseRoomDialog::roomClosed, this, [this](const QString& room_id) {
        statusBar()->showMessage(tr("部屋を終了しました。終了した部屋として、このパソコンで読めます。"), 15000);
        if (room_id == room_id_) {
            // Until sync brings the closure, the room is shown as it will be: read-only.
            composer_->setVisible(false);
            timeline_->setReadOnly(true);
            close_action_->setEnabled(false);
            leave_action_->setEnabled(false);
        }
    });
    close_dialog_ = dialog;
    dialog->open();  // not exec(): no nested event loop
}

void MainWindow::confirmRemoveArchived(const QString& room_id) {
    if (!isArchived(room_id)) return;
    const QString name = archived_->patientName(room_id);
    QMessageBox* box = newMessageBox(
        QMessageBox::Warning, tr("このパソコンから削除"),
        tr("終了した部屋「%1」の記録（投稿・利用者情報・下書き）をこのパソコンから削除しますか？\n"
           "サーバーや他のメンバーの記録は変わりません。削除すると、このパソコンでは元に戻せません。")
            .arg(name));
    box->setTextFormat(Qt::PlainText);  // the name is the room's own text
    QPushButton* remove = box->addButton(tr("削除する"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("キャンセル"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, room_id](QAbstractButton* clicked) {
        if (clicked == remove) closure_->removeArchivedRoom(room_id);
    });
    box->open();
}

}  // namespace renkei::ui
