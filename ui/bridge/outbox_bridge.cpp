#include "bridge/outbox_bridge.h"

#include <QSet>
#include <utility>

#include "bridge/account_bridge.h"
#include "bridge/connection_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "media/attachment_file.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

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
    p.is_image = post.content.is_object() && post.content.value("msgtype", "") == "m.image";
    p.has_file = post.has_media;
    p.event_type = fromStd(post.event_type);
    p.content = post.content.is_object() ? post.content : nlohmann::json::object();
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

const QList<PendingPost>& OutboxBridge::outboxPosts() const {
    if (!stale_) return outbox_;
    stale_ = false;
    QList<PendingPost> fresh;
    if (session::Session* s = bridge_.session()) {
        auto posts = s->outbox();
        if (!posts) return outbox_;  // keep what was shown; the next change reads again
        for (const auto& post : *posts) fresh.append(toPending(post));
    }
    outbox_ = std::move(fresh);
    return outbox_;
}

QStringList OutboxBridge::confirmedRooms(const std::vector<std::string>& txn_ids) const {
    QSet<QString> rooms;
    for (const auto& id : txn_ids) {
        const QString local_id = fromStd(id);
        for (const auto& p : std::as_const(outbox_)) {
            if (p.local_id == local_id) rooms.insert(p.room_id);
        }
    }
    // A post this GUI never listed (queued by another process): any room may show it.
    if (rooms.isEmpty()) return {};
    return QStringList(rooms.begin(), rooms.end());
}

QList<PendingPost> OutboxBridge::pendingPosts(const QString& room_id) const {
    QList<PendingPost> out;
    const bool waits = bridge_.connection().postsWait();
    for (const auto& post : outboxPosts()) {
        if (post.room_id != room_id) continue;
        out.append(post);
        if (waits && out.back().state == SendState::Sending) out.back().state = SendState::Waiting;
    }
    return out;
}

std::optional<PendingPost> OutboxBridge::pendingPost(const QString& local_id) const {
    for (const auto& post : outboxPosts()) {
        if (post.local_id != local_id) continue;
        PendingPost p = post;
        if (p.state == SendState::Sending && bridge_.connection().postsWait()) p.state = SendState::Waiting;
        return p;
    }
    return std::nullopt;
}

bool OutboxBridge::hasUnsent(const QString& room_id) const {
    for (const auto& post : outboxPosts()) {
        if (post.room_id == room_id && post.state != SendState::Sent) return true;
    }
    return false;
}

int OutboxBridge::queuedCount() const {
    int n = 0;
    for (const auto& post : outboxPosts()) n += post.state == SendState::Sending ? 1 : 0;
    return n;
}

int OutboxBridge::failedCount() const {
    int n = 0;
    for (const auto& post : outboxPosts()) n += post.state == SendState::Failed ? 1 : 0;
    return n;
}

bool OutboxBridge::usable(QString* error_text) const {
    if (bridge_.account().usable()) return true;
    if (error_text != nullptr) *error_text = CoreBridge::tr("サインインしていません。サインインしてください。");
    return false;
}

void OutboxBridge::afterQueued(const QString& room_id, const QString& local_id) {
    invalidate();
    emit bridge_.postQueued(room_id, local_id);
    emit bridge_.connectionChanged();
    bridge_.connection().wakeSendQueue();
}

QString OutboxBridge::queued(const QString& room_id, const Result<store::OutboxPost>& queued, QString* error_text) {
    if (!queued) {
        if (error_text != nullptr) *error_text = errorText(queued.error());
        return {};
    }
    const QString local_id = fromStd(queued->txn_id);
    afterQueued(room_id, local_id);
    return local_id;
}

QString OutboxBridge::sendText(const QString& room_id, const QString& text, QString* error_text,
                               const care::PostContext& context) {
    if (!usable(error_text)) return {};
    return queued(room_id, bridge_.session()->queueText(room_id.toStdString(), text.toStdString(), context),
                  error_text);
}

QString OutboxBridge::queueRecord(const QString& room_id, const nlohmann::json& content, QString* error_text,
                                  const care::PostContext& context, const QString& draft_kind) {
    if (!usable(error_text)) return {};
    return queued(room_id,
                  bridge_.session()->queueRecord(room_id.toStdString(), content, context, draft_kind.toStdString()),
                  error_text);
}

QString OutboxBridge::queueRecordEdit(const QString& room_id, const QString& target_event_id,
                                      const nlohmann::json& content, QString* error_text) {
    if (!usable(error_text)) return {};
    return queued(room_id,
                  bridge_.session()->queueRecordEdit(room_id.toStdString(), target_event_id.toStdString(), content),
                  error_text);
}

QString OutboxBridge::queueEdit(const QString& room_id, const QString& target_event_id, const QString& text,
                                QString* error_text) {
    if (!usable(error_text)) return {};
    return queued(room_id,
                  bridge_.session()->queueEdit(room_id.toStdString(), target_event_id.toStdString(), text.toStdString()),
                  error_text);
}

QString OutboxBridge::queueReply(const QString& room_id, const QString& in_reply_to, const QString& text,
                                 QString* error_text, const care::PostContext& context) {
    if (!usable(error_text)) return {};
    return queued(room_id,
                  bridge_.session()->queueReply(room_id.toStdString(), in_reply_to.toStdString(), text.toStdString(),
                                                context),
                  error_text);
}

QString OutboxBridge::queueRedaction(const QString& room_id, const QString& target_event_id, const QString& reason,
                                     QString* error_text) {
    if (!usable(error_text)) return {};
    return queued(room_id,
                  bridge_.session()->queueRedaction(room_id.toStdString(), target_event_id.toStdString(),
                                                    reason.trimmed().toStdString()),
                  error_text);
}

bool OutboxBridge::toggleReaction(const QString& room_id, const QString& target_event_id, const QString& key,
                                  QString* error_text) {
    if (!usable(error_text)) return false;
    session::Session* s = bridge_.session();
    const std::string room = room_id.toStdString();
    const std::string target = target_event_id.toStdString();
    const std::string k = key.toStdString();
    // Core knows whether we reacted with this key (cache and outbox): it refuses a second
    // reaction, and then ours is taken back instead.
    auto reaction = s->queueReaction(room, target, k);
    if (reaction) return !queued(room_id, reaction, error_text).isEmpty();
    if (reaction.error().kind != ErrorKind::InvalidArgument) {
        if (error_text != nullptr) *error_text = errorText(reaction.error());
        return false;
    }
    auto taken_back = s->removeReaction(room, target, k);
    if (!taken_back) {
        if (error_text != nullptr) *error_text = errorText(taken_back.error());
        return false;
    }
    if (taken_back->discarded_txn_id) {
        invalidate();
        emit bridge_.postDiscarded(room_id, fromStd(*taken_back->discarded_txn_id));
        emit bridge_.connectionChanged();
    }
    for (const auto& redaction : taken_back->redactions) afterQueued(room_id, fromStd(redaction.txn_id));
    return true;
}

bool OutboxBridge::retryPost(const QString& local_id) {
    const auto post = pendingPost(local_id);
    if (!bridge_.account().usable() || !post) return false;
    auto requeued = bridge_.session()->retryPost(local_id.toStdString());
    if (!requeued || !*requeued) return false;
    invalidate();
    emit bridge_.outboxChanged({post->room_id});
    emit bridge_.connectionChanged();
    bridge_.connection().wakeSendQueue();
    return true;
}

bool OutboxBridge::discardPost(const QString& local_id) {
    const auto post = pendingPost(local_id);
    if (!bridge_.account().usable() || !post) return false;
    auto discarded = bridge_.session()->discardPost(local_id.toStdString());
    if (!discarded || !*discarded) return false;
    invalidate();
    emit bridge_.postDiscarded(post->room_id, local_id);
    emit bridge_.connectionChanged();
    return true;
}

void OutboxBridge::sendFile(const QString& room_id, const QString& file_path) {
    QString refusal;
    if (!usable(&refusal)) {
        hop_.toGui([this, room_id, refusal] { emit bridge_.sendRefused(room_id, refusal); });
        return;
    }
    session::Session* s = bridge_.session();
    hop_.run(GuiHop::Lane::Files, [this, s, room_id, file_path] {
        AttachmentFile file;
        QString error;
        QString local_id;
        const auto limit = static_cast<qint64>(s->uploadLimit());
        if (AttachmentFile::read(file_path, limit, file, error)) {
            // A PNG, JPEG, GIF or WebP picture with its size becomes m.image, any other file
            // m.file, m.audio or m.video (Session::queueFile).
            store::OutboxMedia media{std::move(file.bytes), file.mime_type, file.file_name.toStdString(),
                                     file.size.isValid() ? file.size.width() : 0,
                                     file.size.isValid() ? file.size.height() : 0};
            auto queued = s->queueFile(room_id.toStdString(), std::move(media));
            if (queued) {
                local_id = fromStd(queued->txn_id);
            } else if (queued.error().kind == ErrorKind::TooLarge) {
                error = AttachmentFile::tooLargeText(static_cast<qint64>(s->uploadLimit()));
            } else {
                error = errorText(queued.error());
            }
        }
        hop_.toGui([this, room_id, local_id, error] {
            if (local_id.isEmpty()) {
                emit bridge_.sendRefused(room_id, error);
            } else {
                afterQueued(room_id, local_id);
            }
        });
    });
}

void OutboxBridge::forgetAll() {
    invalidate();
    emit bridge_.outboxChanged({});
    emit bridge_.connectionChanged();
}

void OutboxBridge::clear() {
    outbox_.clear();
    invalidate();
}

bool OutboxBridge::saveDraft(const QString& room_id, const QString& text, QString* error_text) {
    if (!bridge_.account().usable() || room_id.isEmpty()) return false;
    auto saved = bridge_.session()->saveDraft(room_id.toStdString(), text.toStdString());
    if (!saved && error_text != nullptr) *error_text = errorText(saved.error());
    return saved.ok();
}

bool OutboxBridge::saveRecordDraft(const QString& room_id, const QString& kind, const nlohmann::json& record,
                                   QString* error_text) {
    if (!bridge_.account().usable() || room_id.isEmpty()) return false;
    auto saved = bridge_.session()->saveRecordDraft(room_id.toStdString(), kind.toStdString(), record);
    if (!saved && error_text != nullptr) *error_text = errorText(saved.error());
    return saved.ok();
}

nlohmann::json OutboxBridge::recordDraft(const QString& room_id, const QString& kind) const {
    if (!bridge_.session() || room_id.isEmpty()) return nullptr;
    auto saved = bridge_.session()->recordDraft(room_id.toStdString(), kind.toStdString());
    return saved && *saved ? (*saved)->record : nlohmann::json();
}

QList<care::RecordKind> OutboxBridge::recordDraftKinds(const QString& room_id) const {
    QList<care::RecordKind> out;
    if (!bridge_.session() || room_id.isEmpty()) return out;
    auto drafts = bridge_.session()->recordDrafts(room_id.toStdString());
    if (!drafts) return out;
    for (const auto& d : *drafts) {
        if (auto kind = care::recordKindFromWire(d.kind)) out.append(*kind);
    }
    return out;
}

QString OutboxBridge::draft(const QString& room_id) const {
    if (!bridge_.session() || room_id.isEmpty()) return {};
    auto saved = bridge_.session()->draft(room_id.toStdString());
    return saved && *saved ? fromStd(**saved) : QString();
}

}  // namespace renkei::ui
