// Renkei core: cached events (store::StoredEvent) as the RoomEvents a RoomTimeline folds.
#pragma once

#include <vector>

#include "matrix/events.h"
#include "store/cache_types.h"

namespace renkei::timeline {

/// The event as the timeline reads it: content as stored (emptied by the redaction rules
/// when redacted), `redacts` from the redaction's stored target, and for a redacted event
/// the relation it had (RoomEvent::redacted_relation). Moves out of `event`.
matrix::RoomEvent toRoomEvent(store::StoredEvent&& event);
/// The same for a page of events, in the order given (oldest first, as the cache pages them).
std::vector<matrix::RoomEvent> toRoomEvents(std::vector<store::StoredEvent>&& events);

}  // namespace renkei::timeline
