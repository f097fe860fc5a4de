#include "timeline/stored_events.h"

#include <utility>

namespace renkei::timeline {

matrix::RoomEvent toRoomEvent(store::StoredEvent&& event) {
    matrix::RoomEvent out;
    out.event_id = std::move(event.event_id);
    out.type = std::move(event.type);
    out.sender = std::move(event.sender);
    out.origin_server_ts = event.origin_server_ts;
    out.state_key = std::move(event.state_key);
    out.content = std::move(event.content);
    out.transaction_id = std::move(event.transaction_id);
    out.redacts = std::move(event.redacts);
    if (event.redacted && event.rel_type && event.relates_to) {
        out.redacted_relation = matrix::RelationLink{std::move(*event.rel_type), std::move(*event.relates_to)};
    }
    return out;
}

std::vector<matrix::RoomEvent> toRoomEvents(std::vector<store::StoredEvent>&& events) {
    std::vector<matrix::RoomEvent> out;
    out.reserve(events.size());
    for (auto& event : events) out.push_back(toRoomEvent(std::move(event)));
    events.clear();
    return out;
}

}  // namespace renkei::timeline
