// Renkei UI: editing the care record of a patient room from the patient panel — the patient
// profile (利用者) or the consent record (利用者同意), with the wizard's own forms. 保存 checks
// the input as core would, then writes it as a state change through CareBridge; core's or
// the server's refusal is shown in the dialog, which stays open. Non-blocking (open()).
#pragma once

#include <QDialog>
#include <QString>

#include "care/care_types.h"

class QLabel;
class QPushButton;

namespace renkei::ui {

class CareBridge;
class ConsentForm;
class CoreBridge;
class PatientForm;

class CareRecordDialog : public QDialog {
    Q_OBJECT
public:
    /// Edits the patient profile of `room_id`, starting from `patient`.
    CareRecordDialog(CoreBridge& bridge, const QString& room_id, const care::Patient& patient,
                     QWidget* parent = nullptr);
    /// Edits the consent record of `room_id`, starting from `consent` (its scan is kept).
    CareRecordDialog(CoreBridge& bridge, const QString& room_id, const care::Consent& consent,
                     QWidget* parent = nullptr);

    PatientForm* patientForm() const { return patient_form_; }  ///< null when editing consent
    ConsentForm* consentForm() const { return consent_form_; }  ///< null when editing the patient
    QString message() const;  ///< the refusal shown (empty: none)
    /// As the 保存 button: checks, then sends; the dialog closes once the server took it.
    void save();

signals:
    void saved();

private:
    CareRecordDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent);
    void finishLayout(QWidget* form);
    void showMessage(const QString& text);

    CareBridge* care_ = nullptr;
    QString room_id_;
    PatientForm* patient_form_ = nullptr;
    ConsentForm* consent_form_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* save_ = nullptr;
};

}  // namespace renkei::ui
