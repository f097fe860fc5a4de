// Renkei desktop app: first sign-in — homeserver, user, password, and (on a device without
// local data yet) the passphrase that will protect the local data. Never blocks: the bridge
// does the work on its worker and answers with signals.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace renkei::ui {

class CoreBridge;

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    /// `homeserver` prefills the server field (from --homeserver or the last sign-in).
    explicit SignInDialog(CoreBridge& bridge, const QString& homeserver = {}, QWidget* parent = nullptr);

    /// The inline error text currently shown (empty when none); for tests and accessibility.
    QString errorText() const;

private:
    void submit();
    void onUnlockFinished(bool ok, const QString& error_text);
    void onSignInFinished(bool ok, const QString& error_text);
    void setBusy(bool busy);
    void showError(const QString& text);
    bool needsPassphrase() const;

    CoreBridge& bridge_;
    QLineEdit* homeserver_ = nullptr;
    QLineEdit* user_ = nullptr;
    QLineEdit* password_ = nullptr;
    QLineEdit* passphrase_ = nullptr;
    QLineEdit* passphrase_confirm_ = nullptr;
    QLabel* error_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* sign_in_ = nullptr;
    QPushButton* cancel_ = nullptr;
    bool waiting_ = false;
};

}  // namespace renkei::ui
