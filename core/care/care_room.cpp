// Renkei core: the /createRoom request of a patient room (SCHEMA.md, "Opening a patient
// room"; spec: Client-Server API, "Creation" and "m.room.power_levels").
#include <set>

#include "care/care_check.h"
#include "care/care_types.h"

namespace renkei::care {
namespace {

using nlohmann::json;

constexpr int kOpenerLevel = 100;
constexpr int kGuardianLevel = 50;  // patient, consent, closure, rule exceptions, name

json stateEvent(const char* type, const std::string& key, json content) {
    return json{{"type", type}, {"state_key", key}, {"content", std::move(content)}};
}

/// Power levels of a patient room: members (0) post and write their own jp.renkei.member;
/// the patient's data and the room's shape need 50; power levels and visibility need 100.
json powerLevels(const std::string& opener, const std::string* physician) {
    json users = {{opener, kOpenerLevel}};
    if (physician) users[*physician] = kGuardianLevel;
    return json{
        {"users", std::move(users)},
        {"users_default", 0},
        {"events_default", 0},
        {"state_default", kGuardianLevel},
        {"events",
         {{kMemberType, 0},
          {kPatientType, kGuardianLevel},
          {kConsentType, kGuardianLevel},
          {kClosureType, kGuardianLevel},
          {kRuleExceptionType, kGuardianLevel},
          {"m.room.name", kGuardianLevel},
          {"m.room.power_levels", kOpenerLevel},
          {"m.room.history_visibility", kOpenerLevel}}},
        // Inviting a colleague needs 50: the team grows through the opener or the physician,
        // so who sees the patient's room stays with those who answer for it.
        {"invite", kGuardianLevel},
        {"kick", kGuardianLevel},
        {"ban", kGuardianLevel},
        {"redact", kGuardianLevel},
    };
}

Failure refused(std::string message) {
    return fail(ErrorKind::InvalidArgument, std::move(message));
}

}  // namespace

Result<matrix::CreateRoomRequest> createRoomRequest(const PatientRoomPlan& plan,
                                                    const std::string& opener_user_id) {
    if (plan.creation_id.empty()) return refused("patient room: creation id required");
    if (!plan.consent) return refused("consent required");
    if (!detail::userIdOk(opener_user_id)) return refused("patient room: opener user id invalid");

    const std::string* physician = nullptr;
    std::set<std::string> seen;
    std::vector<std::string> invite;
    for (const auto& member : plan.team) {
        if (!detail::userIdOk(member.user_id)) return refused("team: invalid user id");
        if (member.user_id == opener_user_id) {
            return refused("team: the opener cannot invite themself");
        }
        if (!seen.insert(member.user_id).second) return refused("team: duplicate invitee");
        if (member.attending_physician) {
            if (physician) return refused("team: more than one attending physician");
            physician = &member.user_id;
        }
        invite.push_back(member.user_id);
    }
    const bool reason_given = plan.no_physician_reason && !plan.no_physician_reason->empty();
    const bool has_physician = physician || plan.opener.profession == Profession::Physician;
    if (!has_physician && !reason_given) return refused("attending physician or reason required");

    auto patient = toContent(plan.patient);
    if (!patient) return patient.failure();
    auto consent = toContent(*plan.consent);
    if (!consent) return consent.failure();
    auto opener = toContent(plan.opener);
    if (!opener) return opener.failure();

    matrix::CreateRoomRequest req;
    req.preset = "private_chat";
    req.name = plan.patient.name;
    req.invite = std::move(invite);
    req.room_type = kPatientRoomType;
    req.creation_content = json{{kCreationIdKey, plan.creation_id}};
    req.initial_state = json::array({
        stateEvent("m.room.history_visibility", "", {{"history_visibility", "joined"}}),
        stateEvent("m.room.guest_access", "", {{"guest_access", "forbidden"}}),
        stateEvent(kPatientType, "", std::move(*patient)),
        stateEvent(kConsentType, "", std::move(*consent)),
        stateEvent(kMemberType, opener_user_id, std::move(*opener)),
    });
    if (!has_physician) {
        auto exception = toContent(RuleException{kRuleNoPhysician, *plan.no_physician_reason});
        if (!exception) return exception.failure();
        req.initial_state.push_back(
            stateEvent(kRuleExceptionType, kRuleNoPhysician, std::move(*exception)));
    }
    req.power_level_content_override = powerLevels(opener_user_id, physician);
    return req;
}

}  // namespace renkei::care
