// MainWindow: 「このパソコンのデータを消去」 (File menu): after a confirmation that names what
// was never sent, this computer's copy of the account (both databases with their WAL and SHM
// files, the key file overwritten first; media live in memory only) is deleted through the
// sign-out path (CoreBridge::signOut with remove_local_copy); the server's posts stay. The
// network's policy (jp.renkei.policy): the idle lock's maximum, and the wipe of a device the
// account no longer has.
#include <QMessageBox>
#include <algorithm>
#include <QPushButton>

#include "bridge/core_bridge.h"
#include "draft_keeper.h"
#include "main_window.h"
#include "security/lock_screen.h"
#include "session/session.h"

namespace renkei::ui {

void MainWindow::confirmWipe() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    drafts_->saveNow();  // the composer's text counts as a draft too
    auto counts = s->localDataCounts();
    if (!counts) {
        showNotice(tr("このパソコンのデータを消去"), tr("消去の前の確認ができませんでした。もう一度お試しください。"));
        return;
    }
    QStringList lost;
    if (counts->unsent_posts > 0) lost << tr("まだ送信していない投稿 %1件").arg(counts->unsent_posts);
    if (counts->pending_rooms > 0) lost << tr("開設待ちの患者の部屋 %1件").arg(counts->pending_rooms);
    if (counts->drafts > 0) lost << tr("投稿の下書き %1件").arg(counts->drafts);
    if (counts->record_drafts > 0) lost << tr("書きかけの記録 %1件").arg(counts->record_drafts);
    QMessageBox* box = newMessageBox(
        QMessageBox::Warning, tr("このパソコンのデータを消去"),
        tr("このパソコンにある %1 の Renkei のデータ（暗号化されたデータベースと鍵、下書き）をすべて消去し、"
           "サインアウトします。サーバー上の投稿や他のメンバーの記録は消えません。消去すると元に戻せません。")
            .arg(bridge_.userId()));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(lost.isEmpty() ? tr("送信していない投稿や下書きはありません。")
                                           : tr("次のものは送信されないまま失われます:\n%1").arg(lost.join(QLatin1Char('\n'))));
    QPushButton* wipe = box->addButton(tr("消去する"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(tr("キャンセル"), QMessageBox::RejectRole));
    connect(box, &QMessageBox::buttonClicked, this, [this, wipe](QAbstractButton* clicked) {
        if (clicked != wipe) return;
        QString error;
        if (!bridge_.signOut(true, &error, true)) showNotice(tr("このパソコンのデータを消去"), error);
    });
    box->open();
}

void MainWindow::applyNetworkPolicy() {
    int minutes = settings_.lock_minutes;
    if (const session::Session* s = bridge_.session()) {
        if (const auto most = s->networkPolicy().max_idle_minutes) minutes = std::min(minutes, *most);
    }
    lock_screen_->setIdleMs(qint64{minutes} * 60'000);
}

bool MainWindow::wipeRemovedDevice() {
    const session::Session* s = bridge_.session();
    if (s == nullptr || !s->deviceRemoved() || !s->networkPolicy().wipe_on_device_removal) return false;
    QString error;
    if (!bridge_.signOut(true, &error, true)) {
        showNotice(tr("このパソコンのデータを消去"), error);
        return false;
    }
    showNotice(tr("このパソコンのデータを消去しました"),
               tr("このパソコンはアカウントから登録を外されました。連携ネットワークの方針により、"
                  "このパソコンにあった Renkei のデータ（未送信の投稿と下書きを含む）を消去しました。"));
    return true;
}

}  // namespace renkei::ui
