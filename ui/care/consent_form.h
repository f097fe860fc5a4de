// Renkei UI: the consent (利用者同意) fields of a patient room — 同意日, 取得方法, 取得した人,
// 本人 or 家族 with 続柄 — used by the 部屋の開設 wizard and the patient panel's edit dialog.
// It checks with the rules core applies (care::toContent). The scan's URI and a withdrawal
// given by setConsent are kept as they are (the form has no field for them).
#pragma once

#include <QString>
#include <QWidget>

#include "care/care_types.h"

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLineEdit;
class QRadioButton;

namespace renkei::ui {

class ConsentForm : public QWidget {
    Q_OBJECT
public:
    /// `obtained_by`: the user id filled in for a new record (the own account).
    explicit ConsentForm(const QString& obtained_by, QWidget* parent = nullptr);

    care::Consent consent() const;
    void setConsent(const care::Consent& consent);
    /// What to correct before core would take it, in Japanese; empty when it is valid.
    QString validationMessage() const;
    QFormLayout* formLayout() const { return form_; }

private:
    QFormLayout* form_ = nullptr;
    QDateEdit* date_ = nullptr;
    QComboBox* method_ = nullptr;
    QLineEdit* obtained_by_ = nullptr;
    QRadioButton* from_patient_ = nullptr;
    QRadioButton* from_family_ = nullptr;
    QLineEdit* relation_ = nullptr;
    care::Consent kept_;  ///< scan_mxc and withdrawn_date from setConsent
};

}  // namespace renkei::ui
