#include "timeline/room_timeline.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

#include "matrix/content/relation.h"
#include "matrix/display_text.h"
#include "matrix/content/reply_fallback.h"
#include "matrix/event_types.h"

namespace renkei::timeline {
namespace {

using matrix::RoomEvent;
using matrix::content::MessageContent;
using matrix::content::parseMessageContent;
using matrix::content::Relation;
using matrix::kRoomMessage;

bool olderThan(const RoomEvent& a, const RoomEvent& b) {
    // Spec "Event replacements": the newest by origin_server_ts wins, ties broken by the
    // lexicographically largest event id.
    return std::tie(a.origin_server_ts, a.event_id) < std::tie(b.origin_server_ts, b.event_id);
}

// `source` is the JSON the content was read from: the event's content, or an edit's
// m.new_content; its structured record (if any) is read from the same place.
EditVersion versionOf(const RoomEvent& event, MessageContent content, const nlohmann::json& source) {
    return EditVersion{event.event_id, event.sender, event.origin_server_ts, std::move(content),
                       care::recordView(source)};
}

RedactionInfo redactionOf(const RoomEvent& redaction) {
    RedactionInfo info;
    info.redacted_by = redaction.sender;
    info.origin_server_ts = redaction.origin_server_ts;
    const auto reason = redaction.content.find("reason");
    if (reason != redaction.content.end() && reason->is_string()) info.reason = reason->get<std::string>();
    return info;
}

// A valid replacement of `original` (spec "Event replacements", "Validity of replacement
// events"): same sender, both m.room.message without state key, with an m.new_content that
// is readable content.
std::optional<MessageContent> replacementContent(const TimelineItem& original, const RoomEvent& edit) {
    if (edit.sender != original.sender || edit.type != kRoomMessage || edit.state_key) return std::nullopt;
    auto replacement = matrix::content::newContentOf(edit.content);
    if (!replacement) return std::nullopt;
    return parseMessageContent(*replacement);
}

}  // namespace

std::size_t RoomTimeline::indexOf(const std::string& event_id) const {
    const auto it = index_.find(event_id);
    return it == index_.end() ? npos : it->second;
}

std::vector<TimelineDiff> RoomTimeline::appendEvents(const std::vector<RoomEvent>& events) {
    return add(events, End::Back);
}

std::vector<TimelineDiff> RoomTimeline::prependEvents(const std::vector<RoomEvent>& events) {
    return add(events, End::Front);
}

std::optional<TimelineItem> RoomTimeline::makeItem(const RoomEvent& event) const {
    if (event.state_key) return careStateItem(event);
    TimelineItem item;
    item.event_id = event.event_id;
    item.sender = event.sender;
    item.origin_server_ts = event.origin_server_ts;
    item.transaction_id = event.transaction_id.value_or("");
    // m.relates_to stays readable in an encrypted event (spec: "Threading"); a deleted
    // thread post read from the cache keeps the thread it was in.
    const Relation relation = matrix::content::parseRelation(event.content);
    if (relation.type == Relation::Type::Thread) {
        item.thread_root = relation.event_id;
    } else if (event.redacted_relation && event.redacted_relation->rel_type == "m.thread") {
        item.thread_root = event.redacted_relation->event_id;
    }
    if (event.type == matrix::kRoomEncrypted) {
        item.kind = TimelineItem::Kind::Encrypted;
        return item;
    }
    if (event.type != kRoomMessage) return std::nullopt;
    // A deleted edit read from the cache: an edit still, never a deleted post of its own.
    if (event.redacted_relation && event.redacted_relation->rel_type == "m.replace") return std::nullopt;
    if (relation.type == Relation::Type::Replace) return std::nullopt;  // an edit, not a post
    if (event.arrived_redacted || (event.content.is_object() && event.content.empty())) {
        // The server's copy of a post redacted before we saw it: its content is gone.
        item.kind = TimelineItem::Kind::Redacted;
        item.redaction = RedactionInfo{};
        return item;
    }
    auto content = parseMessageContent(event.content);
    if (!content) {
        item.kind = TimelineItem::Kind::Unreadable;
        return item;
    }
    // Spec "Threading": with is_falling_back the m.in_reply_to is only for thread-less clients.
    if (!relation.is_falling_back) item.in_reply_to = relation.in_reply_to;
    if (relation.in_reply_to) content->body = matrix::content::stripReplyFallback(content->body);
    item.history.push_back(versionOf(event, *content, event.content));
    item.content = std::move(content);
    item.context = care::parsePostContext(event.content);
    return item;
}

std::optional<TimelineItem> RoomTimeline::careStateItem(const RoomEvent& event) {
    if (!care::isCareStateType(event.type)) return std::nullopt;
    // Someone else's jp.renkei.member is a forgery that readers ignore (core/care/SCHEMA.md).
    if (event.type == care::kMemberType && *event.state_key != event.sender) return std::nullopt;
    if (event.arrived_redacted) return std::nullopt;
    TimelineItem item;
    item.kind = TimelineItem::Kind::CareState;
    item.event_id = event.event_id;
    item.sender = event.sender;
    item.origin_server_ts = event.origin_server_ts;
    item.state_type = event.type;
    item.state_key = *event.state_key;
    if (const auto body = event.content.find("body"); event.content.is_object() && body != event.content.end() && body->is_string()) {
        item.state_body = matrix::capUtf8(matrix::displayText(body->get<std::string>(), matrix::TextLines::Multi),
                                          TimelineItem::kStateBodyMaxBytes, "…");
    }
    return item;
}

std::string RoomTimeline::record(const RoomEvent& event) {
    if (event.type == matrix::kRedaction) {
        if (!event.redacts || event.redacts->empty()) return {};
        const std::string& target = *event.redacts;
        if (redactions_.count(target) != 0) return {};
        redactions_.emplace(target, event);
        redaction_ids_.insert(event.event_id);
        // A redacted edit or reaction no longer counts for its post.
        const auto relation = relation_target_.find(target);
        return relation != relation_target_.end() ? relation->second : target;
    }
    if (event.state_key || relation_target_.count(event.event_id) != 0) return {};
    if (event.redacted_relation) {
        // Deleted before we read it: it counts for nothing, but a later redaction of it (or a
        // local echo aimed at it) still finds its target.
        relation_target_.emplace(event.event_id, event.redacted_relation->event_id);
        return {};
    }
    const Relation relation = matrix::content::parseRelation(event.content);
    if (event.arrived_redacted) {
        // The same, straight from a server that still shows its content.
        if (relation.type != Relation::Type::None) relation_target_.emplace(event.event_id, relation.event_id);
        return {};
    }
    std::vector<RoomEvent>* list = nullptr;
    if (relation.type == Relation::Type::Replace && event.type == kRoomMessage) {
        list = &edits_[relation.event_id];
    } else if (relation.type == Relation::Type::Annotation && event.type == matrix::kReaction) {
        list = &reactions_[relation.event_id];
    }
    if (list == nullptr || list->size() >= kMaxRelationsPerEvent) return {};
    list->push_back(event);
    relation_target_.emplace(event.event_id, relation.event_id);
    return relation.event_id;
}

std::string RoomTimeline::recordThread(const TimelineItem& item) {
    if (!item.thread_root || item.thread_root->empty() || *item.thread_root == item.event_id) return {};
    auto& members = threads_[*item.thread_root];
    if (members.size() >= kMaxRelationsPerEvent * 10) return {};
    members.insert(item.event_id);
    thread_root_of_.emplace(item.event_id, *item.thread_root);
    return *item.thread_root;
}

int RoomTimeline::threadReplies(const std::string& root) const {
    const auto thread = threads_.find(root);
    if (thread == threads_.end()) return 0;
    int live = 0;
    for (const auto& id : thread->second) {
        if (redactions_.count(id) == 0) ++live;
    }
    return live;
}

void RoomTimeline::refold(TimelineItem& item) const {
    if (item.local_echo) return;
    item.local_edit.reset();
    item.local_redaction.reset();
    item.thread_replies = threadReplies(item.event_id);
    if (const auto redacted = redactions_.find(item.event_id); redacted != redactions_.end()) {
        item.kind = TimelineItem::Kind::Redacted;
        item.redaction = redactionOf(redacted->second);
        item.content.reset();
        item.history.clear();
        item.in_reply_to.reset();
        item.reactions.clear();
        return;
    }
    if (item.kind != TimelineItem::Kind::Message || item.history.empty()) return;

    item.history.resize(1);  // the original
    if (const auto edits = edits_.find(item.event_id); edits != edits_.end()) {
        std::vector<const RoomEvent*> valid;
        for (const auto& edit : edits->second) {
            if (redactions_.count(edit.event_id) == 0 && !beingRedacted(edit.event_id) &&
                replacementContent(item, edit)) {
                valid.push_back(&edit);
            }
        }
        std::sort(valid.begin(), valid.end(), [](const RoomEvent* a, const RoomEvent* b) { return olderThan(*a, *b); });
        for (const RoomEvent* edit : valid) {
            item.history.push_back(versionOf(*edit, *replacementContent(item, *edit),
                                             *matrix::content::newContentOf(edit->content)));
        }
    }
    item.content = item.history.back().content;

    item.reactions.clear();
    if (const auto reactions = reactions_.find(item.event_id); reactions != reactions_.end()) {
        std::vector<const RoomEvent*> live;
        for (const auto& reaction : reactions->second) {
            if (redactions_.count(reaction.event_id) == 0 && !beingRedacted(reaction.event_id)) {
                live.push_back(&reaction);
            }
        }
        std::sort(live.begin(), live.end(), [](const RoomEvent* a, const RoomEvent* b) { return olderThan(*a, *b); });
        std::set<std::pair<std::string, std::string>> seen;  // (key, sender): once each
        for (const RoomEvent* reaction : live) {
            const std::string key = matrix::content::parseRelation(reaction->content).key;
            if (!seen.emplace(key, reaction->sender).second) continue;
            auto group = std::find_if(item.reactions.begin(), item.reactions.end(),
                                      [&](const ReactionGroup& g) { return g.key == key; });
            if (group == item.reactions.end()) group = item.reactions.insert(item.reactions.end(), ReactionGroup{key, {}, {}});
            group->senders.push_back(reaction->sender);
        }
    }
    foldLocal(item);
}

std::vector<TimelineDiff> RoomTimeline::add(const std::vector<RoomEvent>& events, End end) {
    std::vector<TimelineDiff> diffs;
    std::vector<TimelineItem> fresh;
    std::vector<std::string> touched;
    std::set<std::string> batch_ids;
    for (const auto& event : events) {
        if (index_.count(event.event_id) != 0 || !batch_ids.insert(event.event_id).second) continue;
        // Our correction as sync brings it replaces its local echo (one Update, no flicker).
        if (auto settled = settleLocalRelation(event); !settled.empty()) touched.push_back(std::move(settled));
        if (auto item = makeItem(event)) {
            if (item->kind == TimelineItem::Kind::CareState) care_contents_.emplace(event.event_id, event.content);
            if (auto root = recordThread(*item); !root.empty()) touched.push_back(std::move(root));
            fresh.push_back(std::move(*item));
        } else if (auto target = record(event); !target.empty()) {
            // A deleted thread post no longer counts for its root.
            if (const auto root = thread_root_of_.find(target); root != thread_root_of_.end()) {
                touched.push_back(root->second);
            }
            touched.push_back(std::move(target));
        }
    }
    for (auto& item : fresh) refold(item);

    if (end == End::Front) {
        for (std::size_t i = 0; i < fresh.size(); ++i) diffs.push_back({TimelineDiff::Op::Insert, i});
        items_.insert(items_.begin(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        reindex();
    } else {
        for (auto& item : fresh) {
            // Our own post as sync brings it replaces its local echo.
            const std::size_t echo = echoIndex(item.transaction_id, item.event_id);
            if (echo != npos) {
                items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(echo));
                diffs.push_back({TimelineDiff::Op::Remove, echo});
            }
            const std::size_t at = firstTrailingEcho();
            items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(at), std::move(item));
            diffs.push_back({TimelineDiff::Op::Insert, at});
            if (echo != npos || at != items_.size() - 1) {
                reindex();
            } else {
                index_[items_[at].event_id] = at;
            }
        }
    }

    const bool care_state = std::any_of(fresh.begin(), fresh.end(), [](const TimelineItem& i) {
        return i.kind == TimelineItem::Kind::CareState;
    });
    std::set<std::size_t> updated;
    if (care_state) linkCareStates(diffs, batch_ids);
    for (const auto& target : touched) {
        const std::size_t at = indexOf(target);
        if (at == npos || !updated.insert(at).second) continue;
        refold(items_[at]);
        diffs.push_back({TimelineDiff::Op::Update, at});
    }
    return diffs;
}

void RoomTimeline::linkCareStates(std::vector<TimelineDiff>& diffs, const std::set<std::string>& fresh_ids) {
    std::unordered_map<std::string, const nlohmann::json*> previous;  // type + key -> content
    for (std::size_t i = 0; i < items_.size(); ++i) {
        TimelineItem& item = items_[i];
        if (item.kind != TimelineItem::Kind::CareState) continue;
        const auto content = care_contents_.find(item.event_id);
        if (content == care_contents_.end()) continue;
        const std::string key = item.state_type + '\x1f' + item.state_key;
        std::optional<std::vector<care::FieldChange>> changes;
        if (const auto before = previous.find(key); before != previous.end()) {
            changes = care::stateChanges(item.state_type, *before->second, content->second);
        }
        previous[key] = &content->second;
        if (changes == item.state_changes) continue;
        item.state_changes = std::move(changes);
        if (fresh_ids.count(item.event_id) == 0) diffs.push_back({TimelineDiff::Op::Update, i});
    }
}

std::vector<TimelineDiff> RoomTimeline::addLocalEcho(const std::string& txn_id, const std::string& event_type,
                                                     const std::string& sender, const nlohmann::json& content,
                                                     std::int64_t queued_ms, TimelineItem::SendState state) {
    if (txn_id.empty() || echoIndex(txn_id, {}) != npos || localRelationIndex(txn_id, {}) != npos) return {};
    if (auto relation = localRelationOf(txn_id, event_type, sender, content, queued_ms, state)) {
        const std::string target = relation->target;
        local_relations_.push_back(std::move(*relation));
        return refoldFor(target);
    }
    if (event_type != kRoomMessage) return {};
    TimelineItem item;
    item.local_echo = true;
    item.transaction_id = txn_id;
    item.sender = sender;
    item.origin_server_ts = queued_ms;
    item.send_state = state;
    const auto relation = matrix::content::parseRelation(content);
    item.in_reply_to = relation.in_reply_to;
    if (auto parsed = parseMessageContent(content)) {
        item.history.push_back(EditVersion{{}, sender, queued_ms, *parsed, care::recordView(content)});
        item.content = std::move(parsed);
        item.context = care::parsePostContext(content);
    } else {
        item.kind = TimelineItem::Kind::Unreadable;
    }
    items_.push_back(std::move(item));
    return {{TimelineDiff::Op::Insert, items_.size() - 1}};
}

std::vector<TimelineDiff> RoomTimeline::updateLocalEcho(const std::string& txn_id, TimelineItem::SendState state,
                                                        const std::string& event_id) {
    if (const std::size_t local = localRelationIndex(txn_id, {}); local != npos) {
        auto& relation = local_relations_[local];
        const std::string target = relation.target;
        if (!event_id.empty() && (relation_target_.count(event_id) != 0 || redaction_ids_.count(event_id) != 0)) {
            // Sync brought it first (without our transaction id): the echo is done.
            local_relations_.erase(local_relations_.begin() + static_cast<std::ptrdiff_t>(local));
        } else {
            relation.state = state;
            if (!event_id.empty()) relation.event_id = event_id;
        }
        return refoldFor(target);
    }
    const std::size_t at = echoIndex(txn_id, {});
    if (at == npos) return {};
    if (!event_id.empty() && index_.count(event_id) != 0) {
        // Sync brought the event first (without our transaction id): the echo is done.
        items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(at));
        reindex();
        return {{TimelineDiff::Op::Remove, at}};
    }
    items_[at].send_state = state;
    if (!event_id.empty()) items_[at].event_id = event_id;
    return {{TimelineDiff::Op::Update, at}};
}

std::vector<TimelineDiff> RoomTimeline::removeLocalEcho(const std::string& txn_id) {
    if (const std::size_t local = localRelationIndex(txn_id, {}); local != npos) {
        const std::string target = local_relations_[local].target;
        local_relations_.erase(local_relations_.begin() + static_cast<std::ptrdiff_t>(local));
        return refoldFor(target);
    }
    const std::size_t at = echoIndex(txn_id, {});
    if (at == npos) return {};
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(at));
    reindex();
    return {{TimelineDiff::Op::Remove, at}};
}

void RoomTimeline::reindex() {
    index_.clear();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (!items_[i].local_echo) index_[items_[i].event_id] = i;
    }
}

std::size_t RoomTimeline::echoIndex(const std::string& txn_id, const std::string& event_id) const {
    for (std::size_t i = firstTrailingEcho(); i < items_.size(); ++i) {
        const auto& echo = items_[i];
        if ((!txn_id.empty() && echo.transaction_id == txn_id) ||
            (!event_id.empty() && echo.event_id == event_id)) {
            return i;
        }
    }
    return npos;
}

std::size_t RoomTimeline::firstTrailingEcho() const {
    std::size_t at = items_.size();
    while (at > 0 && items_[at - 1].local_echo) --at;
    return at;
}

}  // namespace renkei::timeline
