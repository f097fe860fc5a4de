// Renkei desktop app: the composition root. Parses the command line, loads the translation
// and font, then shows UnlockDialog (local data exists) or SignInDialog, then MainWindow.
// No nested event loops: each step continues from the previous one's signal.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "app_settings.h"
#include "core_bridge.h"
#include "main_window.h"
#include "sign_in_dialog.h"
#include "unlock_dialog.h"

#ifndef RENKEI_VERSION
#define RENKEI_VERSION "0.0.0"
#endif

using namespace renkei::ui;

namespace {
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
}  // namespace

int main(int argc, char* argv[]) {
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

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Renkei: posts and photos for your patients' care team."));
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

    const bool smoke_test = parser.isSet(smoke_option);
    const QString homeserver = parser.value(homeserver_option);
    auto bridge = std::make_unique<CoreBridge>(parser.value(data_dir_option));
    std::unique_ptr<MainWindow> window;  // destroyed before the bridge

    // Dialogs come and go before the main window: closing them must not end the app.
    QApplication::setQuitOnLastWindowClosed(false);
    auto show_main = [&] {
        window = std::make_unique<MainWindow>(*bridge);
        window->show();
        QApplication::setQuitOnLastWindowClosed(true);
        exitWhenShown(window.get(), smoke_test);
    };
    auto show_sign_in = [&] {
        auto* dialog = new SignInDialog(*bridge, homeserver);
        QObject::connect(dialog, &QDialog::accepted, &app, show_main);
        QObject::connect(dialog, &QDialog::rejected, &app, &QCoreApplication::quit);
        QObject::connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
        dialog->show();
        exitWhenShown(dialog, smoke_test);
    };
    if (bridge->hasLocalData()) {
        auto* dialog = new UnlockDialog(*bridge);
        QObject::connect(dialog, &QDialog::accepted, &app, [&] {
            if (bridge->isSignedIn()) {
                show_main();
            } else {
                show_sign_in();
            }
        });
        QObject::connect(dialog, &QDialog::rejected, &app, &QCoreApplication::quit);
        QObject::connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
        dialog->show();
        exitWhenShown(dialog, smoke_test);
    } else {
        show_sign_in();
    }
    const int status = QApplication::exec();
    window.reset();
    bridge.reset();
    return status;
}
