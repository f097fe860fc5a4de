// Renkei core, internal to core/store: a room's stored timeline, ordered by seq and
// de-duplicated by event id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matrix/events.h"
#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

/// The events columns eventRows reads, in its order (unprefixed; "SELECT " + this).
inline constexpr const char* kEventColumns =
    "event_id, type, sender, origin_server_ts, state_key, content, transaction_id, seq, redacted, "
    "redacts, rel_type, relates_to";

/// Reads every row of a statement that selects kEventColumns. Errors: Storage (a step
/// failed, or a row's content is not JSON: a corrupt cache).
Result<std::vector<StoredEvent>> eventRows(Statement& stmt, std::size_t reserve);

class TimelineStore {
public:
    explicit TimelineStore(Database& db) noexcept : db_(db) {}

    /// Stores `event` at `seq`; false (nothing written) if its event id is already stored.
    /// Errors: Storage (including a seq already taken, which would be a bug).
    Result<bool> insert(std::int64_t room_nid, std::int64_t seq, const matrix::RoomEvent& event,
                        std::string_view content_json);
    /// The seq of a stored event, or nullopt.
    Result<std::optional<std::int64_t>> seqOf(std::int64_t room_nid, std::string_view event_id);
    /// Up to `limit` events with seq < `before_seq` (all when nullopt), oldest first.
    Result<std::vector<StoredEvent>> page(std::int64_t room_nid,
                                          std::optional<std::int64_t> before_seq, int limit);

    /// One stored event, or nullopt.
    Result<std::optional<StoredEvent>> event(std::int64_t room_nid, std::string_view event_id);
    /// The stored events with this relation to `target_id` (e.g. "m.annotation"), redacted
    /// ones included, in timeline order; at most `limit`.
    Result<std::vector<StoredEvent>> related(std::int64_t room_nid, std::string_view target_id,
                                             std::string_view rel_type, int limit);

    /// Applies a redaction to the stored event `target_id` (spec: "Redactions"): keeps only the
    /// content keys the spec preserves for its type. Returns the redacted content's JSON text,
    /// or nullopt if the target is not stored (or already redacted).
    Result<std::optional<std::string>> redact(std::int64_t room_nid, std::string_view target_id);
    /// Whether a stored m.room.redaction targets `event_id`.
    Result<bool> isRedacted(std::int64_t room_nid, std::string_view event_id);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
