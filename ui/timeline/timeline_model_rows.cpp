// TimelineModel: rows as the views see them (data, roles), the local echoes handed to the
// RoomTimeline, and the thumbnails of image posts (fetched lazily through the bridge, kept
// in memory only).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "care/care_text.h"
#include "matrix/content/relation.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

using Item = timeline::TimelineItem;
using matrix::content::MsgType;

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

Item::SendState coreState(SendState state) {
    switch (state) {
        case SendState::Sent: return Item::SendState::Sent;
        case SendState::Sending: return Item::SendState::Sending;
        case SendState::Failed: return Item::SendState::Failed;
        case SendState::Waiting: return Item::SendState::Queued;
    }
    return Item::SendState::Queued;
}

SendState uiState(Item::SendState state) {
    switch (state) {
        case Item::SendState::Sent: return SendState::Sent;
        case Item::SendState::Sending: return SendState::Sending;
        case Item::SendState::Failed: return SendState::Failed;
        case Item::SendState::Queued: return SendState::Waiting;
    }
    return SendState::Waiting;
}

/// True for an outbox post that changes another item instead of being one: an edit
/// (m.replace), a reaction, a deletion (RoomTimeline::addLocalEcho).
bool isCorrection(const PendingPost& p) {
    if (p.event_type != u"m.room.message") return true;
    return matrix::content::parseRelation(p.content).type == matrix::content::Relation::Type::Replace;
}

}  // namespace

// ---- Local echoes: the one place that hands the outbox to the RoomTimeline.

void TimelineModel::syncEchoes() {
    if (room_id_.isEmpty() || bridge_->session() == nullptr) return;
    const auto& items = timeline_.items();
    const QList<PendingPost> pending = bridge_->pendingPosts(room_id_);
    const auto inOutbox = [&](const QString& id) {
        return std::any_of(pending.begin(), pending.end(), [&](const PendingPost& p) { return p.local_id == id; });
    };
    // Echoes of posts no longer in the outbox (discarded, cleared at sign-out) go; a Sent one
    // stays until sync's event with its transaction id replaces it (no flicker). A correction
    // that left the outbox was either brought by sync (folded in already) or discarded.
    std::vector<std::string> gone;
    for (const auto& i : items) {
        if (!i.local_echo || i.send_state == Item::SendState::Sent) continue;
        if (!inOutbox(fromStd(i.transaction_id))) gone.push_back(i.transaction_id);
    }
    for (auto it = relation_echoes_.cbegin(); it != relation_echoes_.cend(); ++it) {
        // Sent: sync confirmed it in the vault, and its event settles the echo when the room's
        // change arrives (dropping it now would show the old text for a moment).
        if (!inOutbox(it.key()) && it.value().first != SendState::Sent) gone.push_back(it.key().toStdString());
    }
    // Sync stores a batch before the outbox forgets the posts in it, so a post that left the
    // outbox may already be in the cache while its confirmation is still on its way here:
    // read the cache first, and such an echo gives way to its synced post in place.
    if (!gone.empty() && !newest_event_id_.isEmpty() && !reading_for_echoes_) {
        reading_for_echoes_ = true;
        appendNewEvents();
        reading_for_echoes_ = false;
    }
    for (const auto& txn : gone) dropEcho(fromStd(txn));
    for (const auto& p : pending) {
        const std::string txn = p.local_id.toStdString();
        const std::string event_id = p.event_id.toStdString();
        const QString old_error = send_errors_.value(p.local_id);
        if (p.error_text.isEmpty()) {
            send_errors_.remove(p.local_id);
        } else {
            send_errors_.insert(p.local_id, p.error_text);
        }
        if (isCorrection(p)) {
            // An edit shows on its target, a reaction in its group, a deletion marks its target.
            const auto known = relation_echoes_.constFind(p.local_id);
            const QPair<SendState, QString> now{p.state, p.event_id};
            if (known == relation_echoes_.cend()) {
                apply(timeline_.addLocalEcho(txn, p.event_type.toStdString(), own_user_.toStdString(), p.content,
                                             p.created.toMSecsSinceEpoch(), coreState(p.state)));
                // Sent already: core drops the echo when sync brought its event meanwhile.
                if (!event_id.empty()) apply(timeline_.updateLocalEcho(txn, coreState(p.state), event_id));
            } else if (*known != now) {
                apply(timeline_.updateLocalEcho(txn, coreState(p.state), event_id));
            }
            relation_echoes_.insert(p.local_id, now);
            continue;
        }
        const auto echo = std::find_if(items.begin(), items.end(),
                                       [&](const Item& i) { return i.local_echo && i.transaction_id == txn; });
        if (echo != items.end()) {
            // Sent is final: an outbox read older than the server's answer must not undo it.
            if (echo->send_state == Item::SendState::Sent) continue;
            if (echo->send_state == coreState(p.state) && echo->event_id == event_id && old_error == p.error_text) continue;
            apply(timeline_.updateLocalEcho(txn, coreState(p.state), event_id));
            continue;
        }
        // Sync has brought the post already (with our transaction id or its event id).
        const bool synced = std::any_of(items.begin(), items.end(), [&](const Item& i) {
            return !i.local_echo && (i.transaction_id == txn || (!event_id.empty() && i.event_id == event_id));
        });
        if (synced) continue;
        // The content as it will be sent: a reply shows what it answers, a file its card.
        apply(timeline_.addLocalEcho(txn, "m.room.message", own_user_.toStdString(), p.content,
                                     p.created.toMSecsSinceEpoch(), coreState(p.state)));
    }
}

void TimelineModel::echoAnswered(const QString& local_id, const QString& event_id, const QString& error) {
    const std::string txn = local_id.toStdString();
    const auto& items = timeline_.items();
    const bool shown = std::any_of(items.begin(), items.end(),
                                   [&](const Item& i) { return i.local_echo && i.transaction_id == txn; });
    if (shown && error.isEmpty() && !event_id.isEmpty()) {
        send_errors_.remove(local_id);
        apply(timeline_.updateLocalEcho(txn, Item::SendState::Sent, event_id.toStdString()));
    } else if (relation_echoes_.contains(local_id) && error.isEmpty() && !event_id.isEmpty()) {
        // A correction the server took: it stays folded in until sync brings its event.
        relation_echoes_.insert(local_id, {SendState::Sent, event_id});
        apply(timeline_.updateLocalEcho(txn, Item::SendState::Sent, event_id.toStdString()));
    }
    syncEchoes();  // a refusal's state and text, and whatever else changed meanwhile
}

void TimelineModel::dropEcho(const QString& local_id) {
    send_errors_.remove(local_id);
    relation_echoes_.remove(local_id);
    apply(timeline_.removeLocalEcho(local_id.toStdString()));
}

// ---- Rows

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto i = static_cast<std::size_t>(index.row());
    const Item& it = timeline_.items()[i];
    const Row& r = rows_[i];
    const auto& content = it.content;
    const bool image = content && content->type == MsgType::Image;
    switch (role) {
        case Qt::DisplayRole:
        case BodyRole:
            if (it.kind == Item::Kind::CareState) return fromStd(it.state_body);
            return content ? fromStd(content->body) : QString();
        case Qt::AccessibleTextRole: return r.sender_name + QStringLiteral(": ") + (content ? fromStd(content->body) : QString());
        case EventIdRole: return fromStd(it.event_id);
        case SenderRole: return fromStd(it.sender);
        case SenderNameRole: return r.sender_name;
        case TimeRole: return QDateTime::fromMSecsSinceEpoch(it.origin_server_ts);
        case FormattedBodyRole: return r.formatted_body;
        case MsgTypeRole: return content ? fromStd(content->msgtype) : QString();
        case IsOwnRole: return !own_user_.isEmpty() && fromStd(it.sender) == own_user_;
        case SendStateRole: return QVariant::fromValue(uiState(it.send_state));
        case SendErrorRole: return r.send_error;
        case ReadByRole: return r.read_by;
        case ReadCountRole: return static_cast<int>(r.read_by.size());
        case DaySeparatorRole:
            return i == 0 || QDateTime::fromMSecsSinceEpoch(timeline_.items()[i - 1].origin_server_ts).date() !=
                                 QDateTime::fromMSecsSinceEpoch(it.origin_server_ts).date();
        case ImageUrlRole:
            return image && content->media && !content->media->encrypted ? fromStd(content->media->url) : QString();
        case LocalIdRole: return fromStd(it.transaction_id);
        case ImageSizeRole:
            if (image && content->info && content->info->width && content->info->height) {
                return QSize(*content->info->width, *content->info->height);
            }
            return QSize();
        case ThumbnailRole: return thumbnail(data(index, ImageUrlRole).toString());
        case ThumbnailFailedRole: {
            const QString url = data(index, ImageUrlRole).toString();
            return !url.isEmpty() && thumbs_failed_.contains(url);
        }
        case KindRole: return static_cast<int>(it.kind);
        case IsLocalEchoRole: return it.local_echo;
        case EditedRole: return it.edited();
        case RedactedByRole:
            return it.redaction && !it.redaction->redacted_by.empty() ? displayName(fromStd(it.redaction->redacted_by))
                                                                       : QString();
        case RedactedTimeRole:
            return it.redaction && it.redaction->origin_server_ts > 0
                       ? QDateTime::fromMSecsSinceEpoch(it.redaction->origin_server_ts)
                       : QDateTime();
        case RedactionReasonRole:
            return it.redaction && it.redaction->reason ? fromStd(*it.redaction->reason) : QString();
        case FileNameRole:
            return content && content->isAttachment() ? fromStd(content->displayFilename()) : QString();
        case FileMimeRole: return content && content->info ? fromStd(content->info->mimetype) : QString();
        case FileSizeRole:
            return content && content->info && content->info->size ? static_cast<qint64>(*content->info->size)
                                                                   : qint64{-1};
        case FileUrlRole:
            return content && content->isAttachment() && content->media && !content->media->encrypted
                       ? fromStd(content->media->url)
                       : QString();
        case ReactionsRole: return reactions(it);
        case ReplyToRole: return it.in_reply_to ? fromStd(*it.in_reply_to) : QString();
        case ThreadRootRole: return it.thread_root ? fromStd(*it.thread_root) : QString();
        case ThreadRepliesRole: return it.thread_replies;
        case SceneRole: return it.context.scene ? static_cast<int>(*it.context.scene) : -1;
        case UrgentRole: return it.kind == Item::Kind::Message && it.context.urgent;
        case SenderProfessionRole: return profession(fromStd(it.sender));
        case StateTypeRole: return fromStd(it.state_type);
        case StateChangesRole: return it.state_changes ? QVariant(careChangesText(*it.state_changes)) : QVariant();
        case RecordKindRole: return it.record() ? static_cast<int>(it.record()->kind) : -1;
        case RecordTitleRole: return it.record() ? fromStd(it.record()->title) : QString();
        case RecordLinesRole: {
            QStringList lines;
            if (it.record()) {
                for (const auto& line : it.record()->lines) lines << fromStd(line.label) + QLatin1Char('\t') + fromStd(line.value);
            }
            return lines;
        }
        case UnreadMarkerRole:
            return !it.event_id.empty() && fromStd(it.event_id) == glance_.first_unread_event_id;
        case ReplyQuoteRole: {
            if (!it.in_reply_to) return {};
            const ReplyQuote q = quoteOf(fromStd(*it.in_reply_to));
            static const char* const kStates[] = {"loaded", "loading", "missing"};
            return QVariantMap{{QStringLiteral("state"), QString::fromLatin1(kStates[static_cast<int>(q.state)])},
                               {QStringLiteral("eventId"), q.event_id},
                               {QStringLiteral("senderName"), q.sender_name},
                               {QStringLiteral("text"), q.text}};
        }
        default: return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert({{EventIdRole, "eventId"}, {SenderRole, "sender"}, {SenderNameRole, "senderName"},
                  {TimeRole, "time"}, {BodyRole, "body"}, {FormattedBodyRole, "formattedBody"},
                  {MsgTypeRole, "msgType"}, {IsOwnRole, "isOwn"}, {SendStateRole, "sendState"},
                  {SendErrorRole, "sendError"}, {ReadByRole, "readBy"},
                  {ReadCountRole, "readCount"}, {DaySeparatorRole, "daySeparator"},
                  {ImageUrlRole, "imageUrl"}, {LocalIdRole, "localId"},
                  {ImageSizeRole, "imageSize"}, {ThumbnailRole, "thumbnail"},
                  {ThumbnailFailedRole, "thumbnailFailed"}, {KindRole, "kind"},
                  {IsLocalEchoRole, "isLocalEcho"}, {EditedRole, "edited"},
                  {RedactedByRole, "redactedBy"}, {RedactedTimeRole, "redactedTime"},
                  {RedactionReasonRole, "redactionReason"}, {FileNameRole, "fileName"},
                  {FileMimeRole, "fileMime"}, {FileSizeRole, "fileSize"}, {FileUrlRole, "fileUrl"},
                  {ReactionsRole, "reactions"}, {ReplyToRole, "replyTo"}, {ReplyQuoteRole, "replyQuote"},
                  {ThreadRootRole, "threadRoot"}, {ThreadRepliesRole, "threadReplies"},
                  {UnreadMarkerRole, "unreadMarker"}, {UrgentRole, "urgent"}});
    return names;
}

QString TimelineModel::newestEventId() const {
    const auto& items = timeline_.items();
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        if (!it->local_echo) return fromStd(it->event_id);
    }
    return {};
}

int TimelineModel::rowOfEvent(const QString& event_id) const {
    if (event_id.isEmpty()) return -1;
    const std::string id = event_id.toStdString();
    const std::size_t at = timeline_.indexOf(id);
    if (at != timeline::RoomTimeline::npos) return static_cast<int>(at);
    const auto& items = timeline_.items();  // an echo the server has answered for
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].event_id == id) return static_cast<int>(i);
    }
    return -1;
}

QVariant TimelineModel::thumbnail(const QString& mxc) const {
    if (mxc.isEmpty()) return {};
    const auto loaded = thumbs_.constFind(mxc);
    if (loaded != thumbs_.constEnd()) return *loaded;
    if (!thumbs_requested_.contains(mxc)) {
        // First asked for (the row is being painted): fetch it now, not for the whole page.
        thumbs_requested_.insert(mxc);
        bridge_->requestThumbnail(mxc, QSize(kThumbnailEdge, kThumbnailEdge));
    }
    return {};
}

void TimelineModel::onThumbnail(const QString& mxc, const QImage& image, bool failed) {
    if (!thumbs_requested_.contains(mxc)) return;  // another model's, or another room's
    if (failed) {
        thumbs_failed_.insert(mxc);
    } else {
        thumbs_.insert(mxc, image);
    }
    for (int i = 0; i < rowCount(); ++i) {
        const QModelIndex changed = index(i);
        if (changed.data(ImageUrlRole).toString() != mxc) continue;
        emit dataChanged(changed, changed, {ThumbnailRole, ThumbnailFailedRole});
    }
}

}  // namespace renkei::ui
