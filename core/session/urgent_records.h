// Renkei core: the cross-room 至急 view (Session::urgentPosts): each urgent post with who of
// the care team has read it and who has not yet. Built from the cache only (no network).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "care/care_types.h"

namespace renkei::session {

/// One care-team member (joined or invited, not the post's sender) and whether they have read
/// the post: their m.read receipt is at or after it in timeline order.
struct UrgentReader {
    std::string user_id;
    std::string name;  ///< display-safe, disambiguated (Session::displayName)
    std::optional<care::MemberProfile> profile;  ///< their own jp.renkei.member, or nullopt
    bool read = false;
};

/// An urgent post (`jp.renkei.urgent`: true) of a joined patient room.
struct UrgentPost {
    std::string room_id;
    std::string room_name;    ///< display-safe (the room list's name)
    std::string event_id;
    std::string sender;       ///< user id
    std::string sender_name;  ///< display-safe, disambiguated
    std::optional<care::MemberProfile> sender_profile;
    std::int64_t ts_ms = 0;   ///< origin_server_ts, ms since the Unix epoch
    std::string body;         ///< display-safe, lines kept; the sender's latest edit applied
    std::optional<care::Scene> scene;
    std::vector<UrgentReader> team;  ///< by user id; the sender left out
};

/// Which urgent posts Session::urgentPosts lists.
struct UrgentQuery {
    std::int64_t since_ms = 0;  ///< ms since the epoch; 0: the last kUrgentWindowMs
    int limit = 50;             ///< at most this many posts (newest first), 1 … 500
};

/// The default window of the 至急 view: 30 days, in ms.
inline constexpr std::int64_t kUrgentWindowMs = std::int64_t{30} * 24 * 60 * 60 * 1000;

}  // namespace renkei::session
