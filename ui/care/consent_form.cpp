#include "care/consent_form.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>

#include "care/care_text.h"
#include "care/patient_form.h"

namespace renkei::ui {
namespace {

std::string toStd(const QString& s) { return s.trimmed().toStdString(); }

}  // namespace

ConsentForm::ConsentForm(const QString& obtained_by, QWidget* parent) : QWidget(parent) {
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
    date_ = careDateEdit(this, QDate::currentDate());
    date_->setAccessibleName(tr("同意日"));
    method_ = new QComboBox(this);
    method_->setAccessibleName(tr("取得方法"));
    using M = care::ConsentMethod;
    for (M m : {M::InPerson, M::ByMail, M::ThroughFamily}) method_->addItem(consentMethodLabel(m), static_cast<int>(m));
    obtained_by_ = new QLineEdit(this);
    obtained_by_->setAccessibleName(tr("同意を取得した人"));
    obtained_by_->setText(obtained_by);
    from_patient_ = new QRadioButton(tr("本人(&P)"), this);
    from_family_ = new QRadioButton(tr("家族(&Y)"), this);
    from_patient_->setChecked(true);
    auto* from_group = new QButtonGroup(this);
    from_group->addButton(from_patient_);
    from_group->addButton(from_family_);
    relation_ = new QLineEdit(this);
    relation_->setAccessibleName(tr("続柄"));
    relation_->setPlaceholderText(tr("長女、夫 など"));
    relation_->setEnabled(false);
    connect(from_family_, &QRadioButton::toggled, relation_, &QWidget::setEnabled);
    auto* from_row = new QHBoxLayout;
    from_row->addWidget(from_patient_);
    from_row->addWidget(from_family_);
    from_row->addWidget(new QLabel(tr("続柄:"), this));
    from_row->addWidget(relation_, 1);
    form_->addRow(tr("同意日(&D)"), date_);
    form_->addRow(tr("取得方法(&H)"), method_);
    form_->addRow(tr("取得した人(&W)"), obtained_by_);
    form_->addRow(tr("同意した人"), from_row);
}

care::Consent ConsentForm::consent() const {
    care::Consent c = kept_;
    c.date = toStd(date_->date().toString(Qt::ISODate));
    c.method = static_cast<care::ConsentMethod>(method_->currentData().toInt());
    c.obtained_by = toStd(obtained_by_->text());
    c.from_patient = from_patient_->isChecked();
    c.family_relation = c.from_patient ? std::string() : toStd(relation_->text());
    return c;
}

void ConsentForm::setConsent(const care::Consent& c) {
    kept_ = c;
    date_->setDate(QDate::fromString(QString::fromStdString(c.date), Qt::ISODate));
    method_->setCurrentIndex(method_->findData(static_cast<int>(c.method)));
    obtained_by_->setText(QString::fromStdString(c.obtained_by));
    (c.from_patient ? from_patient_ : from_family_)->setChecked(true);
    relation_->setText(QString::fromStdString(c.family_relation));
}

QString ConsentForm::validationMessage() const {
    const QString field = refusedField(care::toContent(consent()));
    if (field == QLatin1String("date")) return tr("同意日を確認してください。");
    if (field == QLatin1String("obtained_by")) return tr("同意を取得した人の ID（@名前:サーバー）を入力してください。");
    if (field == QLatin1String("family_relation")) return tr("家族から同意を得た場合は続柄を入力してください。");
    if (!field.isEmpty()) return tr("同意の記録を確認してください。");
    return {};
}

}  // namespace renkei::ui
