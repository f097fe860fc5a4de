// Renkei desktop: the outbox part of CoreBridge: posts queued in the vault's outbox as the
// GUI shows them (local echoes), queuing text, files and corrections (edits, replies,
// reactions, deletions), retry and discard, and drafts.
// The outbox lives in the vault; this part keeps a copy that is re-read only after
// something changed, so painting never queries the DB. GUI thread only.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/bridge_types.h"
#include "care/care_record.h"
#include "care/care_types.h"
#include "common/result.h"
#include "store/outbox.h"

namespace renkei::ui {

class CoreBridge;
class GuiHop;

class OutboxBridge {
public:
    OutboxBridge(CoreBridge& bridge, GuiHop& hop) : bridge_(bridge), hop_(hop) {}

    // See the CoreBridge functions of the same names.
    QString sendText(const QString& room_id, const QString& text, QString* error_text,
                     const care::PostContext& context = {});
    QString queueRecord(const QString& room_id, const nlohmann::json& content, QString* error_text,
                        const care::PostContext& context = {}, const QString& draft_kind = {});
    QString queueRecordEdit(const QString& room_id, const QString& target_event_id,
                            const nlohmann::json& content, QString* error_text);
    bool saveRecordDraft(const QString& room_id, const QString& kind, const nlohmann::json& record,
                         QString* error_text);
    nlohmann::json recordDraft(const QString& room_id, const QString& kind) const;
    QList<care::RecordKind> recordDraftKinds(const QString& room_id) const;
    void sendFile(const QString& room_id, const QString& file_path);
    QString queueEdit(const QString& room_id, const QString& target_event_id, const QString& text,
                      QString* error_text);
    QString queueReply(const QString& room_id, const QString& in_reply_to, const QString& text,
                       QString* error_text, const care::PostContext& context = {});
    QString queueRedaction(const QString& room_id, const QString& target_event_id, const QString& reason,
                           QString* error_text);
    bool toggleReaction(const QString& room_id, const QString& target_event_id, const QString& key,
                        QString* error_text);
    QList<PendingPost> pendingPosts(const QString& room_id) const;
    std::optional<PendingPost> pendingPost(const QString& local_id) const;
    bool hasUnsent(const QString& room_id) const;
    int queuedCount() const;
    int failedCount() const;
    bool retryPost(const QString& local_id);
    bool discardPost(const QString& local_id);
    bool saveDraft(const QString& room_id, const QString& text, QString* error_text);
    QString draft(const QString& room_id) const;

    /// The vault's outbox changed: the next read loads it again.
    void invalidate() { stale_ = true; }
    /// A sync round confirmed these posts (they left the vault): the rooms they were in, as
    /// far as the cached copy knew them (empty: any room).
    QStringList confirmedRooms(const std::vector<std::string>& txn_ids) const;
    /// The outbox was emptied (sign-out, the user agreed). Emits outboxChanged.
    void forgetAll();
    /// Forgets everything (the session closed).
    void clear();

private:
    /// Emits what a queued post emits (postQueued, connectionChanged) and wakes the queue.
    void afterQueued(const QString& room_id, const QString& local_id);
    /// The local id of `queued` after afterQueued, or empty with `error_text` set.
    QString queued(const QString& room_id, const Result<store::OutboxPost>& queued, QString* error_text);
    /// False (with `error_text`) when no account is signed in.
    bool usable(QString* error_text) const;
    /// The raw cached outbox (Queued posts as Sending), loaded from the vault when stale.
    const QList<PendingPost>& outboxPosts() const;

    CoreBridge& bridge_;
    GuiHop& hop_;
    mutable QList<PendingPost> outbox_;  ///< cache of Session::outbox()
    mutable bool stale_ = true;
};

}  // namespace renkei::ui
