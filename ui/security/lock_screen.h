// Renkei desktop: 画面ロック. After the idle time (AppSettings::lock_minutes; the network's policy
// may lower it) or at once (Ctrl+L, or the desktop session locking: logind's Lock and the
// freedesktop screensaver's ActiveChanged over D-Bus, where present), the main window hides
// every patient datum behind an opaque screen that asks for the passphrase (checked against the
// key file on a worker: CoreBridge::checkPassphrase). While locked, sync and the outbox go on;
// the window title says only 「Renkei（ロック中）」; the window's other windows (dialogs, viewers)
// are hidden and its actions disabled (no shortcut reaches a room); Renkei's own clipboard
// content is cleared; urgent notifications name no one (MainWindow::setScreenLocked). Wrong
// passphrases: after kFreeTries, each further try waits longer (5 s, 10 s, … at most 60 s);
// nothing is ever deleted.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace renkei::ui {

class CoreBridge;

class LockScreen : public QWidget {
    Q_OBJECT

public:
    /// Covers `window` (its child, raised over everything) when locked; watches the whole
    /// application's keyboard and mouse input for idleness.
    LockScreen(CoreBridge& bridge, QWidget& window);
    ~LockScreen() override;

    /// The idle time before the lock, in ms (0: never; the settings give minutes).
    void setIdleMs(qint64 ms);
    qint64 idleMs() const { return idle_ms_; }
    bool isLocked() const { return locked_; }
    /// Remembers text Renkei put on the clipboard (コピー): cleared at the lock if still there.
    void noteClipboardText(const QString& text) { clipboard_text_ = text; }

    QLineEdit* passphraseField() const { return passphrase_; }
    QPushButton* unlockButton() const { return unlock_; }
    /// The message under the field (the reason of a refusal, or the wait), for tests.
    QString messageText() const;
    /// Wrong passphrases without an unlock in between: after this many, each try waits.
    static constexpr int kFreeTries = 3;

public slots:
    /// Locks now (Ctrl+L, the session locking, the idle timer).
    void lock();

signals:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private slots:
    void onScreenSaver(bool active) {
        if (active) lock();
    }

private:
    void submit();
    void checked(bool ok, const QString& error_text);
    void unlockNow();
    void refreshWait();
    /// Listens for the desktop session's lock on D-Bus (system and session bus), if any.
    void watchSessionLock();

    CoreBridge& bridge_;
    QWidget& window_;
    QLabel* title_ = nullptr;
    QLineEdit* passphrase_ = nullptr;
    QPushButton* unlock_ = nullptr;
    QLabel* message_ = nullptr;
    QTimer* idle_ = nullptr;
    QTimer* wait_ = nullptr;
    qint64 idle_ms_ = 5 * 60 * 1000;
    bool locked_ = false;
    bool checking_ = false;
    int failures_ = 0;
    QElapsedTimer waiting_since_;
    qint64 wait_ms_ = 0;
    QString saved_title_;
    QString clipboard_text_;
    QList<QPointer<QWidget>> hidden_windows_;
    QList<QPointer<QAction>> disabled_actions_;
};

}  // namespace renkei::ui
