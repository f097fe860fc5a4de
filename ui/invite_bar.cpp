#include "invite_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace renkei::ui {

InviteBar::InviteBar(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Invitation"));
    // The room name and the inviter are the server's text: never rich text.
    text_ = new QLabel;
    text_->setTextFormat(Qt::PlainText);
    text_->setWordWrap(true);
    details_ = new QLabel;
    details_->setTextFormat(Qt::PlainText);  // the patient's record as a member wrote it
    details_->setWordWrap(true);
    details_->setVisible(false);
    error_ = new QLabel;
    error_->setTextFormat(Qt::PlainText);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    error_->setVisible(false);
    accept_ = new QPushButton(tr("Join"));
    accept_->setAccessibleName(tr("Accept the invitation"));
    decline_ = new QPushButton(tr("Decline"));
    decline_->setAccessibleName(tr("Decline the invitation"));

    auto* row = new QHBoxLayout;
    row->addWidget(text_, 1);
    row->addWidget(accept_);
    row->addWidget(decline_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(details_);
    layout->addWidget(error_);

    connect(accept_, &QPushButton::clicked, this, [this] {
        setBusy(true);
        emit accepted(room_id_);
    });
    connect(decline_, &QPushButton::clicked, this, [this] {
        setBusy(true);
        emit declined(room_id_);
    });
}

void InviteBar::showInvitation(const QString& room_id, const QString& room_name, const QString& inviter) {
    room_id_ = room_id;
    text_->setText(inviter.isEmpty() ? tr("You are invited to %1.").arg(room_name)
                                     : tr("%1 invited you to %2.").arg(inviter, room_name));
    error_->setVisible(false);
    setBusy(false);
    show();
}

void InviteBar::setDetails(const QString& text) {
    details_->setText(text);
    details_->setVisible(!text.isEmpty());
}

QString InviteBar::text() const { return text_->text(); }
QString InviteBar::details() const { return details_->text(); }

void InviteBar::showError(const QString& text) {
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
    setBusy(false);
}

void InviteBar::setBusy(bool busy) {
    accept_->setEnabled(!busy);
    decline_->setEnabled(!busy);
}

}  // namespace renkei::ui
