// Renkei core: the 服薬 record (see care_record_medication.h).
#include "care/care_record_medication.h"

#include <array>

#include "care/care_check.h"
#include "care/care_enum_table.h"
#include "care/care_record.h"
#include "care/care_record_fields.h"

namespace renkei::care {
namespace {

using nlohmann::json;
using Rule = RecordProblem::Rule;

using detail::Entry;
using detail::entryOf;

constexpr std::array<Entry<MedicationChange>, 4> kChanges{{
    {MedicationChange::Start, "start", "開始"},
    {MedicationChange::Change, "change", "変更"},
    {MedicationChange::Stop, "stop", "中止"},
    {MedicationChange::Continue, "continue", "継続"},
}};
constexpr std::array<Entry<Adherence>, 3> kAdherence{{
    {Adherence::Good, "good", "良好"},
    {Adherence::SometimesMissed, "sometimes_missed", "時々忘れる"},
    {Adherence::Poor, "poor", "不良"},
}};

using TextField = detail::TextField<Medication>;
constexpr std::array<TextField, 4> kTexts{{
    {"drug", &Medication::drug, kDrugCap, true, false, "薬剤名"},
    {"dosage", &Medication::dosage, kDosageCap, false, false, "用法・用量"},
    {"side_effects", &Medication::side_effects, kMedicationTextCap, false, true, "副作用"},
    {"note", &Medication::note, kMedicationTextCap, false, true, "メモ"},
}};
constexpr const char* kChangeKey = "change";
constexpr const char* kAdherenceKey = "adherence";
constexpr const char* kLeftoverKey = "leftover_doses";
constexpr std::array<std::string_view, 7> kFields{
    "drug", "dosage", "side_effects", "note", kChangeKey, kAdherenceKey, kLeftoverKey};

RecordProblem textProblem(const TextField& f, bool empty) {
    RecordProblem p;
    p.rule = empty && f.required ? Rule::Required : Rule::Text;
    p.field = f.key;
    p.label = f.label;
    p.high = static_cast<double>(f.cap);
    return p;
}

/// Whether `s` holds nothing but ASCII and ideographic spaces (an unfilled required field).
bool blank(std::string s) {
    for (std::size_t at; (at = s.find("\u3000")) != std::string::npos;) s.erase(at, 3);
    return s.find_first_not_of(' ') == std::string::npos;
}

}  // namespace

std::string toWire(MedicationChange v) { return entryOf(kChanges, v).wire; }
std::string toWire(Adherence v) { return entryOf(kAdherence, v).wire; }
std::optional<MedicationChange> medicationChangeFromWire(const std::string& s) {
    return detail::fromWire(kChanges, s);
}
std::optional<Adherence> adherenceFromWire(const std::string& s) {
    return detail::fromWire(kAdherence, s);
}
std::string labelJa(MedicationChange v) { return entryOf(kChanges, v).label; }
std::string labelJa(Adherence v) { return entryOf(kAdherence, v).label; }

std::optional<RecordProblem> medicationProblem(const Medication& m) {
    for (const auto& f : kTexts) {
        const std::string& s = m.*(f.member);
        if (!detail::textOk(s, f.cap, f.required, f.multiline)) return textProblem(f, blank(s));
    }
    if (m.leftover_doses && (*m.leftover_doses < 0 || *m.leftover_doses > kMaxLeftoverDoses)) {
        RecordProblem p;
        p.rule = Rule::OutOfRange;
        p.field = kLeftoverKey;
        p.label = "残薬";
        p.unit = "回分";
        p.value = *m.leftover_doses;
        p.low = 0;
        p.high = kMaxLeftoverDoses;
        return p;
    }
    return std::nullopt;
}

Result<void> validateMedication(const Medication& m) {
    if (auto p = medicationProblem(m)) return recordRefusal("medication", *p);
    return {};
}

std::vector<RecordLine> medicationLines(const Medication& m) {
    std::vector<RecordLine> lines{{"薬剤", m.drug}, {"変更", labelJa(m.change)},
                                  {"用法・用量", m.dosage}};
    if (m.adherence) lines.push_back({"服薬状況", labelJa(*m.adherence)});
    if (m.leftover_doses) lines.push_back({"残薬", std::to_string(*m.leftover_doses) + "回分"});
    lines.push_back({"副作用", m.side_effects});
    lines.push_back({"メモ", m.note});
    return lines;
}

Result<json> medicationContent(const Medication& m) {
    if (auto p = medicationProblem(m)) return recordRefusal("medication", *p);
    json record = detail::recordBase(m.extra, kFields);
    record["drug"] = m.drug;
    record[kChangeKey] = toWire(m.change);
    if (!m.dosage.empty()) record["dosage"] = m.dosage;
    if (m.adherence) record[kAdherenceKey] = toWire(*m.adherence);
    if (m.leftover_doses) record[kLeftoverKey] = *m.leftover_doses;
    if (!m.side_effects.empty()) record["side_effects"] = m.side_effects;
    if (!m.note.empty()) record["note"] = m.note;
    auto content =
        recordContent(RecordKind::Medication, std::move(record), recordTitle(RecordKind::Medication),
                      medicationLines(m));
    if (auto fits = detail::contentFits(content, "medication"); !fits) return fits.failure();
    return content;
}

std::optional<Medication> parseMedication(const json& record) {
    detail::RecordReader r(record, RecordKind::Medication);
    Medication m;
    for (const auto& f : kTexts) {
        m.*(f.member) = r.text(f.key, f.required, detail::utf8Bytes(f.cap));
    }
    if (auto c = r.choice(kChangeKey, kChanges)) m.change = *c;
    m.adherence = r.choice(kAdherenceKey, kAdherence);
    if (auto n = r.integer(kLeftoverKey, 0, kMaxLeftoverDoses)) {
        m.leftover_doses = static_cast<int>(*n);
    }
    if (!r.ok() || medicationProblem(m)) return std::nullopt;
    m.extra = r.extra(kFields);
    return m;
}

}  // namespace renkei::care
