#include "store/cache_stores.h"

#include "matrix/content/relation.h"
#include "matrix/event_types.h"
#include "store/json_text.h"

namespace renkei::store::detail {

std::optional<LastPost> postOf(const matrix::RoomEvent& event) {
    if (event.state_key) return std::nullopt;
    if (event.type != matrix::kRoomMessage && event.type != matrix::kSticker &&
        event.type != matrix::kRoomEncrypted) {
        return std::nullopt;
    }
    // An edit changes a post ("* …" is only its fallback for clients without edits).
    if (matrix::content::parseRelation(event.content).type == matrix::content::Relation::Type::Replace) {
        return std::nullopt;
    }
    LastPost post;
    post.event_id = event.event_id;
    post.ts = event.origin_server_ts;
    post.sender = event.sender;
    // Deleted before we saw it: whatever a server still shows of it is not shown.
    if (!event.arrived_redacted) post.body = stringMember(event.content, "body").value_or("");
    return post;
}

std::optional<std::pair<std::string, std::string>> editOf(const matrix::RoomEvent& event) {
    if (event.state_key || event.arrived_redacted || event.type != matrix::kRoomMessage) return std::nullopt;
    const auto relation = matrix::content::parseRelation(event.content);
    if (relation.type != matrix::content::Relation::Type::Replace) return std::nullopt;
    const auto replacement = matrix::content::newContentOf(event.content);
    if (!replacement) return std::nullopt;
    auto body = stringMember(*replacement, "body");
    if (!body) return std::nullopt;
    return std::make_pair(relation.event_id, std::move(*body));
}

Result<void> redactStored(CacheStores& stores, std::int64_t room_nid, std::string_view target_id) {
    auto redacted = stores.timeline.redact(room_nid, target_id);
    if (!redacted) return redacted.failure();
    if (!*redacted) return {};
    if (auto r = stores.state.replaceContent(room_nid, target_id, **redacted); !r) return r;
    return stores.rooms.forgetLastBody(room_nid, target_id);
}

}  // namespace renkei::store::detail
