// Renkei desktop: パスフレーズの変更 (File menu). The current passphrase, the new one twice; the
// key file is re-wrapped on a worker (CoreBridge::changePassphrase), so the databases keep
// their keys and nothing is re-encrypted. The fields are checked first (the new one given,
// typed the same twice, not the current one); a wrong current passphrase is refused with the
// reason and changes nothing. While it runs the fields and buttons are disabled.
#pragma once

#include <QDialog>
#include <QString>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace renkei::ui {

class CoreBridge;

class ChangePassphraseDialog : public QDialog {
    Q_OBJECT

public:
    explicit ChangePassphraseDialog(CoreBridge& bridge, QWidget* parent = nullptr);

    QLineEdit* currentField() const { return current_; }
    QLineEdit* newField() const { return new_; }
    QLineEdit* repeatField() const { return repeat_; }
    /// 変更する: checks the fields, then asks the bridge.
    void submit();
    /// The reason shown under the fields (empty when none).
    QString errorText() const;
    bool isBusy() const { return busy_; }

private:
    void setBusy(bool busy);
    void answered(bool ok, const QString& error_text);

    CoreBridge& bridge_;
    QLineEdit* current_ = nullptr;
    QLineEdit* new_ = nullptr;
    QLineEdit* repeat_ = nullptr;
    QLabel* error_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    bool busy_ = false;
};

}  // namespace renkei::ui
