// Renkei desktop app: the passphrase prompt at later starts; opens the local data (the
// cached rooms show at once, before the network answers).
#pragma once

#include "secret_dialog.h"

namespace renkei::ui {

class CoreBridge;

class UnlockDialog : public SecretDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(CoreBridge& bridge, QWidget* parent = nullptr);

private:
    void start(const QString& passphrase) override;

    CoreBridge& bridge_;
};

}  // namespace renkei::ui
