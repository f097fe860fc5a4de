#include "care/care_record_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "bridge/care_bridge.h"
#include "care/consent_form.h"
#include "care/patient_form.h"

namespace renkei::ui {

CareRecordDialog::CareRecordDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent)
    : QDialog(parent), care_(new CareBridge(bridge, this)), room_id_(room_id) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    connect(care_, &CareBridge::recordSaved, this, [this] {
        emit saved();
        accept();
    });
    connect(care_, &CareBridge::saveFailed, this, [this](const QString& text) {
        save_->setEnabled(true);
        showMessage(text);
    });
}

CareRecordDialog::CareRecordDialog(CoreBridge& bridge, const QString& room_id, const care::Patient& patient,
                                   QWidget* parent)
    : CareRecordDialog(bridge, room_id, parent) {
    setWindowTitle(tr("利用者情報の編集"));
    patient_form_ = new PatientForm(this);
    patient_form_->setPatient(patient);
    finishLayout(patient_form_);
}

CareRecordDialog::CareRecordDialog(CoreBridge& bridge, const QString& room_id, const care::Consent& consent,
                                   QWidget* parent)
    : CareRecordDialog(bridge, room_id, parent) {
    setWindowTitle(tr("利用者同意の編集"));
    consent_form_ = new ConsentForm(care_->ownUserId(), this);
    consent_form_->setConsent(consent);
    finishLayout(consent_form_);
}

void CareRecordDialog::finishLayout(QWidget* form) {
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setStyleSheet(QStringLiteral("color: #b00020;"));
    message_->setAccessibleName(tr("エラー"));
    message_->hide();
    auto* note = new QLabel(tr("保存すると変更はケアチーム全員の時系列に表示されます。"), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(tr("保存(&S)"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("キャンセル"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &CareRecordDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(form);
    layout->addWidget(note);
    layout->addWidget(message_);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString CareRecordDialog::message() const { return message_->isHidden() ? QString() : message_->text(); }

void CareRecordDialog::showMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void CareRecordDialog::save() {
    if (care_->saving()) return;
    const QString refused = patient_form_ ? patient_form_->validationMessage() : consent_form_->validationMessage();
    showMessage(refused);
    if (!refused.isEmpty()) return;
    save_->setEnabled(false);
    if (patient_form_) {
        care_->updatePatient(room_id_, patient_form_->patient());
    } else {
        care_->updateConsent(room_id_, consent_form_->consent());
    }
}

}  // namespace renkei::ui
