// Renkei core: a patient room plan as JSON, to keep it in the vault until the room is
// opened (Session::queuePatientRoom). Local, not a wire shape: it is still read as untrusted
// (a damaged row reads as absent), through the same shape readers as the room's state.
#include "care/care_plan.h"

#include "care/care_check.h"
#include "matrix/json_util.h"

namespace renkei::care {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTeam = 64;   // a care team is a handful of people
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxRole = 32;

}  // namespace

Result<json> planToJson(const PatientRoomPlan& plan) {
    auto patient = toContent(plan.patient);
    if (!patient) return patient.failure();
    auto opener = toContent(plan.opener);
    if (!opener) return opener.failure();
    json out = {{"creation_id", plan.creation_id}, {"patient", std::move(*patient)},
                {"opener", std::move(*opener)}, {"team", json::array()}};
    if (plan.consent) {
        auto consent = toContent(*plan.consent);
        if (!consent) return consent.failure();
        out["consent"] = std::move(*consent);
    }
    for (const auto& m : plan.team) {
        out["team"].push_back({{"user_id", m.user_id}, {"team_role", m.team_role},
                               {"attending_physician", m.attending_physician}});
    }
    if (plan.no_physician_reason) out["no_physician_reason"] = *plan.no_physician_reason;
    return out;
}

std::optional<PatientRoomPlan> parsePlan(const json& doc) {
    if (!doc.is_object()) return std::nullopt;
    PatientRoomPlan plan;
    auto id = matrix::detail::getString(doc, "creation_id");
    if (!id || id->empty()) return std::nullopt;
    plan.creation_id = std::move(*id);
    const auto patient = doc.find("patient");
    const auto opener = doc.find("opener");
    if (patient == doc.end() || opener == doc.end()) return std::nullopt;
    auto p = parsePatient(*patient);
    auto o = parseMemberProfile(*opener);
    if (!p || !o) return std::nullopt;
    plan.patient = std::move(*p);
    plan.opener = std::move(*o);
    if (const auto consent = doc.find("consent"); consent != doc.end()) {
        plan.consent = parseConsent(*consent);
        if (!plan.consent) return std::nullopt;
    }
    const auto team = doc.find("team");
    if (team == doc.end() || !team->is_array() || team->size() > kMaxTeam) return std::nullopt;
    for (const auto& m : *team) {
        if (!m.is_object()) return std::nullopt;
        auto user = matrix::detail::getString(m, "user_id");
        auto role = matrix::detail::getString(m, "team_role").value_or("");
        if (!user || !detail::userIdOk(*user) || !detail::textOk(role, kMaxRole, false)) return std::nullopt;
        const bool physician = matrix::detail::getBool(m, "attending_physician", false);
        plan.team.push_back({std::move(*user), std::move(role), physician});
    }
    if (doc.contains("no_physician_reason")) {
        auto reason = matrix::detail::getString(doc, "no_physician_reason");
        if (!reason || !detail::textOk(*reason, kMaxReason, false, true)) return std::nullopt;
        plan.no_physician_reason = std::move(*reason);
    }
    return plan;
}

}  // namespace renkei::care
