// Renkei core: the discharge joint-guidance record (see care_record_discharge.h).
#include "care/care_record_discharge.h"

#include <array>

#include "care/care_check.h"
#include "care/care_record.h"
#include "care/care_record_fields.h"
#include "care/care_record_format.h"

namespace renkei::care {
namespace {

using detail::textBytesOk;
using detail::Entry;
using nlohmann::json;

constexpr const char* kShape = "discharge_guidance";
constexpr std::array<std::string_view, 18> kFields{
    "hospital", "ward", "admission_date", "planned_discharge_date", "hospital_physician",
    "home_physician", "diagnosis", "hospital_course", "adl", "adl_note", "procedures",
    "medications", "services", "equipment", "family", "conference_date", "participants",
    "follow_up"};

constexpr std::array<Entry<AdlItem>, 5> kAdlItems{{
    {AdlItem::Eating, "eating", "食事"},
    {AdlItem::Toileting, "toileting", "排泄"},
    {AdlItem::Mobility, "mobility", "移動"},
    {AdlItem::Bathing, "bathing", "入浴"},
    {AdlItem::Dressing, "dressing", "更衣"},
}};
constexpr std::array<Entry<AdlLevel>, 3> kAdlLevels{{
    {AdlLevel::Independent, "independent", "自立"},
    {AdlLevel::PartialAssist, "partial_assist", "一部介助"},
    {AdlLevel::FullAssist, "full_assist", "全介助"},
}};

using TextField = detail::TextField<DischargeGuidance>;

constexpr std::array<TextField, 13> kTexts{{
    {"hospital", &DischargeGuidance::hospital, kHospitalBytes, true, false},
    {"ward", &DischargeGuidance::ward, kWardBytes, false, false},
    {"admission_date", &DischargeGuidance::admission_date, 10, true, false},
    {"planned_discharge_date", &DischargeGuidance::planned_discharge_date, 10, true, false},
    {"hospital_physician", &DischargeGuidance::hospital_physician, kPhysicianNameBytes, false,
     false},
    {"home_physician", &DischargeGuidance::home_physician, kPhysicianNameBytes, false, false},
    {"diagnosis", &DischargeGuidance::diagnosis, kDiagnosisBytes, true, true},
    {"hospital_course", &DischargeGuidance::hospital_course, kHospitalCourseBytes, false, true},
    {"adl_note", &DischargeGuidance::adl_note, kAdlNoteBytes, false, true},
    {"medications", &DischargeGuidance::medications, kDischargeTextBytes, false, true},
    {"services", &DischargeGuidance::services, kDischargeTextBytes, false, true},
    {"equipment", &DischargeGuidance::equipment, kEquipmentBytes, false, true},
    {"family", &DischargeGuidance::family, kDischargeTextBytes, false, true},
}};
constexpr TextField kConferenceDate{"conference_date", &DischargeGuidance::conference_date, 10,
                                    true, false};
constexpr TextField kFollowUp{"follow_up", &DischargeGuidance::follow_up, kDischargeTextBytes,
                              false, true};

template <class F>
void forEachText(F&& f) {
    for (const auto& t : kTexts) f(t);
    f(kConferenceDate);
    f(kFollowUp);
}

const char* invalidField(const DischargeGuidance& v) {
    const char* bad = nullptr;
    forEachText([&](const TextField& t) {
        if (!bad && !textBytesOk(v.*t.member, t.cap, t.required, t.multiline)) bad = t.key;
    });
    if (bad) return bad;
    if (!detail::dateOk(v.admission_date)) return "admission_date";
    // ISO dates compare as strings.
    if (!detail::dateOk(v.planned_discharge_date) || v.planned_discharge_date < v.admission_date) {
        return "planned_discharge_date";
    }
    if (!detail::otherChoicesOk(v.other_adl, kAdlItems)) return "adl";
    if (v.procedures.size() > kMaxProcedures) return "procedures";
    for (const auto& p : v.procedures) {
        if (!textBytesOk(p, kProcedureBytes, true, false)) return "procedures";
    }
    if (!detail::dateOk(v.conference_date) || v.conference_date < v.admission_date ||
        v.conference_date > v.planned_discharge_date) {
        return "conference_date";
    }
    if (v.participants.empty() ||
        !detail::participantsOk(v.participants, kMaxConferenceParticipants)) {
        return "participants";
    }
    return nullptr;
}

std::string adlText(const DischargeGuidance& v) {
    std::string out;
    for (const auto& [item, level] : v.adl) {
        if (!out.empty()) out += "、";
        out += labelJa(item) + " " + labelJa(level);
    }
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "、") + item;
    return out;
}

}  // namespace

std::string toWire(AdlItem v) { return detail::entryOf(kAdlItems, v).wire; }
std::string toWire(AdlLevel v) { return detail::entryOf(kAdlLevels, v).wire; }
std::optional<AdlItem> adlItemFromWire(const std::string& s) {
    return detail::fromWire(kAdlItems, s);
}
std::optional<AdlLevel> adlLevelFromWire(const std::string& s) {
    return detail::fromWire(kAdlLevels, s);
}
std::string labelJa(AdlItem v) { return detail::entryOf(kAdlItems, v).label; }
std::string labelJa(AdlLevel v) { return detail::entryOf(kAdlLevels, v).label; }

Result<void> validateDischargeGuidance(const DischargeGuidance& v, std::int64_t now_ms) {
    if (const char* field = invalidField(v)) return detail::refusal(kShape, field);
    const std::string today = jstDate(now_ms);
    if (v.admission_date > today) return detail::refusal(kShape, "admission_date", "after today");
    if (v.conference_date > today) return detail::refusal(kShape, "conference_date", "after today");
    return detail::contentFits(dischargeGuidanceContent(v), kShape);
}

std::vector<RecordLine> dischargeGuidanceLines(const DischargeGuidance& v) {
    return {
        {"医療機関", v.hospital},
        {"病棟", v.ward},
        {"入院日", v.admission_date},
        {"退院予定日", v.planned_discharge_date},
        {"病院の主治医", v.hospital_physician},
        {"在宅の主治医", v.home_physician},
        {"診断名", v.diagnosis},
        {"入院中の経過", v.hospital_course},
        {"ADL", adlText(v)},
        {"ADLの補足", v.adl_note},
        {"在宅での医療処置", joined(v.procedures)},
        {"服薬", v.medications},
        {"予定する看護・介護サービス", v.services},
        {"福祉用具・医療機器", v.equipment},
        {"家族の状況と意向", v.family},
        {"共同指導の日", v.conference_date},
        {"共同指導の参加者", participantsText(v.participants)},
        {"退院後の確認事項", v.follow_up},
    };
}

json dischargeGuidanceContent(const DischargeGuidance& v) {
    json record = detail::recordBase(v.extra, kFields);
    forEachText([&](const TextField& t) { record[t.key] = v.*t.member; });
    record["adl"] = detail::choicesJson(v.adl, v.other_adl, kAdlItems, kAdlLevels);
    record["procedures"] = v.procedures;
    record["participants"] = detail::participantsJson(v.participants);
    return recordContent(RecordKind::DischargeGuidance, std::move(record),
                         recordTitle(RecordKind::DischargeGuidance),
                         dischargeGuidanceLines(v));
}

std::optional<DischargeGuidance> parseDischargeGuidance(const json& record) {
    detail::RecordReader r(record, RecordKind::DischargeGuidance);
    DischargeGuidance v;
    forEachText([&](const TextField& t) { v.*t.member = r.text(t.key, t.required, t.cap); });
    detail::readChoices(r, "adl", kAdlItems, kAdlLevels, v.adl, v.other_adl);
    v.procedures = r.textList("procedures", kMaxProcedures, kProcedureBytes);
    v.participants = r.participants("participants", kMaxConferenceParticipants);
    v.extra = r.extra(kFields);
    if (!r.ok() || invalidField(v)) return std::nullopt;
    return v;
}

}  // namespace renkei::care
