// CoreBridge's local echoes (PendingPost): bookkeeping on the GUI thread only. The thread
// hops stay in core_bridge.cpp.
#include <QSet>

#include "core_bridge.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

constexpr int kEchoMemory = 500;  // synced echoes remembered for localIdForEvent()
constexpr int kReconcileWindow = 100;  // newest cached events searched for a sent echo

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

void CoreBridge::reconcileEchoes(const QString& room_id) {
    if (!session_) return;
    bool any_sent = false;
    for (const auto& post : pending_) {
        any_sent = any_sent || (post.room_id == room_id && post.state == SendState::Sent);
    }
    if (!any_sent) return;
    auto events = session_->timeline(room_id.toStdString(), kReconcileWindow, std::nullopt);
    if (!events) return;
    QSet<QString> cached;
    for (const auto& e : *events) cached.insert(fromStd(e.event_id));
    for (auto it = pending_.begin(); it != pending_.end();) {
        if (it->room_id == room_id && it->state == SendState::Sent && cached.contains(it->event_id)) {
            rememberEcho(it->event_id, it->local_id);
            it = pending_.erase(it);
        } else {
            ++it;
        }
    }
}

void CoreBridge::rememberEcho(const QString& event_id, const QString& local_id) {
    echo_of_event_.insert(event_id, local_id);
    echo_order_.append(event_id);
    while (echo_order_.size() > kEchoMemory) echo_of_event_.remove(echo_order_.takeFirst());
}

QList<PendingPost> CoreBridge::pendingPosts(const QString& room_id) const {
    QList<PendingPost> out;
    for (const auto& post : pending_) {
        if (post.room_id == room_id) out.append(post);
    }
    return out;
}

std::optional<PendingPost> CoreBridge::pendingPost(const QString& local_id) const {
    for (const auto& post : pending_) {
        if (post.local_id == local_id) return post;
    }
    return std::nullopt;
}

bool CoreBridge::hasUnsent(const QString& room_id) const {
    for (const auto& post : pending_) {
        if (post.room_id == room_id && post.state != SendState::Sent) return true;
    }
    return false;
}

QString CoreBridge::localIdForEvent(const QString& event_id) const {
    return echo_of_event_.value(event_id);
}

void CoreBridge::discardPost(const QString& local_id) {
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
        if (it->local_id != local_id || it->state != SendState::Failed) continue;
        const QString room_id = it->room_id;
        pending_.erase(it);
        emit postDiscarded(room_id, local_id);
        return;
    }
}

}  // namespace renkei::ui
