// MainWindow: what the user does to a synced post from its context menu — reply and edit
// (the composer's modes; the room's draft is put aside while editing and comes back after),
// delete with an optional reason (a small dialog says it is visible to the room and final),
// the 「確認しました」 acknowledgement, and the edit history.
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "draft_keeper.h"
#include "main_window.h"
#include "media/file_actions.h"
#include "media/file_viewer.h"
#include "timeline/composer.h"
#include "timeline/edit_history_dialog.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

namespace renkei::ui {

void MainWindow::startReply(const QString& event_id) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0) return;
    const QModelIndex index = timeline_model_->index(row, 0);
    if (composer_->mode() == Composer::Mode::Edit) leaveComposerMode();
    composer_->startReply(event_id, index.data(TimelineModel::SenderNameRole).toString(),
                          index.data(TimelineModel::BodyRole).toString());
}

void MainWindow::startEdit(const QString& event_id) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0) return;
    if (timeline_model_->index(row, 0).data(TimelineModel::RecordKindRole).toInt() >= 0) {
        return startRecordCorrection(event_id);  // its values are corrected in its form
    }
    if (composer_->mode() != Composer::Mode::Edit) {
        // The room's draft is safe in the vault before the field shows the post's text.
        drafts_->saveNow();
        draft_before_edit_ = composer_->text();
    }
    composer_->startEdit(event_id, timeline_model_->index(row, 0).data(TimelineModel::BodyRole).toString());
}

void MainWindow::leaveComposerMode() {
    composer_->cancelMode();  // emits modeCancelled: the draft comes back
}

void MainWindow::onComposerModeCancelled(int left) {
    if (static_cast<Composer::Mode>(left) != Composer::Mode::Edit) return;
    // The vault still holds this draft: shown again without writing it.
    drafts_->replaceText(draft_before_edit_, false);
    draft_before_edit_.clear();
}

void MainWindow::confirmDelete(const QString& event_id) {
    if (room_id_.isEmpty() || event_id.isEmpty()) return;
    if (delete_dialog_ != nullptr) delete_dialog_->close();
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Delete post"));
    auto* text = new QLabel(tr("Delete this post? Everyone in the room will see that it was deleted (and the "
                               "reason, if you give one). This cannot be undone."));
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    auto* reason_label = new QLabel(tr("&Reason (optional)"));
    auto* reason = new QLineEdit;
    reason->setObjectName(QStringLiteral("reason"));
    reason->setAccessibleName(tr("Reason (optional)"));
    reason->setPlaceholderText(tr("e.g. posted in the wrong room"));
    reason->setMaxLength(500);
    reason_label->setBuddy(reason);
    auto* buttons = new QDialogButtonBox;
    QPushButton* remove = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    QPushButton* cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    remove->setAutoDefault(false);
    cancel->setDefault(true);  // Enter does not delete by accident
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(reason_label);
    layout->addWidget(reason);
    layout->addWidget(buttons);
    connect(cancel, &QPushButton::clicked, dialog, &QDialog::reject);
    connect(remove, &QPushButton::clicked, dialog, [this, dialog, reason, event_id, room = room_id_] {
        QString error;
        if (bridge_.queueRedaction(room, event_id, reason->text(), &error).isEmpty()) {
            dialog->reject();
            showNotice(tr("Post not deleted"), error);
            return;
        }
        dialog->accept();
    });
    dialog->resize(fontMetrics().averageCharWidth() * 60, dialog->sizeHint().height());
    delete_dialog_ = dialog;
    dialog->open();  // not exec(): no nested event loop
    reason->setFocus(Qt::OtherFocusReason);
}

void MainWindow::toggleReaction(const QString& event_id, const QString& key) {
    if (room_id_.isEmpty()) return;
    QString error;
    if (!bridge_.toggleReaction(room_id_, event_id, key, &error)) {
        statusBar()->showMessage(tr("The acknowledgement could not be changed: %1").arg(error), 15000);
    }
}

void MainWindow::showEditHistory(const QString& event_id) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0) return;
    if (history_dialog_ != nullptr) history_dialog_->close();
    const QModelIndex index = timeline_model_->index(row, 0);
    const auto& item = timeline_model_->item(row);
    const QString sender = QString::fromStdString(item.sender);
    const QString sender_name = index.data(TimelineModel::SenderNameRole).toString();
    // Spec "Event replacements": only the original sender's edits apply, so every version is theirs.
    auto names = [sender, sender_name](const QString& user_id) { return user_id == sender ? sender_name : user_id; };
    history_dialog_ = new EditHistoryDialog(item, names, this);
    history_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    history_dialog_->open();
}

void MainWindow::openFile(const QString& event_id, bool save) {
    const int row = timeline_model_->rowOfEvent(event_id);
    if (row < 0) return;
    const QModelIndex index = timeline_model_->index(row, 0);
    const QString mxc = index.data(TimelineModel::FileUrlRole).toString();
    if (mxc.isEmpty()) {
        statusBar()->showMessage(tr("This file cannot be opened here."), 10000);
        return;
    }
    if (file_actions_ == nullptr) {
        file_actions_ = new FileActions(bridge_, this);
        // Every attachment opened or saved is in the access log, with its room.
        connect(file_actions_, &FileActions::opened, this, [this](const QString& file_mxc) {
            bridge_.recordAccess(store::AccessKind::FileOpened, file_rooms_.value(file_mxc), QStringLiteral("kind=file"));
        });
        connect(file_actions_, &FileActions::saved, this, [this](const QString& file_mxc) {
            bridge_.recordAccess(store::AccessKind::FileSaved, file_rooms_.value(file_mxc), QStringLiteral("kind=file"));
        });
    }
    file_rooms_.insert(mxc, room_id_);
    const QString name = index.data(TimelineModel::FileNameRole).toString();
    const QString mime = index.data(TimelineModel::FileMimeRole).toString();
    const qint64 size = index.data(TimelineModel::FileSizeRole).toLongLong();
    if (save) {
        file_actions_->save(mxc, name, mime, size, this);
    } else {
        file_actions_->open(mxc, name, mime, size, this);
    }
}

}  // namespace renkei::ui
