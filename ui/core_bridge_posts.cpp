// CoreBridge's outbox and drafts as the GUI sees them: bookkeeping on the GUI thread only
// (the thread hops stay in core_bridge.cpp). The outbox lives in the vault; the bridge keeps
// a copy that is re-read only after something changed, so painting never queries the DB.
#include <QSet>
#include <utility>

#include "core_bridge.h"
#include "error_text.h"
#include "session/send_queue.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

constexpr int kEchoMemory = 500;  // synced echoes remembered for localIdForEvent()

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

QString bodyOf(const nlohmann::json& content) {
    if (!content.is_object()) return {};
    const auto body = content.find("body");
    return body != content.end() && body->is_string() ? fromStd(body->get<std::string>()) : QString();
}

PendingPost toPending(const store::OutboxPost& post) {
    PendingPost p;
    p.local_id = fromStd(post.txn_id);
    p.room_id = fromStd(post.room_id);
    p.text = bodyOf(post.content);
    p.is_image = post.has_media || (post.content.is_object() && post.content.value("msgtype", "") == "m.image");
    p.event_id = fromStd(post.event_id.value_or(std::string()));
    p.created = QDateTime::fromMSecsSinceEpoch(post.created_ms);
    switch (post.state) {
        case store::OutboxState::Queued: p.state = SendState::Sending; break;
        case store::OutboxState::Sent: p.state = SendState::Sent; break;
        case store::OutboxState::Failed:
            p.state = SendState::Failed;
            if (post.last_error) p.error_text = errorText(*post.last_error);
            break;
    }
    return p;
}

}  // namespace

const QList<PendingPost>& CoreBridge::outboxPosts() const {
    if (!outbox_stale_) return outbox_;
    outbox_stale_ = false;
    QList<PendingPost> fresh;
    if (session_) {
        auto posts = session_->outbox();
        if (!posts) return outbox_;  // keep what was shown; the next change reads again
        for (const auto& post : *posts) fresh.append(toPending(post));
    }
    // A post that vanished without the GUI removing it was confirmed by a sync whose
    // notification has not been handled yet: keep showing it (sent) until it is.
    QSet<QString> present;
    for (const auto& p : fresh) present.insert(p.local_id);
    for (const auto& old : std::as_const(outbox_)) {
        if (present.contains(old.local_id) || !in_vault_.contains(old.local_id)) continue;
        PendingPost gone = old;
        gone.state = SendState::Sent;
        gone.error_text.clear();
        lingering_.append(gone);
    }
    in_vault_ = present;
    for (auto& l : lingering_) {
        if (present.contains(l.local_id)) continue;
        // It may have vanished before the send's answer reached the GUI: that answer named
        // its event id (rememberEcho), which the stale copy lacks.
        if (l.event_id.isEmpty()) l.event_id = echo_of_event_.key(l.local_id);
        fresh.append(l);
    }
    outbox_ = std::move(fresh);
    return outbox_;
}

void CoreBridge::forgetPost(const QString& local_id) {
    in_vault_.remove(local_id);
    lingering_.removeIf([&](const PendingPost& p) { return p.local_id == local_id; });
    invalidateOutbox();
}

QStringList CoreBridge::confirmPosts(const std::vector<std::string>& txn_ids) {
    QSet<QString> rooms;
    for (const auto& id : txn_ids) {
        const QString local_id = fromStd(id);
        for (const auto& p : std::as_const(outbox_)) {
            if (p.local_id == local_id) rooms.insert(p.room_id);
        }
        forgetPost(local_id);
    }
    // A post this GUI never listed (queued by another process): any room may show it.
    if (rooms.isEmpty()) return {};
    return QStringList(rooms.begin(), rooms.end());
}

bool CoreBridge::postsWait() const {
    return !queue_active_ || queue_waiting_ || needs_sign_in_ || isOffline();
}

void CoreBridge::updateFlags(const std::function<void()>& change) {
    const bool waited = postsWait();
    const bool offline = isOffline();
    const bool sign_in = needs_sign_in_;
    change();
    const bool waits = postsWait();
    if (waits != waited && queuedCount() > 0) emit outboxChanged({});
    if (waits != waited || offline != isOffline() || sign_in != needs_sign_in_) emit connectionChanged();
}

QList<PendingPost> CoreBridge::pendingPosts(const QString& room_id) const {
    QList<PendingPost> out;
    const bool waits = postsWait();
    for (const auto& post : outboxPosts()) {
        if (post.room_id != room_id) continue;
        out.append(post);
        if (waits && out.back().state == SendState::Sending) out.back().state = SendState::Waiting;
    }
    return out;
}

std::optional<PendingPost> CoreBridge::pendingPost(const QString& local_id) const {
    for (const auto& post : outboxPosts()) {
        if (post.local_id != local_id) continue;
        PendingPost p = post;
        if (p.state == SendState::Sending && postsWait()) p.state = SendState::Waiting;
        return p;
    }
    return std::nullopt;
}

bool CoreBridge::hasUnsent(const QString& room_id) const {
    for (const auto& post : outboxPosts()) {
        if (post.room_id == room_id && post.state != SendState::Sent) return true;
    }
    return false;
}

int CoreBridge::queuedCount() const {
    int n = 0;
    for (const auto& post : outboxPosts()) n += post.state == SendState::Sending ? 1 : 0;
    return n;
}

int CoreBridge::failedCount() const {
    int n = 0;
    for (const auto& post : outboxPosts()) n += post.state == SendState::Failed ? 1 : 0;
    return n;
}

void CoreBridge::rememberEcho(const QString& event_id, const QString& local_id) {
    if (echo_of_event_.contains(event_id)) return;
    echo_of_event_.insert(event_id, local_id);
    echo_order_.append(event_id);
    while (echo_order_.size() > kEchoMemory) echo_of_event_.remove(echo_order_.takeFirst());
}

QString CoreBridge::localIdForEvent(const QString& event_id) const {
    return echo_of_event_.value(event_id);
}

QString CoreBridge::sendText(const QString& room_id, const QString& text, QString* error_text) {
    if (!usable()) {
        if (error_text != nullptr) *error_text = tr("サインインしていません。サインインしてください。");
        return {};
    }
    auto queued = session_->queueText(room_id.toStdString(), text.toStdString());
    if (!queued) {
        if (error_text != nullptr) *error_text = errorText(queued.error());
        return {};
    }
    const QString local_id = fromStd(queued->txn_id);
    invalidateOutbox();
    emit postQueued(room_id, local_id);
    emit connectionChanged();
    wakeSendQueue();
    return local_id;
}

void CoreBridge::afterImageQueued(const QString& room_id, const QString& local_id) {
    invalidateOutbox();
    emit postQueued(room_id, local_id);
    emit connectionChanged();
    wakeSendQueue();
}

bool CoreBridge::retryPost(const QString& local_id) {
    const auto post = pendingPost(local_id);
    if (!usable() || !post) return false;
    auto requeued = session_->retryPost(local_id.toStdString());
    if (!requeued || !*requeued) return false;
    invalidateOutbox();
    emit outboxChanged({post->room_id});
    emit connectionChanged();
    wakeSendQueue();
    return true;
}

bool CoreBridge::discardPost(const QString& local_id) {
    const auto post = pendingPost(local_id);
    if (!usable() || !post) return false;
    auto discarded = session_->discardPost(local_id.toStdString());
    if (!discarded || !*discarded) return false;
    forgetPost(local_id);
    emit postDiscarded(post->room_id, local_id);
    emit connectionChanged();
    return true;
}

bool CoreBridge::saveDraft(const QString& room_id, const QString& text, QString* error_text) {
    if (!usable() || room_id.isEmpty()) return false;
    auto saved = session_->saveDraft(room_id.toStdString(), text.toStdString());
    if (!saved && error_text != nullptr) *error_text = errorText(saved.error());
    return saved.ok();
}

QString CoreBridge::draft(const QString& room_id) const {
    if (!session_ || room_id.isEmpty()) return {};
    auto saved = session_->draft(room_id.toStdString());
    return saved && *saved ? fromStd(**saved) : QString();
}

}  // namespace renkei::ui
