#include "care/patient_form.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>

#include "care/care_text.h"

namespace renkei::ui {
namespace {

std::string toStd(const QString& s) { return s.trimmed().toStdString(); }

}  // namespace

QString refusedField(const Result<nlohmann::json>& content) {
    if (content) return {};
    const QString message = QString::fromStdString(content.error().message);
    const qsizetype dot = message.indexOf(QLatin1Char('.'));
    const qsizetype colon = message.indexOf(QLatin1Char(':'));
    if (dot < 0 || colon < dot) return {};
    return message.mid(dot + 1, colon - dot - 1);
}

QDateEdit* careDateEdit(QWidget* parent, const QDate& initial) {
    auto* edit = new QDateEdit(initial, parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31));  // care::detail::dateOk
    return edit;
}

PatientForm::PatientForm(QWidget* parent) : QWidget(parent) {
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
    name_ = new QLineEdit(this);
    name_->setAccessibleName(tr("氏名"));
    kana_ = new QLineEdit(this);
    kana_->setAccessibleName(tr("ふりがな"));
    kana_->setPlaceholderText(tr("ひらがな・カタカナ"));
    birth_ = careDateEdit(this, QDate(1940, 1, 1));
    birth_->setAccessibleName(tr("生年月日"));
    sex_ = new QComboBox(this);
    sex_->setAccessibleName(tr("性別"));
    for (care::Sex s : {care::Sex::Unknown, care::Sex::Female, care::Sex::Male, care::Sex::Other}) {
        sex_->addItem(sexLabel(s), static_cast<int>(s));
    }
    care_level_ = new QComboBox(this);
    care_level_->setAccessibleName(tr("要介護度"));
    using L = care::CareLevel;
    for (L l : {L::None, L::Applying, L::Support1, L::Support2, L::Care1, L::Care2, L::Care3, L::Care4, L::Care5}) {
        care_level_->addItem(careLevelLabel(l), static_cast<int>(l));
    }
    conditions_ = new QLineEdit(this);
    conditions_->setAccessibleName(tr("主な病名"));
    conditions_->setPlaceholderText(tr("読点（、）で区切って入力"));
    municipality_ = new QLineEdit(this);
    municipality_->setAccessibleName(tr("住所の市町村"));
    form_->addRow(tr("氏名(&A)"), name_);
    form_->addRow(tr("ふりがな(&F)"), kana_);
    form_->addRow(tr("生年月日(&D)"), birth_);
    form_->addRow(tr("性別(&S)"), sex_);
    form_->addRow(tr("要介護度(&L)"), care_level_);
    form_->addRow(tr("主な病名(&C)"), conditions_);
    form_->addRow(tr("住所の市町村(&M)"), municipality_);
}

care::Patient PatientForm::patient() const {
    care::Patient p;
    p.name = toStd(name_->text());
    p.kana = toStd(kana_->text());
    p.birth_date = toStd(birth_->date().toString(Qt::ISODate));
    p.sex = static_cast<care::Sex>(sex_->currentData().toInt());
    p.care_level = static_cast<care::CareLevel>(care_level_->currentData().toInt());
    static const QRegularExpression separators(QStringLiteral("[、,，]"));
    for (const QString& c : conditions_->text().split(separators, Qt::SkipEmptyParts)) {
        if (!c.trimmed().isEmpty()) p.conditions.push_back(toStd(c));
    }
    p.municipality = toStd(municipality_->text());
    return p;
}

void PatientForm::setPatient(const care::Patient& p) {
    const auto q = [](const std::string& s) { return QString::fromStdString(s); };
    name_->setText(q(p.name));
    kana_->setText(q(p.kana));
    birth_->setDate(QDate::fromString(q(p.birth_date), Qt::ISODate));
    sex_->setCurrentIndex(sex_->findData(static_cast<int>(p.sex)));
    care_level_->setCurrentIndex(care_level_->findData(static_cast<int>(p.care_level)));
    QStringList conditions;
    for (const auto& c : p.conditions) conditions << q(c);
    conditions_->setText(conditions.join(QStringLiteral("、")));
    municipality_->setText(q(p.municipality));
}

QString PatientForm::validationMessage() const {
    // The rules core applies (care::toContent), so the form refuses what core would.
    const QString field = refusedField(care::toContent(patient()));
    if (field == QLatin1String("name")) return tr("氏名を入力してください（64 文字まで）。");
    if (field == QLatin1String("kana")) return tr("ふりがなは、ひらがなまたはカタカナで入力してください。");
    if (field == QLatin1String("birth_date")) return tr("生年月日を確認してください。");
    if (field == QLatin1String("conditions")) return tr("主な病名は 16 件まで、各 64 文字までです。");
    if (field == QLatin1String("municipality")) return tr("住所の市町村を入力してください（32 文字まで）。");
    if (!field.isEmpty()) return tr("利用者の情報を確認してください。");
    return {};
}

}  // namespace renkei::ui
