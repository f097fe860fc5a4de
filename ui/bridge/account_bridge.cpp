#include "bridge/account_bridge.h"

#include <QFileInfo>
#include <sodium.h>
#include <QtGlobal>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "bridge/connection_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "bridge/media_bridge.h"
#include "bridge/outbox_bridge.h"
#include "bridge/rooms_bridge.h"
#include "error_text.h"
#include "http/transport.h"
#include "session/session.h"
#include "store/accounts.h"

namespace renkei::ui {
namespace {

using Lane = GuiHop::Lane;

std::filesystem::path toPath(const QString& s) { return std::filesystem::path(s.toStdString()); }
QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

AccountBridge::AccountBridge(CoreBridge& bridge, GuiHop& hop, QString data_root)
    : bridge_(bridge), hop_(hop), data_root_(std::move(data_root)) {
    takeOverLegacyData();
}

AccountBridge::~AccountBridge() = default;

void AccountBridge::dropSession() { session_.reset(); }

void AccountBridge::setTransport(std::shared_ptr<http::Transport> transport) {
    transport_ = std::move(transport);
}

bool AccountBridge::isSignedIn() const { return session_ && session_->loggedIn(); }
QString AccountBridge::userId() const { return session_ ? fromStd(session_->userId()) : QString(); }

void AccountBridge::reauthenticate(const QString& password) {
    if (!session_ || reauthenticating_) {
        if (!session_) {
            hop_.toGui([this] {
                emit bridge_.reauthenticateFinished(false, CoreBridge::tr("サインインしていません。サインインしてください。"));
            });
        }
        return;
    }
    reauthenticating_ = true;
    session::Session* s = session_.get();
    hop_.run(Lane::Work, [this, s, secret = password.toStdString()] {
        auto result = s->reauthenticate(secret);
        const QString error = result ? QString() : errorText(result.error(), ErrorContext::SignIn);
        hop_.toGui([this, error] {
            reauthenticating_ = false;
            if (error.isEmpty()) {
                bridge_.connection().signedInAgain();
                bridge_.connection().startSync();      // restarts a sync that stopped on the rejected token
                bridge_.connection().wakeSendQueue();  // the queue paused at NeedsLogin
            }
            emit bridge_.reauthenticateFinished(error.isEmpty(), error);
        });
    });
}

// ---- Accounts: unlock, sign-in, sign-out (one directory per account, store/accounts.h)

void AccountBridge::takeOverLegacyData() {
    // Renames only (no copy, no re-encryption): fast enough for the GUI thread at start.
    if (auto moved = store::takeOverLegacyLayout(toPath(data_root_)); !moved) {
        std::fprintf(stderr, "renkei: cannot take over the local data: %s\n", moved.error().describe().c_str());
    }
    const auto listed = accounts();
    account_id_ = listed.isEmpty() ? QString() : listed.front().id;
}

QList<LocalAccountInfo> AccountBridge::accounts() const {
    QList<LocalAccountInfo> out;
    auto listed = store::listAccounts(toPath(data_root_));
    if (!listed) return out;
    for (const auto& a : *listed) {
        out.append({fromStd(a.id), fromStd(a.binding.user_id), fromStd(a.binding.homeserver)});
    }
    return out;
}

void AccountBridge::selectAccount(const QString& account_id) {
    if (session_ || unlocking_) return;
    account_id_ = account_id;
}

std::optional<LocalAccountInfo> AccountBridge::selectedAccountInfo() const {
    if (account_id_.isEmpty()) return std::nullopt;
    for (const auto& a : accounts()) {
        if (a.id == account_id_) return a;
    }
    return std::nullopt;
}

QString AccountBridge::accountDir() const {
    if (account_id_.isEmpty()) return {};
    return data_root_ + QStringLiteral("/accounts/") + account_id_;
}

bool AccountBridge::hasLocalData() const {
    return !account_id_.isEmpty() && QFileInfo::exists(accountDir() + QStringLiteral("/keys.json"));
}

void AccountBridge::checkPassphrase(const QString& passphrase) {
    if (!session_) {
        hop_.toGui([this] { emit bridge_.passphraseChecked(false, CoreBridge::tr("データが開かれていません。")); });
        return;
    }
    hop_.run(Lane::Work, [this, s = session_.get(), dir = toPath(accountDir()), secret = passphrase.toStdString()]() mutable {
        // The file exists (the session is open): this unwraps, never creates.
        store::PassphraseKeyProvider keys(store::keyFileOf(dir), std::move(secret), new_key_limits_);
        auto unwrapped = keys.loadOrCreate();
        const QString error = unwrapped ? QString() : errorText(unwrapped.error(), ErrorContext::Unlock);
        if (unwrapped) store::wipe(*unwrapped);  // only the answer was wanted
        if (unwrapped || unwrapped.error().kind == ErrorKind::WrongPassphrase) {
            // The lock screen's answer is in the access log (a failure to record is not a reason
            // to keep the user out).
            (void)s->recordAccess(unwrapped ? store::AccessKind::Unlock : store::AccessKind::UnlockFailed,
                                         {}, "lock-screen");
        }
        hop_.toGui([this, ok = unwrapped.ok(), error] { emit bridge_.passphraseChecked(ok, error); });
    });
}

void AccountBridge::changePassphrase(const QString& current, const QString& replacement) {
    if (!usable()) {
        hop_.toGui([this] { emit bridge_.passphraseChanged(false, CoreBridge::tr("データが開かれていません。")); });
        return;
    }
    hop_.run(Lane::Work, [this, dir = toPath(accountDir()), old_secret = current.toStdString(),
                          new_secret = replacement.toStdString()]() mutable {
        auto changed = store::changePassphrase(store::keyFileOf(dir), old_secret, new_secret);
        sodium_memzero(old_secret.data(), old_secret.size());
        sodium_memzero(new_secret.data(), new_secret.size());
        const QString error = changed ? QString() : errorText(changed.error(), ErrorContext::Unlock);
        hop_.toGui([this, ok = changed.ok(), error] { emit bridge_.passphraseChanged(ok, error); });
    });
}

void AccountBridge::unlock(const QString& passphrase) {
    if (closing_) {
        hop_.toGui([this] {
            emit bridge_.unlockFinished(false, CoreBridge::tr("サインアウトしています。終わるまでお待ちください。"));
        });
        return;
    }
    if (session_ || unlocking_) {
        // Already open (or opening): the answer of the first call stands.
        if (session_) hop_.toGui([this] { emit bridge_.unlockFinished(true, {}); });
        return;
    }
    unlocking_ = true;
    hop_.run(Lane::Work, [this, root = toPath(data_root_), existing = toPath(accountDir()),
                          secret = passphrase.toStdString(), transport = transport_,
                          limits = new_key_limits_, failed_tries = unlock_failures_]() mutable {
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
        bool wrong = false;
        if (opened) {
            *box = std::move(*opened);
            // The wrong passphrases typed before could not be recorded while the vault was shut.
            const std::string detail =
                failed_tries > 0 ? "start failed-tries=" + std::to_string(failed_tries) : std::string("start");
            (void)(*box)->recordAccess(store::AccessKind::Unlock, {}, detail);  // none yet for a new account
        } else {
            error = errorText(opened.error(), ErrorContext::Unlock);
            wrong = opened.error().kind == ErrorKind::WrongPassphrase;
        }
        const QString id = fromStd(dir.filename().string());
        hop_.toGui([this, box, error, id, wrong] {
            unlocking_ = false;
            if (wrong) ++unlock_failures_;
            if (*box) {
                session_ = std::move(*box);
                account_id_ = id;
                closing_ = false;
                unlock_failures_ = 0;
                refreshPolicy();
            }
            emit bridge_.unlockFinished(session_ != nullptr, error);
        });
    });
}

void AccountBridge::signIn(const QString& homeserver, const QString& user, const QString& password) {
    if (!usable()) {
        hop_.toGui([this] {
            emit bridge_.signInFinished(false, CoreBridge::tr("先にパスフレーズで端末内のデータを開いてください。"));
        });
        return;
    }
    session::Session* s = session_.get();
    hop_.run(Lane::Work, [this, s, server = homeserver.trimmed().toStdString(),
                          name = user.trimmed().toStdString(), secret = password.toStdString()] {
        auto result = s->login(server, name, secret);
        const QString error = result ? QString() : errorText(result.error(), ErrorContext::SignIn);
        hop_.toGui([this, error] {
            if (error.isEmpty()) emit bridge_.networkPolicyChanged();  // login read it
            emit bridge_.signInFinished(error.isEmpty(), error);
        });
    });
}

bool AccountBridge::signOut(bool discard_unsent, QString* error_text, bool remove_local_copy) {
    if (closing_) return true;  // the running sign-out answers
    if (session_ && discard_unsent) {
        if (auto cleared = session_->clearOutbox(); !cleared) {
            if (error_text != nullptr) *error_text = errorText(cleared.error());
            return false;
        }
    }
    bridge_.media().cancel();  // nothing of this account is fetched after it signed out
    bridge_.connection().stopSync();
    if (discard_unsent) bridge_.outbox().forgetAll();
    if (!session_) {
        hop_.toGui([this] { emit bridge_.signedOut(); });
        return true;
    }
    closing_ = true;
    session::Session* s = session_.get();
    // Data that never signed in (a first sign-in the user gave up) holds nothing to keep.
    remove_local_copy = remove_local_copy || !s->binding().bound();
    hop_.run(Lane::Closer, [this, s, remove_local_copy] {
        // Nothing else may use the session once it closes: wait for the running work.
        hop_.waitForDone(Lane::Work);
        hop_.waitForDone(Lane::Ordered);
        hop_.waitForDone(Lane::Files);
        hop_.waitForDone(Lane::Media);
        // A server that cannot be reached still loses the local tokens: signed out either way.
        if (s->loggedIn()) (void)s->logout();
        hop_.toGui([this, remove_local_copy] { closeSession(remove_local_copy); });
    });
    return true;
}

void AccountBridge::closeSession(bool remove_local_copy) {
    emit bridge_.sessionClosing();  // windows and models drop their reads of session() now
    bridge_.connection().dropEngines();
    session_.reset();  // closes vault and cache; the keys are gone from memory
    bridge_.rooms().clear();
    bridge_.media().clear();
    bridge_.outbox().clear();
    bridge_.connection().resetFlags();
    if (!remove_local_copy) {
        closing_ = false;
        emit bridge_.signedOut();
        return;
    }
    hop_.run(Lane::Closer, [this, dir = toPath(accountDir())] {
        auto removed = store::removeAccount(dir);
        const QString error = removed ? QString() : errorText(removed.error());
        hop_.toGui([this, error] {
            const auto left = accounts();
            account_id_ = left.isEmpty() ? QString() : left.front().id;
            closing_ = false;
            emit bridge_.signedOut(error);
        });
    });
}

void AccountBridge::recordAccess(store::AccessKind kind, const QString& room_id, const QString& detail) {
    if (!usable()) return;
    session::Session* s = session_.get();
    hop_.run(Lane::Ordered, [s, kind, room = room_id.toStdString(), text = detail.toStdString()] {
        auto recorded = s->recordAccess(kind, room, text);
        // Only the kind: the room and the detail stay in the vault.
        if (!recorded) qWarning("access log: a %s record could not be kept", store::accessKindToWire(kind).data());
    });
}

void AccountBridge::refreshPolicy() {
    if (!usable() || !session_->loggedIn()) return;
    session::Session* s = session_.get();
    hop_.run(Lane::Work, [this, s] {
        // Offline: the policy read before stands (it is in the vault).
        const bool read = s->refreshNetworkPolicy().ok();
        hop_.toGui([this, read] {
            if (read) emit bridge_.networkPolicyChanged();
        });
    });
}

}  // namespace renkei::ui
