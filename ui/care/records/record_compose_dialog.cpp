#include "care/records/record_compose_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/care_record_check.h"
#include "care/care_record_content.h"
#include "care/care_record_vitals.h"
#include "care/patient_form.h"  // refusedField
#include "care/records/record_form.h"

namespace renkei::ui {
namespace {

constexpr int kDraftPauseMs = 500;  // as the composer's text drafts (README)

QString wire(care::RecordKind kind) { return QString::fromStdString(care::toWire(kind)); }

}  // namespace

RecordComposeDialog::RecordComposeDialog(CoreBridge& bridge, const QString& room_id, care::RecordKind kind,
                                         const care::PostContext& context, QWidget* parent)
    : QDialog(parent), bridge_(bridge), room_id_(room_id), kind_(kind), context_(context) {
    setWindowTitle(recordKindTitle(kind));
    setAttribute(Qt::WA_DeleteOnClose);
    form_ = new RecordForm(kind, this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    message_ = new QLabel(this);
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b00020;"));
    message_->hide();
    draft_state_ = new QLabel(this);
    draft_state_->setTextFormat(Qt::PlainText);
    draft_state_->setForegroundRole(QPalette::PlaceholderText);
    auto* buttons = new QDialogButtonBox(this);
    send_ = buttons->addButton(tr("送信"), QDialogButtonBox::AcceptRole);
    buttons->addButton(tr("閉じる（下書きは残ります）"), QDialogButtonBox::RejectRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(message_);
    layout->addWidget(draft_state_);
    layout->addWidget(buttons);
    resize(560, kind == care::RecordKind::DischargeGuidance || kind == care::RecordKind::Acp ? 720 : 560);

    const nlohmann::json draft = bridge_.recordDraft(room_id_, wire(kind_));
    if (draft.is_object()) {
        form_->setRecord(draft);
        draft_state_->setText(tr("下書きから再開しました"));
    }
    save_timer_ = new QTimer(this);
    save_timer_->setSingleShot(true);
    save_timer_->setInterval(kDraftPauseMs);
    connect(save_timer_, &QTimer::timeout, this, &RecordComposeDialog::saveDraftNow);
    connect(form_, &RecordForm::changed, this, [this] {
        if (!isCorrection()) save_timer_->start();
    });
    connect(send_, &QPushButton::clicked, this, &RecordComposeDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RecordComposeDialog::startCorrection(const QString& event_id, const nlohmann::json& record) {
    save_timer_->stop();
    target_ = event_id;
    setWindowTitle(tr("%1を訂正").arg(recordKindTitle(kind_)));
    form_->setRecord(record);
    send_->setText(tr("訂正を送信"));
    draft_state_->setText(tr("訂正前の記録も編集履歴に残ります"));
}

QString RecordComposeDialog::message() const { return message_->isHidden() ? QString() : message_->text(); }

bool RecordComposeDialog::saveDraftNow() {
    save_timer_->stop();
    if (isCorrection()) return true;
    QString error;
    const nlohmann::json record = form_->isBlank() ? nlohmann::json::object() : form_->record();
    if (!bridge_.saveRecordDraft(room_id_, wire(kind_), record, &error)) {
        draft_state_->setText(tr("下書きを保存できません: %1").arg(error));
        return false;
    }
    draft_state_->setText(form_->isBlank() ? QString()
                                           : tr("下書きを保存しました（%1）")
                                                 .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"))));
    return true;
}

QString RecordComposeDialog::refusalText(const nlohmann::json& record, const Result<nlohmann::json>& refused) const {
    if (kind_ == care::RecordKind::Vitals) {  // the measured value and its range, in words
        if (auto v = care::formVitals(record)) {
            if (auto problem = care::vitalsProblem(*v, QDateTime::currentMSecsSinceEpoch())) {
                return QString::fromStdString(care::problemTextJa(*problem));
            }
        }
    }
    if (const RecordField* f = fieldAt(kind_, refusedField(refused))) {
        const QString message = QString::fromStdString(refused.error().message);
        return tr("「%1」を確認してください（%2）").arg(fieldLabel(f->label), message.mid(message.indexOf(QLatin1Char(':')) + 1).trimmed());
    }
    return tr("必須の項目（*）を入力してください");
}

bool RecordComposeDialog::send() {
    const nlohmann::json record = form_->record();
    auto content = care::recordContentFor(kind_, record, QDateTime::currentMSecsSinceEpoch());
    QString error;
    QString local_id;
    if (!content) {
        error = refusalText(record, content);
    } else if (isCorrection()) {
        local_id = bridge_.queueRecordEdit(room_id_, target_, *content, &error);
    } else {
        local_id = bridge_.queueRecord(room_id_, *content, &error, context_, wire(kind_));
    }
    if (local_id.isEmpty()) {
        message_->setText(error);
        message_->show();
        return false;
    }
    save_timer_->stop();
    emit queued(local_id);
    QDialog::done(Accepted);  // the draft went with the post: nothing to save
    return true;
}

void RecordComposeDialog::done(int result) {
    if (result != Accepted && save_timer_->isActive()) saveDraftNow();
    QDialog::done(result);
}

}  // namespace renkei::ui
