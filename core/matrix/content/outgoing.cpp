#include "matrix/content/outgoing.h"

namespace renkei::matrix::content {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEventIdBytes = 255;  // spec: "Event IDs"
constexpr std::size_t kMaxKeyBytes = 256;      // what parseRelation accepts of others

Result<void> checkEventId(std::string_view id, const char* what) {
    if (id.size() < 2 || id.size() > kMaxEventIdBytes || id.front() != '$') {
        return fail(ErrorKind::InvalidArgument, std::string(what) + ": not an event id");
    }
    return {};
}

bool hasText(const json& content, const char* key) {
    const auto it = content.find(key);
    return it != content.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

}  // namespace

Result<json> editContent(std::string_view target_event_id, const json& new_content) {
    if (auto r = checkEventId(target_event_id, "edit"); !r) return r.failure();
    if (!new_content.is_object() || !hasText(new_content, "msgtype") || !hasText(new_content, "body")) {
        return fail(ErrorKind::InvalidArgument, "edit: the new content needs a msgtype and a body");
    }
    json replacement = new_content;
    replacement.erase("m.relates_to");  // spec: the original's relation is kept, this one ignored
    return json{
        {"msgtype", replacement["msgtype"]},
        {"body", "* " + replacement["body"].get<std::string>()},
        {"m.new_content", std::move(replacement)},
        {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", target_event_id}}},
        {"m.mentions", json::object()},
    };
}

Result<json> replyContent(std::string_view in_reply_to_event_id, std::string_view body,
                          const std::optional<std::string>& replied_to_sender) {
    if (auto r = checkEventId(in_reply_to_event_id, "reply"); !r) return r.failure();
    if (body.empty()) return fail(ErrorKind::InvalidArgument, "reply: empty message");
    json mentions = json::object();
    if (replied_to_sender && !replied_to_sender->empty()) mentions["user_ids"] = {*replied_to_sender};
    return json{
        {"msgtype", "m.text"},
        {"body", body},
        {"m.relates_to", {{"m.in_reply_to", {{"event_id", in_reply_to_event_id}}}}},
        {"m.mentions", std::move(mentions)},
    };
}

Result<json> reactionContent(std::string_view target_event_id, std::string_view key) {
    if (auto r = checkEventId(target_event_id, "reaction"); !r) return r.failure();
    if (key.empty() || key.size() > kMaxKeyBytes) {
        return fail(ErrorKind::InvalidArgument, "reaction: the key must be 1 to 256 bytes");
    }
    return json{{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", target_event_id}, {"key", key}}}};
}

Result<json> redactionContent(std::string_view target_event_id, std::string_view reason) {
    if (auto r = checkEventId(target_event_id, "redaction"); !r) return r.failure();
    json content = {{"redacts", target_event_id}};
    if (!reason.empty()) content["reason"] = reason;
    return content;
}

}  // namespace renkei::matrix::content
