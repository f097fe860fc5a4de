#include "unlock_dialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "core_bridge.h"

namespace renkei::ui {

UnlockDialog::UnlockDialog(CoreBridge& bridge, QWidget* parent)
    : SecretDialog({tr("Passphrase"), tr("Opening"), tr("Error"), tr("Open"), tr("Quit")}, parent),
      bridge_(bridge) {
    setWindowTitle(tr("Open Renkei"));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(tr("Enter the passphrase that protects the Renkei data on this computer."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Pass&phrase:"), secretField());
    layOut({intro}, form);
    connect(&bridge_, &CoreBridge::unlockFinished, this, &UnlockDialog::finish);
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
}

void UnlockDialog::start(const QString& passphrase) { bridge_.unlock(passphrase); }

}  // namespace renkei::ui
