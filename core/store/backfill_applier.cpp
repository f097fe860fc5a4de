#include "store/backfill_applier.h"

#include "matrix/event_types.h"
#include "store/json_text.h"

namespace renkei::store::detail {

Result<ChangeSet> BackfillApplier::apply(const Gap& gap, const matrix::MessagesResponse& page) {
    return s_.db.transaction([&]() -> Result<ChangeSet> {
        ChangeSet changes;
        changes.events_skipped = page.skipped_events;
        // The caller fetched the page without holding the store: if the gap has been filled or
        // moved meanwhile, this page belongs to nothing any more and is dropped.
        auto current = s_.gaps.byId(gap.id);
        if (!current) return current.failure();
        if (!*current || (*current)->room_id != gap.room_id ||
            (*current)->prev_batch != gap.prev_batch || (*current)->anchor_seq != gap.anchor_seq) {
            return changes;
        }
        auto nid_found = s_.rooms.find(gap.room_id);
        if (!nid_found) return nid_found.failure();
        if (!*nid_found) return changes;
        const std::int64_t nid = **nid_found;
        auto has_post = s_.rooms.hasLastPost(nid);
        if (!has_post) return has_post.failure();

        // The oldest gap (nothing stored below it) ends at the room's start when the server
        // has no older page (no `end`) or sends m.room.create.
        auto lowest_stored = s_.history.lowestSeq(nid);
        if (!lowest_stored) return lowest_stored.failure();
        const bool oldest_gap = !*lowest_stored || **lowest_stored >= gap.anchor_seq;
        bool has_create = false;

        std::int64_t seq = gap.anchor_seq - 1;
        std::int64_t lowest = gap.anchor_seq;
        bool overlap = false;
        std::optional<LastPost> newest_post;
        std::string content;
        for (const matrix::RoomEvent& event : page.chunk) {  // newest first
            if (event.event_id.empty() || event.type.empty()) continue;
            content = dumpJson(event.content);
            auto inserted = s_.timeline.insert(nid, seq, event, content);
            if (!inserted) return inserted.failure();
            if (!*inserted) {
                // Reached events stored before the hole: it is closed. Anything older in this
                // page is stored already too.
                overlap = true;
                break;
            }
            lowest = seq--;
            ++changes.events_added;
            if (event.type == "m.room.create" && event.state_key == std::string()) {
                has_create = true;
            }
            if (event.state_key) {
                // Older than what we have: only fills state we lack.
                if (auto r = s_.state.putIfAbsent(nid, event, content); !r) return r.failure();
            }
            // A newer redaction (already stored) may target this older event.
            auto redacted = s_.timeline.isRedacted(nid, event.event_id);
            if (!redacted) return redacted.failure();
            // So may the server have done before we saw it (unsigned.redacted_because).
            if (*redacted || event.arrived_redacted) {
                if (auto r = redactStored(s_, nid, event.event_id); !r) return r.failure();
            } else if (event.type == matrix::kRedaction && event.redacts) {
                if (auto r = redactStored(s_, nid, *event.redacts); !r) return r.failure();
            }
            if (!*has_post && !newest_post && !*redacted) newest_post = postOf(event);
        }
        for (const matrix::RoomEvent& event : page.state) {
            if (!event.state_key) continue;
            if (auto r = s_.state.putIfAbsent(nid, event, dumpJson(event.content)); !r)
                return r.failure();
        }

        const bool at_start = !overlap && (has_create || !page.end || page.end->empty());
        if (at_start && oldest_gap) {
            if (auto r = s_.history.markStart(nid); !r) return r.failure();
        }
        if (overlap || at_start) {
            if (auto r = s_.gaps.remove(gap.id); !r) return r.failure();
        } else {
            if (auto r = s_.gaps.move(gap.id, *page.end, lowest); !r) return r.failure();
        }
        if (newest_post) {
            if (auto r = s_.rooms.setLastPost(nid, *newest_post); !r) return r.failure();
            changes.rooms_list_changed = true;
        }
        changes.rooms.insert(gap.room_id);
        return changes;
    });
}

}  // namespace renkei::store::detail
