// Renkei desktop app: the bar shown over the timeline of a room the user was invited to:
// who invited, and Accept / Decline.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace renkei::ui {

class InviteBar : public QFrame {
    Q_OBJECT
public:
    explicit InviteBar(QWidget* parent = nullptr);
    /// Shows the bar for `room_id`; `inviter` is a display name or user id (may be empty).
    void showInvitation(const QString& room_id, const QString& room_name, const QString& inviter);
    /// Lines under the invitation (a patient room's patient and consent); empty hides them.
    void setDetails(const QString& text);
    QString text() const;
    QString details() const;
    /// Re-enables the buttons after a failed join/leave, with the reason.
    void showError(const QString& text);
    QString roomId() const { return room_id_; }

signals:
    void accepted(const QString& room_id);
    void declined(const QString& room_id);

private:
    void setBusy(bool busy);

    QString room_id_;
    QLabel* text_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* accept_ = nullptr;
    QPushButton* decline_ = nullptr;
};

}  // namespace renkei::ui
