#include "bridge/core_bridge.h"

#include <QStandardPaths>
#include <utility>

#include "bridge/account_bridge.h"
#include "bridge/connection_bridge.h"
#include "bridge/gui_hop.h"
#include "bridge/history_bridge.h"
#include "bridge/media_bridge.h"
#include "bridge/outbox_bridge.h"
#include "bridge/rooms_bridge.h"
#include "http/transport.h"
#include "session/session.h"

namespace renkei::ui {

using Lane = GuiHop::Lane;

CoreBridge::CoreBridge(QString data_root, QObject* parent)
    : QObject(parent), hop_(std::make_unique<GuiHop>()) {
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SendState>();
    account_ = std::make_unique<AccountBridge>(*this, *hop_, std::move(data_root));
    connection_ = std::make_unique<ConnectionBridge>(*this, *hop_);
    outbox_ = std::make_unique<OutboxBridge>(*this, *hop_);
    rooms_ = std::make_unique<RoomsBridge>(*this, *hop_);
    media_ = std::make_unique<MediaBridge>(*this, *hop_);
    history_ = std::make_unique<HistoryBridge>(*this, *hop_);
}

CoreBridge::~CoreBridge() {
    media_->cancel();  // quitting never waits for a slow download (up to 5 min each)
    connection_->stopEngines();
    for (Lane lane : {Lane::Ordered, Lane::Files, Lane::Work, Lane::Media, Lane::Closer}) hop_->waitForDone(lane);
    connection_->dropEngines();
    account_->dropSession();
}

QString CoreBridge::defaultDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// ---- The facade: each call goes to its part.

QString CoreBridge::dataRoot() const { return account_->dataRoot(); }
void CoreBridge::setTransport(std::shared_ptr<http::Transport> transport) {
    account_->setTransport(std::move(transport));
}
void CoreBridge::setNewKeyFileLimits(store::KdfLimits limits) { account_->setNewKeyFileLimits(limits); }
QList<LocalAccountInfo> CoreBridge::accounts() const { return account_->accounts(); }
void CoreBridge::selectAccount(const QString& account_id) { account_->selectAccount(account_id); }
QString CoreBridge::selectedAccount() const { return account_->selectedAccount(); }
std::optional<LocalAccountInfo> CoreBridge::selectedAccountInfo() const { return account_->selectedAccountInfo(); }
bool CoreBridge::hasLocalData() const { return account_->hasLocalData(); }
bool CoreBridge::isOpen() const { return account_->isOpen(); }
bool CoreBridge::isSignedIn() const { return account_->isSignedIn(); }
QString CoreBridge::userId() const { return account_->userId(); }
session::Session* CoreBridge::session() const { return account_->session(); }
void CoreBridge::unlock(const QString& passphrase) { account_->unlock(passphrase); }
void CoreBridge::checkPassphrase(const QString& passphrase) { account_->checkPassphrase(passphrase); }
void CoreBridge::changePassphrase(const QString& current, const QString& replacement) {
    account_->changePassphrase(current, replacement);
}
void CoreBridge::signIn(const QString& homeserver, const QString& user, const QString& password) {
    account_->signIn(homeserver, user, password);
}
void CoreBridge::reauthenticate(const QString& password) { account_->reauthenticate(password); }
bool CoreBridge::signOut(bool discard_unsent, QString* error_text, bool remove_local_copy) {
    return account_->signOut(discard_unsent, error_text, remove_local_copy);
}

SyncStatus CoreBridge::syncStatus() const { return connection_->syncStatus(); }
QDateTime CoreBridge::lastSync() const { return connection_->lastSync(); }
bool CoreBridge::isOffline() const { return connection_->isOffline(); }
bool CoreBridge::needsSignIn() const { return connection_->needsSignIn(); }
void CoreBridge::startSync() {
    if (session::Session* s = session(); s != nullptr && account_->usable()) {
        // The server's upload limit, for attaching files (once per session; on an error the
        // default limit stays and the next start asks again).
        hop_->run(Lane::Work, [s] { (void)s->mediaConfig(); });
    }
    connection_->startSync();
}
void CoreBridge::stopSync() { connection_->stopSync(); }

QString CoreBridge::sendText(const QString& room_id, const QString& text, QString* error_text,
                             const care::PostContext& context) {
    return outbox_->sendText(room_id, text, error_text, context);
}
QString CoreBridge::queueRecord(const QString& room_id, const nlohmann::json& content, QString* error_text,
                                const care::PostContext& context, const QString& draft_kind) {
    return outbox_->queueRecord(room_id, content, error_text, context, draft_kind);
}
QString CoreBridge::queueRecordEdit(const QString& room_id, const QString& target_event_id,
                                    const nlohmann::json& content, QString* error_text) {
    return outbox_->queueRecordEdit(room_id, target_event_id, content, error_text);
}
bool CoreBridge::saveRecordDraft(const QString& room_id, const QString& kind, const nlohmann::json& record,
                                 QString* error_text) {
    return outbox_->saveRecordDraft(room_id, kind, record, error_text);
}
nlohmann::json CoreBridge::recordDraft(const QString& room_id, const QString& kind) const {
    return outbox_->recordDraft(room_id, kind);
}
QList<care::RecordKind> CoreBridge::recordDraftKinds(const QString& room_id) const {
    return outbox_->recordDraftKinds(room_id);
}
void CoreBridge::sendFile(const QString& room_id, const QString& file_path) { outbox_->sendFile(room_id, file_path); }
QString CoreBridge::queueEdit(const QString& room_id, const QString& target_event_id, const QString& text,
                              QString* error_text) {
    return outbox_->queueEdit(room_id, target_event_id, text, error_text);
}
QString CoreBridge::queueReply(const QString& room_id, const QString& in_reply_to, const QString& text,
                               QString* error_text, const care::PostContext& context) {
    return outbox_->queueReply(room_id, in_reply_to, text, error_text, context);
}
QString CoreBridge::queueRedaction(const QString& room_id, const QString& target_event_id, const QString& reason,
                                   QString* error_text) {
    return outbox_->queueRedaction(room_id, target_event_id, reason, error_text);
}
bool CoreBridge::toggleReaction(const QString& room_id, const QString& target_event_id, const QString& key,
                                QString* error_text) {
    return outbox_->toggleReaction(room_id, target_event_id, key, error_text);
}
QList<PendingPost> CoreBridge::pendingPosts(const QString& room_id) const { return outbox_->pendingPosts(room_id); }
std::optional<PendingPost> CoreBridge::pendingPost(const QString& local_id) const {
    return outbox_->pendingPost(local_id);
}
bool CoreBridge::hasUnsent(const QString& room_id) const { return outbox_->hasUnsent(room_id); }
int CoreBridge::queuedCount() const { return outbox_->queuedCount(); }
int CoreBridge::failedCount() const { return outbox_->failedCount(); }
bool CoreBridge::retryPost(const QString& local_id) { return outbox_->retryPost(local_id); }
bool CoreBridge::discardPost(const QString& local_id) { return outbox_->discardPost(local_id); }
bool CoreBridge::saveDraft(const QString& room_id, const QString& text, QString* error_text) {
    return outbox_->saveDraft(room_id, text, error_text);
}
QString CoreBridge::draft(const QString& room_id) const { return outbox_->draft(room_id); }

void CoreBridge::fillGap(const QString& room_id, const QString& before_event_id) {
    rooms_->fillGap(room_id, before_event_id);
}
void CoreBridge::joinRoom(const QString& room_id) { rooms_->joinRoom(room_id); }
void CoreBridge::leaveRoom(const QString& room_id) { rooms_->leaveRoom(room_id); }
void CoreBridge::recordAccess(store::AccessKind kind, const QString& room_id, const QString& detail) {
    account_->recordAccess(kind, room_id, detail);
}
void CoreBridge::markRead(const QString& room_id, const QString& event_id) { rooms_->markRead(room_id, event_id); }
void CoreBridge::requestEvent(const QString& room_id, const QString& event_id) {
    rooms_->requestEvent(room_id, event_id);
}
std::optional<QuotedEvent> CoreBridge::fetchedEvent(const QString& room_id, const QString& event_id) const {
    return rooms_->fetchedEvent(room_id, event_id);
}

void CoreBridge::requestThumbnail(const QString& mxc, const QSize& size) { media_->requestThumbnail(mxc, size); }
QImage CoreBridge::cachedThumbnail(const QString& mxc) const { return media_->cachedThumbnail(mxc); }
void CoreBridge::requestImage(const QString& mxc) { media_->requestImage(mxc); }
void CoreBridge::requestPrintPicture(const QString& mxc) { media_->requestPrintPicture(mxc); }
void CoreBridge::requestFile(const QString& mxc, qint64 declared_size) {
    media_->requestFile(mxc, declared_size);
}
void CoreBridge::cancelFile(const QString& mxc) { media_->cancelFile(mxc); }

void CoreBridge::setHistoryHorizonDays(int days) { history_->setHorizonDays(days); }
HistoryState CoreBridge::historyState() const { return history_->state(); }
int CoreBridge::historyRoomsDone() const { return history_->roomsDone(); }
int CoreBridge::historyRoomsTotal() const { return history_->roomsTotal(); }
bool CoreBridge::historyComplete(const QString& room_id) const { return history_->complete(room_id); }

}  // namespace renkei::ui
