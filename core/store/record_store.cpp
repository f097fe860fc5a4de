#include "store/record_store.h"

#include <algorithm>
#include <string>

#include "care/care_record.h"
#include "store/timeline_store.h"

namespace renkei::store::detail {

static_assert(std::string_view(care::kRecordKey) == "jp.renkei.record", "kRecordPostTerms names the key");

Result<std::vector<StoredEvent>> RecordStore::posts(std::int64_t room_nid, std::string_view kind, int limit) {
    if (limit <= 0) return std::vector<StoredEvent>();
    // Newest first through the index, then turned oldest first; a kind filter reads the
    // record's "kind" of the rows the index holds (few per room).
    static const std::string sql =
        std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.room_nid = ?1 AND " +
        kRecordPostTerms +
        " AND e.rel_type IS NOT 'm.replace'"
        " AND (?2 = '' OR json_extract(e.content, '$.\"jp.renkei.record\".kind') = ?2)"
        " ORDER BY e.seq DESC LIMIT ?3";
    auto stmt = db_.cached(sql);
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid).bindText(2, kind).bindInt(3, limit);
    auto out = eventRows(*stmt, 0);
    if (!out) return out;
    std::reverse(out->begin(), out->end());
    return out;
}

}  // namespace renkei::store::detail
