// MainWindow: structured posts — the form of a new one (the composer's 記録 menu), a
// correction through the post's own form (編集), and the whole record as a document
// (文書として表示…). See care/records/.
#include <QStatusBar>

#include "care/records/record_compose_dialog.h"
#include "care/records/record_document_dialog.h"
#include "care/records/record_form.h"
#include "main_window.h"
#include "timeline/composer.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

namespace renkei::ui {

void MainWindow::openRecordForm(care::RecordKind kind) {
    if (room_id_.isEmpty()) return;
    if (record_dialog_) {
        record_dialog_->raise();
        record_dialog_->activateWindow();
        return;
    }
    record_dialog_ = new RecordComposeDialog(bridge_, room_id_, kind, composer_->postContext(), this);
    // Closed or sent: the 記録 menu shows which forms still wait as drafts.
    connect(record_dialog_, &QDialog::finished, this,
            [this, room = room_id_] { if (room == room_id_) composer_->setRecordDrafts(bridge_.recordDraftKinds(room)); });
    connect(record_dialog_, &RecordComposeDialog::queued, this, [this] {
        composer_->setPostContext({composer_->postContext().scene, false});  // 至急 is chosen per post
        timeline_->scrollToNewest();
    });
    record_dialog_->show();
}

void MainWindow::startRecordCorrection(const QString& event_id) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0 || room_id_.isEmpty()) return;
    const care::RecordView* view = timeline_model_->item(row).record();  // the current version
    if (view == nullptr) return;
    if (record_dialog_) record_dialog_->close();  // its draft is saved on closing
    record_dialog_ = new RecordComposeDialog(bridge_, room_id_, view->kind, {}, this);
    record_dialog_->startCorrection(event_id, view->record);
    connect(record_dialog_, &RecordComposeDialog::queued, this,
            [this] { statusBar()->showMessage(tr("The correction was queued; the edit history keeps the original."), 8000); });
    record_dialog_->show();
}

void MainWindow::showRecordDocument(const QString& event_id) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0) return;
    const QModelIndex index = timeline_model_->index(row, 0);
    const QString byline = index.data(TimelineModel::SenderNameRole).toString() + QStringLiteral("　") +
                           index.data(TimelineModel::TimeRole).toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    auto* dialog = new RecordDocumentDialog(index.data(TimelineModel::RecordTitleRole).toString(), byline,
                                            index.data(TimelineModel::RecordLinesRole).toStringList(),
                                            index.data(TimelineModel::EditedRole).toBool(), this);
    dialog->show();
}

}  // namespace renkei::ui
