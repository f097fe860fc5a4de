// Renkei core: the content of the corrections Renkei sends — edits (spec: "Event
// replacements"), replies ("Rich replies", v1.13: no fallback), reactions ("Event annotations
// and reactions") and redactions ("Redactions", as the outbox stores them). Built here once so
// that every sender (Session, tests, tools) writes the same shapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace renkei::matrix::content {

/// The content of an m.room.message edit of `target_event_id` (the original post, never an
/// edit): `m.new_content` = `new_content` (the whole new content: msgtype, body, …; any
/// m.relates_to in it is dropped, the original's relation stays), a "* "-prefixed body and the
/// same msgtype as fallback, `m.relates_to` {rel_type m.replace, event_id}, and an empty
/// top-level `m.mentions` so that an edit notifies nobody again. Errors: InvalidArgument (the
/// id is no "$…" event id; new_content without a string msgtype and a non-empty string body).
Result<nlohmann::json> editContent(std::string_view target_event_id, const nlohmann::json& new_content);

/// An m.text reply to `in_reply_to_event_id` with `body`: `m.relates_to.m.in_reply_to` and no
/// fallback (spec v1.13). `m.mentions.user_ids` names `replied_to_sender` when given (spec:
/// "Mentioning the replied to user"); pass nullopt for one's own post or an unknown sender.
/// Errors: InvalidArgument (bad event id, empty body).
Result<nlohmann::json> replyContent(std::string_view in_reply_to_event_id, std::string_view body,
                                    const std::optional<std::string>& replied_to_sender);

/// An m.reaction's content: `m.relates_to` {rel_type m.annotation, event_id, key}.
/// Errors: InvalidArgument (bad event id; key empty or over 256 bytes, as parseRelation reads).
Result<nlohmann::json> reactionContent(std::string_view target_event_id, std::string_view key);

/// A redaction as the outbox keeps it (event type m.room.redaction): {redacts, reason?}; the
/// reason is left out when empty. Sent through PUT /rooms/{roomId}/redact/{eventId}/{txnId}.
/// Errors: InvalidArgument (bad event id).
Result<nlohmann::json> redactionContent(std::string_view target_event_id, std::string_view reason);

}  // namespace renkei::matrix::content
