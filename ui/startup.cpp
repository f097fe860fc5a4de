#include "startup.h"

#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <cstdio>

#include "bridge/core_bridge.h"
#include "main_window.h"
#include "sign_in_dialog.h"
#include "unlock_dialog.h"

namespace renkei::ui {

Startup::Startup(CoreBridge& bridge, QString homeserver, QObject* parent)
    : QObject(parent), bridge_(bridge), homeserver_(std::move(homeserver)) {
    // The main window reads the session: it goes before the session closes.
    connect(&bridge_, &CoreBridge::sessionClosing, this, [this] {
        QApplication::setQuitOnLastWindowClosed(false);  // hiding the last window must not quit
        window_.reset();  // from a queued bridge signal, not from inside the window
    });
    connect(&bridge_, &CoreBridge::signedOut, this, [this](const QString& error_text) {
        showStart();
        if (error_text.isEmpty()) return;
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Sign out"), error_text, QMessageBox::Ok, current_);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

Startup::~Startup() = default;

void Startup::begin(const QString& passphrase) {
    // Dialogs come and go before the main window: closing them must not end the app.
    QApplication::setQuitOnLastWindowClosed(false);
    if (bridge_.hasLocalData() && !passphrase.isEmpty()) {
        unlockWith(passphrase);
    } else {
        showStart();
    }
}

void Startup::showStart() {
    if (bridge_.hasLocalData()) {
        showUnlock();
    } else {
        showSignIn();
    }
}

void Startup::unlockWith(const QString& passphrase) {
    connect(
        &bridge_, &CoreBridge::unlockFinished, this,
        [this](bool ok, const QString& error_text) {
            if (ok) {
                afterUnlock();
                return;
            }
            std::fprintf(stderr, "renkei: the passphrase from the environment did not open the local data (%s); asking instead\n",
                         qUtf8Printable(error_text));
            showUnlock();
        },
        Qt::SingleShotConnection);
    bridge_.unlock(passphrase);
}

void Startup::showUnlock() {
    auto* dialog = new UnlockDialog(bridge_);
    connect(dialog, &QDialog::accepted, this, [this] { afterUnlock(); });
    connect(dialog, &QDialog::rejected, this, &QCoreApplication::quit);
    connect(dialog, &UnlockDialog::otherAccountRequested, this, [this] { showSignIn(); });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    show(dialog);
}

void Startup::afterUnlock() {
    if (bridge_.isSignedIn()) {
        showMain();
    } else {
        showSignIn();
    }
}

void Startup::showSignIn() {
    auto* dialog = new SignInDialog(bridge_, homeserver_);
    connect(dialog, &QDialog::accepted, this, [this] { showMain(); });
    // Cancelling the sign-in of an unlocked account closes it again and goes back to the
    // choice of account; before any account is open, it quits.
    connect(dialog, &QDialog::rejected, this, [this] {
        if (bridge_.isOpen()) {
            bridge_.signOut();
        } else {
            QCoreApplication::quit();
        }
    });
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    show(dialog);
}

void Startup::showMain() {
    window_ = std::make_unique<MainWindow>(bridge_);
    QApplication::setQuitOnLastWindowClosed(true);
    show(window_.get());
    window_->openUrgentRoom();  // what needs her first, from the cache, as the window appears
}

void Startup::show(QWidget* window) {
    current_ = window;
    window->show();
    emit windowShown(window);
}

}  // namespace renkei::ui
