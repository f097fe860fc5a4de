// Renkei core: a structured post's readable view (care_record_view.h).
#include "care/care_record_view.h"

#include "care/care_record_acp.h"
#include "care/care_record_discharge.h"
#include "care/care_record_medication.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"

namespace renkei::care {

namespace {

template <class Parse, class Lines>
std::optional<RecordView> viewOf(RecordKind kind, const nlohmann::json& record, Parse parse,
                                 Lines lines) {
    const auto parsed = parse(record);
    if (!parsed) return std::nullopt;
    return RecordView{kind, recordTitle(kind), lines(*parsed), record};
}

}  // namespace

std::optional<RecordView> recordView(const nlohmann::json& content) {
    const auto found = recordOf(content);
    if (!found) return std::nullopt;
    const auto& [kind, record] = *found;
    switch (kind) {
        case RecordKind::Vitals:
            return viewOf(kind, *record, parseVitals, [](const Vitals& v) { return vitalsLines(v); });
        case RecordKind::Medication: return viewOf(kind, *record, parseMedication, medicationLines);
        case RecordKind::PhysicianUpdate:
            return viewOf(kind, *record, parsePhysicianUpdate, physicianUpdateLines);
        case RecordKind::Acp: return viewOf(kind, *record, parseAdvanceCarePlan, advanceCarePlanLines);
        case RecordKind::DischargeGuidance:
            return viewOf(kind, *record, parseDischargeGuidance, dischargeGuidanceLines);
    }
    return std::nullopt;
}

}  // namespace renkei::care
