// Renkei core, internal to core/store: the cache's per-kind stores over one connection, and
// the helpers that sync and back-fill share.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "matrix/events.h"
#include "store/database.h"
#include "store/gap_store.h"
#include "store/history_store.h"
#include "store/meta_store.h"
#include "store/receipt_store.h"
#include "store/rooms_store.h"
#include "store/state_store.h"
#include "store/timeline_store.h"

namespace renkei::store::detail {

/// The first synced event of a room gets this seq; back-fill counts down from there.
inline constexpr std::int64_t kFirstSeq = std::int64_t{1} << 40;
/// After a gap, sync continues this far above the previous maximum so that back-filled
/// events fit in between.
inline constexpr std::int64_t kGapSpan = std::int64_t{1} << 32;

struct CacheStores {
    explicit CacheStores(Database& database) noexcept
        : db(database),
          meta(database),
          rooms(database),
          state(database),
          timeline(database),
          gaps(database),
          receipts(database),
          history(database) {}

    Database& db;
    MetaStore meta;
    RoomsStore rooms;
    StateStore state;
    TimelineStore timeline;
    GapStore gaps;
    ReceiptStore receipts;
    HistoryStore history;
};

/// The room-list "last post" an event makes, or nullopt if it is not a post (message,
/// sticker or encrypted message; not an edit). The body is content.body if it is text, else
/// empty (also for an event the server sent redacted).
std::optional<LastPost> postOf(const matrix::RoomEvent& event);
/// For a valid-looking edit (spec: "Event replacements"; m.replace with m.new_content.body):
/// the event id it edits and its new body; nullopt for anything else, or an edit the server
/// sent already redacted.
std::optional<std::pair<std::string, std::string>> editOf(const matrix::RoomEvent& event);

/// Redacts the stored event `target_id` in the timeline and in current state, and blanks it
/// as the room's last post. Does nothing if the target is not stored.
Result<void> redactStored(CacheStores& stores, std::int64_t room_nid, std::string_view target_id);

}  // namespace renkei::store::detail
