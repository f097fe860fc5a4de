// Renkei desktop app: preferences — language, send shortcut, font size, the history kept
// for offline reading (QSettings) — and, on the 「プロフィール」 tab, the user's own profession
// and office (kept in the vault by the caller) and the network's home municipality.
#pragma once

#include <QDialog>
#include <optional>

#include "app_settings.h"
#include "care/care_types.h"

class QComboBox;
class QSpinBox;
class QTabWidget;

namespace renkei::ui {

class ProfileForm;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);
    /// The values chosen in the dialog (valid after accept()).
    AppSettings settings() const;
    /// Shows the user's own profile on the 「プロフィール」 tab (nullopt: not set yet).
    void setProfile(const std::optional<care::MemberProfile>& profile);
    /// The profile as entered (nullopt: left unset), valid after accept().
    std::optional<care::MemberProfile> profile() const;
    ProfileForm* profileForm() const { return profile_; }
    QTabWidget* tabs() const { return tabs_; }
    /// Accepts unless the profile is incomplete (the form says what is missing).
    void accept() override;

private:
    QTabWidget* tabs_ = nullptr;
    ProfileForm* profile_ = nullptr;
    QComboBox* language_ = nullptr;
    QComboBox* send_key_ = nullptr;
    QSpinBox* font_size_ = nullptr;
    QSpinBox* lock_minutes_ = nullptr;  ///< 画面ロック: minutes without input
    QComboBox* history_ = nullptr;
};

}  // namespace renkei::ui
