#include "sign_in_dialog.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"

namespace renkei::ui {

namespace {
const auto kLastHomeserverKey = QStringLiteral("signIn/homeserver");
const auto kLastUserKey = QStringLiteral("signIn/user");

QLineEdit* makeField(const QString& accessible_name, const QString& placeholder,
                     QLineEdit::EchoMode echo = QLineEdit::Normal) {
    auto* field = new QLineEdit;
    field->setAccessibleName(accessible_name);
    field->setPlaceholderText(placeholder);
    field->setEchoMode(echo);
    field->setClearButtonEnabled(echo == QLineEdit::Normal);
    return field;
}
}  // namespace

SignInDialog::SignInDialog(CoreBridge& bridge, const QString& homeserver, QWidget* parent)
    : QDialog(parent), bridge_(bridge) {
    setWindowTitle(tr("Sign in to Renkei"));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(tr("Sign in with the account that your network's administrator gave you."));
    intro->setWordWrap(true);

    QSettings settings;
    homeserver_ = makeField(tr("Server"), tr("e.g. renkei.example.jp"));
    homeserver_->setText(homeserver.isEmpty() ? settings.value(kLastHomeserverKey).toString() : homeserver);
    user_ = makeField(tr("User name"), tr("e.g. nurse.sato"));
    // The last user only on a computer without accounts: another account is another person.
    if (bridge_.accounts().isEmpty()) user_->setText(settings.value(kLastUserKey).toString());
    password_ = makeField(tr("Password"), QString(), QLineEdit::Password);
    // Opened data belongs to one account: signing in again is for that account only.
    if (const auto account = bridge_.isOpen() ? bridge_.selectedAccountInfo() : std::nullopt;
        account && !account->user_id.isEmpty()) {
        homeserver_->setText(account->homeserver);
        user_->setText(account->user_id);
        for (QLineEdit* fixed : {homeserver_, user_}) {
            fixed->setReadOnly(true);
            fixed->setClearButtonEnabled(false);
        }
        intro->setText(tr("Sign in again to the account whose data is open."));
    }

    auto* account = new QGroupBox(tr("Account"));
    auto* account_form = new QFormLayout(account);
    account_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    account_form->addRow(tr("&Server:"), homeserver_);
    account_form->addRow(tr("&User name:"), user_);
    account_form->addRow(tr("&Password:"), password_);

    auto* local = new QGroupBox(tr("Protect the data on this computer"));
    auto* local_form = new QFormLayout(local);
    local_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* local_intro = new QLabel(tr("Choose a passphrase. Renkei encrypts the posts it keeps on this "
                                      "computer and asks for the passphrase at every start."));
    local_intro->setWordWrap(true);
    local_form->addRow(local_intro);
    passphrase_ = makeField(tr("Passphrase"), QString(), QLineEdit::Password);
    passphrase_confirm_ = makeField(tr("Passphrase again"), QString(), QLineEdit::Password);
    local_form->addRow(tr("Pass&phrase:"), passphrase_);
    local_form->addRow(tr("&Again:"), passphrase_confirm_);
    local->setVisible(needsPassphrase());

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setAccessibleName(tr("Error"));
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    error_->setVisible(false);

    busy_ = new QProgressBar;
    busy_->setRange(0, 0);  // indeterminate
    busy_->setTextVisible(false);
    busy_->setAccessibleName(tr("Signing in"));
    busy_->setVisible(false);

    sign_in_ = new QPushButton(tr("Sign in"));
    sign_in_->setAccessibleName(tr("Sign in"));
    sign_in_->setDefault(true);
    cancel_ = new QPushButton(tr("Cancel"));
    cancel_->setAccessibleName(tr("Cancel"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(busy_, 1);
    buttons->addStretch();
    buttons->addWidget(sign_in_);
    buttons->addWidget(cancel_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(account);
    layout->addWidget(local);
    layout->addWidget(error_);
    layout->addLayout(buttons);

    connect(sign_in_, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
    connect(&bridge_, &CoreBridge::unlockFinished, this, &SignInDialog::onUnlockFinished);
    connect(&bridge_, &CoreBridge::signInFinished, this, &SignInDialog::onSignInFinished);

    // Wide enough for the Japanese explanations without cramped wrapping.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    if (homeserver_->text().isEmpty()) {
        homeserver_->setFocus();
    } else if (user_->text().isEmpty()) {
        user_->setFocus();
    } else {
        password_->setFocus();
    }
}

QString SignInDialog::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

bool SignInDialog::needsPassphrase() const { return !bridge_.isOpen(); }

void SignInDialog::submit() {
    if (waiting_) return;
    if (homeserver_->text().trimmed().isEmpty() || user_->text().trimmed().isEmpty() ||
        password_->text().isEmpty()) {
        showError(tr("Enter the server, your user name and your password."));
        return;
    }
    if (needsPassphrase()) {
        if (passphrase_->text().size() < 8) {
            showError(tr("Choose a passphrase of at least 8 characters."));
            passphrase_->setFocus();
            return;
        }
        if (passphrase_->text() != passphrase_confirm_->text()) {
            showError(tr("The two passphrases differ. Enter the same passphrase twice."));
            passphrase_confirm_->setFocus();
            return;
        }
        setBusy(true);
        bridge_.unlock(passphrase_->text());  // creates the local data with this passphrase
        return;
    }
    setBusy(true);
    bridge_.signIn(homeserver_->text().trimmed(), user_->text().trimmed(), password_->text());
}

void SignInDialog::onUnlockFinished(bool ok, const QString& error_text) {
    if (!waiting_) return;
    if (!ok) {
        setBusy(false);
        showError(error_text);
        return;
    }
    bridge_.signIn(homeserver_->text().trimmed(), user_->text().trimmed(), password_->text());
}

void SignInDialog::onSignInFinished(bool ok, const QString& error_text) {
    if (!waiting_) return;
    setBusy(false);
    // The local data exists now, whether or not the server accepted the password.
    if (auto* local = passphrase_->parentWidget()) local->setVisible(needsPassphrase());
    if (!ok) {
        showError(error_text);
        password_->selectAll();
        password_->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(kLastHomeserverKey, homeserver_->text().trimmed());
    settings.setValue(kLastUserKey, user_->text().trimmed());
    password_->clear();
    passphrase_->clear();
    passphrase_confirm_->clear();
    accept();
}

void SignInDialog::setBusy(bool busy) {
    waiting_ = busy;
    busy_->setVisible(busy);
    for (QWidget* w : {static_cast<QWidget*>(homeserver_), static_cast<QWidget*>(user_),
                       static_cast<QWidget*>(password_), static_cast<QWidget*>(passphrase_),
                       static_cast<QWidget*>(passphrase_confirm_), static_cast<QWidget*>(sign_in_)}) {
        w->setEnabled(!busy);
    }
    if (busy) error_->setVisible(false);
}

void SignInDialog::showError(const QString& text) {
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
    adjustSize();  // keeps the minimum width; grows for the error, shrinks when fields hide
}

}  // namespace renkei::ui
