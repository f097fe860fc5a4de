#include "matrix/content/relation.h"

#include <string_view>

#include "matrix/json_util.h"

namespace renkei::matrix::content {
namespace {

using detail::getBool;
using detail::getString;
using detail::member;

constexpr std::size_t kMaxEventIdBytes = 255;  // spec: "Event IDs", at most 255 bytes
constexpr std::size_t kMaxKeyBytes = 256;      // a reaction key is an emoji or a short word

bool isEventId(const std::string& id) {
    return id.size() >= 2 && id.size() <= kMaxEventIdBytes && id.front() == '$';
}

Relation::Type typeOf(std::string_view rel_type) {
    if (rel_type == "m.replace") return Relation::Type::Replace;
    if (rel_type == "m.annotation") return Relation::Type::Annotation;
    if (rel_type == "m.reference") return Relation::Type::Reference;
    if (rel_type == "m.thread") return Relation::Type::Thread;
    return Relation::Type::Other;
}

}  // namespace

Relation parseRelation(const nlohmann::json& content) {
    Relation out;
    const auto* relates = member(content, "m.relates_to");
    if (relates == nullptr || !relates->is_object()) return out;

    if (const auto* reply = member(*relates, "m.in_reply_to"); reply != nullptr) {
        auto id = getString(*reply, "event_id");
        if (id && isEventId(*id)) out.in_reply_to = std::move(*id);
    }
    auto rel_type = getString(*relates, "rel_type");
    auto event_id = getString(*relates, "event_id");
    if (!rel_type || !event_id || !isEventId(*event_id)) return out;

    const auto type = typeOf(*rel_type);
    if (type == Relation::Type::Annotation) {
        auto key = getString(*relates, "key");
        if (!key || key->empty() || key->size() > kMaxKeyBytes) return out;
        out.key = std::move(*key);
    }
    out.type = type;
    out.rel_type = std::move(*rel_type);
    out.event_id = std::move(*event_id);
    if (type == Relation::Type::Thread) out.is_falling_back = getBool(*relates, "is_falling_back", false);
    return out;
}

std::optional<nlohmann::json> newContentOf(const nlohmann::json& content) {
    const auto* replacement = member(content, "m.new_content");
    if (replacement == nullptr || !replacement->is_object()) return std::nullopt;
    return *replacement;
}

}  // namespace renkei::matrix::content
