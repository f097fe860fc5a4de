// Renkei core: the 服薬 record (kind "medication" in jp.renkei.record, see care_record.h and
// SCHEMA.md "### medication"): one drug per record, its change, how it is being taken,
// leftover doses and side effects.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "care/care_record_check.h"
#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care {

/// 変更. Wire values: "start" (開始), "change" (変更: dose or timing), "stop" (中止),
/// "continue" (継続: no change, the default).
enum class MedicationChange { Start, Change, Stop, Continue };
/// 服薬状況. Wire values: "good" (良好), "sometimes_missed" (時々忘れる), "poor" (不良).
enum class Adherence { Good, SometimesMissed, Poor };
std::string toWire(MedicationChange v);
std::string toWire(Adherence v);
std::optional<MedicationChange> medicationChangeFromWire(const std::string& s);
std::optional<Adherence> adherenceFromWire(const std::string& s);
std::string labelJa(MedicationChange v);
std::string labelJa(Adherence v);

/// Caps, in code points; leftover doses 0 … kMaxLeftoverDoses.
inline constexpr std::size_t kDrugCap = 100;
inline constexpr std::size_t kDosageCap = 100;
inline constexpr std::size_t kMedicationTextCap = 500;
inline constexpr int kMaxLeftoverDoses = 999;

/// 服薬. 残薬 is a count of doses (回分) left over at the check, the unit a pharmacist counts
/// in at home; anything finer goes in the note. Unknown fields are kept in `extra`.
struct Medication {
    std::string drug;          ///< 薬剤名 (with strength, e.g. 「アムロジピン錠5mg」), required, ≤ 100
    MedicationChange change = MedicationChange::Continue;  ///< 変更
    std::string dosage;        ///< 用法・用量 (「1日1回 朝食後 1錠」), ≤ 100, may be empty
    std::optional<Adherence> adherence;   ///< 服薬状況, when checked
    std::optional<int> leftover_doses;    ///< 残薬, doses (回分), 0 … 999, when counted
    std::string side_effects;  ///< 副作用, ≤ 500, may hold "\n"
    std::string note;          ///< メモ, ≤ 500, may hold "\n"
    nlohmann::json extra = nlohmann::json::object();  ///< unknown fields, written back as they were
    bool operator==(const Medication&) const = default;
};

/// The first rule `m` breaks: drug empty (Required) or over its cap, a text with a control
/// character or over its cap (Text), leftover doses out of 0 … 999 (OutOfRange, 「回分」).
std::optional<RecordProblem> medicationProblem(const Medication& m);
/// The same as a Result: InvalidArgument "medication.<field>: …" (never the value).
Result<void> validateMedication(const Medication& m);

/// The m.room.message content (through recordContent): title 服薬, lines 「薬剤: …」
/// 「変更: 開始」「用法・用量: …」「服薬状況: 良好」「残薬: 3回分」「副作用: …」「メモ: …」.
/// Writes `extra` back. Errors: InvalidArgument as validateMedication, or "medication: content
/// too large" past kMaxRecordContentBytes.
/// The readable lines of a record (the body's and a card's; empty values included, the
/// body leaves them out).
std::vector<RecordLine> medicationLines(const Medication& m);
Result<nlohmann::json> medicationContent(const Medication& m);

/// Reads a record object (content[kRecordKey], kind "medication"). Hostile input: any known
/// field of the wrong type, an unknown enum value, a number out of range or a text over its cap
/// → the whole record is absent (the post reads as its body). "change" absent reads as continue.
std::optional<Medication> parseMedication(const nlohmann::json& record);

}  // namespace renkei::care
