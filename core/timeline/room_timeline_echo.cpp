// RoomTimeline: the local echoes of our corrections (edits, reactions, redactions) while they
// wait in the outbox. They are kept apart from the server's relations and folded in last, so
// that taking one out (sync brought its event, or the outbox discarded it) is one refold.
#include <algorithm>

#include "matrix/content/relation.h"
#include "matrix/event_types.h"
#include "timeline/room_timeline.h"

namespace renkei::timeline {
namespace {

using matrix::content::parseMessageContent;
using matrix::content::Relation;

using matrix::kReaction;
using matrix::kRedaction;
using matrix::kRoomMessage;

}  // namespace

std::optional<RoomTimeline::LocalRelation> RoomTimeline::localRelationOf(
    const std::string& txn_id, const std::string& type, const std::string& sender,
    const nlohmann::json& content, std::int64_t queued_ms, TimelineItem::SendState state) const {
    std::string target;
    if (type == kRedaction) {
        const auto redacts = content.is_object() ? content.find("redacts") : content.end();
        if (redacts == content.end() || !redacts->is_string() || redacts->get_ref<const std::string&>().empty()) {
            return std::nullopt;
        }
        target = redacts->get<std::string>();
    } else {
        const Relation relation = matrix::content::parseRelation(content);
        const bool edit = type == kRoomMessage && relation.type == Relation::Type::Replace;
        const bool reaction = type == kReaction && relation.type == Relation::Type::Annotation;
        if (!edit && !reaction) return std::nullopt;
        target = relation.event_id;
    }
    return LocalRelation{txn_id, {}, type, sender, std::move(target), content, queued_ms, state};
}

std::size_t RoomTimeline::localRelationIndex(const std::string& txn_id, const std::string& event_id) const {
    for (std::size_t i = 0; i < local_relations_.size(); ++i) {
        const auto& local = local_relations_[i];
        if ((!txn_id.empty() && local.txn_id == txn_id) || (!event_id.empty() && local.event_id == event_id)) {
            return i;
        }
    }
    return npos;
}

std::string RoomTimeline::itemIdFor(const std::string& id) const {
    if (index_.count(id) != 0) return id;
    if (const auto relation = relation_target_.find(id); relation != relation_target_.end()) return relation->second;
    // One of our own reactions or edits, sent but not synced yet.
    if (const std::size_t local = localRelationIndex({}, id); local != npos) return local_relations_[local].target;
    return id;
}

bool RoomTimeline::beingRedacted(const std::string& event_id) const {
    if (event_id.empty()) return false;
    return std::any_of(local_relations_.begin(), local_relations_.end(), [&](const LocalRelation& local) {
        return local.type == kRedaction && local.target == event_id && local.state != TimelineItem::SendState::Failed;
    });
}

void RoomTimeline::foldLocal(TimelineItem& item) const {
    if (item.kind != TimelineItem::Kind::Message || item.history.empty()) return;
    for (const auto& local : local_relations_) {
        if (local.target != item.event_id) continue;
        if (local.type == kRedaction) {
            item.local_redaction = local.state;
        } else if (local.type == kRoomMessage) {
            // Spec "Event replacements": only the sender's own edits apply.
            if (local.sender != item.sender || beingRedacted(local.event_id)) continue;
            auto replacement = matrix::content::newContentOf(local.content);
            auto content = replacement ? parseMessageContent(*replacement) : std::nullopt;
            if (!content) continue;
            item.history.push_back(EditVersion{local.event_id, local.sender, local.queued_ms, *content,
                                               care::recordView(*replacement)});
            item.content = std::move(content);
            item.local_edit = local.state;
        } else if (local.type == kReaction && !beingRedacted(local.event_id)) {
            const std::string key = matrix::content::parseRelation(local.content).key;
            auto group = std::find_if(item.reactions.begin(), item.reactions.end(),
                                      [&](const ReactionGroup& g) { return g.key == key; });
            if (group == item.reactions.end()) group = item.reactions.insert(item.reactions.end(), ReactionGroup{key, {}, {}});
            if (std::find(group->senders.begin(), group->senders.end(), local.sender) != group->senders.end()) continue;
            group->senders.push_back(local.sender);
            group->local = local.state;
        }
    }
}

std::vector<TimelineDiff> RoomTimeline::refoldFor(const std::string& id) {
    const std::size_t at = indexOf(itemIdFor(id));
    if (at == npos) return {};
    refold(items_[at]);
    return {{TimelineDiff::Op::Update, at}};
}

std::string RoomTimeline::settleLocalRelation(const matrix::RoomEvent& event) {
    const std::size_t local = localRelationIndex(event.transaction_id.value_or(""), event.event_id);
    if (local == npos) return {};
    const std::string item = itemIdFor(local_relations_[local].target);
    local_relations_.erase(local_relations_.begin() + static_cast<std::ptrdiff_t>(local));
    return item;
}

}  // namespace renkei::timeline
