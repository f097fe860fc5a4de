// Renkei core: the timeline of one room. Merges the room's events (as cached or synced, in
// timeline order), their relations (edits, reactions, redactions, replies) and the outbox's
// local echoes into TimelineItems, and reports each change as TimelineDiffs for a list model
// to apply. Qt-free and single-threaded: the owner serialises calls.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
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
    /// m.room.message and m.room.encrypted become items; edits (m.replace), reactions
    /// (m.annotation) and redactions apply to their target, also when they arrive before it
    /// (they wait for it); everything else is ignored. A remote event carrying the
    /// transaction id of a local echo replaces that echo. Returns the diffs, in order.
    std::vector<TimelineDiff> appendEvents(const std::vector<matrix::RoomEvent>& events);
    /// Adds events older than every event held (back-pagination), given oldest first.
    std::vector<TimelineDiff> prependEvents(const std::vector<matrix::RoomEvent>& events);

    /// Shows a post of ours that is queued in the outbox (after every item). Spec:
    /// "Transaction identifiers": `txn_id` is the outbox's, which the remote echo carries.
    /// `content` is the m.room.message content as it will be sent.
    std::vector<TimelineDiff> addLocalEcho(const std::string& txn_id, const std::string& sender,
                                           const nlohmann::json& content, std::int64_t queued_ms,
                                           TimelineItem::SendState state);
    /// A local echo's outbox state changed; a Sent echo may carry the event id the server
    /// returned (it stays an echo until sync brings the event).
    std::vector<TimelineDiff> updateLocalEcho(const std::string& txn_id, TimelineItem::SendState state,
                                              const std::string& event_id = {});
    /// The post was discarded from the outbox: its echo goes.
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
    /// Records a relation or redaction; returns the event id of the item it changes, or "".
    std::string record(const matrix::RoomEvent& event);
    /// Rebuilds what relations make of `item`: edits, reactions, redaction.
    void refold(TimelineItem& item) const;
    void reindex();
    std::size_t echoIndex(const std::string& txn_id, const std::string& event_id) const;
    std::size_t firstTrailingEcho() const;

    std::vector<TimelineItem> items_;
    std::unordered_map<std::string, std::size_t> index_;  ///< event id -> position (no echoes)
    /// Relations by the event id of their target, whether the target is held yet or not.
    std::unordered_map<std::string, std::vector<matrix::RoomEvent>> edits_;
    std::unordered_map<std::string, std::vector<matrix::RoomEvent>> reactions_;
    /// relation event id -> its target's event id (so a redaction of it can be undone)
    std::unordered_map<std::string, std::string> relation_target_;
    /// redacted event id -> the redaction (also for targets that arrive after it)
    std::unordered_map<std::string, matrix::RoomEvent> redactions_;
};

}  // namespace renkei::timeline
