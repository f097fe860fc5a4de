#include "secret_dialog.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace renkei::ui {

SecretDialog::SecretDialog(const Texts& texts, QWidget* parent) : QDialog(parent) {
    secret_ = new QLineEdit;
    secret_->setEchoMode(QLineEdit::Password);
    secret_->setAccessibleName(texts.secret_name);

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setAccessibleName(texts.error_name);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    error_->setVisible(false);

    busy_ = new QProgressBar;
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setAccessibleName(texts.busy_name);
    busy_->setVisible(false);

    accept_ = new QPushButton(texts.accept);
    accept_->setAccessibleName(texts.accept);
    accept_->setDefault(true);
    reject_ = new QPushButton(texts.reject);
    reject_->setAccessibleName(texts.reject);
    connect(accept_, &QPushButton::clicked, this, &SecretDialog::submit);
    connect(reject_, &QPushButton::clicked, this, &QDialog::reject);
}

void SecretDialog::layOut(const QList<QWidget*>& above, QFormLayout* form) {
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(busy_, 1);
    buttons->addStretch();
    buttons->addWidget(accept_);
    buttons->addWidget(reject_);
    auto* layout = new QVBoxLayout(this);
    for (QWidget* widget : above) layout->addWidget(widget);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addLayout(buttons);
    secret_->setFocus();
}

QString SecretDialog::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

void SecretDialog::submit() {
    if (waiting_ || secret_->text().isEmpty()) return;
    waiting_ = true;
    busy_->setVisible(true);
    error_->setVisible(false);
    secret_->setEnabled(false);
    accept_->setEnabled(false);
    start(secret_->text());
}

void SecretDialog::finish(bool ok, const QString& error_text) {
    if (!waiting_) return;
    waiting_ = false;
    busy_->setVisible(false);
    secret_->setEnabled(true);
    accept_->setEnabled(true);
    if (ok) {
        secret_->clear();
        accept();
        return;
    }
    error_->setText(error_text);
    error_->setVisible(true);
    secret_->selectAll();
    secret_->setFocus();
}

}  // namespace renkei::ui
