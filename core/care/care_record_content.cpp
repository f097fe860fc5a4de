#include "care/care_record_content.h"

#include "care/care_record_acp.h"
#include "care/care_record_check.h"
#include "care/care_types.h"
#include "care/care_record_discharge.h"
#include "care/care_record_medication.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"

namespace renkei::care {
namespace {

// Why `record` does not read as `kind`: the one field whose removal makes it read, else a
// general sentence. Names fields only.
template <class Parse>
Failure unreadable(const nlohmann::json& record, const std::string& kind, Parse parse) {
    for (const auto& [key, value] : record.items()) {
        if (key == "kind" || key == "schema") continue;
        nlohmann::json without = record;
        without.erase(key);
        if (parse(without)) return fail(ErrorKind::InvalidArgument, kind + "." + key + ": wrong type or breaks its rule");
    }
    return fail(ErrorKind::InvalidArgument,
                kind + ": a required field is missing or a field breaks its rule (SCHEMA.md, ### " + kind + ")");
}

template <class Parse, class Validate, class Write>
Result<nlohmann::json> written(const nlohmann::json& record, const std::string& kind, Parse parse,
                               Validate validate, Write write) {
    auto value = parse(record);
    if (!value) return unreadable(record, kind, parse);
    if (auto ok = validate(*value); !ok) return ok.failure();
    return write(*value);
}

}  // namespace

std::optional<Vitals> formVitals(const nlohmann::json& record) {
    if (!record.is_object()) return std::nullopt;
    Vitals v;
    for (const MeasureSpec& spec : measureSpecs()) {
        const auto it = record.find(spec.wire);
        if (it == record.end()) continue;
        if (!it->is_number()) return std::nullopt;
        setMeasure(v, spec.measure, it->get<double>() / (spec.decimals == 1 ? 10.0 : 1.0));
    }
    if (const auto it = record.find("bowel"); it != record.end()) {
        v.bowel = it->is_string() ? bowelFromWire(it->get<std::string>()) : std::nullopt;
        if (!v.bowel) return std::nullopt;
    }
    const auto at = record.find("measured_at");
    if (at == record.end() || !at->is_number_integer()) return std::nullopt;
    v.measured_at = at->get<std::int64_t>();
    if (const auto note = record.find("note"); note != record.end()) {
        if (!note->is_string()) return std::nullopt;
        v.note = note->get<std::string>();
    }
    return v;
}

Result<nlohmann::json> recordContentFor(RecordKind kind, nlohmann::json record, std::int64_t now_ms) {
    if (!record.is_object()) return fail(ErrorKind::InvalidArgument, "record: not an object");
    const std::string wire = toWire(kind);
    record["kind"] = wire;
    if (!record.contains("schema")) record["schema"] = kSchemaVersion;
    auto at = [now_ms](auto validate) { return [now_ms, validate](const auto& v) { return validate(v, now_ms); }; };
    auto always = [](auto writer) { return [writer](const auto& v) { return Result<nlohmann::json>(writer(v)); }; };
    if (kind == RecordKind::Vitals) {  // a value out of range: its field and range named
        if (auto v = formVitals(record)) {
            if (auto problem = vitalsProblem(*v, now_ms)) return recordRefusal("vitals", *problem);
        }
    }
    switch (kind) {
        case RecordKind::Vitals:
            return written(record, wire, parseVitals, at([](const Vitals& v, std::int64_t t) { return validateVitals(v, t); }),
                           [](const Vitals& v) { return vitalsContent(v); });
        case RecordKind::Medication:
            return written(record, wire, parseMedication, validateMedication, medicationContent);
        case RecordKind::PhysicianUpdate:
            return written(record, wire, parsePhysicianUpdate,
                           at([](const PhysicianUpdate& v, std::int64_t t) { return validatePhysicianUpdate(v, t); }),
                           always([](const PhysicianUpdate& v) { return physicianUpdateContent(v); }));
        case RecordKind::Acp:
            return written(record, wire, parseAdvanceCarePlan,
                           at([](const AdvanceCarePlan& v, std::int64_t t) { return validateAdvanceCarePlan(v, t); }),
                           always([](const AdvanceCarePlan& v) { return advanceCarePlanContent(v); }));
        case RecordKind::DischargeGuidance:
            return written(record, wire, parseDischargeGuidance,
                           at([](const DischargeGuidance& v, std::int64_t t) { return validateDischargeGuidance(v, t); }),
                           always([](const DischargeGuidance& v) { return dischargeGuidanceContent(v); }));
    }
    return fail(ErrorKind::InvalidArgument, "record: unknown kind");
}

}  // namespace renkei::care
