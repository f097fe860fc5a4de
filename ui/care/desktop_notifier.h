// Renkei desktop: notifications outside the window for a new urgent post (至急). MainWindow
// talks to the DesktopNotifier seam; TrayNotifier, the real one, shows the message from the
// system tray (QSystemTrayIcon::showMessage) where the desktop has a tray that shows messages,
// and does nothing elsewhere (the window's alert and the status bar still tell). Tests put a
// recording notifier in its place. What the texts may say is UrgentNotifier's business.
#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace renkei::ui {

class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    /// Shows `title` and `body` (plain text; `body` may be empty) outside the window; choosing
    /// the message emits activated(room_id, event_id).
    virtual void show(const QString& title, const QString& body, const QString& room_id,
                      const QString& event_id) = 0;

signals:
    /// The user chose the message (or the tray icon after it): open that post.
    void activated(const QString& room_id, const QString& event_id);
};

class TrayNotifier final : public DesktopNotifier {
    Q_OBJECT
public:
    explicit TrayNotifier(QObject* parent = nullptr);
    /// Whether this desktop has a system tray that shows messages.
    static bool available();
    void show(const QString& title, const QString& body, const QString& room_id, const QString& event_id) override;

private:
    QSystemTrayIcon* tray_ = nullptr;  ///< made for the first message, then kept
    QString room_id_;                  ///< of the newest message: what a click opens
    QString event_id_;
};

}  // namespace renkei::ui
