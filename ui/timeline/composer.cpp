#include "timeline/composer.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace renkei::ui {

ComposerEdit::ComposerEdit(QWidget* parent) : QPlainTextEdit(parent) {
    setTabChangesFocus(true);  // Tab moves on to the send button: keyboard reachable
}

void ComposerEdit::keyPressEvent(QKeyEvent* event) {
    const bool is_enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (is_enter) {
        const auto mods = event->modifiers() & ~Qt::KeypadModifier;
        const bool sends = send_key_ == SendKey::CtrlEnter ? mods == Qt::ControlModifier
                                                           : mods == Qt::NoModifier;
        if (sends) {
            emit sendRequested();
            event->accept();
            return;
        }
        if (send_key_ == SendKey::Enter && (mods == Qt::ShiftModifier || mods == Qt::ControlModifier)) {
            insertPlainText(QStringLiteral("\n"));
            event->accept();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

Composer::Composer(QWidget* parent) : QWidget(parent) {
    edit_ = new ComposerEdit;
    edit_->setAccessibleName(tr("Message"));
    edit_->setPlaceholderText(tr("Write a post for the care team"));
    // About four lines high, growing with the font (HiDPI and font-size setting).
    edit_->setMinimumHeight(edit_->fontMetrics().lineSpacing() * 3);
    edit_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    send_button_ = new QPushButton(tr("Send"));
    send_button_->setAccessibleName(tr("Send"));
    send_button_->setEnabled(false);

    attach_button_ = new QPushButton(tr("Attach image"));
    attach_button_->setAccessibleName(tr("Attach image"));
    attach_button_->setToolTip(tr("Post a photo or a picture (PNG, JPEG, GIF, WebP; up to 20 MB)"));

    hint_ = new QLabel;
    hint_->setAccessibleName(tr("Send shortcut"));
    hint_->setForegroundRole(QPalette::PlaceholderText);

    auto* side = new QVBoxLayout;
    side->addStretch();
    side->addWidget(attach_button_);
    side->addWidget(send_button_);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit_, 1);
    row->addLayout(side);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(hint_);

    connect(edit_, &ComposerEdit::sendRequested, this, &Composer::send);
    connect(send_button_, &QPushButton::clicked, this, &Composer::send);
    connect(attach_button_, &QPushButton::clicked, this, &Composer::chooseImage);
    connect(edit_, &QPlainTextEdit::textChanged, this,
            [this] { send_button_->setEnabled(!edit_->toPlainText().trimmed().isEmpty()); });
    updateHint();
}

void Composer::setSendKey(SendKey key) {
    edit_->setSendKey(key);
    updateHint();
}

QString Composer::text() const { return edit_->toPlainText(); }

void Composer::setText(const QString& text) {
    edit_->setPlainText(text);
    edit_->moveCursor(QTextCursor::End);
}

void Composer::clear() { edit_->clear(); }

void Composer::send() {
    const QString text = edit_->toPlainText().trimmed();
    if (text.isEmpty() || !isEnabled()) return;
    emit sendRequested(text);
}

void Composer::chooseImage() {
    if (!isEnabled()) return;
    // open(), not exec(): no nested event loop; the dialog deletes itself when closed.
    auto* dialog = new QFileDialog(this, tr("Choose an image to post"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setNameFilter(tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (!path.isEmpty()) emit imageChosen(path);
    });
    dialog->open();
}

void Composer::updateHint() {
    hint_->setText(edit_->sendKey() == SendKey::CtrlEnter
                       ? tr("Ctrl+Enter sends · Enter starts a new line")
                       : tr("Enter sends · Shift+Enter starts a new line"));
}

}  // namespace renkei::ui
