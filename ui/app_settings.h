// Renkei desktop app: the user's preferences (language, send shortcut, font size, how much
// history is kept for offline reading, the network's home municipality), kept with
// QSettings, and applying them to the running application (translator, font).
#pragma once

#include <QString>

class QApplication;

namespace renkei::ui {

/// Which key combination sends a post from the composer.
enum class SendKey { CtrlEnter, Enter };

/// The preferences shown in SettingsDialog. Stored in QSettings under "ui/…".
struct AppSettings {
    QString language = QStringLiteral("system");  ///< "ja", "en" or "system"
    SendKey send_key = SendKey::CtrlEnter;        ///< Ctrl+Enter by default (Enter = new line for IME users)
    int font_point_size = 0;                      ///< 0: the platform's default size
    /// オフライン用に保存する履歴: the last `history_days` days of every room are cached in
    /// the background; 0 (the default): all history. One of 0, 365, 90.
    int history_days = 0;
    /// The care network's home municipality: team members' offices elsewhere are marked
    /// 「市外」 in the room list (empty: none is). Not patient data. The demo network's by default.
    QString home_municipality = QStringLiteral("みどり野市");
    /// 画面ロック: minutes without keyboard or mouse input before the window locks, 1 … 60
    /// (5 by default; the network's policy may set a lower maximum).
    int lock_minutes = 5;

    static AppSettings load();
    void save() const;
};

/// "ja" or "en" for a language setting ("system" follows the OS; Japanese unless the OS asks
/// for another language explicitly).
QString effectiveLanguage(const QString& setting);

/// Installs the translator for `language` ("ja" or "en") from :/i18n/renkei_<language>.qm,
/// replacing one installed earlier, and sets the default QLocale to match. False if the
/// translation resource is missing.
bool installTranslations(const QString& language);

/// Sets the application font: the platform family with "Noto Sans CJK JP" as fallback, so
/// kanji use Japanese glyph forms; `point_size` > 0 overrides the size.
void applyAppFont(QApplication& app, int point_size);

}  // namespace renkei::ui
