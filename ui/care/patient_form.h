// Renkei UI: the patient (利用者) fields of a patient room — 氏名, ふりがな, 生年月日, 性別,
// 要介護度, 主な病名, 住所の市町村 — used by the 部屋の開設 wizard and the patient panel's
// edit dialog. It checks with the rules core applies (care::toContent).
#pragma once

#include <QDate>
#include <QString>
#include <QWidget>

#include "care/care_types.h"

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLineEdit;

namespace renkei::ui {

class PatientForm : public QWidget {
    Q_OBJECT
public:
    explicit PatientForm(QWidget* parent = nullptr);

    /// The patient as entered (text trimmed, 主な病名 split at 、 or ,).
    care::Patient patient() const;
    /// Fills the fields from a record (the edit dialog).
    void setPatient(const care::Patient& patient);
    /// What to correct before core would take it, in Japanese; empty when it is valid.
    QString validationMessage() const;
    /// The form's layout, for a caller that adds a row (the wizard's message line).
    QFormLayout* formLayout() const { return form_; }

private:
    QFormLayout* form_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* kana_ = nullptr;
    QDateEdit* birth_ = nullptr;
    QComboBox* sex_ = nullptr;
    QComboBox* care_level_ = nullptr;
    QLineEdit* conditions_ = nullptr;
    QLineEdit* municipality_ = nullptr;
};

/// The field core named in "patient.kana: breaks its rule" (empty when `content` is fine or
/// the error names no field).
QString refusedField(const Result<nlohmann::json>& content);
/// A yyyy-MM-dd date field within the years core takes (1900 … 2100).
QDateEdit* careDateEdit(QWidget* parent, const QDate& initial);

}  // namespace renkei::ui
