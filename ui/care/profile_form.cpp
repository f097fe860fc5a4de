#include "care/profile_form.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "care/care_text.h"

namespace renkei::ui {
namespace {

constexpr care::Profession kProfessions[] = {
    care::Profession::Physician,         care::Profession::SubPhysician,
    care::Profession::Dentist,           care::Profession::Pharmacist,
    care::Profession::VisitingNurse,     care::Profession::Nurse,
    care::Profession::CareManager,       care::Profession::Msw,
    care::Profession::PhysicalTherapist, care::Profession::OccupationalTherapist,
    care::Profession::SpeechTherapist,   care::Profession::Dietitian,
    care::Profession::DentalHygienist,   care::Profession::CareWorker,
    care::Profession::CommunityCenter,   care::Profession::Other,
};

QLineEdit* field(const QString& name, int max_length) {
    auto* edit = new QLineEdit;
    edit->setAccessibleName(name);
    edit->setMaxLength(max_length);
    return edit;
}

}  // namespace

ProfileForm::ProfileForm(QWidget* parent) : QWidget(parent) {
    profession_ = new QComboBox;
    profession_->setAccessibleName(tr("職種"));
    profession_->addItem(tr("未設定"), -1);
    for (care::Profession p : kProfessions) profession_->addItem(professionLabel(p), static_cast<int>(p));
    office_ = field(tr("事業所名"), 64);
    office_->setPlaceholderText(tr("例: みなと訪問看護ステーション"));
    office_kind_ = field(tr("種別"), 32);
    office_kind_->setPlaceholderText(tr("例: 訪問看護ステーション"));
    municipality_ = field(tr("所在市町村"), 32);
    home_ = field(tr("ネットワークの市町村"), 32);
    error_ = new QLabel;
    error_->setTextFormat(Qt::PlainText);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("職種(&P):"), profession_);
    form->addRow(tr("事業所名(&O):"), office_);
    form->addRow(tr("種別(&K):"), office_kind_);
    form->addRow(tr("所在市町村(&M):"), municipality_);
    auto* note = new QLabel(tr("職種と事業所は、参加している利用者の部屋のメンバー全員に表示されます。"));
    note->setWordWrap(true);
    auto* home_form = new QFormLayout;
    home_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    home_form->addRow(tr("ネットワークの市町村(&H):"), home_);
    auto* home_note = new QLabel(tr("これと異なる市町村の事業所は「市外」と表示されます。"));
    home_note->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(error_);
    layout->addSpacing(fontMetrics().height());
    layout->addLayout(home_form);
    layout->addWidget(home_note);
    layout->addStretch(1);
}

void ProfileForm::setProfile(const std::optional<care::MemberProfile>& profile) {
    profession_->setCurrentIndex(profile ? qMax(0, profession_->findData(static_cast<int>(profile->profession))) : 0);
    office_->setText(profile ? QString::fromStdString(profile->office) : QString());
    office_kind_->setText(profile ? QString::fromStdString(profile->office_kind) : QString());
    municipality_->setText(profile ? QString::fromStdString(profile->municipality) : QString());
    team_role_ = profile ? profile->team_role : std::string();
}

std::optional<care::MemberProfile> ProfileForm::profile() const {
    const int profession = profession_->currentData().toInt();
    if (profession < 0 && office_->text().trimmed().isEmpty()) return std::nullopt;
    care::MemberProfile p;
    p.profession = profession < 0 ? care::Profession::Other : static_cast<care::Profession>(profession);
    p.office = office_->text().trimmed().toStdString();
    p.office_kind = office_kind_->text().trimmed().toStdString();
    p.municipality = municipality_->text().trimmed().toStdString();
    p.team_role = team_role_;
    return p;
}

QString ProfileForm::check() {
    QString error;
    if (const auto p = profile()) {
        if (profession_->currentData().toInt() < 0) {
            error = tr("職種を選んでください。");
        } else if (p->office.empty()) {
            error = tr("事業所名を入力してください。");
        } else if (!care::toContent(*p)) {
            error = tr("長すぎる項目があります。");
        }
    }
    error_->setText(error);
    error_->setVisible(!error.isEmpty());
    return error;
}

void ProfileForm::setHomeMunicipality(const QString& municipality) { home_->setText(municipality); }

QString ProfileForm::homeMunicipality() const { return home_->text().trimmed(); }

}  // namespace renkei::ui
