#include "store/sync_applier.h"

#include <algorithm>

#include "matrix/event_types.h"
#include "store/json_text.h"

namespace renkei::store::detail {
namespace {

void merge(ChangeSet& changes, const std::string& room_id, bool created_or_moved, bool changed,
           bool list_changed) {
    if (created_or_moved || changed) changes.rooms.insert(room_id);
    if (created_or_moved || list_changed) changes.rooms_list_changed = true;
}

}  // namespace

Result<ChangeSet> SyncApplier::apply(const matrix::SyncResponse& response) {
    if (response.next_batch.empty()) {
        return fail(ErrorKind::InvalidArgument,
                    "a sync response without next_batch cannot be stored");
    }
    return s_.db.transaction([&]() -> Result<ChangeSet> {
        ChangeSet changes;
        changes.events_skipped = response.skipped_events;
        // leave, then invite, then join: a room listed twice ends in the most recent-looking state.
        for (const auto& [room_id, room] : response.leave) {
            if (auto r = applyLeft(room_id, room, changes); !r) return r.failure();
        }
        for (const auto& [room_id, room] : response.invite) {
            auto r = applyInvited(room_id, room);
            if (!r) return r.failure();
            merge(changes, room_id, false, r->changed, r->list_changed);
        }
        for (const auto& [room_id, room] : response.join) {
            if (auto r = applyJoined(room_id, room, changes); !r) return r.failure();
        }
        for (const auto& event : response.account_data) {
            if (auto r = s_.meta.putAccountData(event.type, dumpJson(event.content)); !r)
                return r.failure();
        }
        // The token commits with the data it came with: a crash never loses or repeats a batch.
        if (auto r = s_.meta.set(kSyncTokenKey, response.next_batch); !r) return r.failure();
        return changes;
    });
}

Result<SyncApplier::RoomOutcome> SyncApplier::applyJoined(const std::string& room_id,
                                                          const matrix::JoinedRoom& room,
                                                          ChangeSet& changes) {
    auto ref = s_.rooms.upsert(room_id, "join");
    if (!ref) return ref.failure();
    const bool moved = ref->created || ref->membership_changed;
    if (moved) {
        if (auto r = s_.rooms.setInviter(ref->nid, std::nullopt); !r) return r.failure();
        // Joined: the room's own state replaces what the invite claimed.
        if (auto r = s_.state.dropStripped(ref->nid); !r) return r.failure();
    }
    auto outcome = applyTimeline(*ref, room.state, room.timeline, changes);
    if (!outcome) return outcome.failure();

    auto summary = s_.rooms.setSummary(ref->nid, room.summary);
    if (!summary) return summary.failure();
    auto counts = s_.rooms.setCounts(ref->nid, room.unread_notifications);
    if (!counts) return counts.failure();
    if (*summary || *counts) outcome->changed = outcome->list_changed = true;

    for (const auto& receipt : room.receipts) {
        auto put = s_.receipts.put(ref->nid, receipt);
        if (!put) return put.failure();
        if (!*put) continue;
        outcome->changed = true;
        // Our own receipt moves the room list's urgent-unread count.
        auto own = s_.meta.get(kOwnUserIdKey);
        if (!own) return own.failure();
        if (*own && **own == receipt.user_id) outcome->list_changed = true;
    }
    auto data = applyAccountData(ref->nid, room.account_data);
    if (!data) return data.failure();
    outcome->changed = outcome->changed || *data;
    merge(changes, room_id, moved, outcome->changed, outcome->list_changed);
    return outcome;
}

Result<SyncApplier::RoomOutcome> SyncApplier::applyInvited(const std::string& room_id,
                                                           const matrix::InvitedRoom& room) {
    auto ref = s_.rooms.upsert(room_id, "invite");
    if (!ref) return ref.failure();
    RoomOutcome outcome;
    outcome.changed = outcome.list_changed = ref->created || ref->membership_changed;
    auto own = s_.meta.get(kOwnUserIdKey);
    if (!own) return own.failure();
    std::optional<std::string> inviter;
    for (const auto& event : room.invite_state) {
        if (auto r = s_.state.putStripped(ref->nid, event); !r) return r.failure();
        outcome.changed = outcome.list_changed = true;
        // Our own m.room.member event with membership "invite" was sent by the inviter. Without
        // a known own user id, any pending invite's sender is the best guess.
        const bool ours = !*own || event.state_key == **own;
        if (event.type == "m.room.member" && ours &&
            stringMember(event.content, "membership").value_or("") == "invite") {
            inviter = event.sender;
        }
    }
    if (inviter) {
        if (auto r = s_.rooms.setInviter(ref->nid, inviter); !r) return r.failure();
    }
    return outcome;
}

Result<SyncApplier::RoomOutcome> SyncApplier::applyLeft(const std::string& room_id,
                                                        const matrix::LeftRoom& room,
                                                        ChangeSet& changes) {
    auto ref = s_.rooms.upsert(room_id, "leave");
    if (!ref) return ref.failure();
    if (ref->created || (ref->previous_membership == "invite" && !ref->next_seq)) {
        // Never joined (no timeline here): a declined or withdrawn invite, or a room we never
        // had, leaves the room list with everything its invite brought.
        if (auto r = s_.rooms.remove(ref->nid); !r) return r.failure();
        if (!ref->created) merge(changes, room_id, true, true, true);
        return RoomOutcome{};
    }
    const bool moved = ref->membership_changed;
    if (moved) {
        // A declined re-invite of a room left before: its old history stays, the claim goes.
        if (auto r = s_.state.dropStripped(ref->nid); !r) return r.failure();
    }
    auto outcome = applyTimeline(*ref, room.state, room.timeline, changes);
    if (!outcome) return outcome.failure();
    auto data = applyAccountData(ref->nid, room.account_data);
    if (!data) return data.failure();
    outcome->changed = outcome->changed || *data;
    merge(changes, room_id, moved, outcome->changed, outcome->list_changed);
    return outcome;
}

Result<SyncApplier::RoomOutcome> SyncApplier::applyTimeline(
    const RoomRef& room, const std::vector<matrix::RoomEvent>& state,
    const matrix::Timeline& timeline, ChangeSet& changes) {
    RoomOutcome outcome;
    const std::int64_t nid = room.nid;
    for (const auto& event : state) {
        if (!event.state_key || event.type.empty()) continue;
        if (auto r = s_.state.put(nid, event, dumpJson(event.content)); !r) return r.failure();
        outcome.changed = outcome.list_changed = true;
    }

    // Sync appends upwards from next_seq; after a hole it leaves kGapSpan free for back-fill.
    const bool limited = timeline.limited && timeline.prev_batch && !timeline.prev_batch->empty();
    std::int64_t start = kFirstSeq;
    if (room.next_seq) start = limited ? *room.next_seq - 1 + kGapSpan : *room.next_seq;
    std::int64_t seq = start;
    bool first_is_new = false;
    bool has_create = false;
    std::optional<LastPost> last_post;
    std::int64_t last_activity = 0;
    std::string content;
    for (std::size_t i = 0; i < timeline.events.size(); ++i) {
        const matrix::RoomEvent& event = timeline.events[i];
        if (event.event_id.empty() || event.type.empty())
            continue;  // unusable; the parser drops these too
        content = dumpJson(event.content);
        auto inserted = s_.timeline.insert(nid, seq, event, content);
        if (!inserted) return inserted.failure();
        if (!*inserted) continue;  // already stored: de-duplicated by event id
        if (i == 0) first_is_new = true;
        if (event.type == "m.room.create" && event.state_key == std::string()) has_create = true;
        ++seq;
        ++changes.events_added;
        if (event.state_key) {
            if (auto r = s_.state.put(nid, event, content); !r) return r.failure();
        }
        if (event.arrived_redacted) {
            // Deleted before we first cached it: whatever its content still says (an edit, a
            // reaction) must not take effect; keep only what the redaction rules keep.
            if (auto r = redactStored(s_, nid, event.event_id); !r) return r.failure();
        }
        if (event.type == matrix::kRedaction && event.redacts) {
            if (auto r = redactStored(s_, nid, *event.redacts); !r) return r.failure();
            if (last_post && last_post->event_id == *event.redacts) last_post->body.clear();
        }
        if (auto edit = editOf(event)) {
            // The room list shows the edited text of its last post (only its sender's edits count).
            if (last_post && last_post->event_id == edit->first) {
                if (last_post->sender == event.sender) last_post->body = std::move(edit->second);
            } else if (auto r = s_.rooms.editLastBody(nid, edit->first, event.sender, edit->second); !r) {
                return r.failure();
            }
        }
        if (auto post = postOf(event)) last_post = std::move(post);
        last_activity = std::max(last_activity, event.origin_server_ts);
    }

    // A hole before this batch, unless the batch's first event was stored already (then the
    // hole was recorded when that event first arrived, or there is none).
    const bool record_gap = limited && (timeline.events.empty() || first_is_new);
    if (record_gap) {
        if (auto r = s_.gaps.add(nid, *timeline.prev_batch, start); !r) return r.failure();
    }
    // The first batch of a room we hold nothing of starts at its first visible event when the
    // server left nothing out (not limited) or it holds m.room.create: no history to back-fill.
    if (!room.next_seq && seq != start && (!timeline.limited || has_create)) {
        if (auto r = s_.history.markStart(nid); !r) return r.failure();
    }
    if (seq != start || record_gap) {
        if (auto r = s_.rooms.setNextSeq(nid, seq); !r) return r.failure();
        outcome.changed = outcome.list_changed = true;
    }
    if (last_post) {
        if (auto r = s_.rooms.setLastPost(nid, *last_post); !r) return r.failure();
    } else if (seq != start) {
        if (auto r = s_.rooms.noteActivityWithoutPost(nid, last_activity); !r) return r.failure();
    }
    return outcome;
}

Result<bool> SyncApplier::applyAccountData(std::int64_t room_nid,
                                           const std::vector<matrix::AccountDataEvent>& data) {
    for (const auto& event : data) {
        if (auto r = s_.meta.putRoomAccountData(room_nid, event.type, dumpJson(event.content));
            !r) {
            return r.failure();
        }
        if (event.type == "m.fully_read") {
            if (auto id = stringMember(event.content, "event_id")) {
                if (auto r = s_.rooms.setFullyRead(room_nid, *id); !r) return r.failure();
            }
        }
    }
    return !data.empty();
}

}  // namespace renkei::store::detail
