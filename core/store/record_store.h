// Renkei core, internal to core/store: a room's structured posts (content "jp.renkei.record"
// an object; care/care_record.h), found through the partial index events_records.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

/// The WHERE terms (over `events e`) of a structured post: the terms of the partial index
/// events_records (cache_schema.cpp, migration 6), spelled the same so that SQLite uses it.
inline constexpr const char* kRecordPostTerms =
    "e.type = 'm.room.message' AND json_type(e.content, '$.\"jp.renkei.record\"') = 'object' "
    "AND e.redacted = 0";

class RecordStore {
public:
    explicit RecordStore(Database& db) noexcept : db_(db) {}

    /// The room's structured posts, oldest first (seq): originals only (an edit, rel_type
    /// m.replace, is not a post of its own), not redacted, of record kind `kind` (its wire
    /// value, "vitals" …) or of any kind when empty; at most `limit`, the newest kept.
    Result<std::vector<StoredEvent>> posts(std::int64_t room_nid, std::string_view kind, int limit);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
