// Renkei core: what an edit of the care record changed, field by field (SCHEMA.md, "State
// events"), for the timeline's readable line of the edit (patient, consent, a member's own
// profile, a rule exception's reason). Both sides are read with the
// shapes' own parsers: a hostile content tells no change at all.
#include "care/care_types.h"

namespace renkei::care {
namespace {

std::string joined(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& item : list) out += (out.empty() ? "" : "、") + item;
    return out;
}

void compare(std::vector<FieldChange>& out, const char* field, std::string before, std::string after) {
    if (before != after) out.push_back({field, std::move(before), std::move(after)});
}

std::vector<FieldChange> changes(const Patient& a, const Patient& b) {
    std::vector<FieldChange> out;
    compare(out, "name", a.name, b.name);
    compare(out, "kana", a.kana, b.kana);
    compare(out, "birth_date", a.birth_date, b.birth_date);
    compare(out, "sex", toWire(a.sex), toWire(b.sex));
    compare(out, "care_level", toWire(a.care_level), toWire(b.care_level));
    compare(out, "conditions", joined(a.conditions), joined(b.conditions));
    compare(out, "municipality", a.municipality, b.municipality);
    return out;
}

std::vector<FieldChange> changes(const Consent& a, const Consent& b) {
    const auto flag = [](bool v) { return std::string(v ? "true" : "false"); };
    std::vector<FieldChange> out;
    compare(out, "date", a.date, b.date);
    compare(out, "method", toWire(a.method), toWire(b.method));
    compare(out, "obtained_by", a.obtained_by, b.obtained_by);
    compare(out, "from_patient", flag(a.from_patient), flag(b.from_patient));
    compare(out, "family_relation", a.family_relation, b.family_relation);
    compare(out, "scan_mxc", a.scan_mxc.value_or(""), b.scan_mxc.value_or(""));
    compare(out, "withdrawn_date", a.withdrawn_date.value_or(""), b.withdrawn_date.value_or(""));
    return out;
}

std::vector<FieldChange> changes(const MemberProfile& a, const MemberProfile& b) {
    std::vector<FieldChange> out;
    compare(out, "profession", toWire(a.profession), toWire(b.profession));
    compare(out, "office", a.office, b.office);
    compare(out, "office_kind", a.office_kind, b.office_kind);
    compare(out, "office_municipality", a.municipality, b.municipality);
    compare(out, "team_role", a.team_role, b.team_role);
    return out;
}

template <class T>
std::optional<std::vector<FieldChange>> between(const std::optional<T>& a, const std::optional<T>& b) {
    if (!a || !b) return std::nullopt;
    return changes(*a, *b);
}

}  // namespace

std::optional<std::vector<FieldChange>> stateChanges(std::string_view type, const nlohmann::json& before,
                                                     const nlohmann::json& after) {
    if (type == kPatientType) return between(parsePatient(before), parsePatient(after));
    if (type == kConsentType) return between(parseConsent(before), parseConsent(after));
    if (type == kMemberType) return between(parseMemberProfile(before), parseMemberProfile(after));
    if (type == kRuleExceptionType) {
        // The reason is the one field; the rule is the state key, the same on both sides.
        const auto a = parseRuleException(kRuleNoPhysician, before);
        const auto b = parseRuleException(kRuleNoPhysician, after);
        if (!a || !b) return std::nullopt;
        std::vector<FieldChange> out;
        compare(out, "reason", a->reason, b->reason);
        return out;
    }
    return std::nullopt;
}

}  // namespace renkei::care
