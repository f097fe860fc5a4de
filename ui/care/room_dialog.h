// Renkei UI: what the patient panel's record windows (医師からの情報共有（月別）, バイタルの推移)
// share: a non-modal window of one room, deleted on close, its body above 閉じる, read again
// from the cache whenever the room changes.
#pragma once

#include <QSize>
#include <QString>
#include <functional>

class QDialog;
class QWidget;

namespace renkei::ui {

class CoreBridge;

/// Sets `dialog` up: WA_DeleteOnClose, `title`, `body` above a 閉じる button, `size`, and
/// `refresh` called now and on each CoreBridge::roomsChanged that names `room_id`.
void setUpRoomDialog(QDialog& dialog, CoreBridge& bridge, const QString& room_id, const QString& title,
                     QWidget* body, QSize size, const std::function<void()>& refresh);

}  // namespace renkei::ui
