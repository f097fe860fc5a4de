#include "unlock_dialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "bridge/core_bridge.h"

namespace renkei::ui {
namespace {

// "@nurse.sato:example.org（https://renkei.example.org）"; a directory that has not been
// signed in yet has no account name.
QString accountLabel(const LocalAccountInfo& account) {
    if (account.user_id.isEmpty()) return UnlockDialog::tr("Account not signed in yet");
    return UnlockDialog::tr("%1 (%2)").arg(account.user_id, account.homeserver);
}

}  // namespace

UnlockDialog::UnlockDialog(CoreBridge& bridge, QWidget* parent)
    : SecretDialog({tr("Passphrase"), tr("Opening"), tr("Error"), tr("Open"), tr("Quit")}, parent),
      bridge_(bridge) {
    setWindowTitle(tr("Open Renkei"));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(tr("Enter the passphrase that protects this account's Renkei data on this computer."));
    intro->setWordWrap(true);
    accounts_ = new QComboBox;
    accounts_->setAccessibleName(tr("Account"));
    for (const auto& account : bridge_.accounts()) {
        accounts_->addItem(accountLabel(account), account.id);  // a combo box item is plain text
    }
    accounts_->setCurrentIndex(qMax(0, accounts_->findData(bridge_.selectedAccount())));
    accounts_->setEnabled(accounts_->count() > 1);
    connect(accounts_, &QComboBox::currentIndexChanged, this,
            [this] { bridge_.selectAccount(accounts_->currentData().toString()); });

    auto* other = new QPushButton(tr("Sign in with another account…"));
    other->setAccessibleName(tr("Sign in with another account"));
    other->setAutoDefault(false);
    connect(other, &QPushButton::clicked, this, [this] {
        bridge_.selectAccount({});
        done(kOtherAccount);  // neither accepted nor rejected: the app does not quit
        emit otherAccountRequested();
    });

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Account:"), accounts_);
    form->addRow(tr("Pass&phrase:"), secretField());
    form->addRow(QString(), other);
    layOut({intro}, form);
    connect(&bridge_, &CoreBridge::unlockFinished, this, &UnlockDialog::finish);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

void UnlockDialog::start(const QString& passphrase) {
    bridge_.selectAccount(accounts_->currentData().toString());
    bridge_.unlock(passphrase);
}

}  // namespace renkei::ui
