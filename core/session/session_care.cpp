// Session: the care domain — opening a patient room exactly once. See session.h and
// care/care_types.h (the jp.renkei.* shapes, documented in care/SCHEMA.md).
#include <algorithm>

#include "matrix/event_types.h"
#include "matrix/json_util.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

constexpr const char* kCreateType = "m.room.create";
constexpr const char* kOwnProfileSetting = "care.own_profile";  // toContent(MemberProfile) as JSON

// content[key] when it is a string, else "" (a member's state: any JSON at all).
std::string stringField(const nlohmann::json& content, const char* key) {
    return matrix::detail::getString(content, key).value_or("");
}

bool carriesCreationId(const nlohmann::json& create_content, const std::string& creation_id) {
    return matrix::detail::getString(create_content, care::kCreationIdKey) == creation_id;
}

}  // namespace

Result<std::vector<store::StateEntry>> Session::stateOfType(const std::string& room_id,
                                                            const std::string& type) const {
    std::lock_guard lock(reader_mutex_);
    return reader_.stateOfType(room_id, type);
}

Result<PatientRecord> Session::patientRecord(const std::string& room_id) const {
    PatientRecord record;
    auto creates = stateOfType(room_id, kCreateType);
    if (!creates) return creates.failure();
    for (const auto& c : *creates) {
        if (!c.state_key.empty()) continue;
        record.patient_room = stringField(c.content, "type") == care::kPatientRoomType;
        record.opened_by = c.sender;
        record.opened_ts_ms = c.origin_server_ts;
    }
    auto content = [&](const char* type) -> Result<std::optional<nlohmann::json>> {
        return stateContent(room_id, type, "");
    };
    auto patient = content(care::kPatientType);
    if (!patient) return patient.failure();
    if (*patient) record.patient = care::parsePatient(**patient);
    auto consent = content(care::kConsentType);
    if (!consent) return consent.failure();
    if (*consent) record.consent = care::parseConsent(**consent);
    auto closure = content(care::kClosureType);
    if (!closure) return closure.failure();
    if (*closure) record.closure = care::parseClosure(**closure);
    auto exceptions = stateOfType(room_id, care::kRuleExceptionType);
    if (!exceptions) return exceptions.failure();
    for (const auto& e : *exceptions) {
        if (auto parsed = care::parseRuleException(e.state_key, e.content)) {
            record.rule_exceptions.push_back(std::move(*parsed));
        }
    }
    return record;
}

Result<std::vector<CareTeamMember>> Session::careTeam(const std::string& room_id) const {
    auto members = stateOfType(room_id, "m.room.member");
    if (!members) return members.failure();
    auto profiles = stateOfType(room_id, care::kMemberType);
    if (!profiles) return profiles.failure();
    std::vector<CareTeamMember> team;
    for (const auto& m : *members) {
        const std::string membership = stringField(m.content, "membership");
        if (membership != "join" && membership != "invite") continue;
        CareTeamMember member{m.state_key, displayName(room_id, m.state_key), membership, std::nullopt};
        for (const auto& p : *profiles) {
            if (p.state_key == m.state_key) member.profile = care::memberFromState(p.sender, p.state_key, p.content);
        }
        team.push_back(std::move(member));
    }
    return team;  // by state key: the store's order
}

Result<std::optional<care::MemberProfile>> Session::memberProfile(const std::string& room_id,
                                                                  const std::string& user_id) const {
    auto profiles = stateOfType(room_id, care::kMemberType);
    if (!profiles) return profiles.failure();
    for (const auto& p : *profiles) {
        if (p.state_key == user_id) return care::memberFromState(p.sender, p.state_key, p.content);
    }
    return std::optional<care::MemberProfile>{};
}

Result<std::string> Session::setMemberProfile(const std::string& room_id, const care::MemberProfile& profile) {
    auto content = care::toContent(profile);
    if (!content) return content.failure();
    const std::string own = userId();
    return withAuth([&](matrix::MatrixClient& c) {
        return c.sendStateEvent(room_id, care::kMemberType, own, *content);
    });
}

Result<std::optional<care::MemberProfile>> Session::ownProfile() const {
    auto stored = [&] {
        std::lock_guard lock(vault_mutex_);
        return vault_.setting(kOwnProfileSetting);
    }();
    if (!stored) return stored.failure();
    if (!*stored) return std::optional<care::MemberProfile>{};
    auto doc = nlohmann::json::parse(**stored, nullptr, false);
    if (doc.is_discarded()) return fail(ErrorKind::Storage, "own profile: corrupt setting");
    return care::parseMemberProfile(doc);
}

Result<void> Session::setOwnProfile(const care::MemberProfile& profile) {
    auto content = care::toContent(profile);
    if (!content) return content.failure();
    std::lock_guard lock(vault_mutex_);
    return vault_.setSetting(kOwnProfileSetting, content->dump());
}

Result<int> Session::publishOwnProfile() {
    auto own = ownProfile();
    if (!own) return own.failure();
    if (!*own) return 0;
    auto rooms_now = rooms();
    if (!rooms_now) return rooms_now.failure();
    const std::string me = userId();
    int written = 0;
    for (const auto& row : *rooms_now) {
        if (row.membership != "join" || row.room_type != std::optional<std::string>(care::kPatientRoomType)) continue;
        auto current = stateContent(row.room_id, care::kMemberType, me);
        if (!current) return current.failure();
        if (*current && care::parseMemberProfile(**current) == **own) continue;
        auto sent = setMemberProfile(row.room_id, **own);
        if (sent) {
            ++written;
        } else if (sent.error().isTransient() || sent.error().kind == ErrorKind::NotLoggedIn) {
            return sent.failure();
        }
    }
    return written;
}

void Session::introduceIn(const std::string& room_id) {
    auto own = ownProfile();
    if (!own || !*own) return;
    auto create = withAuth([&](matrix::MatrixClient& c) { return c.roomStateContent(room_id, kCreateType, ""); });
    if (!create || stringField(*create, "type") != care::kPatientRoomType) return;
    (void)setMemberProfile(room_id, **own);
}

Result<std::optional<std::string>> Session::findRoomByCreationId(const std::string& creation_id) {
    if (creation_id.empty()) return fail(ErrorKind::InvalidArgument, "findRoomByCreationId: empty id");
    auto joined = withAuth([&](matrix::MatrixClient& c) { return c.joinedRooms(); });
    if (!joined) return joined.failure();
    auto cached_rooms = rooms();
    if (!cached_rooms) return cached_rooms.failure();
    // The cache first (no request); then the joined rooms it does not know yet, such as one
    // whose creation reply was lost before the next sync.
    for (const auto& row : *cached_rooms) {
        auto create = stateContent(row.room_id, kCreateType, "");
        if (create && *create && carriesCreationId(**create, creation_id)) return std::optional<std::string>(row.room_id);
    }
    for (const auto& room_id : *joined) {
        const bool cached = std::any_of(cached_rooms->begin(), cached_rooms->end(),
                                        [&](const store::RoomSummaryRow& r) { return r.room_id == room_id; });
        if (cached) continue;
        auto create = withAuth([&](matrix::MatrixClient& c) { return c.roomStateContent(room_id, kCreateType, ""); });
        if (!create) {
            if (create.error().errcode == "M_FORBIDDEN" || create.error().errcode == "M_NOT_FOUND") continue;
            return create.failure();
        }
        if (carriesCreationId(*create, creation_id)) return std::optional<std::string>(room_id);
    }
    return std::optional<std::string>{};
}

Result<std::string> Session::openPatientRoom(const care::PatientRoomPlan& plan) {
    auto request = care::createRoomRequest(plan, userId());
    if (!request) return request.failure();  // refused here, before anything reaches the server
    auto existing = findRoomByCreationId(plan.creation_id);
    if (!existing) return existing.failure();
    if (*existing) return **existing;
    auto created = withAuth([&](matrix::MatrixClient& c) { return c.createRoom(*request); });
    if (created || !created.error().isTransient()) return created;
    // The reply may have been lost after the server made the room: look before retrying.
    existing = findRoomByCreationId(plan.creation_id);
    if (!existing) return created;  // still unreachable: the first error says why
    if (*existing) return **existing;
    return withAuth([&](matrix::MatrixClient& c) { return c.createRoom(*request); });
}

}  // namespace renkei::session
