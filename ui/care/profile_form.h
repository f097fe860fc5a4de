// Renkei UI: 「プロフィール」 in the settings — the user's own profession (職種) and office
// (事業所名, 種別, 所在市町村), written as their jp.renkei.member into every patient room they
// join, and the network's home municipality (offices elsewhere are marked 「市外」).
#pragma once

#include <optional>

#include <QWidget>

#include "care/care_types.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace renkei::ui {

class ProfileForm : public QWidget {
    Q_OBJECT
public:
    explicit ProfileForm(QWidget* parent = nullptr);

    /// Fills the fields (nullopt: 未設定, empty fields).
    void setProfile(const std::optional<care::MemberProfile>& profile);
    /// The profile as entered, or nullopt when left unset (no profession chosen, no office).
    std::optional<care::MemberProfile> profile() const;
    /// Why the entered profile cannot be kept (e.g. the office is missing), or empty; also
    /// shown under the fields.
    QString check();
    void setHomeMunicipality(const QString& municipality);
    QString homeMunicipality() const;

private:
    QComboBox* profession_ = nullptr;
    QLineEdit* office_ = nullptr;
    QLineEdit* office_kind_ = nullptr;
    QLineEdit* municipality_ = nullptr;
    QLineEdit* home_ = nullptr;
    QLabel* error_ = nullptr;
    std::string team_role_;  ///< kept as it was: the role is the team's, not this form's
};

}  // namespace renkei::ui
