// MainWindow: posting and the outbox as the user sees it — sending from the composer (the
// draft moves into the outbox), the buttons of a refused post (再送 / 編集 / 破棄), the
// connection banner and status, signing in again, and signing out with unsent posts.
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "timeline/composer.h"
#include "connection_banner.h"
#include "bridge/core_bridge.h"
#include "draft_keeper.h"
#include "main_window.h"
#include "timeline/timeline_view.h"

namespace renkei::ui {

QMessageBox* MainWindow::newMessageBox(int icon, const QString& title, const QString& text) {
    if (message_box_ != nullptr) message_box_->close();
    auto* box = new QMessageBox(static_cast<QMessageBox::Icon>(icon), title, text, QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    message_box_ = box;
    return box;
}

void MainWindow::showNotice(const QString& title, const QString& text) {
    QMessageBox* box = newMessageBox(QMessageBox::Warning, title, text);
    box->addButton(QMessageBox::Ok);
    box->open();  // not exec(): no nested event loop
}

void MainWindow::sendPost(const QString& text) {
    if (room_id_.isEmpty()) return;
    QString error;
    const Composer::Mode mode = composer_->mode();
    const QString target = composer_->targetEventId();
    // One vault transaction: the post (or reply) enters the outbox and the room's draft is
    // deleted; an edit leaves the draft alone (it was put aside while editing).
    QString local_id;
    switch (mode) {
        case Composer::Mode::Post:
            local_id = bridge_.sendText(room_id_, text, &error, composer_->postContext());
            break;
        case Composer::Mode::Reply:
            local_id = bridge_.queueReply(room_id_, target, text, &error, composer_->postContext());
            break;
        case Composer::Mode::Edit: local_id = bridge_.queueEdit(room_id_, target, text, &error); break;
    }
    if (local_id.isEmpty()) {
        // Nothing changed: the text stays in the composer (and its draft keeps saving).
        showNotice(mode == Composer::Mode::Edit ? tr("Edit not saved") : tr("Post not saved"),
                   tr("The post could not be saved for sending. Your text is still in the box.\n\n%1").arg(error));
        return;
    }
    if (mode == Composer::Mode::Edit) {
        leaveComposerMode();  // the draft put aside comes back
        return;
    }
    composer_->cancelMode();
    drafts_->cancelPending();           // the outbox has the text now
    drafts_->replaceText({}, false);    // emptied without writing an empty draft again
    composer_->setPostContext({composer_->postContext().scene, false});  // 至急 is chosen per post
    timeline_->scrollToNewest();        // the timeline model shows the local echo at once
}

void MainWindow::sendFile(const QString& file_path) {
    if (room_id_.isEmpty()) return;
    bridge_.sendFile(room_id_, file_path);  // read, checked and queued on a worker
    timeline_->scrollToNewest();
}

void MainWindow::onPostAction(const QString& local_id, PostAction action) {
    switch (action) {
        case PostAction::Retry:
            if (!bridge_.retryPost(local_id)) statusBar()->showMessage(tr("The post could not be sent again."), 10000);
            break;
        case PostAction::Edit: editFailedPost(local_id); break;
        case PostAction::Discard: confirmDiscard(local_id); break;
    }
}

void MainWindow::editFailedPost(const QString& local_id) {
    const auto post = bridge_.pendingPost(local_id);
    // Only a text post goes back into the composer (not a file, a reaction or a deletion).
    if (!post || post->has_file || post->event_type != u"m.room.message") return;
    if (post->room_id != room_id_) openRoom(post->room_id);
    // Never overwrite what is being typed: the refused text goes below it.
    const QString current = composer_->text();
    const QString text = current.trimmed().isEmpty() ? post->text : current + QStringLiteral("\n") + post->text;
    // The text is safe as a draft before the post is removed: a crash in between loses nothing.
    if (!drafts_->replaceText(text, true)) return;  // saveFailed says why; the post stays
    bridge_.discardPost(local_id);
    composer_->editor()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::confirmDiscard(const QString& local_id) {
    const auto post = bridge_.pendingPost(local_id);
    if (!post) return;
    QMessageBox* box = newMessageBox(QMessageBox::Question, tr("Discard post"),
                                      tr("Discard this post? It was not sent and will be deleted from this "
                                         "computer."));
    QPushButton* discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::buttonClicked, this, [this, discard, local_id](QAbstractButton* clicked) {
        if (clicked == discard) bridge_.discardPost(local_id);
    });
    box->open();
}

void MainWindow::updateStatus() {
    const int queued = bridge_.queuedCount();
    const int failed = bridge_.failedCount();
    const bool offline = bridge_.isOffline();
    QString text;
    if (bridge_.needsSignIn()) {
        text = tr("Signed out by the server");
    } else if (offline) {
        text = tr("Offline");
    } else {
        switch (sync_status_) {
            case SyncStatus::Online: text = tr("Online"); break;
            case SyncStatus::Syncing: text = tr("Syncing"); break;
            case SyncStatus::Offline: text = tr("Offline"); break;
        }
    }
    if (last_success_.isValid()) {
        text = tr("%1 · Last sync %2").arg(text, last_success_.toLocalTime().toString(QStringLiteral("HH:mm")));
    }
    if (queued > 0) {
        const bool waits = offline || bridge_.needsSignIn() || sync_status_ == SyncStatus::Offline;
        text += QStringLiteral(" · ") + (waits ? tr("%n waiting to be sent", nullptr, queued)
                                               : tr("Sending %n", nullptr, queued));
    }
    if (failed > 0) text += QStringLiteral(" · ") + tr("%n not sent", nullptr, failed);
    if (const QString rooms = pendingRoomsText(); !rooms.isEmpty()) text += QStringLiteral(" · ") + rooms;
    status_->setText(text);

    if (bridge_.needsSignIn()) {
        banner_->showSignInNeeded(queued);
    } else if (offline) {
        banner_->showOffline(queued);
    } else {
        banner_->hide();
    }
}

void MainWindow::showReauthDialog() {
    if (!bridge_.needsSignIn()) return;
    if (wipeRemovedDevice()) return;
    if (reauth_dialog_ != nullptr) {
        reauth_dialog_->raise();
        reauth_dialog_->activateWindow();
        return;
    }
    reauth_dialog_ = new ReauthDialog(bridge_, this);
    reauth_dialog_->setAttribute(Qt::WA_DeleteOnClose);
    reauth_dialog_->setWindowModality(Qt::WindowModal);
    reauth_dialog_->open();
}

void MainWindow::confirmSignOut() {
    const int posts = bridge_.queuedCount() + bridge_.failedCount();
    const int rooms = pendingRoomCount();
    const int unsent = posts + rooms;
    QMessageBox* box = nullptr;
    QPushButton* sign_out = nullptr;
    if (unsent > 0) {
        QStringList lost;
        if (posts > 0) {
            lost << tr("%n post(s) have not been sent yet. If you sign out now, they will be deleted "
                       "from this computer and never sent.",
                       nullptr, posts);
        }
        if (rooms > 0) {
            lost << tr("%n patient room(s) waiting to be opened will be deleted from this computer and "
                       "not opened.",
                       nullptr, rooms);
        }
        box = newMessageBox(QMessageBox::Warning, tr("Sign out"), lost.join(QLatin1Char('\n')));
        box->setInformativeText(tr("Your drafts stay on this computer."));
        sign_out = box->addButton(tr("Delete and sign out"), QMessageBox::DestructiveRole);
    } else {
        box = newMessageBox(QMessageBox::Question, tr("Sign out"),
                             tr("Sign out of Renkei? Your drafts stay on this computer."));
        sign_out = box->addButton(tr("Sign out"), QMessageBox::AcceptRole);
    }
    // A shared clinic computer: the next person must not find this account's patients here.
    auto* remove_copy = new QCheckBox(tr("Also delete this account's data from this computer (drafts included)"));
    box->setCheckBox(remove_copy);
    box->setDefaultButton(box->addButton(tr("Cancel"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::buttonClicked, this, [this, sign_out, unsent, remove_copy](QAbstractButton* clicked) {
        if (clicked != sign_out) return;
        drafts_->saveNow();
        QString error;
        if (!bridge_.signOut(unsent > 0, &error, remove_copy->isChecked())) {
            showNotice(tr("Sign out"), error);
        }
    });
    box->open();
}

}  // namespace renkei::ui
