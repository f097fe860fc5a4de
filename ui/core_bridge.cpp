#include "core_bridge.h"

#include <QFileInfo>
#include <cstdio>
#include <QMetaObject>
#include <QStandardPaths>
#include <chrono>
#include <filesystem>
#include <utility>

#include "error_text.h"
#include "image_file.h"
#include "session/send_queue.h"
#include "session/session.h"
#include "http/transport.h"
#include "session/sync_engine.h"
#include "store/accounts.h"
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

CoreBridge::CoreBridge(QString data_root, QObject* parent)
    : QObject(parent), data_root_(std::move(data_root)) {
    qRegisterMetaType<SyncStatus>();
    qRegisterMetaType<SendState>();
    workers_.setMaxThreadCount(2);
    ordered_.setMaxThreadCount(1);
    files_.setMaxThreadCount(1);
    media_.setMaxThreadCount(2);
    closer_.setMaxThreadCount(1);
    media_cancel_ = std::make_shared<http::CancelToken>();
    thumbnails_.setMaxCost(kThumbnailCacheKiB);
    takeOverLegacyData();
}

CoreBridge::~CoreBridge() {
    cancelMedia();  // quitting never waits for a slow download (up to 5 min each)
    if (sync_) sync_->stop();
    if (send_queue_) send_queue_->stop();
    ordered_.waitForDone();
    files_.waitForDone();
    workers_.waitForDone();
    media_.waitForDone();
    closer_.waitForDone();
    send_queue_.reset();
    sync_.reset();
    session_.reset();
}

void CoreBridge::cancelMedia() {
    media_cancel_->cancel();
    media_cancel_ = std::make_shared<http::CancelToken>();
}

void CoreBridge::setTransport(std::shared_ptr<http::Transport> transport) {
    transport_ = std::move(transport);
}

QString CoreBridge::defaultDataDir() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

bool CoreBridge::isOpen() const { return session_ != nullptr; }
bool CoreBridge::isSignedIn() const { return session_ && session_->loggedIn(); }
QString CoreBridge::userId() const { return session_ ? fromStd(session_->userId()) : QString(); }

void CoreBridge::reauthenticate(const QString& password) {
    if (!session_ || reauthenticating_) {
        if (!session_) toGui([this] { emit reauthenticateFinished(false, tr("サインインしていません。サインインしてください。")); });
        return;
    }
    reauthenticating_ = true;
    session::Session* s = session_.get();
    workers_.start([this, s, secret = password.toStdString()] {
        auto result = s->reauthenticate(secret);
        const QString error = result ? QString() : errorText(result.error(), ErrorContext::SignIn);
        toGui([this, error] {
            reauthenticating_ = false;
            if (error.isEmpty()) {
                updateFlags([this] { needs_sign_in_ = false; });
                startSync();       // restarts a sync that stopped on the rejected token
                wakeSendQueue();   // the queue paused at NeedsLogin
            }
            emit reauthenticateFinished(error.isEmpty(), error);
        });
    });
}

void CoreBridge::startSendQueue() {
    if (!usable()) return;
    if (!send_queue_) {
        send_queue_ = std::make_unique<session::SendQueue>(
            *session_, [this](const session::SendNotification& note) {
                toGui([this, note] { onSendNotification(note); });
            });
    }
    if (!queue_active_) {
        send_queue_->stop();  // joins a worker that ended on its own, so start() runs again
        send_queue_->start();
        updateFlags([this] { queue_active_ = true; });
    }
}

void CoreBridge::wakeSendQueue() {
    if (send_queue_ && queue_active_) send_queue_->wake();
}

void CoreBridge::startSync() {
    if (!usable() || !session_->loggedIn()) return;
    startSendQueue();
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
    if (send_queue_ && queue_active_) {
        send_queue_->stop();
        updateFlags([this] {
            queue_active_ = false;
            queue_waiting_ = queue_unreachable_ = false;
        });
    }
    // Notifications still queued for the GUI are dropped with the threads' results: a
    // post confirmed by a round whose notification never comes must not linger.
    if (!lingering_.isEmpty()) {
        for (const auto& p : std::as_const(lingering_)) in_vault_.remove(p.local_id);
        lingering_.clear();
        invalidateOutbox();
        emit outboxChanged({});
    }
    if (!sync_) return;
    sync_active_ = false;
    sync_->stop();
    updateFlags([this] { sync_unreachable_ = false; });
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
            for (const auto& id : note.changes.rooms) rooms << fromStd(id);
            // The network answers again: back online, and a send backoff ends at once.
            updateFlags([this] { sync_unreachable_ = queue_unreachable_ = false; });
            // A round that finished just before stopSync() still brings its changes.
            if (sync_active_) setSyncStatus(SyncStatus::Online);
            if (!note.changes.confirmed_txn_ids.empty()) invalidateOutbox();
            // First the events (a model turns each echo into its synced post in place),
            // then the confirmations: the echo never disappears and comes back.
            if (!rooms.isEmpty() || note.changes.rooms_list_changed) emit roomsChanged(rooms);
            if (!note.changes.confirmed_txn_ids.empty()) {
                const QStringList confirmed_rooms = confirmPosts(note.changes.confirmed_txn_ids);
                emit outboxChanged(confirmed_rooms);
                emit connectionChanged();
            }
            wakeSendQueue();
            break;
        }
        case State::Offline:
            if (!sync_active_) break;  // a round that failed just before stopSync()
            updateFlags([this] { sync_unreachable_ = true; });
            setSyncStatus(SyncStatus::Offline);
            break;
        case State::Failed:
            sync_active_ = false;  // the engine's thread has ended; startSync() may restart it
            setSyncStatus(SyncStatus::Offline);
            if ((note.error && session::isAuthError(*note.error)) ||
                (session_ && session_->needsReauthentication())) {
                loseSession();
            } else {
                emit syncFailed(note.error ? errorText(*note.error) : QString());
            }
            break;
        case State::Stopped:
            if (!sync_active_ && sync_status_ != SyncStatus::Offline) setSyncStatus(SyncStatus::Offline);
            break;
    }
}

void CoreBridge::onSendNotification(const session::SendNotification& note) {
    using Kind = session::SendNotification::Kind;
    switch (note.kind) {
        case Kind::Sent:
        case Kind::Failed: {
            invalidateOutbox();
            updateFlags([this] { queue_waiting_ = queue_unreachable_ = false; });
            if (!note.post) break;
            const QString room_id = fromStd(note.post->room_id);
            const QString local_id = fromStd(note.post->txn_id);
            QString event_id;
            QString error;
            if (note.kind == Kind::Sent) {
                event_id = fromStd(note.post->event_id.value_or(std::string()));
                if (!event_id.isEmpty()) rememberEcho(event_id, local_id);
                // The server answered: the network is back, so sync need not finish its backoff.
                if (sync_ && sync_status_ == SyncStatus::Offline) sync_->wake();
            } else {
                error = note.post->last_error ? errorText(*note.post->last_error)
                                              : tr("The server did not accept the post.");
            }
            emit sendFinished(room_id, local_id, event_id, error);
            emit connectionChanged();
            break;
        }
        case Kind::Waiting: {
            if (!queue_active_) break;  // reported just before stopSync(): no longer true
            const bool network = note.error && (note.error->kind == ErrorKind::Network ||
                                                note.error->kind == ErrorKind::Timeout);
            updateFlags([this, network] {
                queue_waiting_ = true;
                queue_unreachable_ = network;
            });
            break;
        }
        case Kind::NeedsLogin:
            if (queue_active_) loseSession();  // after a sign-out, nobody is to be asked
            break;
        case Kind::Idle:
            if (!queue_active_) break;
            updateFlags([this] { queue_waiting_ = queue_unreachable_ = false; });
            break;
    }
}

void CoreBridge::loseSession() {
    if (needs_sign_in_) return;  // asked already
    updateFlags([this] { needs_sign_in_ = true; });
    emit reauthenticationNeeded();
}

void CoreBridge::sendImage(const QString& room_id, const QString& file_path) {
    if (!usable()) {
        toGui([this, room_id] { emit sendRefused(room_id, tr("サインインしていません。サインインしてください。")); });
        return;
    }
    session::Session* s = session_.get();
    files_.start([this, s, room_id, file_path] {
        ImageFile image;
        QString error;
        QString local_id;
        if (ImageFile::read(file_path, image, error)) {
            store::OutboxMedia media{std::move(image.bytes), image.mime_type, image.file_name.toStdString(),
                                     image.size.width(), image.size.height()};
            auto queued = s->queueImage(room_id.toStdString(), std::move(media));
            if (queued) {
                local_id = fromStd(queued->txn_id);
            } else {
                error = errorText(queued.error());
            }
        }
        toGui([this, room_id, local_id, error] {
            if (local_id.isEmpty()) {
                emit sendRefused(room_id, error);
            } else {
                afterImageQueued(room_id, local_id);
            }
        });
    });
}

void CoreBridge::requestThumbnail(const QString& mxc, const QSize& size) {
    if (const QImage* cached = thumbnails_.object(mxc)) {
        toGui([this, mxc, image = *cached] { emit thumbnailReady(mxc, image); });
        return;
    }
    if (!usable() || !mxc.startsWith(QLatin1String("mxc://")) || size.isEmpty()) {
        toGui([this, mxc] { emit thumbnailFailed(mxc, tr("画像を表示できません。")); });
        return;
    }
    if (thumbnails_loading_.contains(mxc)) return;  // the running fetch answers
    thumbnails_loading_.insert(mxc);
    session::Session* s = session_.get();
    media_.start([this, s, mxc, size, cancel = media_cancel_] {
        const std::string uri = mxc.toStdString();
        auto media = s->fetchThumbnail(uri, size.width(), size.height(), cancel.get());
        // A server that cannot make thumbnails of this type: scale the original here.
        if (!media && media.error().kind != ErrorKind::Cancelled) {
            media = s->fetchMedia(uri, cancel.get());
        }
        QImage image;
        QString error;
        if (media) {
            image = decodeImage(QByteArray::fromStdString(media->bytes),
                                fromStd(media->content_type), size);
            if (image.isNull()) error = tr("画像を表示できません。");
        } else {
            error = errorText(media.error());
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

void CoreBridge::requestImage(const QString& mxc) {
    if (!usable()) {
        toGui([this, mxc] { emit imageFailed(mxc, tr("サインインしていません。サインインしてください。")); });
        return;
    }
    session::Session* s = session_.get();
    media_.start([this, s, mxc, cancel = media_cancel_] {
        auto media = s->fetchMedia(mxc.toStdString(), cancel.get());
        // Decoded here, not on the GUI thread (a large photo takes a while); only in memory:
        // the viewer holds the picture while it is open.
        QImage image;
        const QString error = media ? QString() : errorText(media.error());
        if (media) {
            image = decodeImage(QByteArray::fromStdString(media->bytes),
                                fromStd(media->content_type), QSize(kViewerEdge, kViewerEdge));
        }
        toGui([this, mxc, image, error] {
            if (!image.isNull()) {
                emit imageReady(mxc, image);
            } else {
                emit imageFailed(mxc, error);
            }
        });
    });
}

void CoreBridge::fillGap(const QString& room_id, const QString& before_event_id) {
    if (!usable()) {
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
    if (!usable()) return;
    session::Session* s = session_.get();
    ordered_.start([this, s, room_id] {
        auto joined = s->joinRoom(room_id.toStdString());
        const QString error = joined ? QString() : errorText(joined.error());
        toGui([this, room_id, error] { emit membershipChanged(room_id, error); });
    });
}

void CoreBridge::leaveRoom(const QString& room_id) {
    if (!usable()) return;
    session::Session* s = session_.get();
    ordered_.start([this, s, room_id] {
        auto left = s->leaveRoom(room_id.toStdString());
        const QString error = left ? QString() : errorText(left.error());
        toGui([this, room_id, error] { emit membershipChanged(room_id, error); });
    });
}

void CoreBridge::markRead(const QString& room_id, const QString& event_id) {
    if (!usable() || !event_id.startsWith(QLatin1Char('$'))) return;
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

// ---- Accounts: unlock, sign-in, sign-out (one directory per account, store/accounts.h)

void CoreBridge::takeOverLegacyData() {
    // Renames only (no copy, no re-encryption): fast enough for the GUI thread at start.
    if (auto moved = store::takeOverLegacyLayout(toPath(data_root_)); !moved) {
        std::fprintf(stderr, "renkei: cannot take over the local data: %s\n", moved.error().describe().c_str());
    }
    const auto listed = accounts();
    account_id_ = listed.isEmpty() ? QString() : listed.front().id;
}

QList<LocalAccountInfo> CoreBridge::accounts() const {
    QList<LocalAccountInfo> out;
    auto listed = store::listAccounts(toPath(data_root_));
    if (!listed) return out;
    for (const auto& a : *listed) {
        out.append({fromStd(a.id), fromStd(a.binding.user_id), fromStd(a.binding.homeserver)});
    }
    return out;
}

void CoreBridge::selectAccount(const QString& account_id) {
    if (session_ || unlocking_) return;
    account_id_ = account_id;
}

std::optional<LocalAccountInfo> CoreBridge::selectedAccountInfo() const {
    if (account_id_.isEmpty()) return std::nullopt;
    for (const auto& a : accounts()) {
        if (a.id == account_id_) return a;
    }
    return std::nullopt;
}

QString CoreBridge::accountDir() const {
    if (account_id_.isEmpty()) return {};
    return data_root_ + QStringLiteral("/accounts/") + account_id_;
}

bool CoreBridge::hasLocalData() const {
    return !account_id_.isEmpty() && QFileInfo::exists(accountDir() + QStringLiteral("/keys.json"));
}

void CoreBridge::unlock(const QString& passphrase) {
    if (closing_) {
        toGui([this] { emit unlockFinished(false, tr("サインアウトしています。終わるまでお待ちください。")); });
        return;
    }
    if (session_ || unlocking_) {
        // Already open (or opening): the answer of the first call stands.
        if (session_) toGui([this] { emit unlockFinished(true, {}); });
        return;
    }
    unlocking_ = true;
    workers_.start([this, root = toPath(data_root_), existing = toPath(accountDir()),
                    secret = passphrase.toStdString(), transport = transport_,
                    limits = new_key_limits_]() mutable {
        // A new account gets a directory of its own; it is removed again if it cannot open.
        std::filesystem::path dir = existing;
        bool created = false;
        Result<std::unique_ptr<session::Session>> opened = fail(ErrorKind::Storage, "no account directory");
        if (dir.empty()) {
            auto fresh = store::createAccount(root);
            if (fresh) {
                dir = fresh->dir;
                created = true;
            } else {
                opened = fresh.failure();
            }
        }
        if (!dir.empty()) {
            store::PassphraseKeyProvider keys(store::keyFileOf(dir), std::move(secret), limits);
            session::SessionConfig config;
            config.data_dir = dir;
            config.accounts_root = root;
            config.transport = std::move(transport);
            opened = session::Session::open(std::move(config), keys);
            if (!opened && created) (void)store::removeAccount(dir);
        }
        // shared_ptr: the queued functor must be copyable; the Session moves out of it.
        auto box = std::make_shared<std::unique_ptr<session::Session>>();
        QString error;
        if (opened) {
            *box = std::move(*opened);
        } else {
            error = errorText(opened.error(), ErrorContext::Unlock);
        }
        const QString id = fromStd(dir.filename().string());
        toGui([this, box, error, id] {
            unlocking_ = false;
            if (*box) {
                session_ = std::move(*box);
                account_id_ = id;
                closing_ = false;
            }
            emit unlockFinished(session_ != nullptr, error);
        });
    });
}

void CoreBridge::signIn(const QString& homeserver, const QString& user, const QString& password) {
    if (!usable()) {
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

bool CoreBridge::signOut(bool discard_unsent, QString* error_text, bool remove_local_copy) {
    if (closing_) return true;  // the running sign-out answers
    if (session_ && discard_unsent) {
        if (auto cleared = session_->clearOutbox(); !cleared) {
            if (error_text != nullptr) *error_text = errorText(cleared.error());
            return false;
        }
    }
    cancelMedia();  // nothing of this account is fetched after it signed out
    stopSync();
    if (discard_unsent) {
        in_vault_.clear();
        lingering_.clear();
        invalidateOutbox();
        emit outboxChanged({});
        emit connectionChanged();
    }
    if (!session_) {
        toGui([this] { emit signedOut(); });
        return true;
    }
    closing_ = true;
    session::Session* s = session_.get();
    // Data that never signed in (a first sign-in the user gave up) holds nothing to keep.
    remove_local_copy = remove_local_copy || !s->binding().bound();
    closer_.start([this, s, remove_local_copy] {
        // Nothing else may use the session once it closes: wait for the running work.
        workers_.waitForDone();
        ordered_.waitForDone();
        files_.waitForDone();
        media_.waitForDone();
        // A server that cannot be reached still loses the local tokens: signed out either way.
        if (s->loggedIn()) (void)s->logout();
        toGui([this, remove_local_copy] { closeSession(remove_local_copy); });
    });
    return true;
}

void CoreBridge::closeSession(bool remove_local_copy) {
    emit sessionClosing();  // windows and models drop their reads of session() now
    send_queue_.reset();
    sync_.reset();
    session_.reset();       // closes vault and cache; the keys are gone from memory
    marked_read_.clear();
    filling_.clear();
    thumbnails_.clear();
    thumbnails_loading_.clear();
    echo_of_event_.clear();
    echo_order_.clear();
    outbox_.clear();
    lingering_.clear();
    in_vault_.clear();
    invalidateOutbox();
    updateFlags([this] {
        needs_sign_in_ = false;
        sync_unreachable_ = queue_unreachable_ = queue_waiting_ = false;
    });
    if (!remove_local_copy) {
        closing_ = false;
        emit signedOut();
        return;
    }
    closer_.start([this, dir = toPath(accountDir())] {
        auto removed = store::removeAccount(dir);
        const QString error = removed ? QString() : errorText(removed.error());
        toGui([this, error] {
            const auto left = accounts();
            account_id_ = left.isEmpty() ? QString() : left.front().id;
            closing_ = false;
            emit signedOut(error);
        });
    });
}

}  // namespace renkei::ui
