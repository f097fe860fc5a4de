#include "timeline/composer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include "care/care_text.h"
#include "care/records/record_fields.h"

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

    attach_button_ = new QPushButton(tr("Attach file"));
    attach_button_->setAccessibleName(tr("Attach file"));
    attach_button_->setToolTip(tr("Post a file: a photo, a PDF or any other document"));

    record_button_ = new QPushButton(tr("Record"));
    record_button_->setAccessibleName(tr("Record"));
    record_button_->setToolTip(tr("Write a structured record: vitals, medication, the physician's update, ACP, discharge"));
    auto* records = new QMenu(record_button_);
    for (care::RecordKind kind : {care::RecordKind::Vitals, care::RecordKind::Medication,
                                  care::RecordKind::PhysicianUpdate, care::RecordKind::Acp,
                                  care::RecordKind::DischargeGuidance}) {
        QAction* action = records->addAction(recordKindTitle(kind), this, [this, kind] { emit recordRequested(kind); });
        action->setData(static_cast<int>(kind));
    }
    record_button_->setMenu(records);

    mode_label_ = new QLabel;
    mode_label_->setTextFormat(Qt::PlainText);  // a post's text and an author's name: never markup
    mode_label_->setAccessibleName(tr("Composer mode"));
    mode_label_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // long texts elide, never widen
    cancel_mode_ = new QPushButton(QStringLiteral("×"));
    cancel_mode_->setAccessibleName(tr("Cancel"));
    cancel_mode_->setToolTip(tr("Cancel (Esc)"));
    cancel_mode_->setFlat(true);
    mode_bar_ = new QWidget;
    auto* bar = new QHBoxLayout(mode_bar_);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(mode_label_, 1);
    bar->addWidget(cancel_mode_);
    mode_bar_->hide();

    hint_ = new QLabel;
    hint_->setAccessibleName(tr("Send shortcut"));
    hint_->setForegroundRole(QPalette::PlaceholderText);

    // The clinical context of the next post: 場面 and 至急 (jp.renkei.scene / .urgent).
    scene_ = new QComboBox;
    scene_->setAccessibleName(tr("Scene"));
    scene_->setToolTip(tr("The scene of care this post belongs to"));
    scene_->addItem(tr("No scene"), -1);
    for (int s = 0; s <= static_cast<int>(care::Scene::EndOfLife); ++s) {
        scene_->addItem(sceneLabel(static_cast<care::Scene>(s)), s);
    }
    urgent_ = new QCheckBox(tr("Urgent"));
    urgent_->setAccessibleName(tr("Urgent"));
    urgent_->setToolTip(tr("Mark the post as urgent: the care team sees it highlighted and is notified"));
    auto* context_row = new QHBoxLayout;
    context_row->setContentsMargins(0, 0, 0, 0);
    context_row->addWidget(scene_);
    context_row->addWidget(urgent_);
    context_row->addStretch(1);
    context_row->addWidget(hint_);

    auto* side = new QVBoxLayout;
    side->addStretch();
    side->addWidget(record_button_);
    side->addWidget(attach_button_);
    side->addWidget(send_button_);

    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(edit_, 1);
    row->addLayout(side);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mode_bar_);
    layout->addLayout(row);
    layout->addLayout(context_row);

    connect(edit_, &ComposerEdit::sendRequested, this, &Composer::send);
    connect(send_button_, &QPushButton::clicked, this, &Composer::send);
    connect(attach_button_, &QPushButton::clicked, this, &Composer::chooseFile);
    connect(cancel_mode_, &QPushButton::clicked, this, &Composer::cancelMode);
    edit_->installEventFilter(this);  // Esc leaves reply or edit mode
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

void Composer::clear() {
    edit_->clear();
    urgent_->setChecked(false);
}

care::PostContext Composer::postContext() const {
    care::PostContext context;
    if (const int s = scene_->currentData().toInt(); s >= 0) context.scene = static_cast<care::Scene>(s);
    context.urgent = urgent_->isChecked();
    return context;
}

void Composer::setPostContext(const care::PostContext& context) {
    scene_->setCurrentIndex(qMax(0, scene_->findData(context.scene ? static_cast<int>(*context.scene) : -1)));
    urgent_->setChecked(context.urgent);
}

void Composer::send() {
    const QString text = edit_->toPlainText().trimmed();
    if (text.isEmpty() || !isEnabled()) return;
    emit sendRequested(text);
}

void Composer::setRecordDrafts(const QList<care::RecordKind>& drafted) {
    for (QAction* action : record_button_->menu()->actions()) {
        const auto kind = static_cast<care::RecordKind>(action->data().toInt());
        action->setText(drafted.contains(kind) ? tr("%1 (draft)").arg(recordKindTitle(kind)) : recordKindTitle(kind));
    }
}

void Composer::chooseFile() {
    if (!isEnabled()) return;
    // open(), not exec(): no nested event loop; the dialog deletes itself when closed.
    auto* dialog = new QFileDialog(this, tr("Choose a file to post"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) {
        if (!path.isEmpty()) emit fileChosen(path);
    });
    dialog->open();
}

QString Composer::excerpt(const QString& text, int max_chars) {
    QString line = text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.size() > max_chars) line = line.left(max_chars) + QStringLiteral("…");
    return line;
}

void Composer::startReply(const QString& event_id, const QString& author, const QString& text) {
    setMode(Mode::Reply, event_id, tr("Replying to: %1 “%2”").arg(author, excerpt(text)));
    edit_->setFocus(Qt::OtherFocusReason);
}

void Composer::startEdit(const QString& event_id, const QString& text) {
    setMode(Mode::Edit, event_id, tr("Editing a post"));  // before the text: no draft is written
    setText(text);
    edit_->setFocus(Qt::OtherFocusReason);
}

void Composer::setMode(Mode mode, const QString& event_id, const QString& bar_text) {
    mode_ = mode;
    target_ = event_id;
    mode_label_->setText(bar_text);
    mode_bar_->setVisible(mode != Mode::Post);
    send_button_->setText(mode == Mode::Edit ? tr("Save edit") : tr("Send"));
    // A new post and a reply carry their own; an edit keeps the original's (TimelineItem::context).
    scene_->setEnabled(mode != Mode::Edit);
    urgent_->setEnabled(mode != Mode::Edit);
}

void Composer::cancelMode() {
    if (mode_ == Mode::Post) return;
    const Mode left = mode_;
    setMode(Mode::Post, {}, {});
    emit modeCancelled(left);
}

QString Composer::modeText() const { return mode_ == Mode::Post ? QString() : mode_label_->text(); }

bool Composer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == edit_ && event->type() == QEvent::KeyPress && mode_ != Mode::Post &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        cancelMode();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::updateHint() {
    hint_->setText(edit_->sendKey() == SendKey::CtrlEnter
                       ? tr("Ctrl+Enter sends · Enter starts a new line")
                       : tr("Enter sends · Shift+Enter starts a new line"));
}

}  // namespace renkei::ui
