// Renkei UI: the form of one structured post (バイタル, 服薬, 医師からの情報共有, ACP,
// 退院時共同指導記録票), built from its field table (record_fields.h). It reads and writes the
// record object as the wire has it (core/care/SCHEMA.md); checking is core's, when sent
// (care::recordContentFor). Fields a newer client wrote, which this form does not show, are
// kept from the record it was loaded with, so a correction writes them back.
#pragma once

#include <QWidget>
#include <vector>

#include <nlohmann/json.hpp>

#include "care/care_record.h"
#include "care/records/record_fields.h"

class QFormLayout;

namespace renkei::ui {

class RecordForm : public QWidget {
    Q_OBJECT
public:
    explicit RecordForm(care::RecordKind kind, QWidget* parent = nullptr);

    care::RecordKind kind() const { return kind_; }
    /// The record object as filled in: empty inputs left out; a number that does not read as
    /// one (full-width digits do: ３６．８) is kept as its text, so that core names its field.
    nlohmann::json record() const;
    /// Fills the inputs from a record object (a draft, or the post being corrected).
    void setRecord(const nlohmann::json& record);
    /// The input of the field at `path` (for tests and to focus a refused field), or null.
    QWidget* input(const QString& path) const;
    /// Whether no input holds anything the user entered (the default time does not count).
    bool isBlank() const;

signals:
    /// Any input changed (the dialog saves the draft after a pause).
    void changed();

private:
    struct Input {
        const RecordField* field;
        QWidget* widget;
    };
    QWidget* makeInput(const RecordField& field);
    nlohmann::json valueOf(const Input& in) const;
    void setValue(const Input& in, const nlohmann::json* value);

    care::RecordKind kind_;
    std::vector<Input> inputs_;
    nlohmann::json base_ = nlohmann::json::object();  ///< the loaded record (unknown fields)
    bool loading_ = false;
};

}  // namespace renkei::ui
