// Renkei desktop app: the steps before and around the main window, each continuing from the
// previous one's signal (no nested event loops): unlock an account's local data (or sign in
// with a new account), sign in if no login is stored, the main window; after a sign-out the
// account is closed and the steps start again from the unlock.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

class QWidget;

namespace renkei::ui {

class CoreBridge;
class MainWindow;

class Startup : public QObject {
    Q_OBJECT
public:
    /// `homeserver` prefills the sign-in's server field (--homeserver).
    Startup(CoreBridge& bridge, QString homeserver, QObject* parent = nullptr);
    ~Startup() override;

    /// Shows the first step. A non-empty `passphrase` (RENKEI_PASSPHRASE) opens the selected
    /// account without asking; if it does not open it, the unlock dialog asks.
    void begin(const QString& passphrase = {});
    /// The window of the current step (a dialog or the main window), or null.
    QWidget* currentWindow() const { return current_; }
    MainWindow* mainWindow() const { return window_.get(); }

signals:
    /// A step's window was shown (for --smoke-test and tests).
    void windowShown(QWidget* window);

private:
    void showStart();
    void unlockWith(const QString& passphrase);
    void showUnlock();
    void afterUnlock();
    void showSignIn();
    void showMain();
    void show(QWidget* window);

    CoreBridge& bridge_;
    QString homeserver_;
    std::unique_ptr<MainWindow> window_;
    QPointer<QWidget> current_;
};

}  // namespace renkei::ui
