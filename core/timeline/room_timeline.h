// Renkei core: the timeline of one room. Merges the room's events (as cached or synced, in
// timeline order), their relations (edits, reactions, redactions, replies) and the outbox's
// local echoes into TimelineItems, and reports each change as TimelineDiffs for a list model
// to apply. Qt-free and single-threaded: the owner serialises calls.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "matrix/events.h"
#include "timeline/timeline_item.h"

namespace renkei::timeline {

class RoomTimeline {
public:
    /// At most this many edits and this many reactions are kept per post; more are ignored
    /// (a room member could otherwise grow one post's history without bound).
    static constexpr std::size_t kMaxRelationsPerEvent = 1000;

    RoomTimeline() = default;

    /// Adds events newer than every event already held (sync), in timeline order.
    /// m.room.message and m.room.encrypted become items (a thread post, m.thread, with its
    /// TimelineItem::thread_root; its root's thread_replies is updated); edits (m.replace), reactions
    /// (m.annotation) and redactions apply to their target, also when they arrive before it
    /// (they wait for it); everything else is ignored. A remote event carrying the
    /// transaction id of a local echo replaces that echo. Returns the diffs, in order.
    std::vector<TimelineDiff> appendEvents(const std::vector<matrix::RoomEvent>& events);
    /// Adds events older than every event held (back-pagination), given oldest first.
    std::vector<TimelineDiff> prependEvents(const std::vector<matrix::RoomEvent>& events);

    /// Shows what the outbox holds for this room (spec: "Transaction identifiers": `txn_id` is
    /// the outbox's, which the remote echo carries), by `event_type` and `content` as they
    /// will be sent (store::OutboxPost):
    /// - m.room.message: a post of ours, after every item (a reply shows its in_reply_to);
    /// - m.room.message with m.replace: an edit; its target shows the new text at once,
    ///   with TimelineItem::local_edit (only when `sender` wrote the target);
    /// - m.reaction: `sender` joins the key's group on its target (ReactionGroup::local);
    /// - m.room.redaction ({redacts, reason?}): its target is being deleted
    ///   (TimelineItem::local_redaction); when it targets one of our reactions or edits, that
    ///   one no longer counts.
    /// Targets not held yet get the echo when they arrive. Other types are ignored. When sync
    /// brings the event with this transaction id (or the event id updateLocalEcho gave), the
    /// echo gives way to it in the same diff, without a removal in between.
    std::vector<TimelineDiff> addLocalEcho(const std::string& txn_id, const std::string& event_type,
                                           const std::string& sender, const nlohmann::json& content,
                                           std::int64_t queued_ms, TimelineItem::SendState state);
    /// A local echo's outbox state changed; a Sent echo may carry the event id the server
    /// returned (it stays an echo until sync brings the event).
    std::vector<TimelineDiff> updateLocalEcho(const std::string& txn_id, TimelineItem::SendState state,
                                              const std::string& event_id = {});
    /// The post or correction was discarded from the outbox: its echo goes, and what it
    /// changed on its target is undone.
    std::vector<TimelineDiff> removeLocalEcho(const std::string& txn_id);

    [[nodiscard]] const std::vector<TimelineItem>& items() const noexcept { return items_; }
    /// The index of the item for `event_id`, or npos.
    [[nodiscard]] std::size_t indexOf(const std::string& event_id) const;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    enum class End { Front, Back };

    std::vector<TimelineDiff> add(const std::vector<matrix::RoomEvent>& events, End end);
    /// A new item for `event`, or nullopt when the event is no item (a relation, a state
    /// event, another type).
    std::optional<TimelineItem> makeItem(const matrix::RoomEvent& event) const;
    /// A jp.renkei.* state event as a readable line of the timeline; nullopt for other state.
    static std::optional<TimelineItem> careStateItem(const matrix::RoomEvent& event);
    /// Records a relation or redaction; returns the event id of the item it changes, or "".
    std::string record(const matrix::RoomEvent& event);
    /// Rebuilds what relations make of `item`: edits, reactions, redaction.
    void refold(TimelineItem& item) const;
    void reindex();
    std::size_t echoIndex(const std::string& txn_id, const std::string& event_id) const;
    std::size_t firstTrailingEcho() const;

    /// A correction of ours from the outbox (an edit, reaction or redaction), until sync
    /// brings its event (room_timeline_echo.cpp).
    struct LocalRelation {
        std::string txn_id;
        std::string event_id;  ///< once the server returned it
        std::string type;      ///< m.room.message (an edit), m.reaction, m.room.redaction
        std::string sender;
        std::string target;    ///< the event it edits, reacts to or redacts
        nlohmann::json content;
        std::int64_t queued_ms = 0;
        TimelineItem::SendState state = TimelineItem::SendState::Queued;
    };
    std::optional<LocalRelation> localRelationOf(const std::string& txn_id, const std::string& type,
                                                 const std::string& sender, const nlohmann::json& content,
                                                 std::int64_t queued_ms, TimelineItem::SendState state) const;
    std::size_t localRelationIndex(const std::string& txn_id, const std::string& event_id) const;
    /// The event id of the item that `id` (an item, or a relation of one) changes.
    std::string itemIdFor(const std::string& id) const;
    /// Whether our outbox is taking back the event `event_id` (a redaction not refused).
    bool beingRedacted(const std::string& event_id) const;
    /// Applies our outbox's edits, reactions and redactions of `item` after the remote ones.
    void foldLocal(TimelineItem& item) const;
    /// One Update diff for the item `id` changes, if held.
    std::vector<TimelineDiff> refoldFor(const std::string& id);
    /// Takes out the local relation that the remote `event` is the echo of; returns the id
    /// of the item it changed, or "".
    std::string settleLocalRelation(const matrix::RoomEvent& event);

    std::vector<TimelineItem> items_;
    std::unordered_map<std::string, std::size_t> index_;  ///< event id -> position (no echoes)
    /// Relations by the event id of their target, whether the target is held yet or not.
    std::unordered_map<std::string, std::vector<matrix::RoomEvent>> edits_;
    std::unordered_map<std::string, std::vector<matrix::RoomEvent>> reactions_;
    /// relation event id -> its target's event id (so a redaction of it can be undone)
    std::unordered_map<std::string, std::string> relation_target_;
    /// redacted event id -> the redaction (also for targets that arrive after it)
    std::unordered_map<std::string, matrix::RoomEvent> redactions_;
    std::unordered_set<std::string> redaction_ids_;  ///< event ids of the redactions held
    /// Thread root event id -> the event ids in its thread (whether the root is held or not).
    std::unordered_map<std::string, std::unordered_set<std::string>> threads_;
    /// Thread event id -> its root, so that deleting it updates the root's count.
    std::unordered_map<std::string, std::string> thread_root_of_;
    /// Records `item` as a thread event; returns its root's event id, or "".
    std::string recordThread(const TimelineItem& item);
    /// The live (not deleted) events of the thread rooted at `root`.
    [[nodiscard]] int threadReplies(const std::string& root) const;
    std::vector<LocalRelation> local_relations_;      ///< in outbox order
    /// Content of each held care-record state event, by event id (few: edits of the record).
    std::unordered_map<std::string, nlohmann::json> care_contents_;
    /// Sets each CareState item's state_changes from the previous one of its type and key;
    /// adds an Update to `diffs` for an item held before whose changes became known.
    void linkCareStates(std::vector<TimelineDiff>& diffs, const std::set<std::string>& fresh_ids);
};

}  // namespace renkei::timeline
