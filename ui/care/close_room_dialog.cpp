#include "care/close_room_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "bridge/closure_bridge.h"
#include "care/care_text.h"

namespace renkei::ui {

CloseRoomDialog::CloseRoomDialog(CoreBridge& bridge, const QString& room_id, const QString& patient_name,
                                 QWidget* parent)
    : QDialog(parent), closure_bridge_(new ClosureBridge(bridge, this)), room_id_(room_id) {
    setWindowTitle(tr("部屋の終了"));
    auto* warning = new QLabel(
        tr("「%1」の部屋を終了します。\n"
           "ケアチームの全員がこの部屋から退出し、部屋は読むだけの記録（終了した部屋）になります。"
           "新しい投稿はできなくなり、元に戻すことはできません。")
            .arg(patient_name));
    warning->setTextFormat(Qt::PlainText);  // the name is the room's own text
    warning->setWordWrap(true);
    warning->setAccessibleName(tr("注意"));
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);

    reason_ = new QComboBox;
    reason_->setAccessibleName(tr("終了の理由"));
    for (const auto r : {care::ClosureReason::Death, care::ClosureReason::Facility, care::ClosureReason::Moved,
                         care::ClosureReason::Other}) {
        reason_->addItem(closureReasonLabel(r), static_cast<int>(r));
    }
    reason_->setCurrentIndex(-1);  // chosen on purpose, never by default
    reason_->setPlaceholderText(tr("選んでください"));

    date_ = new QDateEdit(QDate::currentDate());
    date_->setAccessibleName(tr("終了日"));
    date_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date_->setCalendarPopup(true);
    date_->setDateRange(QDate(1900, 1, 1), QDate::currentDate());  // never in the future

    note_ = new QPlainTextEdit;
    note_->setAccessibleName(tr("メモ"));
    note_->setTabChangesFocus(true);  // Tab moves on, as in every other field
    note_->setPlaceholderText(tr("例: 特別養護老人ホームへ入所（「その他」の場合は必須）"));
    note_->setFixedHeight(note_->fontMetrics().lineSpacing() * 4 + 12);

    auto* form = new QFormLayout;
    form->addRow(tr("理由(&R)"), reason_);
    form->addRow(tr("終了日(&D)"), date_);
    form->addRow(tr("メモ(&M)"), note_);

    error_ = new QLabel;
    error_->setTextFormat(Qt::PlainText);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->setAccessibleName(tr("エラー"));
    error_->hide();

    auto* buttons = new QDialogButtonBox;
    close_ = buttons->addButton(tr("部屋を終了する(&C)"), QDialogButtonBox::DestructiveRole);
    cancel_ = buttons->addButton(tr("キャンセル"), QDialogButtonBox::RejectRole);
    close_->setAutoDefault(false);
    cancel_->setDefault(true);  // Enter does not close a room by accident

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);

    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
    connect(close_, &QPushButton::clicked, this, &CloseRoomDialog::submit);
    connect(reason_, &QComboBox::currentIndexChanged, this, [this] { error_->hide(); });
    connect(closure_bridge_, &ClosureBridge::closed, this, [this](const QString& room) {
        if (room != room_id_) return;
        emit roomClosed(room);
        accept();
    });
    connect(closure_bridge_, &ClosureBridge::closeFailed, this, [this](const QString& room, const QString& text) {
        if (room != room_id_) return;
        setBusy(false);
        showError(text);
    });
    resize(fontMetrics().averageCharWidth() * 70, sizeHint().height());
    reason_->setFocus(Qt::OtherFocusReason);
}

care::Closure CloseRoomDialog::closure() const {
    care::Closure c;
    c.reason = static_cast<care::ClosureReason>(reason_->currentData().toInt());
    c.date = date_->date().toString(QStringLiteral("yyyy-MM-dd")).toStdString();
    c.note = note_->toPlainText().trimmed().toStdString();
    return c;
}

QString CloseRoomDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void CloseRoomDialog::showError(const QString& text) {
    error_->setText(text);
    error_->show();
}

void CloseRoomDialog::setBusy(bool busy) {
    for (QWidget* w : {static_cast<QWidget*>(reason_), static_cast<QWidget*>(date_), static_cast<QWidget*>(note_),
                       static_cast<QWidget*>(close_)}) {
        w->setEnabled(!busy);
    }
    close_->setText(busy ? tr("終了しています…") : tr("部屋を終了する(&C)"));
}

void CloseRoomDialog::submit() {
    if (reason_->currentIndex() < 0) {
        showError(tr("終了の理由を選んでください。"));
        reason_->setFocus(Qt::OtherFocusReason);
        return;
    }
    const QString note = note_->toPlainText().trimmed();
    const auto reason = static_cast<care::ClosureReason>(reason_->currentData().toInt());
    if (reason == care::ClosureReason::Other && note.isEmpty()) {
        showError(tr("「その他」の場合は、終了の理由をメモに書いてください。"));
        note_->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (note.toUcs4().size() > kNoteMax) {
        showError(tr("メモは %1 文字までです。").arg(kNoteMax));
        note_->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (date_->date() > QDate::currentDate()) {
        showError(tr("終了日に未来の日付は選べません。"));
        date_->setFocus(Qt::OtherFocusReason);
        return;
    }
    error_->hide();
    setBusy(true);
    closure_bridge_->closeRoom(room_id_, closure());
}

}  // namespace renkei::ui
