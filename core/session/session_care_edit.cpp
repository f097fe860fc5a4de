// Session: editing a patient room's care record (profile, consent, rule exceptions) by those
// the power levels allow. See session.h and care/SCHEMA.md ("State events"). Each edit is
// checked twice before it leaves: the shape's own rules (care::toContent, as at creation)
// and the cached power levels, so a refused edit never reaches the server. The server
// checks again: a cache that is behind cannot grant what the room does not.
#include "matrix/power_levels.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

constexpr const char* kCreateType = "m.room.create";
constexpr const char* kPowerLevelsType = "m.room.power_levels";

Failure forbidden(const char* type) {
    Error e = makeError(ErrorKind::Matrix, std::string("power levels do not allow ") + type + " (local check)");
    e.errcode = "M_FORBIDDEN";
    return fail(std::move(e));
}

}  // namespace

Result<bool> Session::canSendState(const std::string& room_id, const std::string& event_type,
                                   const std::string& user_id) const {
    const std::string who = user_id.empty() ? userId() : user_id;
    if (who.empty()) return false;
    auto creates = stateOfType(room_id, kCreateType);
    if (!creates) return creates.failure();
    std::optional<matrix::RoomCreation> creation;
    for (const auto& c : *creates) {  // a synced event, not an invite's stripped state
        if (c.state_key.empty() && !c.event_id.empty()) creation = matrix::RoomCreation{c.sender, c.content};
    }
    if (!creation) return false;  // a room the cache does not know, or only as an invite
    auto levels = stateOfType(room_id, kPowerLevelsType);
    if (!levels) return levels.failure();
    std::optional<nlohmann::json> content;
    for (const auto& l : *levels) {
        if (l.state_key.empty() && !l.event_id.empty()) content = l.content;
    }
    // No synced power levels (an invite, or a cache not filled yet): cannot tell, so no.
    // Renkei's rooms always have them; a room without any follows the spec's defaults on
    // the server, which decides anyway.
    if (!content) return false;
    return matrix::userPowerLevel(content, *creation, who) >= matrix::statePowerLevel(content, event_type);
}

Result<std::string> Session::putCareState(const std::string& room_id, const char* type,
                                          const std::string& state_key,
                                          const Result<nlohmann::json>& content) {
    if (!content) return content.failure();
    auto record = patientRecord(room_id);
    if (!record) return record.failure();
    if (!record->patient_room) return fail(ErrorKind::InvalidArgument, std::string(type) + ": not a patient room in the cache (sync first)");
    auto allowed = canSendState(room_id, type);
    if (!allowed) return allowed.failure();
    if (!*allowed) return forbidden(type);
    return withAuth([&](matrix::MatrixClient& c) { return c.sendStateEvent(room_id, type, state_key, *content); });
}

Result<std::string> Session::updatePatientProfile(const std::string& room_id, const care::Patient& patient) {
    return putCareState(room_id, care::kPatientType, "", care::toContent(patient));
}

Result<std::string> Session::updateConsent(const std::string& room_id, const care::Consent& consent) {
    return putCareState(room_id, care::kConsentType, "", care::toContent(consent));
}

Result<std::string> Session::setRuleException(const std::string& room_id, const care::RuleException& exception) {
    return putCareState(room_id, care::kRuleExceptionType, exception.rule, care::toContent(exception));
}

}  // namespace renkei::session
