#include "app_settings.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace renkei::ui {

namespace {
const auto kLanguageKey = QStringLiteral("ui/language");
const auto kSendKeyKey = QStringLiteral("ui/sendKey");
const auto kFontSizeKey = QStringLiteral("ui/fontPointSize");
const auto kHistoryDaysKey = QStringLiteral("history/horizonDays");
const auto kHomeMunicipalityKey = QStringLiteral("care/homeMunicipality");
const auto kLockMinutesKey = QStringLiteral("security/lockMinutes");

QPointer<QTranslator>& currentTranslator() {
    static QPointer<QTranslator> translator;
    return translator;
}

QFont& platformDefaultFont() {
    // The first application font seen, before our changes: what "default size" goes back to.
    static QFont font = QApplication::font();
    return font;
}
}  // namespace

AppSettings AppSettings::load() {
    QSettings settings;
    AppSettings s;
    const QString language = settings.value(kLanguageKey, s.language).toString();
    if (language == QLatin1String("ja") || language == QLatin1String("en") ||
        language == QLatin1String("system")) {
        s.language = language;
    }
    s.send_key = settings.value(kSendKeyKey).toString() == QLatin1String("enter") ? SendKey::Enter
                                                                                  : SendKey::CtrlEnter;
    s.font_point_size = qBound(0, settings.value(kFontSizeKey, 0).toInt(), 40);
    const int days = settings.value(kHistoryDaysKey, 0).toInt();
    s.history_days = (days == 365 || days == 90) ? days : 0;  // anything else: all history
    s.home_municipality = settings.value(kHomeMunicipalityKey, s.home_municipality).toString().trimmed().left(32);
    s.lock_minutes = qBound(1, settings.value(kLockMinutesKey, s.lock_minutes).toInt(), 60);
    return s;
}

void AppSettings::save() const {
    QSettings settings;
    settings.setValue(kLanguageKey, language);
    settings.setValue(kSendKeyKey, send_key == SendKey::Enter ? QStringLiteral("enter")
                                                              : QStringLiteral("ctrl+enter"));
    settings.setValue(kFontSizeKey, font_point_size);
    settings.setValue(kHistoryDaysKey, history_days);
    settings.setValue(kHomeMunicipalityKey, home_municipality);
    settings.setValue(kLockMinutesKey, lock_minutes);
}

QString effectiveLanguage(const QString& setting) {
    if (setting == QLatin1String("ja") || setting == QLatin1String("en")) return setting;
    const QLocale system = QLocale::system();
    // A clinic laptop without a configured locale (C/POSIX) gets Japanese: the app is for
    // Japanese care teams. Any other explicit non-Japanese language gets English.
    if (system.language() == QLocale::Japanese || system.language() == QLocale::C) {
        return QStringLiteral("ja");
    }
    const QStringList preferred = system.uiLanguages();
    if (!preferred.isEmpty() && preferred.first().startsWith(QLatin1String("ja"))) {
        return QStringLiteral("ja");
    }
    return QStringLiteral("en");
}

static QPointer<QTranslator>& currentQtTranslator() {
    static QPointer<QTranslator> translator;
    return translator;
}

bool installTranslations(const QString& language) {
    auto& current = currentTranslator();
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
    }
    auto* translator = new QTranslator(QCoreApplication::instance());
    const bool loaded = translator->load(QStringLiteral(":/i18n/renkei_%1.qm").arg(language));
    if (loaded) {
        QCoreApplication::installTranslator(translator);
        current = translator;
    } else {
        delete translator;
    }
    // Qt's own strings (context menus, standard buttons) come from qtbase_<lang>.qm, which
    // Debian ships in qt6-translations-l10n; missing is not an error (English remains).
    auto& qt_current = currentQtTranslator();
    if (qt_current) {
        QCoreApplication::removeTranslator(qt_current);
        delete qt_current;
        qt_current = nullptr;
    }
    auto* qt_translator = new QTranslator(QCoreApplication::instance());
    if (qt_translator->load(QStringLiteral("qtbase_%1").arg(language),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt_translator);
        qt_current = qt_translator;
    } else {
        delete qt_translator;
    }
    QLocale::setDefault(language == QLatin1String("ja") ? QLocale(QLocale::Japanese, QLocale::Japan)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    return loaded;
}

void applyAppFont(QApplication& app, int point_size) {
    QFont font = platformDefaultFont();
    QStringList families{font.family()};
    const auto cjk = QStringLiteral("Noto Sans CJK JP");
    if (!families.contains(cjk)) families.append(cjk);
    font.setFamilies(families);
    if (point_size > 0) font.setPointSize(point_size);
    app.setFont(font);
}

}  // namespace renkei::ui
