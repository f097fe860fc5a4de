// Renkei core: what the cache knows of a patient room, read through care/care_types.h's
// parsers (hostile state reads as absent, a forged jp.renkei.member is ignored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "care/care_record_view.h"
#include "care/care_types.h"
#include "store/cache_types.h"

namespace renkei::session {

/// One member of the care team: joined or invited, with their own jp.renkei.member.
struct CareTeamMember {
    std::string user_id;
    std::string name;        ///< display-safe, disambiguated (Session::displayName)
    std::string membership;  ///< "join" or "invite"
    std::optional<care::MemberProfile> profile;  ///< nullopt: none written yet (or forged)
};

/// The patient panel's facts: the room's own jp.renkei.* state as last synced.
struct PatientRecord {
    bool patient_room = false;  ///< created with creation_content.type kPatientRoomType
    std::optional<care::Patient> patient;
    std::optional<care::Consent> consent;
    std::vector<care::RuleException> rule_exceptions;
    std::optional<care::Closure> closure;
    std::string opened_by;           ///< sender of m.room.create
    std::int64_t opened_ts_ms = 0;   ///< its origin_server_ts
};

/// A closed patient room kept on this computer for reading (Session::archivedRooms).
struct ArchivedRoom {
    store::RoomSummaryRow room;  ///< as Session::rooms() would list it (display-safe)
    care::Closure closure;
    std::string closed_by;          ///< sender of the jp.renkei.closure
    std::int64_t closed_ts_ms = 0;  ///< its origin_server_ts
};

/// A structured post of a room as the cache holds it (Session::roomRecords): the original
/// post with its current version (the sender's latest valid edit applied, spec "Event
/// replacements") and who acknowledged it.
struct RecordPost {
    std::string event_id;               ///< the original post's
    std::string sender;                 ///< user id of its author
    std::int64_t origin_server_ts = 0;  ///< the original's, ms since the epoch (server clock)
    /// When the current version was sent: the latest edit's origin_server_ts, else the post's.
    std::int64_t updated_ts = 0;
    care::RecordView view;              ///< kind, title, lines and record object, current version
    bool edited = false;
    /// Members who acknowledged it (確認しました reactions, care::acknowledgers: in the order
    /// they reacted, each once, not the author); empty when not asked for.
    std::vector<std::string> acknowledged_by;
};

}  // namespace renkei::session
