// Session: corrections through the outbox — edits, replies, reactions and deletions. See
// session.h ("Corrections through the outbox") and matrix/content/outgoing.h for the shapes.
#include "care/care_record.h"
#include "matrix/content/message_content.h"
#include "matrix/content/outgoing.h"
#include "matrix/content/relation.h"
#include "matrix/event_types.h"
#include "session/session.h"

namespace renkei::session {
namespace {

using matrix::content::parseRelation;
using matrix::content::Relation;

using matrix::kReaction;
using matrix::kRedaction;
using matrix::kRoomMessage;

bool isReplacement(const store::StoredEvent& event) {
    return event.rel_type == "m.replace" && event.relates_to.has_value();
}

// The key of a reaction event's content, or "" when it is none (or was redacted).
std::string reactionKey(const nlohmann::json& content, const std::string& target) {
    const Relation relation = parseRelation(content);
    return relation.type == Relation::Type::Annotation && relation.event_id == target ? relation.key : "";
}

bool redactsEvent(const store::OutboxPost& post, const std::string& event_id) {
    if (post.event_type != kRedaction || post.state == store::OutboxState::Failed) return false;
    const auto target = post.content.find("redacts");
    return target != post.content.end() && target->is_string() && target->get_ref<const std::string&>() == event_id;
}

}  // namespace

Result<std::optional<store::StoredEvent>> Session::cachedPost(const std::string& room_id,
                                                              const std::string& event_id) const {
    std::lock_guard lock(store_mutex_);
    auto found = cache_.event(room_id, event_id);
    if (!found || !*found || !isReplacement(**found)) return found;
    // Spec: edits and reactions refer to the original, never to an edit of it.
    return cache_.event(room_id, *(*found)->relates_to);
}

Result<store::OutboxPost> Session::queueEdit(const std::string& room_id, const std::string& target_event_id,
                                             const std::string& new_body) {
    if (new_body.empty()) return fail(ErrorKind::InvalidArgument, "edit: empty message");
    auto original = cachedPost(room_id, target_event_id);
    if (!original) return original.failure();
    if (!*original) return fail(ErrorKind::InvalidArgument, "edit: the post is not in the local cache (sync first)");
    const store::StoredEvent& post = **original;
    // Spec "Event replacements": only the sender's own posts, of the same type, can be edited.
    if (post.sender != userId()) return fail(ErrorKind::InvalidArgument, "edit: only your own posts can be edited");
    if (post.type != kRoomMessage || post.state_key) return fail(ErrorKind::InvalidArgument, "edit: not a post");
    if (post.redacted) return fail(ErrorKind::InvalidArgument, "edit: the post was deleted");
    const auto content = matrix::content::parseMessageContent(post.content);
    using matrix::content::MsgType;
    if (!content || (content->type != MsgType::Text && content->type != MsgType::Notice &&
                     content->type != MsgType::Emote)) {
        return fail(ErrorKind::InvalidArgument, "edit: only text posts can be edited");
    }
    if (care::recordOf(post.content)) {  // its values are corrected as a record (queueRecordEdit)
        return fail(ErrorKind::InvalidArgument, "edit: a structured post is corrected through its form");
    }
    auto edit = matrix::content::editContent(post.event_id, {{"msgtype", content->msgtype}, {"body", new_body}});
    if (!edit) return edit.failure();
    return enqueue(room_id, kRoomMessage, *edit, nullptr, /*clear_draft=*/false);
}

Result<store::OutboxPost> Session::queueReply(const std::string& room_id, const std::string& in_reply_to_event_id,
                                              const std::string& body, const care::PostContext& context) {
    std::optional<std::string> author;
    if (auto original = cachedPost(room_id, in_reply_to_event_id); !original) {
        return original.failure();
    } else if (*original && (*original)->sender != userId()) {
        author = (*original)->sender;
    }
    auto reply = matrix::content::replyContent(in_reply_to_event_id, body, author);
    if (!reply) return reply.failure();
    care::addPostContext(*reply, context);  // a reply is a post too: its own scene and 至急
    return enqueue(room_id, kRoomMessage, *reply, nullptr, /*clear_draft=*/true);
}

Result<store::OutboxPost> Session::queueReaction(const std::string& room_id, const std::string& target_event_id,
                                                 const std::string& key) {
    auto original = cachedPost(room_id, target_event_id);
    if (!original) return original.failure();
    const std::string target = *original ? (*original)->event_id : target_event_id;
    auto content = matrix::content::reactionContent(target, key);
    if (!content) return content.failure();

    // The server refuses a second identical annotation (M_DUPLICATE_ANNOTATION) unless the
    // first is redacted; one being taken back in the outbox does not count.
    auto queued = outbox(room_id);
    if (!queued) return queued.failure();
    const std::string me = userId();
    auto taken_back = [&](const std::string& event_id) {
        for (const auto& post : *queued) {
            if (redactsEvent(post, event_id)) return true;
        }
        return false;
    };
    for (const auto& post : *queued) {
        if (post.event_type == kReaction && reactionKey(post.content, target) == key &&
            !(post.event_id && taken_back(*post.event_id))) {
            return fail(ErrorKind::InvalidArgument, "reaction: already reacted with this key");
        }
    }
    std::vector<store::StoredEvent> cached;
    {
        std::lock_guard lock(store_mutex_);
        auto related = cache_.relatedEvents(room_id, target, "m.annotation");
        if (!related) return related.failure();
        cached = std::move(*related);
    }
    for (const auto& event : cached) {
        if (event.sender == me && event.type == kReaction && !event.redacted &&
            reactionKey(event.content, target) == key && !taken_back(event.event_id)) {
            return fail(ErrorKind::InvalidArgument, "reaction: already reacted with this key");
        }
    }
    return enqueue(room_id, kReaction, *content, nullptr, /*clear_draft=*/false);
}

Result<store::OutboxPost> Session::queueRedaction(const std::string& room_id, const std::string& target_event_id,
                                                  const std::string& reason) {
    auto content = matrix::content::redactionContent(target_event_id, reason);
    if (!content) return content.failure();
    return enqueue(room_id, kRedaction, *content, nullptr, /*clear_draft=*/false);
}

Result<Session::Unreaction> Session::removeReaction(const std::string& room_id, const std::string& target_event_id,
                                                    const std::string& key) {
    auto original = cachedPost(room_id, target_event_id);
    if (!original) return original.failure();
    const std::string target = *original ? (*original)->event_id : target_event_id;
    Unreaction done;

    auto queued = outbox(room_id);
    if (!queued) return queued.failure();
    std::vector<std::string> ours;  // our reaction events to redact
    for (const auto& post : *queued) {
        if (post.event_type != kReaction || reactionKey(post.content, target) != key) continue;
        if (post.event_id) {
            ours.push_back(*post.event_id);  // sent; sync has not confirmed it yet
            continue;
        }
        auto discarded = discardPost(post.txn_id);
        if (!discarded) return discarded.failure();
        if (!*discarded) {
            // Being sent, or in doubt after a lost answer: its event id is not known yet.
            return fail(ErrorKind::InvalidArgument, "reaction: still being sent; take it back once it has arrived");
        }
        done.discarded_txn_id = post.txn_id;
        return done;
    }
    const std::string me = userId();
    {
        std::lock_guard lock(store_mutex_);
        auto related = cache_.relatedEvents(room_id, target, "m.annotation");
        if (!related) return related.failure();
        for (const auto& event : *related) {
            if (event.sender == me && event.type == kReaction && !event.redacted &&
                reactionKey(event.content, target) == key) {
                ours.push_back(event.event_id);
            }
        }
    }
    if (ours.empty()) return fail(ErrorKind::InvalidArgument, "reaction: no reaction of yours with this key");
    for (const auto& event_id : ours) {
        bool pending = false;
        for (const auto& post : *queued) pending = pending || redactsEvent(post, event_id);
        if (pending) continue;
        auto redaction = queueRedaction(room_id, event_id);
        if (!redaction) return redaction.failure();
        done.redactions.push_back(std::move(*redaction));
    }
    return done;  // (no new redaction when each is already being taken back)
}

}  // namespace renkei::session
