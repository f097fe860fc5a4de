// Renkei core: Matrix event structs (spec: Client-Server API, "Events" and "Room Events").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace renkei::matrix {

/// What an event related to (its content's m.relates_to rel_type and event_id), as the cache
/// kept it (spec: "Forming relationships between events").
struct RelationLink {
    std::string rel_type;  ///< e.g. "m.replace", "m.annotation"
    std::string event_id;  ///< the related event
};

/// A room event as delivered in a timeline or state block (spec: "ClientEvent" without room_id).
struct RoomEvent {
    std::string event_id;                        ///< opaque "$…" id, unique per room
    std::string type;                            ///< e.g. "m.room.message"
    std::string sender;                          ///< user id "@name:server"
    std::int64_t origin_server_ts = 0;           ///< ms since the Unix epoch (server clock)
    std::optional<std::string> state_key;        ///< present iff this is a state event
    nlohmann::json content = nlohmann::json::object();  ///< type-specific body (object)
    std::optional<std::string> transaction_id;   ///< unsigned.transaction_id, own device only
    std::optional<std::string> redacts;          ///< for m.room.redaction
    /// A redacted event read from the cache: the relation it had before the redaction emptied
    /// its content (room v11 drops m.relates_to), so that a deleted edit or reaction is still
    /// known as one. nullopt otherwise (also for events from the server).
    std::optional<RelationLink> redacted_relation;
    /// The server sent it already redacted (unsigned.redacted_because present): whatever its
    /// content still says must not take effect (an edit or reaction deleted before we saw it).
    bool arrived_redacted = false;
};

/// A stripped state event in an invite (spec: "StrippedStateEvent").
struct StrippedStateEvent {
    std::string type;
    std::string state_key;
    std::string sender;
    nlohmann::json content = nlohmann::json::object();
};

/// One flattened read receipt from an m.receipt ephemeral event (spec: "Receipts").
struct Receipt {
    std::string event_id;           ///< the event read up to
    std::string receipt_type;       ///< "m.read" or "m.read.private"
    std::string user_id;
    std::int64_t ts = 0;            ///< ms since the Unix epoch, 0 if absent
    std::optional<std::string> thread_id;
};

/// A global or per-room account data event (spec: "Client Config").
struct AccountDataEvent {
    std::string type;               ///< e.g. "m.fully_read"
    nlohmann::json content = nlohmann::json::object();
};


}  // namespace renkei::matrix
