#include "store/cache_stores.h"

#include "store/json_text.h"

namespace renkei::store::detail {

std::optional<LastPost> postOf(const matrix::RoomEvent& event) {
    if (event.state_key) return std::nullopt;
    if (event.type != "m.room.message" && event.type != "m.sticker" &&
        event.type != "m.room.encrypted") {
        return std::nullopt;
    }
    LastPost post;
    post.event_id = event.event_id;
    post.ts = event.origin_server_ts;
    post.sender = event.sender;
    post.body = stringMember(event.content, "body").value_or("");
    return post;
}

Result<void> redactStored(CacheStores& stores, std::int64_t room_nid, std::string_view target_id) {
    auto redacted = stores.timeline.redact(room_nid, target_id);
    if (!redacted) return redacted.failure();
    if (!*redacted) return {};
    if (auto r = stores.state.replaceContent(room_nid, target_id, **redacted); !r) return r;
    return stores.rooms.forgetLastBody(room_nid, target_id);
}

}  // namespace renkei::store::detail
