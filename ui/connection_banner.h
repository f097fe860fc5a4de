// Renkei desktop: the strip above the panes that says when Renkei cannot reach the server
// (offline, found by failing requests) or must be signed in again, and that the drafts and
// the queued posts are safe on this computer. Hidden while everything works.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace renkei::ui {

class ConnectionBanner : public QFrame {
    Q_OBJECT
public:
    explicit ConnectionBanner(QWidget* parent = nullptr);

    /// Offline: `queued` posts wait on this computer.
    void showOffline(int queued);
    /// The server signed this computer out: the password is needed (with a button).
    void showSignInNeeded(int queued);
    /// The text shown (empty when hidden); for tests and screen readers.
    QString text() const;
    QPushButton* signInButton() const { return sign_in_; }

    static QString offlineText(int queued);
    static QString signInText(int queued);

signals:
    void signInRequested();

private:
    void showText(const QString& text, bool sign_in);

    QLabel* label_ = nullptr;
    QPushButton* sign_in_ = nullptr;
};

}  // namespace renkei::ui
