#include "security/change_passphrase_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "store/keys.h"

namespace renkei::ui {

ChangePassphraseDialog::ChangePassphraseDialog(CoreBridge& bridge, QWidget* parent)
    : QDialog(parent), bridge_(bridge) {
    setWindowTitle(tr("パスフレーズの変更"));
    auto* intro = new QLabel(tr("このパソコンの Renkei のデータを守るパスフレーズを変えます。"
                                "データはそのまま、新しいパスフレーズで開くようになります。"));
    intro->setWordWrap(true);
    current_ = new QLineEdit;
    new_ = new QLineEdit;
    repeat_ = new QLineEdit;
    for (QLineEdit* field : {current_, new_, repeat_}) field->setEchoMode(QLineEdit::Password);
    auto* form = new QFormLayout;
    form->addRow(tr("今のパスフレーズ"), current_);
    form->addRow(tr("新しいパスフレーズ"), new_);
    form->addRow(tr("もう一度（確認）"), repeat_);
    error_ = new QLabel;
    error_->setWordWrap(true);
    error_->setTextFormat(Qt::PlainText);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->hide();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("変更する"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("キャンセル"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &ChangePassphraseDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&bridge_, &CoreBridge::passphraseChanged, this, &ChangePassphraseDialog::answered);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
}

QString ChangePassphraseDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void ChangePassphraseDialog::submit() {
    if (busy_) return;
    QString problem;
    if (current_->text().isEmpty()) {
        problem = tr("今のパスフレーズを入力してください。");
    } else if (new_->text().isEmpty()) {
        problem = tr("新しいパスフレーズを入力してください。");
    } else if (static_cast<std::size_t>(new_->text().toStdU32String().size()) < store::kMinPassphraseChars) {
        problem = tr("新しいパスフレーズは%1文字以上にしてください。").arg(store::kMinPassphraseChars);
    } else if (new_->text() != repeat_->text()) {
        problem = tr("新しいパスフレーズが確認欄と一致しません。");
    } else if (new_->text() == current_->text()) {
        problem = tr("新しいパスフレーズが今のものと同じです。");
    }
    if (!problem.isEmpty()) return answered(false, problem);
    error_->hide();
    setBusy(true);
    bridge_.changePassphrase(current_->text(), new_->text());
}

void ChangePassphraseDialog::setBusy(bool busy) {
    busy_ = busy;
    for (QWidget* w : {static_cast<QWidget*>(current_), static_cast<QWidget*>(new_), static_cast<QWidget*>(repeat_),
                       static_cast<QWidget*>(buttons_)}) {
        w->setEnabled(!busy);
    }
}

void ChangePassphraseDialog::answered(bool ok, const QString& error_text) {
    setBusy(false);
    if (ok) {
        accept();
        return;
    }
    error_->setText(error_text);
    error_->show();
    current_->selectAll();
    current_->setFocus(Qt::OtherFocusReason);
}

}  // namespace renkei::ui
