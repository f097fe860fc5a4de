// Renkei desktop app: the composition root. Parses the command line, loads the translation
// and font, and hands over to Startup (ui/startup.h): unlock (RENKEI_PASSPHRASE, else
// UnlockDialog) or sign in, then MainWindow.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <QWidget>
#include <cstdio>
#include <memory>

#include "app_settings.h"
#include "common/process_hardening.h"
#include "bridge/core_bridge.h"
#include "startup.h"
#include "startup_trace.h"

#ifndef RENKEI_VERSION
#define RENKEI_VERSION "0.0.0"
#endif

using namespace renkei::ui;

namespace {

constexpr char kPassphraseVariable[] = "RENKEI_PASSPHRASE";

/// --smoke-test: report the first window shown on stdout and exit (CI starts the app
/// offscreen this way).
void exitWhenShown(QWidget* window) {
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
    return {parser.value(data_dir_option), parser.value(homeserver_option), parser.isSet(smoke_option)};
}

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
    auto bridge = std::make_unique<CoreBridge>(options.data_dir);
    auto startup = std::make_unique<Startup>(*bridge, options.homeserver);  // before the bridge
    if (options.smoke_test) {
        QObject::connect(startup.get(), &Startup::windowShown, startup.get(), &exitWhenShown,
                         Qt::SingleShotConnection);
    }
    if (const int settle = qEnvironmentVariableIntValue("RENKEI_STARTUP_TRACE"); settle > 0) {
        traceStartup(*startup, settle);  // the start-up benchmark's timestamps
    }
    startup->begin(passphrase);
    const int status = QApplication::exec();
    startup.reset();
    bridge.reset();
    return status;
}
