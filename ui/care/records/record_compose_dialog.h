// Renkei UI: writing a structured post — the form of one kind (RecordForm) in a non-modal
// dialog. A new post starts from the room's saved draft of that kind and is saved as a draft
// in the vault half a second after each change (and on closing), so a form written over days,
// offline, survives restarts and crashes like the composer's text. 送信 checks the record as
// core does (care::recordContentFor) and queues it through the outbox with the draft deleted
// in the same step; a refusal names the field and the dialog stays open with nothing lost.
// A correction (startCorrection) starts from the post's current record and sends an edit.
#pragma once

#include <QDialog>
#include <QString>

#include <nlohmann/json.hpp>

#include "care/care_record.h"
#include "care/care_types.h"
#include "common/result.h"

class QLabel;
class QPushButton;
class QTimer;

namespace renkei::ui {

class CoreBridge;
class RecordForm;

class RecordComposeDialog : public QDialog {
    Q_OBJECT
public:
    /// A new post of `kind` in `room_id`, from the room's draft of that kind when there is one.
    /// `context`: the 場面 and 至急 it carries (the composer's selector).
    RecordComposeDialog(CoreBridge& bridge, const QString& room_id, care::RecordKind kind,
                        const care::PostContext& context, QWidget* parent = nullptr);

    /// Turns the dialog into a correction of our own post `event_id` whose current record is
    /// `record`: no draft is read or written; 送信 queues an edit (m.replace).
    void startCorrection(const QString& event_id, const nlohmann::json& record);

    RecordForm* form() const { return form_; }
    QString message() const;  ///< the refusal shown, or empty
    /// As 送信: checks, queues, closes. False (the dialog stays, `message()` says why) when
    /// refused.
    bool send();
    /// Saves the form as the room's draft now (as the pause after a change does).
    bool saveDraftNow();
    bool isCorrection() const { return !target_.isEmpty(); }

signals:
    /// The post (or correction) was queued: its local id.
    void queued(const QString& local_id);

protected:
    void done(int result) override;

private:
    /// The user's words for a refused record: a vitals rule with its value and range, else the
    /// refused field's label (refusedField), else the required fields.
    QString refusalText(const nlohmann::json& record, const Result<nlohmann::json>& refused) const;

    CoreBridge& bridge_;
    QString room_id_;
    care::RecordKind kind_;
    care::PostContext context_;
    QString target_;
    RecordForm* form_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* draft_state_ = nullptr;
    QPushButton* send_ = nullptr;
    QTimer* save_timer_ = nullptr;
};

}  // namespace renkei::ui
