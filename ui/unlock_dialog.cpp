#include "unlock_dialog.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core_bridge.h"

namespace renkei::ui {

UnlockDialog::UnlockDialog(CoreBridge& bridge, QWidget* parent) : QDialog(parent), bridge_(bridge) {
    setWindowTitle(tr("Open Renkei"));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(tr("Enter the passphrase that protects the Renkei data on this computer."));
    intro->setWordWrap(true);

    passphrase_ = new QLineEdit;
    passphrase_->setEchoMode(QLineEdit::Password);
    passphrase_->setAccessibleName(tr("Passphrase"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Pass&phrase:"), passphrase_);

    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setAccessibleName(tr("Error"));
    error_->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    error_->setVisible(false);

    busy_ = new QProgressBar;
    busy_->setRange(0, 0);
    busy_->setTextVisible(false);
    busy_->setAccessibleName(tr("Opening"));
    busy_->setVisible(false);

    unlock_ = new QPushButton(tr("Open"));
    unlock_->setAccessibleName(tr("Open"));
    unlock_->setDefault(true);
    auto* quit = new QPushButton(tr("Quit"));
    quit->setAccessibleName(tr("Quit"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(busy_, 1);
    buttons->addStretch();
    buttons->addWidget(unlock_);
    buttons->addWidget(quit);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addLayout(buttons);

    connect(unlock_, &QPushButton::clicked, this, &UnlockDialog::submit);
    connect(quit, &QPushButton::clicked, this, &QDialog::reject);
    connect(&bridge_, &CoreBridge::unlockFinished, this, &UnlockDialog::onUnlockFinished);
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
    passphrase_->setFocus();
}

QString UnlockDialog::errorText() const { return error_->isVisible() ? error_->text() : QString(); }

void UnlockDialog::submit() {
    if (waiting_ || passphrase_->text().isEmpty()) return;
    waiting_ = true;
    busy_->setVisible(true);
    error_->setVisible(false);
    passphrase_->setEnabled(false);
    unlock_->setEnabled(false);
    bridge_.unlock(passphrase_->text());
}

void UnlockDialog::onUnlockFinished(bool ok, const QString& error_text) {
    if (!waiting_) return;
    waiting_ = false;
    busy_->setVisible(false);
    passphrase_->setEnabled(true);
    unlock_->setEnabled(true);
    if (ok) {
        passphrase_->clear();
        accept();
        return;
    }
    error_->setText(error_text);
    error_->setVisible(true);
    passphrase_->selectAll();
    passphrase_->setFocus();
}

}  // namespace renkei::ui
