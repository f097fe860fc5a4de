#include "care/desktop_notifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace renkei::ui {

namespace {
constexpr int kMessageMs = 15000;  // as long as the status bar keeps its line
}  // namespace

TrayNotifier::TrayNotifier(QObject* parent) : DesktopNotifier(parent) {}

bool TrayNotifier::available() {
    return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void TrayNotifier::show(const QString& title, const QString& body, const QString& room_id, const QString& event_id) {
    if (!available()) return;  // the window's alert and status bar are all there is
    room_id_ = room_id;
    event_id_ = event_id;
    if (tray_ == nullptr) {
        tray_ = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray_->setToolTip(tr("Renkei"));
        connect(tray_, &QSystemTrayIcon::messageClicked, this, [this] { emit activated(room_id_, event_id_); });
        connect(tray_, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                emit activated(room_id_, event_id_);
            }
        });
        tray_->show();
    }
    tray_->showMessage(title, body, QSystemTrayIcon::Warning, kMessageMs);
}

}  // namespace renkei::ui
