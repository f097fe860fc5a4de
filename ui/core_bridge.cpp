#include "core_bridge.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QStandardPaths>
#include <QUuid>
#include <chrono>
#include <filesystem>
#include <utility>

#include "error_text.h"
#include "image_file.h"
#include "session/session.h"
#include "session/sync_engine.h"
#include "store/keys.h"

namespace renkei::ui {
namespace {

constexpr auto kLongPoll = std::chrono::seconds(30);
constexpr qint64 kThumbnailCacheKiB = 64 * 1024;  // decoded thumbnails kept in memory

std::filesystem::path toPath(const QString& s) { return std::filesystem::path(s.toStdString()); }
QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

// The one thread hop of the desktop app: runs `function` on the GUI thread (this object's
// thread) in a later event-loop turn. Dropped if the bridge is destroyed first.
template <class F>
void CoreBridge::toGui(F&& function) {
    QMetaObject::invokeMethod(this, std::forward<F>(function), Qt::QueuedConnection);
}

CoreBridge::CoreBridge(QString data_dir, QObject* parent)
    : QObject(parent), data_dir_(std::move(data_dir)) {
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SendState>();
    workers_.setMaxThreadCount(2);
    ordered_.setMaxThreadCount(1);
    media_.setMaxThreadCount(2);
    thumbnails_.setMaxCost(kThumbnailCacheKiB);
}

CoreBridge::~CoreBridge() {
    if (sync_) sync_->stop();
    ordered_.waitForDone();
    workers_.waitForDone();
    media_.waitForDone();
    sync_.reset();
    session_.reset();
}

QString CoreBridge::defaultDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool CoreBridge::hasLocalData() const {
    return QFileInfo::exists(data_dir_ + QStringLiteral("/keys.json"));
}

bool CoreBridge::isOpen() const { return session_ != nullptr; }
bool CoreBridge::isSignedIn() const { return session_ && session_->loggedIn(); }
QString CoreBridge::userId() const { return session_ ? fromStd(session_->userId()) : QString(); }

void CoreBridge::unlock(const QString& passphrase) {
    if (session_ || unlocking_) {
        // Already open (or opening): the answer of the first call stands.
        if (session_) toGui([this] { emit unlockFinished(true, {}); });
        return;
    }
    unlocking_ = true;
    workers_.start([this, dir = toPath(data_dir_), secret = passphrase.toStdString()]() mutable {
        store::PassphraseKeyProvider keys(dir / "keys.json", std::move(secret));
        session::SessionConfig config;
        config.data_dir = dir;
        auto opened = session::Session::open(std::move(config), keys);
        // shared_ptr: the queued functor must be copyable; the Session moves out of it.
        auto box = std::make_shared<std::unique_ptr<session::Session>>();
        QString error;
        if (opened) {
            *box = std::move(*opened);
        } else {
            error = errorText(opened.error(), ErrorContext::Unlock);
        }
        toGui([this, box, error] {
            unlocking_ = false;
            if (*box) session_ = std::move(*box);
            emit unlockFinished(session_ != nullptr, error);
        });
    });
}

void CoreBridge::signIn(const QString& homeserver, const QString& user, const QString& password) {
    if (!session_) {
        toGui([this] { emit signInFinished(false, tr("先にパスフレーズで端末内のデータを開いてください。")); });
        return;
    }
    session::Session* s = session_.get();
    workers_.start([this, s, server = homeserver.trimmed().toStdString(),
                    name = user.trimmed().toStdString(), secret = password.toStdString()] {
        auto result = s->login(server, name, secret);
        const QString error = result ? QString() : errorText(result.error(), ErrorContext::SignIn);
        toGui([this, error] { emit signInFinished(error.isEmpty(), error); });
    });
}

void CoreBridge::startSync() {
    if (!session_ || !session_->loggedIn()) return;
    if (sync_active_) return;
    sync_active_ = true;
    if (!sync_) {
        sync_ = std::make_unique<session::SyncEngine>(
            *session_,
            [this](const session::SyncNotification& note) {
                toGui([this, note] { onSyncNotification(note); });
            },
            kLongPoll);
    } else {
        sync_->stop();  // joins a worker that ended on a failure, so start() runs again
    }
    sync_->start();
    setSyncStatus(SyncStatus::Syncing);
}

void CoreBridge::stopSync() {
    if (!sync_) return;
    sync_active_ = false;
    sync_->stop();
    setSyncStatus(SyncStatus::Offline);
}

void CoreBridge::setSyncStatus(SyncStatus status) {
    sync_status_ = status;
    emit syncStatusChanged(status, last_sync_);
}

void CoreBridge::onSyncNotification(const session::SyncNotification& note) {
    using State = session::SyncNotification::State;
    switch (note.state) {
        case State::Synced: {
            last_sync_ = QDateTime::currentDateTime();
            QStringList rooms;
            for (const auto& id : note.changes.rooms) {
                rooms << fromStd(id);
                reconcileEchoes(rooms.back());
            }
            // A round that finished just before stopSync() still brings its changes.
            if (sync_active_) setSyncStatus(SyncStatus::Online);
            if (!rooms.isEmpty() || note.changes.rooms_list_changed) emit roomsChanged(rooms);
            break;
        }
        case State::Offline:
            if (sync_active_) setSyncStatus(SyncStatus::Offline);
            break;
        case State::Failed:
            sync_active_ = false;  // the engine's thread has ended; startSync() may restart it
            setSyncStatus(SyncStatus::Offline);
            emit syncFailed(note.error ? errorText(*note.error) : QString());
            break;
        case State::Stopped:
            if (!sync_active_ && sync_status_ != SyncStatus::Offline) setSyncStatus(SyncStatus::Offline);
            break;
    }
}

QString CoreBridge::queuePost(const QString& room_id, const QString& text, bool is_image) {
    PendingPost post;
    post.local_id = QStringLiteral("~local-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    post.room_id = room_id;
    post.text = text;
    post.is_image = is_image;
    post.created = QDateTime::currentDateTime();
    pending_.append(post);
    emit postQueued(room_id, post.local_id);
    if (!session_) {
        toGui([this, local_id = post.local_id] {
            finishSend(local_id, {}, tr("サインインしていません。サインインしてください。"));
        });
    }
    return post.local_id;
}

QString CoreBridge::sendText(const QString& room_id, const QString& text) {
    const QString local_id = queuePost(room_id, text, false);
    if (!session_) return local_id;
    session::Session* s = session_.get();
    ordered_.start([this, s, local_id, room = room_id.toStdString(), body = text.toStdString()] {
        auto sent = s->sendText(room, body);
        const QString event_id = sent ? fromStd(*sent) : QString();
        const QString error = sent ? QString() : errorText(sent.error());
        toGui([this, local_id, event_id, error] { finishSend(local_id, event_id, error); });
    });
    return local_id;
}

QString CoreBridge::sendImage(const QString& room_id, const QString& file_path) {
    const QString local_id = queuePost(room_id, QFileInfo(file_path).fileName(), true);
    if (!session_) return local_id;
    session::Session* s = session_.get();
    ordered_.start([this, s, local_id, room = room_id.toStdString(), file_path] {
        ImageFile image;
        QString error;
        QString event_id;
        if (ImageFile::read(file_path, image, error)) {
            auto sent = s->sendImage(room, std::move(image.bytes), image.mime_type,
                                     image.file_name.toStdString(), image.size.width(),
                                     image.size.height());
            if (sent) {
                event_id = fromStd(*sent);
            } else {
                error = errorText(sent.error());
            }
        }
        toGui([this, local_id, event_id, error] { finishSend(local_id, event_id, error); });
    });
    return local_id;
}

void CoreBridge::requestThumbnail(const QString& mxc, const QSize& size) {
    if (const QImage* cached = thumbnails_.object(mxc)) {
        toGui([this, mxc, image = *cached] { emit thumbnailReady(mxc, image); });
        return;
    }
    if (!session_ || !mxc.startsWith(QLatin1String("mxc://")) || size.isEmpty()) {
        toGui([this, mxc] { emit thumbnailFailed(mxc, tr("画像を表示できません。")); });
        return;
    }
    if (thumbnails_loading_.contains(mxc)) return;  // the running fetch answers
    thumbnails_loading_.insert(mxc);
    session::Session* s = session_.get();
    media_.start([this, s, mxc, size] {
        const std::string uri = mxc.toStdString();
        auto bytes = s->fetchThumbnail(uri, size.width(), size.height());
        // A server that cannot make thumbnails of this type: scale the original here.
        if (!bytes) bytes = s->fetchMedia(uri);
        QImage image;
        QString error;
        if (bytes) {
            image = decodeImage(QByteArray::fromStdString(*bytes), size);
            if (image.isNull()) error = tr("画像を表示できません。");
        } else {
            error = errorText(bytes.error());
        }
        toGui([this, mxc, image, error] {
            thumbnails_loading_.remove(mxc);
            if (image.isNull()) {
                emit thumbnailFailed(mxc, error);
                return;
            }
            const auto cost = qMax<qint64>(1, image.sizeInBytes() / 1024);
            thumbnails_.insert(mxc, new QImage(image), cost);
            emit thumbnailReady(mxc, image);
        });
    });
}

QImage CoreBridge::cachedThumbnail(const QString& mxc) const {
    const QImage* cached = thumbnails_.object(mxc);
    return cached != nullptr ? *cached : QImage();
}

void CoreBridge::requestMedia(const QString& mxc) {
    if (!session_) {
        toGui([this, mxc] { emit mediaFailed(mxc, tr("サインインしていません。サインインしてください。")); });
        return;
    }
    session::Session* s = session_.get();
    media_.start([this, s, mxc] {
        auto bytes = s->fetchMedia(mxc.toStdString());
        // Only in memory: the viewer holds the bytes while it is open.
        const QByteArray data = bytes ? QByteArray::fromStdString(*bytes) : QByteArray();
        const QString error = bytes ? QString() : errorText(bytes.error());
        toGui([this, mxc, data, error] {
            if (error.isEmpty()) {
                emit mediaReady(mxc, data);
            } else {
                emit mediaFailed(mxc, error);
            }
        });
    });
}

void CoreBridge::finishSend(const QString& local_id, const QString& event_id,
                            const QString& error_text) {
    QString room_id;
    for (auto& post : pending_) {
        if (post.local_id != local_id) continue;
        room_id = post.room_id;
        post.state = event_id.isEmpty() ? SendState::Failed : SendState::Sent;
        post.event_id = event_id;
        post.error_text = error_text;
    }
    if (room_id.isEmpty()) return;
    // The sync may have brought the event before the send's response did.
    if (!event_id.isEmpty()) reconcileEchoes(room_id);
    emit sendFinished(room_id, local_id, event_id, error_text);
}

void CoreBridge::fillGap(const QString& room_id, const QString& before_event_id) {
    if (!session_) {
        toGui([this, room_id] { emit gapFilled(room_id, -1); });
        return;
    }
    if (filling_.contains(room_id)) return;  // the running fill answers
    filling_.insert(room_id);
    session::Session* s = session_.get();
    std::optional<std::string> before;
    if (!before_event_id.isEmpty()) before = before_event_id.toStdString();
    workers_.start([this, s, room_id, room = room_id.toStdString(), before] {
        auto added = s->fillGap(room, before);
        const int count = added ? static_cast<int>(*added) : -1;
        toGui([this, room_id, count] {
            filling_.remove(room_id);
            emit gapFilled(room_id, count);
        });
    });
}

void CoreBridge::joinRoom(const QString& room_id) {
    if (!session_) return;
    session::Session* s = session_.get();
    ordered_.start([this, s, room_id] {
        auto joined = s->joinRoom(room_id.toStdString());
        const QString error = joined ? QString() : errorText(joined.error());
        toGui([this, room_id, error] { emit membershipChanged(room_id, error); });
    });
}

void CoreBridge::leaveRoom(const QString& room_id) {
    if (!session_) return;
    session::Session* s = session_.get();
    ordered_.start([this, s, room_id] {
        auto left = s->leaveRoom(room_id.toStdString());
        const QString error = left ? QString() : errorText(left.error());
        toGui([this, room_id, error] { emit membershipChanged(room_id, error); });
    });
}

void CoreBridge::markRead(const QString& room_id, const QString& event_id) {
    if (!session_ || !event_id.startsWith(QLatin1Char('$'))) return;
    if (marked_read_.value(room_id) == event_id) return;
    marked_read_.insert(room_id, event_id);
    session::Session* s = session_.get();
    ordered_.start([this, s, room_id, event_id] {
        auto sent = s->sendReadReceipt(room_id.toStdString(), event_id.toStdString());
        if (sent) return;
        // Forget it, so that the next markRead for this event tries again.
        toGui([this, room_id, event_id] {
            if (marked_read_.value(room_id) == event_id) marked_read_.remove(room_id);
        });
    });
}

void CoreBridge::signOut() {
    stopSync();
    if (!session_) {
        toGui([this] { emit signedOut(); });
        return;
    }
    session::Session* s = session_.get();
    workers_.start([this, s] {
        // A server that cannot be reached still loses the local tokens: signed out either way.
        (void)s->logout();
        toGui([this] {
            marked_read_.clear();
            emit signedOut();
        });
    });
}

}  // namespace renkei::ui
