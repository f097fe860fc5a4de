// Renkei UI: the fields of each structured post's form (core/care/SCHEMA.md "Structured
// posts"), listed once as data: wire path, label, input type, unit and choices. RecordForm
// builds its widgets from this table and writes the record object by it; the refusal of a
// field names its label from it.
#pragma once

#include <QString>
#include <vector>

#include "care/care_record.h"

namespace renkei::ui {

struct RecordChoice {
    const char* wire;   ///< the wire value ("start")
    const char* label;  ///< its label, translated in context "RecordFields" (「開始」)
};

/// One input of a record form.
struct RecordField {
    enum class Type {
        Text,          ///< one line
        Multiline,     ///< several lines
        Number,        ///< a number in `unit`; the wire holds value × `scale` as an integer
        Choice,        ///< one of `choices` (or none)
        YesNo,         ///< あり (true) / なし (false) (or none)
        Date,          ///< "YYYY-MM-DD"
        DateTime,      ///< ms since the epoch (measured_at), defaults to now
        Lines,         ///< an array of strings, one per line
        Participants,  ///< an array of {name, role}, one 「氏名（役割）」 per line
    };
    const char* path;   ///< wire key, dotted for a nested one ("place_of_care.place")
    const char* label;  ///< translated in context "RecordFields"
    Type type;
    const char* unit = "";
    int scale = 1;      ///< Number: wire = round(value × scale) (℃ and kg travel as tenths)
    std::vector<RecordChoice> choices = {};
    bool required = false;
};

/// The form's fields of `kind`, in the order the form shows them.
const std::vector<RecordField>& recordFields(care::RecordKind kind);
/// The translated label of a field or choice.
QString fieldLabel(const char* label);
/// The field of `kind` at wire path `path` (or the first one under it: "adl" → "adl.eating"),
/// or null.
const RecordField* fieldAt(care::RecordKind kind, const QString& path);
/// The translated title of a kind (「バイタル」…).
QString recordKindTitle(care::RecordKind kind);

}  // namespace renkei::ui
