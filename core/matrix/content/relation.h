// Renkei core: how an event relates to another (spec: Client-Server API, "Forming
// relationships between events", "Event replacements", "Event annotations and reactions",
// "Rich replies", "Threading"). Read from the event's `m.relates_to`, which a room member
// writes: every field is checked, and a malformed relation reads as none.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace renkei::matrix::content {

/// The relation of one event, from its content's `m.relates_to`.
struct Relation {
    enum class Type {
        None,        ///< no (readable) rel_type
        Replace,     ///< "m.replace": an edit of `event_id`
        Annotation,  ///< "m.annotation": a reaction `key` to `event_id`
        Reference,   ///< "m.reference"
        Thread,      ///< "m.thread": in the thread rooted at `event_id`
        Other,       ///< another rel_type (kept in `rel_type`, otherwise ignored)
    };
    Type type = Type::None;
    std::string rel_type;  ///< as sent, when type != None
    std::string event_id;  ///< the related event ("$…"); empty when type == None
    std::string key;       ///< Annotation: the reaction key (an emoji or text such as 確認しました)
    /// `m.in_reply_to.event_id`: the post this one answers (also inside a thread, where it
    /// is the fallback for clients without threads when `is_falling_back` is true).
    std::optional<std::string> in_reply_to;
    bool is_falling_back = false;  ///< Thread: `in_reply_to` only for thread-less clients
};

/// Reads `content["m.relates_to"]`. A relation without a string rel_type and event_id is
/// type None (its `m.in_reply_to` is still read); an m.annotation needs a string `key` of
/// 1 … 256 bytes; event ids must start with '$' and be at most 255 bytes. Never throws.
Relation parseRelation(const nlohmann::json& content);

/// For an edit (Relation::Type::Replace): the replacement content `m.new_content` when it is
/// an object, else nullopt (an edit without it is not applied; spec: "Event replacements").
std::optional<nlohmann::json> newContentOf(const nlohmann::json& content);

}  // namespace renkei::matrix::content
