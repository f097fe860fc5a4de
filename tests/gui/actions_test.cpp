// A post's actions in the real MainWindow against the real Synapse (issue 10, "Sending
// corrections", "Files"): through the post's context menu the nurse edits her post (new
// text and 「編集済み」 at once; the other account reads an m.replace), opens its edit history
// (both versions, 「現在」 on the newest), replies to the physician's post (composer in reply
// mode; the other account reads m.in_reply_to), deletes a post with a reason (a placeholder
// with the reason; the server has the redaction), acknowledges with 「確認しました」 and takes
// it back; a non-image file goes out as m.file, an over-limit file is refused with the
// limit in MB. The other account reads through the plain Client-Server API (rawCall).
// Screenshots: edit_history_dialog.png, composer_reply_mode.png, delete_post_dialog.png.
#include <QAction>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "draft_keeper.h"
#include "gui_support.h"
#include "main_window.h"
#include "timeline/composer.h"
#include "timeline/edit_history_dialog.h"
#include "timeline/post_delegate.h"
#include "timeline/post_menu.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using renkei::guitest::pathPart;
using renkei::guitest::rawCall;
using renkei::guitest::rowWithBody;
using renkei::guitest::unique;
using renkei::ui::Composer;
using renkei::ui::CoreBridge;
using renkei::ui::MainWindow;
using renkei::ui::TimelineModel;

namespace {

constexpr int kSyncMs = 30000;
const QString kAck = QStringLiteral("確認しました");

/// The action with `text` in `menu`, or null.
QAction* entry(QMenu* menu, const QString& text) {
    if (menu == nullptr) return nullptr;
    for (QAction* action : menu->actions()) {
        if (action->text() == text) return action;
    }
    return nullptr;
}

QStringList entryTexts(QMenu* menu) {
    QStringList out;
    if (menu == nullptr) return out;
    for (QAction* action : menu->actions()) {
        if (!action->isSeparator()) out << action->text();
    }
    return out;
}

}  // namespace

class ActionsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        const auto& hs = Homeserver::get();
        QVERIFY(dir_.isValid());
        nurse_ = Homeserver::registerFreshUser(QStringLiteral("nurse.actions"));
        doctor_ = Homeserver::registerFreshUser(QStringLiteral("dr.actions"));
        QVERIFY(!nurse_.isEmpty() && !doctor_.isEmpty());
        QCOMPARE(rawCall(doctor_, "PUT",
                         QStringLiteral("/_matrix/client/v3/profile/%1/displayname").arg(pathPart(hs.userId(doctor_))),
                         {{QStringLiteral("displayname"), QStringLiteral("田中 誠")}})
                     .status,
                 200L);
        bridge_ = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/data"));
        renkei::guitest::useTestKdf(*bridge_);
        QVERIFY(renkei::guitest::openAndSignIn(*bridge_, QStringLiteral("操作のテスト"), nurse_));
        doctor_client_ = std::make_unique<OtherClient>(doctor_);
        QVERIFY(doctor_client_->ok());
        auto created = (*doctor_client_)->createRoom(QStringLiteral("佐々木 ハル 様").toStdString(),
                                                     {hs.userId(nurse_).toStdString()});
        QVERIFY(created);
        room_ = QString::fromStdString(*created);

        window_ = std::make_unique<MainWindow>(*bridge_);  // starts syncing
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->resize(1100, 720);
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QSignalSpy joined(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->joinRoom(room_);
        QVERIFY(joined.wait(kSyncMs));
        QVERIFY(joined.at(0).at(1).toString().isEmpty());
        window_->openRoom(room_);
        // Joined as far as the window knows (an invited room's composer is off).
        QTRY_VERIFY_WITH_TIMEOUT(window_->composer()->isEnabled(), kSyncMs);
    }

    void cleanupTestCase() {
        window_.reset();
        bridge_.reset();
        doctor_client_.reset();
    }

    void editThroughTheMenuShowsTheNewTextAndTheServerHasAReplace() {
        const QString original = unique(QStringLiteral("血圧 128/76"));
        const QString corrected = unique(QStringLiteral("血圧 132/80 訂正"));
        const QString event_id = postAndWait(original);
        QVERIFY(!event_id.isEmpty());
        // A draft typed before: put aside while editing, back after.
        const QString draft = QStringLiteral("夕方の訪問で再検します");
        window_->composer()->setText(draft);
        window_->draftKeeper()->saveNow();

        QMenu* menu = menuOf(event_id);
        QVERIFY(menu != nullptr);
        QVERIFY2(entryTexts(menu).contains(QStringLiteral("削除…")), qPrintable(entryTexts(menu).join(u',')));
        QVERIFY(entry(menu, QStringLiteral("編集履歴…")) == nullptr);  // not edited yet
        QAction* edit = entry(menu, QStringLiteral("編集"));
        QVERIFY2(edit != nullptr, qPrintable(entryTexts(menu).join(u',')));
        edit->trigger();
        Composer* composer = window_->composer();
        QCOMPARE(composer->mode(), Composer::Mode::Edit);
        QCOMPARE(composer->modeText(), QStringLiteral("投稿を編集中"));
        QCOMPARE(composer->text(), original);
        composer->setText(corrected);
        sendWithKeys();

        // At once (the outbox's echo): the new text and 「編集済み」, no second post.
        TimelineModel* model = window_->timelineModel();
        const int row = model->rowOfEvent(event_id);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, 0).data(TimelineModel::BodyRole).toString(), corrected);
        QCOMPARE(model->index(row, 0).data(TimelineModel::EditedRole).toBool(), true);
        QCOMPARE(renkei::ui::PostDelegate::editedText(model->index(row, 0)), QStringLiteral("編集済み"));
        QCOMPARE(rowWithBody(*model, original), -1);
        QCOMPARE(composer->mode(), Composer::Mode::Post);
        QCOMPARE(composer->text(), draft);
        QCOMPARE(bridge_->draft(room_), draft);

        // The other account reads an m.replace of the original with the new text.
        QJsonObject replace;
        QTRY_VERIFY_WITH_TIMEOUT(!(replace = serverEvent([&](const QJsonObject& e) {
                                       const auto rel = e[u"content"][u"m.relates_to"].toObject();
                                       return rel[u"rel_type"].toString() == u"m.replace" &&
                                              rel[u"event_id"].toString() == event_id;
                                   })).isEmpty(),
                                 kSyncMs);
        QCOMPARE(replace[u"content"][u"m.new_content"][u"body"].toString(), corrected);
        QCOMPARE(replace[u"sender"].toString(), Homeserver::get().userId(nurse_));
        // Synced: the server's edit shows (no local one left), still one post, never the old text.
        QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty() &&
                                     !model->item(model->rowOfEvent(event_id)).local_edit.has_value(),
                                 kSyncMs);
        QCOMPARE(model->index(model->rowOfEvent(event_id), 0).data(TimelineModel::BodyRole).toString(), corrected);
        edited_event_ = event_id;
        edited_original_ = original;
        edited_text_ = corrected;
    }

    void editHistoryListsBothVersions() {
        QVERIFY(!edited_event_.isEmpty());
        QAction* history = entry(menuOf(edited_event_), QStringLiteral("編集履歴…"));
        QVERIFY(history != nullptr);
        history->trigger();
        renkei::ui::EditHistoryDialog* dialog = window_->editHistoryDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("編集履歴"));
        QListWidget* versions = dialog->versions();
        QCOMPARE(versions->count(), 2);
        const QString first = versions->item(0)->text();
        const QString last = versions->item(1)->text();
        QVERIFY2(first.endsWith(QLatin1Char('\n') + edited_original_) && !first.contains(QStringLiteral("現在")),
                 qPrintable(first));
        QVERIFY2(last.endsWith(QLatin1Char('\n') + edited_text_) && last.contains(QStringLiteral("現在")),
                 qPrintable(last));
        QVERIFY(!renkei::guitest::saveScreenshot(dialog, QStringLiteral("edit_history_dialog")).isEmpty());
        QTest::keyClick(versions, Qt::Key_Escape);
        QTRY_VERIFY(window_->editHistoryDialog() == nullptr);
    }

    void replyThroughTheMenuCarriesInReplyTo() {
        const QString question = QStringLiteral("血圧 128/76、脈 72。降圧薬は継続でお願いします");
        auto sent = (*doctor_client_)->sendText(room_.toStdString(), question.toStdString());
        QVERIFY(sent);
        const QString target = QString::fromStdString(*sent);
        TimelineModel* model = window_->timelineModel();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfEvent(target) >= 0, kSyncMs);
        QVERIFY(entry(menuOf(target), QStringLiteral("編集")) == nullptr);  // not ours
        QVERIFY(entry(menuOf(target), QStringLiteral("削除…")) == nullptr);

        // Esc leaves reply mode; the typed text stays.
        entry(menuOf(target), QStringLiteral("返信"))->trigger();
        Composer* composer = window_->composer();
        QCOMPARE(composer->mode(), Composer::Mode::Reply);
        QCOMPARE(composer->modeText(), QStringLiteral("返信先: 田中 誠「血圧 128/76、脈 72。降圧薬は継…」"));
        composer->setText(QStringLiteral("承知しました"));
        QTest::keyClick(composer->editor(), Qt::Key_Escape);
        QCOMPARE(composer->mode(), Composer::Mode::Post);
        QCOMPARE(composer->text(), QStringLiteral("承知しました"));

        entry(menuOf(target), QStringLiteral("返信"))->trigger();
        QCOMPARE(composer->mode(), Composer::Mode::Reply);
        QVERIFY(composer->cancelModeButton()->isVisible());
        QVERIFY(!renkei::guitest::saveScreenshot(window_.get(), QStringLiteral("composer_reply_mode")).isEmpty());
        const QString reply = unique(QStringLiteral("承知しました。継続します"));
        composer->setText(reply);
        sendWithKeys();
        QCOMPARE(composer->mode(), Composer::Mode::Post);
        QVERIFY(composer->text().isEmpty());
        const int echo = rowWithBody(*model, reply);
        QVERIFY(echo >= 0);  // at once
        QCOMPARE(QString::fromStdString(model->item(echo).in_reply_to.value_or("")), target);

        QJsonObject answer;
        QTRY_VERIFY_WITH_TIMEOUT(!(answer = serverEvent([&](const QJsonObject& e) {
                                      return e[u"content"][u"body"].toString() == reply;
                                  })).isEmpty(),
                                 kSyncMs);
        QCOMPARE(answer[u"content"][u"m.relates_to"][u"m.in_reply_to"][u"event_id"].toString(), target);
        doctor_post_ = target;
    }

    void deleteWithReasonLeavesAPlaceholderAndTheServerHasTheRedaction() {
        const QString mistaken = unique(QStringLiteral("別の利用者の記録"));
        const QString event_id = postAndWait(mistaken);
        QVERIFY(!event_id.isEmpty());
        entry(menuOf(event_id), QStringLiteral("削除…"))->trigger();
        QDialog* dialog = window_->deleteDialog();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("reason"));
        QVERIFY(reason != nullptr);
        const QString why = QStringLiteral("別の利用者の部屋に投稿したため");
        reason->setText(why);
        QVERIFY(!renkei::guitest::saveScreenshot(dialog, QStringLiteral("delete_post_dialog")).isEmpty());
        QPushButton* remove = renkei::guitest::buttonNamed(dialog, QStringLiteral("削除"));
        QVERIFY(remove != nullptr);
        remove->click();
        QTRY_VERIFY(window_->deleteDialog() == nullptr);

        TimelineModel* model = window_->timelineModel();
        // Synced: the placeholder with who and why.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOfEvent(event_id) >= 0 &&
                                     model->index(model->rowOfEvent(event_id), 0).data(TimelineModel::KindRole).toInt() ==
                                         static_cast<int>(renkei::timeline::TimelineItem::Kind::Redacted),
                                 kSyncMs);
        const QModelIndex post = model->index(model->rowOfEvent(event_id), 0);
        QCOMPARE(post.data(TimelineModel::RedactionReasonRole).toString(), why);
        QVERIFY(post.data(TimelineModel::BodyRole).toString().isEmpty());
        QVERIFY2(renkei::ui::PostDelegate::placeholderText(post).contains(QStringLiteral("削除されました")),
                 qPrintable(renkei::ui::PostDelegate::placeholderText(post)));
        QVERIFY(entry(menuOf(event_id), QStringLiteral("削除…")) == nullptr);

        const auto fetched = rawCall(doctor_, "GET",
                                     QStringLiteral("/_matrix/client/v3/rooms/%1/event/%2")
                                         .arg(pathPart(room_), pathPart(event_id)));
        QCOMPARE(fetched.status, 200L);
        QVERIFY(fetched.body[u"content"].toObject().isEmpty());
        const QJsonObject because = fetched.body[u"unsigned"][u"redacted_because"].toObject();
        QCOMPARE(because[u"sender"].toString(), Homeserver::get().userId(nurse_));
        QCOMPARE(because[u"content"][u"reason"].toString(), why);
    }

    void acknowledgeTogglesOnAndOff() {
        QVERIFY(!doctor_post_.isEmpty());
        TimelineModel* model = window_->timelineModel();
        const std::string me = Homeserver::get().userId(nurse_).toStdString();
        auto acknowledgedByMe = [&] {
            const auto& item = model->item(model->rowOfEvent(doctor_post_));
            for (const auto& group : item.reactions) {
                if (group.key == kAck.toStdString()) {
                    return std::find(group.senders.begin(), group.senders.end(), me) != group.senders.end();
                }
            }
            return false;
        };
        QAction* on = entry(menuOf(doctor_post_), QStringLiteral("確認しました"));
        QVERIFY2(on != nullptr, qPrintable(entryTexts(menuOf(doctor_post_)).join(u',')));
        on->trigger();
        QVERIFY(acknowledgedByMe());  // the echo, at once
        QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kSyncMs);
        QVERIFY(acknowledgedByMe());
        QCOMPARE(ownAnnotations(), 1);

        QAction* off = entry(menuOf(doctor_post_), QStringLiteral("確認を取り消す"));
        QVERIFY2(off != nullptr, qPrintable(entryTexts(menuOf(doctor_post_)).join(u',')));
        QVERIFY(entry(menuOf(doctor_post_), QStringLiteral("確認しました")) == nullptr);
        off->trigger();
        QVERIFY(!acknowledgedByMe());  // the deletion's echo, at once
        QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kSyncMs);
        QVERIFY(!acknowledgedByMe());
        QTRY_COMPARE_WITH_TIMEOUT(ownAnnotations(), 0, kSyncMs);
        QVERIFY(entry(menuOf(doctor_post_), QStringLiteral("確認しました")) != nullptr);
    }

    void nonImageFileGoesOutAsMFile() {
        const QString name = unique(QStringLiteral("訪問看護報告書")) + QStringLiteral(".txt");
        const QString path = dir_.path() + QLatin1Char('/') + name;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("訪問看護報告書（テスト用の架空の記録）\n");
        }
        QCOMPARE(window_->composer()->attachButton()->text(), QStringLiteral("ファイルを添付"));
        emit window_->composer()->fileChosen(path);  // what the file dialog does
        QJsonObject event;
        QTRY_VERIFY_WITH_TIMEOUT(!(event = serverEvent([&](const QJsonObject& e) {
                                      return e[u"content"][u"body"].toString() == name;
                                  })).isEmpty(),
                                 kSyncMs);
        QCOMPARE(event[u"content"][u"msgtype"].toString(), QStringLiteral("m.file"));
        QVERIFY(event[u"content"][u"url"].toString().startsWith(QStringLiteral("mxc://")));
        QCOMPARE(event[u"content"][u"info"][u"mimetype"].toString(), QStringLiteral("text/plain"));
        QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kSyncMs);
    }

    void overLimitFileIsRefusedWithTheLimit() {
        const qint64 limit = static_cast<qint64>(bridge_->session()->uploadLimit());
        const QString path = dir_.path() + QStringLiteral("/大きな動画.mp4");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(limit + 1));  // sparse: nothing this big is written
        }
        QSignalSpy queued(bridge_.get(), &CoreBridge::postQueued);
        emit window_->composer()->fileChosen(path);
        QTRY_VERIFY_WITH_TIMEOUT(window_->messageBox() != nullptr, kSyncMs);
        const QString text = window_->messageBox()->text();
        const QString mb = QString::number(static_cast<double>(limit) / (1024.0 * 1024.0), 'f', 1);
        QCOMPARE(text, QStringLiteral("ファイルが大きすぎて送れません（このサーバーでは %1 MB まで）。小さいファイルを選んでください。")
                           .arg(mb));
        QCOMPARE(queued.size(), 0);  // nothing entered the outbox
        QVERIFY(!bridge_->hasUnsent(room_));
        window_->messageBox()->close();
    }

private:
    /// Ctrl+Enter in the composer, as the user sends.
    void sendWithKeys() {
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        window_->composer()->editor()->setFocus();
        QTest::keyClick(window_->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    }

    /// Posts `text` as the nurse and waits until sync brought it; its event id.
    QString postAndWait(const QString& text) {
        window_->composer()->setText(text);
        sendWithKeys();
        TimelineModel* model = window_->timelineModel();
        const bool synced = QTest::qWaitFor(
            [&] {
                const int row = rowWithBody(*model, text);
                return row >= 0 && !model->index(row, 0).data(TimelineModel::IsLocalEchoRole).toBool();
            },
            kSyncMs);
        if (!synced) return {};
        return model->index(rowWithBody(*model, text), 0).data(TimelineModel::EventIdRole).toString();
    }

    /// The context menu of the post `event_id` (the last one shown is closed first).
    QMenu* menuOf(const QString& event_id) {
        if (menu_ != nullptr) menu_->close();
        const int row = window_->timelineModel()->rowOfEvent(event_id);
        if (row < 0) return nullptr;
        menu_ = window_->timelineView()->showPostMenu(row, window_->mapToGlobal(QPoint(400, 300)));
        return menu_;
    }

    /// The newest 50 events of the room as the doctor's plain Client-Server API reads them,
    /// first the one `matches`, or an empty object.
    QJsonObject serverEvent(const std::function<bool(const QJsonObject&)>& matches) {
        const auto page = rawCall(doctor_, "GET",
                                  QStringLiteral("/_matrix/client/v3/rooms/%1/messages?dir=b&limit=50").arg(pathPart(room_)));
        for (const auto& e : page.body[u"chunk"].toArray()) {
            if (matches(e.toObject())) return e.toObject();
        }
        return {};
    }

    /// The nurse's 「確認しました」 reactions on the doctor's post the server still has.
    int ownAnnotations() {
        const auto related = rawCall(doctor_, "GET",
                                     QStringLiteral("/_matrix/client/v1/rooms/%1/relations/%2/m.annotation/m.reaction")
                                         .arg(pathPart(room_), pathPart(doctor_post_)));
        int n = 0;
        for (const auto& e : related.body[u"chunk"].toArray()) {
            const QJsonObject o = e.toObject();
            if (o[u"sender"].toString() == Homeserver::get().userId(nurse_) &&
                o[u"content"][u"m.relates_to"][u"key"].toString() == kAck) {
                ++n;
            }
        }
        return n;
    }

    QTemporaryDir dir_;
    QString nurse_, doctor_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> doctor_client_;
    std::unique_ptr<MainWindow> window_;
    QPointer<QMenu> menu_;
    QString room_;
    QString edited_event_, edited_original_, edited_text_;
    QString doctor_post_;
};

QTEST_MAIN(ActionsTest)
#include "actions_test.moc"
