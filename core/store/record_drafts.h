// Renkei core: drafts of structured posts in the vault (care/care_record.h) — the form a
// clinician fills in over days (退院時共同指導記録票, an MSW's work offline) kept per room and
// kind beside the composer's text drafts (store/outbox.h, Drafts), encrypted like them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "store/database.h"

namespace renkei::store {

/// A saved record draft: the form's fields as a JSON object (the record being written, which
/// may still be incomplete or break a rule: it is checked when sent) and when it was saved.
struct RecordDraft {
    std::string kind;            ///< the record kind's wire value ("discharge", "vitals", …)
    nlohmann::json record;       ///< an object
    std::int64_t updated_ms = 0; ///< ms since the epoch (local clock)
};

/// The vault's record_drafts table (vault migration 5): at most one draft per room and kind.
/// Not thread-safe: use under the vault's lock.
class RecordDrafts {
public:
    explicit RecordDrafts(Database& vault) noexcept : db_(vault) {}

    /// Saves (replaces) the draft of `kind` in `room_id`; a null or empty object removes it.
    /// Errors: InvalidArgument (empty room or kind, `record` neither null nor an object),
    /// Storage (disk full: the previous draft stays).
    Result<void> save(std::string_view room_id, std::string_view kind, const nlohmann::json& record,
                      std::int64_t now_ms);
    /// The draft of `kind` in `room_id`, or nullopt. Errors: Storage.
    Result<std::optional<RecordDraft>> load(std::string_view room_id, std::string_view kind) const;
    /// The room's drafts, newest first. Errors: Storage.
    Result<std::vector<RecordDraft>> list(std::string_view room_id) const;
    /// Removes the draft of `kind` in `room_id` (none: no change). Errors: Storage.
    Result<void> remove(std::string_view room_id, std::string_view kind);

private:
    Database& db_;
};

}  // namespace renkei::store
