// Renkei desktop app: "sign in again" — the server no longer accepts this computer's
// session (signed out elsewhere, or the sign-in expired). Asks for the password of the SAME
// account (shown, not editable) and says that drafts and queued posts are kept; the bridge
// logs in again with the same device, then sync and sending go on. Never blocks.
#pragma once

#include "secret_dialog.h"

namespace renkei::ui {

class CoreBridge;

class ReauthDialog : public SecretDialog {
    Q_OBJECT
public:
    explicit ReauthDialog(CoreBridge& bridge, QWidget* parent = nullptr);
    QLineEdit* passwordField() const { return secretField(); }
    QPushButton* signInButton() const { return acceptButton(); }

private:
    void start(const QString& password) override;

    CoreBridge& bridge_;
};

}  // namespace renkei::ui
