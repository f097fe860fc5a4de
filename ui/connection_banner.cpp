#include "connection_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace renkei::ui {

ConnectionBanner::ConnectionBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("ConnectionBanner"));
    setAccessibleName(tr("Connection notice"));
    // A calm amber: important, not an alarm (nothing is lost).
    setStyleSheet(QStringLiteral("QFrame#ConnectionBanner { background: #fff4dc; border: none;"
                                 " border-bottom: 1px solid #e2b657; }"
                                 " QFrame#ConnectionBanner QLabel { color: #4a3500; }"));
    label_ = new QLabel;
    label_->setWordWrap(true);
    label_->setTextFormat(Qt::PlainText);
    label_->setAccessibleName(tr("Connection notice"));
    sign_in_ = new QPushButton(tr("Sign in…"));
    sign_in_->setAccessibleName(tr("Sign in again"));
    sign_in_->hide();
    auto* layout = new QHBoxLayout(this);
    const int pad = fontMetrics().height() / 2;
    layout->setContentsMargins(pad, pad / 2, pad, pad / 2);
    layout->addWidget(label_, 1);
    layout->addWidget(sign_in_, 0, Qt::AlignVCenter);
    connect(sign_in_, &QPushButton::clicked, this, &ConnectionBanner::signInRequested);
    hide();
}

QString ConnectionBanner::offlineText(int queued) {
    if (queued <= 0) {
        return tr("You are offline. Your drafts are saved on this computer. Posts you send now will go out "
                  "automatically when the connection is back.");
    }
    return tr("You are offline. Your drafts and the %n post(s) waiting to be sent are saved on this computer. "
              "They will be sent automatically when the connection is back.",
              nullptr, queued);
}

QString ConnectionBanner::signInText(int queued) {
    if (queued <= 0) {
        return tr("Please sign in again to keep sending and receiving posts. Your drafts are saved on this "
                  "computer.");
    }
    return tr("Please sign in again to keep sending and receiving posts. Your drafts and the %n post(s) "
              "waiting to be sent are saved on this computer.",
              nullptr, queued);
}

void ConnectionBanner::showOffline(int queued) { showText(offlineText(queued), false); }

void ConnectionBanner::showSignInNeeded(int queued) { showText(signInText(queued), true); }

void ConnectionBanner::showText(const QString& text, bool sign_in) {
    label_->setText(text);
    setAccessibleDescription(text);
    sign_in_->setVisible(sign_in);
    show();
}

QString ConnectionBanner::text() const { return isHidden() ? QString() : label_->text(); }

}  // namespace renkei::ui
