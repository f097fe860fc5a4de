// MainWindow: the care domain around the open room: opening a patient room (部屋の開設)
// through the wizard (the new room is selected as soon as the room list shows it; sync may
// bring it a moment after the reply), and what an invitation to a patient room shows before
// it is accepted (the patient, the consent record, the inviter's profession and office, read
// from the invite's stripped state), and 至急: the cross-room view and the notices of a new
// urgent post (attention, status bar, desktop notification).
#include <QApplication>
#include <QStatusBar>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "care/care_plan.h"
#include "care/desktop_notifier.h"
#include "care/invitation_text.h"
#include "care/open_room_wizard.h"
#include "care/record_text.h"
#include "care/urgent_view.h"
#include "timeline/timeline_view.h"
#include "main_window.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "session/session.h"

namespace renkei::ui {

void MainWindow::showOpenRoomWizard() {
    auto* wizard = new OpenRoomWizard(bridge_, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // Queued (at once, offline too): the wizard closes; the send queue opens the room when
    // the server is reachable, and then it is selected.
    connect(wizard, &OpenRoomWizard::roomQueued, this, [this](const QString& creation_id) {
        auto* waiting = new QObject(this);
        connect(&bridge_, &CoreBridge::patientRoomOpened, waiting,
                [this, waiting, creation_id](const QString& opened_id, const QString& room_id) {
                    if (opened_id != creation_id) return;
                    waiting->deleteLater();
                    selectWhenListed(room_id);
                });
        connect(&bridge_, &CoreBridge::patientRoomFailed, waiting,
                [this, waiting, creation_id](const QString& failed_id, const QString& error) {
                    if (failed_id != creation_id) return;
                    waiting->deleteLater();
                    showNotice(tr("部屋の開設"), tr("部屋を開設できませんでした。\n\n%1").arg(error));
                });
        connect(&bridge_, &CoreBridge::sessionClosing, waiting, &QObject::deleteLater);
        updateStatus();
    });
    wizard->open();
}

void MainWindow::selectWhenListed(const QString& room_id) {
    room_list_->selectRoom(room_id);
    if (room_list_->currentRoomId() == room_id) return;
    // Not listed yet (sync brings it a moment after the reply): select it when the rooms
    // change, once.
    auto* waiting = new QObject(this);
    connect(&bridge_, &CoreBridge::roomsChanged, waiting, [this, waiting, room_id] {
        room_list_->selectRoom(room_id);
        if (room_list_->currentRoomId() == room_id) waiting->deleteLater();
    });
    connect(&bridge_, &CoreBridge::sessionClosing, waiting, &QObject::deleteLater);
}

int MainWindow::pendingRoomCount() const {
    session::Session* s = bridge_.session();
    if (s == nullptr || !bridge_.account().usable()) return 0;
    auto pending = s->pendingRooms();
    return pending ? static_cast<int>(pending->size()) : 0;
}

QString MainWindow::pendingRoomsText() const {
    session::Session* s = bridge_.session();
    if (s == nullptr || !bridge_.account().usable()) return {};
    auto pending = s->pendingRooms();  // a small vault read, as the outbox counts are
    if (!pending) return {};
    QStringList parts;
    for (const auto& room : *pending) {
        const auto plan = care::parsePlan(room.plan);
        const QString name = plan ? QString::fromStdString(plan->patient.name) : QString();
        const bool failed = room.state == store::PendingRoomState::Failed;
        parts << (failed ? tr("部屋を開設できませんでした: %1").arg(name)
                         : tr("部屋の開設待ち: %1（オンラインになると開設します）").arg(name));
    }
    return parts.join(QStringLiteral(" · "));
}

void MainWindow::showUrgentView() {
    if (urgent_view_ == nullptr) {
        urgent_view_ = new UrgentView(bridge_, this);
        connect(urgent_view_, &UrgentView::postChosen, this, &MainWindow::openPost);
    }
    urgent_view_->show();  // reads the list
    urgent_view_->raise();
    urgent_view_->activateWindow();
}

void MainWindow::openPost(const QString& room_id, const QString& event_id) {
    if (isMinimized()) showNormal();
    raise();
    activateWindow();
    room_list_->selectRoom(room_id);
    if (room_id_ == room_id && !event_id.isEmpty()) timeline_->jumpToEvent(event_id);
}

void MainWindow::setUpUrgentNotifier() {
    urgent_notifier_ = new UrgentNotifier(bridge_, this);
    connect(urgent_notifier_, &UrgentNotifier::announce, this, [this](const QString& text) {
        QApplication::alert(this);
        statusBar()->showMessage(text, 15000);
    });
    setDesktopNotifier(new TrayNotifier);
}

void MainWindow::setDesktopNotifier(DesktopNotifier* notifier) {
    delete desktop_notifier_;
    desktop_notifier_ = notifier;
    if (notifier == nullptr) return;
    notifier->setParent(this);
    connect(notifier, &DesktopNotifier::activated, this, &MainWindow::openPost);
    urgent_notifier_->setDesktopNotifier(notifier);
}

void MainWindow::setScreenLocked(bool locked) { urgent_notifier_->setScreenLocked(locked); }

bool MainWindow::openUrgentRoom() {
    for (int row = 0; row < rooms_->rowCount(); ++row) {  // the list's order: patient rooms first
        const QModelIndex index = rooms_->index(row, 0);
        if (index.data(RoomListModel::UrgentUnreadRole).toInt() <= 0) continue;
        openRoom(index.data(RoomListModel::RoomIdRole).toString());  // lands on 「ここから未読」
        return true;
    }
    return false;
}

QString MainWindow::inviterLabel(const QString& user_id) const {
    session::Session* s = bridge_.session();
    if (s == nullptr || user_id.isEmpty()) return userLabel(user_id);
    return memberLabels(*s, room_id_.toStdString(), {user_id.toStdString()}).value(0);
}

QString MainWindow::invitationPreview() const {
    session::Session* s = bridge_.session();
    if (s == nullptr) return {};
    auto record = s->patientRecord(room_id_.toStdString());
    return record ? invitationDetails(*record) : QString();
}

}  // namespace renkei::ui
