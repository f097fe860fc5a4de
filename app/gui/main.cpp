// Renkei desktop app: the composition root. Parses the command line, loads the translation
// and font, then opens the local data (RENKEI_PASSPHRASE, else UnlockDialog) or shows
// SignInDialog (no local data yet), then MainWindow.
// No nested event loops: each step continues from the previous one's signal.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <utility>

#include "app_settings.h"
#include "common/process_hardening.h"
#include "core_bridge.h"
#include "main_window.h"
#include "sign_in_dialog.h"
#include "unlock_dialog.h"

#ifndef RENKEI_VERSION
#define RENKEI_VERSION "0.0.0"
#endif

using namespace renkei::ui;

namespace {

constexpr char kPassphraseVariable[] = "RENKEI_PASSPHRASE";

/// --smoke-test: report the first window shown on stdout and exit (CI starts the app
/// offscreen this way).
void exitWhenShown(QWidget* window, bool smoke_test) {
    if (!smoke_test) return;
    QTimer::singleShot(0, window, [window] {
        std::printf("smoke-test: %s shown\n", window->metaObject()->className());
        std::fflush(stdout);
        QCoreApplication::exit(window->isVisible() ? 0 : 1);
    });
}

struct Options {
    QString data_dir;
    QString homeserver;
    bool smoke_test = false;
    QString passphrase;  ///< from RENKEI_PASSPHRASE (taken out of the environment at start)
};

Options parseCommandLine(const QApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Renkei: posts and photos for your patients' care team.") +
        QStringLiteral("\n\n") +
        QCoreApplication::translate(
            "main",
            "Environment:\n"
            "  RENKEI_PASSPHRASE  opens the local data with this passphrase without asking\n"
            "                     (for the demo and scripts); if it does not open them,\n"
            "                     Renkei asks for the passphrase."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption data_dir_option(
        QStringLiteral("data-dir"), QCoreApplication::translate("main", "Keep the encrypted local data in <dir>."),
        QCoreApplication::translate("main", "dir"), CoreBridge::defaultDataDir());
    const QCommandLineOption homeserver_option(
        QStringLiteral("homeserver"), QCoreApplication::translate("main", "Prefill the server at sign-in."),
        QCoreApplication::translate("main", "server"));
    QCommandLineOption smoke_option(QStringLiteral("smoke-test"),
                                    QCoreApplication::translate("main", "Exit once the first window is shown."));
    smoke_option.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({data_dir_option, homeserver_option, smoke_option});
    parser.process(app);
    return {parser.value(data_dir_option), parser.value(homeserver_option),
            parser.isSet(smoke_option), {}};
}

/// The startup steps before MainWindow, each continuing from the previous one's signal.
/// Owns the main window; must outlive the event loop and be destroyed before the bridge.
class Startup {
public:
    Startup(CoreBridge& bridge, Options options) : bridge_(bridge), options_(std::move(options)) {}

    void begin() {
        // Dialogs come and go before the main window: closing them must not end the app.
        QApplication::setQuitOnLastWindowClosed(false);
        // Signed out from the main window: back to the sign-in (drafts stay on this computer).
        QObject::connect(&bridge_, &CoreBridge::signedOut, &bridge_, [this] { afterSignOut(); });
        if (!bridge_.hasLocalData()) {
            showSignIn();
            return;
        }
        const QString passphrase = std::exchange(options_.passphrase, QString());
        if (passphrase.isEmpty()) {
            showUnlock();
        } else {
            unlockWith(passphrase);
        }
    }

private:
    /// RENKEI_PASSPHRASE: unlocks without a dialog; if it does not open the data, asks.
    void unlockWith(const QString& passphrase) {
        QObject::connect(
            &bridge_, &CoreBridge::unlockFinished, &bridge_,
            [this](bool ok, const QString& error_text) {
                if (ok) {
                    afterUnlock();
                    return;
                }
                std::fprintf(stderr, "renkei: %s did not open the local data (%s); asking instead\n",
                             kPassphraseVariable, qUtf8Printable(error_text));
                showUnlock();
            },
            Qt::SingleShotConnection);
        bridge_.unlock(passphrase);
    }

    void showUnlock() {
        auto* dialog = new UnlockDialog(bridge_);
        QObject::connect(dialog, &QDialog::accepted, &bridge_, [this] { afterUnlock(); });
        QObject::connect(dialog, &QDialog::rejected, &bridge_, &QCoreApplication::quit);
        QObject::connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
        dialog->show();
        exitWhenShown(dialog, options_.smoke_test);
    }

    void afterUnlock() {
        if (bridge_.isSignedIn()) {
            showMain();
        } else {
            showSignIn();
        }
    }

    void showSignIn() {
        auto* dialog = new SignInDialog(bridge_, options_.homeserver);
        QObject::connect(dialog, &QDialog::accepted, &bridge_, [this] { showMain(); });
        QObject::connect(dialog, &QDialog::rejected, &bridge_, &QCoreApplication::quit);
        QObject::connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
        dialog->show();
        exitWhenShown(dialog, options_.smoke_test);
    }

    void showMain() {
        window_ = std::make_unique<MainWindow>(bridge_);
        window_->show();
        QApplication::setQuitOnLastWindowClosed(true);
        exitWhenShown(window_.get(), options_.smoke_test);
    }

    void afterSignOut() {
        if (!window_) return;
        QApplication::setQuitOnLastWindowClosed(false);  // hiding the last window must not quit
        window_->hide();
        window_.release()->deleteLater();  // we are inside a signal of the bridge, not the window
        showSignIn();
    }

    CoreBridge& bridge_;
    Options options_;
    std::unique_ptr<MainWindow> window_;
};

}  // namespace

int main(int argc, char* argv[]) {
    // First: a crash must not write decrypted posts or keys to disk, and the passphrase is
    // read once, wiped from the environment, before any thread starts.
    if (!renkei::disableCoreDumps()) std::fputs("renkei: warning: core dumps stay on\n", stderr);
    const QString passphrase =
        QString::fromStdString(renkei::takeEnvironmentSecret(kPassphraseVariable).value_or(""));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Renkei"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("renkei.jp"));
    QCoreApplication::setApplicationName(QStringLiteral("Renkei"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RENKEI_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("jp.renkei.Renkei"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/renkei.svg")));

    const AppSettings settings = AppSettings::load();
    installTranslations(effectiveLanguage(settings.language));
    applyAppFont(app, settings.font_point_size);

    Options options = parseCommandLine(app);
    options.passphrase = passphrase;
    auto bridge = std::make_unique<CoreBridge>(options.data_dir);
    auto startup = std::make_unique<Startup>(*bridge, std::move(options));  // before the bridge
    startup->begin();
    const int status = QApplication::exec();
    startup.reset();
    bridge.reset();
    return status;
}
