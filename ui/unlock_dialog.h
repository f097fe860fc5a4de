// Renkei desktop app: the passphrase prompt at later starts and after a sign-out; opens the
// local data of one account (the cached rooms show at once, before the network answers).
// It names the account; with several accounts on this computer the user picks one, and
// "sign in with another account" leads to a new account with data of its own.
#pragma once

#include "secret_dialog.h"

class QComboBox;
class QLabel;

namespace renkei::ui {

class CoreBridge;

class UnlockDialog : public SecretDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(CoreBridge& bridge, QWidget* parent = nullptr);
    /// The dialog's result when the user chose another account (not Accepted, not Rejected).
    static constexpr int kOtherAccount = 2;

signals:
    /// The user chose to sign in with an account that has no data here yet (the dialog
    /// closes with kOtherAccount just before).
    void otherAccountRequested();

private:
    void start(const QString& passphrase) override;

    CoreBridge& bridge_;
    QComboBox* accounts_ = nullptr;
};

}  // namespace renkei::ui
