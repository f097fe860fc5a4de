// Renkei desktop app: the shared shape of the dialogs that ask for one secret and wait for
// the core's answer (UnlockDialog: the passphrase; ReauthDialog: the password). While the
// request runs, a busy bar shows and the field and button are disabled; a failure shows
// the translated reason under the form and selects the secret for retyping. Never blocks.
#pragma once

#include <QDialog>
#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace renkei::ui {

class SecretDialog : public QDialog {
    Q_OBJECT
public:
    /// The inline error shown (empty when none); for tests and accessibility.
    QString errorText() const;
    QLineEdit* secretField() const { return secret_; }
    QPushButton* acceptButton() const { return accept_; }

protected:
    /// Translated texts from the subclass (their translation context stays theirs).
    struct Texts {
        QString secret_name;   ///< accessible name of the secret field
        QString busy_name;     ///< accessible name of the busy bar
        QString error_name;    ///< accessible name of the error label
        QString accept;        ///< the default button ("Open", "Sign in")
        QString reject;        ///< the other button ("Quit", "Later")
    };
    SecretDialog(const Texts& texts, QWidget* parent);
    /// Lays out `above` (labels), then `form` (which should hold secretField()), the error
    /// and the buttons. Call once from the subclass constructor.
    void layOut(const QList<QWidget*>& above, QFormLayout* form);
    /// Starts the request for `secret`; answer with finish().
    virtual void start(const QString& secret) = 0;
    /// The request's answer: accept the dialog, or show `error_text` and let the user retry.
    void finish(bool ok, const QString& error_text);

private:
    void submit();

    QLineEdit* secret_ = nullptr;
    QLabel* error_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* accept_ = nullptr;
    QPushButton* reject_ = nullptr;
    bool waiting_ = false;
};

}  // namespace renkei::ui
