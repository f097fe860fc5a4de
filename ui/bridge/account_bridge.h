// Renkei desktop: the account part of CoreBridge: which local account is selected, opening
// it (unlock), signing in and again (reauthentication), signing out and closing it. It
// owns the open Session. GUI thread only; blocking work goes through the GuiHop.
#pragma once

#include <QList>
#include <QString>
#include <memory>
#include <optional>

#include "bridge/bridge_types.h"
#include "store/access_log.h"
#include "store/keys.h"

namespace renkei::http {
class Transport;
}
namespace renkei::session {
class Session;
}

namespace renkei::ui {

class CoreBridge;
class GuiHop;

class AccountBridge {
public:
    /// `data_root`: the folder holding one directory per account. Takes over data of the
    /// layout before per-account directories; selects the most recently used account.
    AccountBridge(CoreBridge& bridge, GuiHop& hop, QString data_root);
    ~AccountBridge();
    AccountBridge(const AccountBridge&) = delete;
    AccountBridge& operator=(const AccountBridge&) = delete;

    QString dataRoot() const { return data_root_; }
    void setTransport(std::shared_ptr<http::Transport> transport);
    void setNewKeyFileLimits(store::KdfLimits limits) { new_key_limits_ = limits; }
    QList<LocalAccountInfo> accounts() const;
    void selectAccount(const QString& account_id);
    QString selectedAccount() const { return account_id_; }
    std::optional<LocalAccountInfo> selectedAccountInfo() const;
    bool hasLocalData() const;
    bool isOpen() const { return session_ != nullptr; }
    bool isSignedIn() const;
    QString userId() const;
    session::Session* session() const { return session_.get(); }
    /// A session is open and not being closed: new work may start on it.
    bool usable() const { return session_ && !closing_; }

    void unlock(const QString& passphrase);  ///< -> CoreBridge::unlockFinished
    void checkPassphrase(const QString& passphrase);  ///< -> CoreBridge::passphraseChecked
    void changePassphrase(const QString& current, const QString& replacement);  ///< -> passphraseChanged
    void signIn(const QString& homeserver, const QString& user, const QString& password);
    void reauthenticate(const QString& password);  ///< -> CoreBridge::reauthenticateFinished
    /// See CoreBridge::signOut.
    bool signOut(bool discard_unsent, QString* error_text, bool remove_local_copy);
    /// Reads the network's policy again on a worker (after the unlock). -> networkPolicyChanged
    void refreshPolicy();
    /// See CoreBridge::recordAccess.
    void recordAccess(store::AccessKind kind, const QString& room_id, const QString& detail);
    /// The bridge is being destroyed (its lanes are idle): closes the session.
    void dropSession();

private:
    /// The account's directory under the data root (empty: a new account).
    QString accountDir() const;
    void takeOverLegacyData();
    /// After sign-out: closes the session on the GUI thread once every worker is idle.
    void closeSession(bool remove_local_copy);

    CoreBridge& bridge_;
    GuiHop& hop_;
    QString data_root_;
    QString account_id_;  ///< the selected account (empty: a new one)
    std::shared_ptr<http::Transport> transport_;
    store::KdfLimits new_key_limits_ = store::KdfLimits::moderate();  ///< see setNewKeyFileLimits
    std::unique_ptr<session::Session> session_;
    bool unlocking_ = false;
    int unlock_failures_ = 0;  ///< wrong passphrases at start, recorded once the vault opens
    bool closing_ = false;  ///< signing out: no new work on the session
    bool reauthenticating_ = false;
};

}  // namespace renkei::ui
