// Renkei desktop app: the passphrase prompt at later starts; opens the local data (the
// cached rooms show at once, before the network answers).
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace renkei::ui {

class CoreBridge;

class UnlockDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(CoreBridge& bridge, QWidget* parent = nullptr);
    QString errorText() const;

private:
    void submit();
    void onUnlockFinished(bool ok, const QString& error_text);

    CoreBridge& bridge_;
    QLineEdit* passphrase_ = nullptr;
    QLabel* error_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QPushButton* unlock_ = nullptr;
    bool waiting_ = false;
};

}  // namespace renkei::ui
