// MainWindow: opening a patient room (部屋の開設) through the wizard; the new room is
// selected as soon as the room list shows it (sync may bring it a moment after the reply).
#include "bridge/core_bridge.h"
#include "care/open_room_wizard.h"
#include "main_window.h"
#include "room_list_view.h"

namespace renkei::ui {

void MainWindow::showOpenRoomWizard() {
    auto* wizard = new OpenRoomWizard(bridge_, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &OpenRoomWizard::roomOpened, this, [this](const QString& room_id) {
        room_list_->selectRoom(room_id);
        if (room_list_->currentRoomId() == room_id) return;
        // Not listed yet: select it when the rooms change, once.
        auto* waiting = new QObject(this);
        connect(&bridge_, &CoreBridge::roomsChanged, waiting, [this, waiting, room_id] {
            room_list_->selectRoom(room_id);
            if (room_list_->currentRoomId() == room_id) waiting->deleteLater();
        });
        connect(&bridge_, &CoreBridge::sessionClosing, waiting, &QObject::deleteLater);
    });
    wizard->open();
}

}  // namespace renkei::ui
