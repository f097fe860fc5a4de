#include "care/room_dialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"

namespace renkei::ui {

void setUpRoomDialog(QDialog& dialog, CoreBridge& bridge, const QString& room_id, const QString& title,
                     QWidget* body, QSize size, const std::function<void()>& refresh) {
    dialog.setAttribute(Qt::WA_DeleteOnClose);
    dialog.setWindowTitle(title);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(body, 1);
    layout->addWidget(buttons);
    dialog.resize(size);
    QObject::connect(&bridge, &CoreBridge::roomsChanged, &dialog, [room_id, refresh](const QStringList& rooms) {
        if (rooms.contains(room_id)) refresh();
    });
    refresh();
}

}  // namespace renkei::ui
