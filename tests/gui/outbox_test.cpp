// The outbox in the real MainWindow against the real Synapse (issue 4): every request of the
// nurse's Renkei goes through a FaultProxy (tests/integration/fault_proxy.h) that can cut the
// network (a reset before anything reaches the server), so "offline" is a real failing
// connection. Queued posts wait (送信待ち) under an offline banner with their count and go
// out exactly once when the network is back (checked from the doctor's own session); posts
// the server refuses show the reason and 再送 / 編集 / 破棄; a session ended by the server asks
// for the password of the same account; signing out with unsent posts warns first; a patient
// room opened offline waits in the status bar (部屋の開設待ち) and opens once when back.
// Screenshots: main_window_offline.png, main_window_failed_post.png, reauth_dialog.png,
// main_window_sign_in_needed.png, sign_out_warning.png, main_window_room_queued.png.
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <string>

#include "timeline/composer.h"
#include "connection_banner.h"
#include "bridge/care_bridge.h"
#include "bridge/core_bridge.h"
#include "fault_proxy.h"
#include "gui_support.h"
#include "main_window.h"
#include "timeline/post_delegate.h"
#include "reauth_dialog.h"
#include "room_list_model.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "session/session.h"
#include "via_proxy.h"

using namespace renkei::ui;
using renkei::guitest::commitText;
using renkei::guitest::countBodies;
using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using renkei::guitest::pathPart;
using renkei::guitest::rawCall;
using renkei::guitest::rowWithBody;
using renkei::guitest::saveScreenshot;
using renkei::guitest::sendState;
using renkei::guitest::unique;
using renkei::test::FaultPlan;
using renkei::test::FaultProxy;
using renkei::test::ViaProxy;

namespace {

constexpr int kNetworkMs = 60000;
const QString kPassphrase = QStringLiteral("outbox-みどり野-2026");
const QString kForbidden = QStringLiteral("この操作をする権限がありません。ルームの管理者に確認してください。");

FaultPlan cutNetwork() {
    FaultPlan plan;
    plan.reset_before_forward = 1;  // every request is reset before it reaches the server
    return plan;
}

/// Sets events_default of the room's m.room.power_levels as dr.tanaka (the creator): 50 makes
/// the room read-only for the nurse (her posts are refused with 403 M_FORBIDDEN).
bool setEventsDefault(const QString& room_id, int level) {
    const QString path = QStringLiteral("/_matrix/client/v3/rooms/%1/state/m.room.power_levels").arg(pathPart(room_id));
    auto current = rawCall(QStringLiteral("dr.tanaka"), "GET", path);
    if (current.status != 200) return false;
    QJsonObject content = current.body;
    content[QStringLiteral("events_default")] = level;
    return rawCall(QStringLiteral("dr.tanaka"), "PUT", path, content).status == 200;
}

}  // namespace

class OutboxTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void offlinePostsWaitAndGoOutOnceWhenBack();
    void offlinePatientRoomWaitsThenOpens();
    void refusedPostsShowTheReasonAndActions();
    void serverSignOutAsksForThePasswordAgain();
    void signOutWarnsAboutUnsentPosts();
    void cleanupTestCase();

private:
    TimelineModel* timeline() const { return window_->timelineModel(); }
    void typeAndSend(const QString& text);
    void clickAction(const QString& body, PostAction action);
    /// How often `body` is in the doctor's copy of the room (after syncing it).
    int doctorSees(const QString& body);
    /// A fictional patient room the nurse opens with consent, the doctor as attending physician.
    renkei::care::PatientRoomPlan fictionalPlan(const std::string& name, const std::string& kana) const;

    QTemporaryDir dir_;
    QString nurse_;
    QString room_;
    std::unique_ptr<FaultProxy> proxy_;
    std::unique_ptr<OtherClient> doctor_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
};

void OutboxTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    nurse_ = Homeserver::registerFreshUser(QStringLiteral("nurse.outbox"));
    QVERIFY(!nurse_.isEmpty());
    const auto& hs = Homeserver::get();
    doctor_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
    QVERIFY(doctor_->ok());
    auto room = (*doctor_)->createRoom("小林 和子 様（送信テスト）", {hs.userId(nurse_).toStdString()});
    QVERIFY(room);
    room_ = QString::fromStdString(*room);
    QVERIFY((*doctor_)->sendText(*room, "主治医の田中です。訪問の記録をここで共有してください。"));
    {
        OtherClient phone(nurse_);
        QVERIFY(phone.ok());
        QVERIFY(phone->joinRoom(*room));
    }

    const auto [host, port] = renkei::test::hostPort(hs.base_url.toStdString());
    proxy_ = std::make_unique<FaultProxy>(host, port);
    bridge_ = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/data"));
    renkei::guitest::useTestKdf(*bridge_);
    bridge_->setTransport(std::make_shared<ViaProxy>(hs.base_url.toStdString(), proxy_->baseUrl()));
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, kPassphrase, nurse_));

    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->resize(1280, 720);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(room_) >= 0, kNetworkMs);
    window_->openRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().startsWith(QStringLiteral("オンライン")), kNetworkMs);
    QVERIFY(window_->connectionBanner()->isHidden());
    QVERIFY(proxy_->stats().requests > 0);  // Renkei really talks through the proxy
}

renkei::care::PatientRoomPlan OutboxTest::fictionalPlan(const std::string& name, const std::string& kana) const {
    const auto& hs = Homeserver::get();
    renkei::care::PatientRoomPlan plan;
    plan.patient = {name, kana, "1941-07-03", renkei::care::Sex::Female, renkei::care::CareLevel::Care2, {}, "みどり野市"};
    plan.consent = renkei::care::Consent{"2026-11-28", renkei::care::ConsentMethod::InPerson,
                                         hs.userId(nurse_).toStdString(), true, "", std::nullopt, std::nullopt};
    plan.team = {{hs.userId(QStringLiteral("dr.tanaka")).toStdString(), "主治医", true}};
    return plan;
}

void OutboxTest::typeAndSend(const QString& text) {
    ComposerEdit* edit = window_->composer()->editor();
    edit->setFocus();
    commitText(edit, text);
    QCOMPARE(window_->composer()->text(), text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(window_->composer()->text().isEmpty());  // queued in the vault
}

void OutboxTest::clickAction(const QString& body, PostAction action) {
    TimelineView* view = window_->timelineView();
    const int row = rowWithBody(*timeline(), body);
    QVERIFY(row >= 0);
    view->doItemsLayout();
    view->scrollTo(view->model()->index(row, 0));
    const QRect rect = view->actionButtonRect(row, action);
    QVERIFY2(!rect.isEmpty(), qPrintable(body));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

int OutboxTest::doctorSees(const QString& body) {
    (void)(*doctor_)->syncOnce(0);
    auto events = (*doctor_)->timeline(room_.toStdString(), 200, std::nullopt);
    if (!events) return 0;
    int n = 0;
    for (const auto& e : *events) {
        if (e.content.is_object() && e.content.value("body", "") == body.toStdString()) ++n;
    }
    return n;
}

void OutboxTest::offlinePostsWaitAndGoOutOnceWhenBack() {
    proxy_->setPlan(cutNetwork());
    const QString first = unique(QStringLiteral("14:10 訪問。血圧 134/82、脈拍 72、SpO2 96%。"));
    const QString second = unique(QStringLiteral("夕方の内服を確認しました（残薬なし）。"));
    typeAndSend(first);
    typeAndSend(second);

    // The first send attempt fails on the network: Renkei says it is offline, and that the
    // two posts are safe on this computer.
    ConnectionBanner* banner = window_->connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->text().contains(QStringLiteral("（2件）")), kNetworkMs);
    QCOMPARE(banner->text(), QStringLiteral("オフラインです。下書きと送信待ちの投稿（2件）はこの端末に保存されています。"
                                            "接続が戻ると自動で送信します。"));
    for (const QString& body : {first, second}) {
        const int row = rowWithBody(*timeline(), body);
        QVERIFY(row >= 0);
        QCOMPARE(sendState(*timeline(), row), SendState::Waiting);
        QCOMPARE(PostDelegate::stateText(timeline()->index(row, 0)), QStringLiteral("送信待ち"));
    }
    QVERIFY2(window_->statusText().contains(QStringLiteral("送信待ち 2件")), qPrintable(window_->statusText()));
    const QModelIndex room_row = window_->roomListModel()->index(window_->roomListModel()->rowOfRoom(room_), 0);
    QVERIFY(room_row.data(RoomListModel::HasUnsentRole).toBool());
    window_->timelineView()->scrollToNewest();
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window_offline")).isEmpty());

    // The network is back: both arrive, in order, exactly once, and the banner goes away.
    // Each echo turns into its synced post in place: no row disappears and comes back.
    QSignalSpy removed(timeline(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(timeline(), &QAbstractItemModel::modelReset);
    const int rows = timeline()->rowCount();
    proxy_->setPlan({});
    QTRY_VERIFY_WITH_TIMEOUT(bridge_->queuedCount() == 0 && !bridge_->hasUnsent(room_), kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kNetworkMs);
    for (const QString& body : {first, second}) {
        QCOMPARE(countBodies(*timeline(), body), 1);
        const int row = rowWithBody(*timeline(), body);
        QCOMPARE(sendState(*timeline(), row), SendState::Sent);
        QVERIFY(timeline()->index(row, 0).data(TimelineModel::EventIdRole).toString().startsWith(QLatin1Char('$')));
    }
    QVERIFY(rowWithBody(*timeline(), first) < rowWithBody(*timeline(), second));
    QCOMPARE(removed.size(), 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(timeline()->rowCount(), rows);
    QTRY_VERIFY_WITH_TIMEOUT(doctorSees(first) >= 1 && doctorSees(second) >= 1, kNetworkMs);
    QCOMPARE(doctorSees(first), 1);
    QCOMPARE(doctorSees(second), 1);
    QVERIFY(!window_->statusText().contains(QStringLiteral("送信")));
}

void OutboxTest::refusedPostsShowTheReasonAndActions() {
    // The physician makes the room read-only for the nurse: her posts are refused for good.
    QVERIFY(setEventsDefault(room_, 50));
    const QString edit_me = unique(QStringLiteral("明日の訪問は 10:00 に変更します。"));
    const QString drop_me = unique(QStringLiteral("褥瘡の写真は後で送ります。"));
    const QString retry_me = unique(QStringLiteral("ご家族へ服薬カレンダーを説明しました。"));
    typeAndSend(edit_me);
    typeAndSend(drop_me);
    typeAndSend(retry_me);
    for (const QString& body : {edit_me, drop_me, retry_me}) {
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(*timeline(), body) >= 0 &&
                                     sendState(*timeline(), rowWithBody(*timeline(), body)) == SendState::Failed,
                                 kNetworkMs);
        const QModelIndex post = timeline()->index(rowWithBody(*timeline(), body), 0);
        QCOMPARE(post.data(TimelineModel::SendErrorRole).toString(), kForbidden);
        QCOMPARE(PostDelegate::stateText(post), QStringLiteral("送信できませんでした: ") + kForbidden);
        for (PostAction action : {PostAction::Retry, PostAction::Edit, PostAction::Discard}) {
            QVERIFY(!window_->timelineView()->actionButtonRect(post.row(), action).isEmpty());
        }
    }
    QCOMPARE(PostDelegate::actionText(PostAction::Retry), QStringLiteral("再送"));
    QCOMPARE(PostDelegate::actionText(PostAction::Edit), QStringLiteral("編集"));
    QCOMPARE(PostDelegate::actionText(PostAction::Discard), QStringLiteral("破棄"));
    QTRY_VERIFY(window_->statusText().contains(QStringLiteral("未送信 3件")));
    QVERIFY(window_->connectionBanner()->isHidden());  // online: refused is not offline
    window_->timelineView()->scrollToNewest();
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window_failed_post")).isEmpty());

    // 編集: the text goes back into the composer (saved as the draft), the post is removed.
    clickAction(edit_me, PostAction::Edit);
    QTRY_COMPARE(rowWithBody(*timeline(), edit_me), -1);
    QCOMPARE(window_->composer()->text(), edit_me);
    QCOMPARE(bridge_->draft(room_), edit_me);

    // 破棄 asks first; Cancel is the default.
    clickAction(drop_me, PostAction::Discard);
    QTRY_VERIFY(window_->messageBox() != nullptr && window_->messageBox()->isVisible());
    QMessageBox* box = window_->messageBox();
    QCOMPARE(box->defaultButton()->text(), QStringLiteral("キャンセル"));
    QAbstractButton* discard = nullptr;
    for (auto* button : box->buttons()) {
        if (button->text() == QStringLiteral("破棄")) discard = button;
    }
    QVERIFY(discard != nullptr);
    discard->click();
    QTRY_COMPARE(rowWithBody(*timeline(), drop_me), -1);

    // 再送 once the room accepts posts again: sent with the same transaction id, once.
    QVERIFY(setEventsDefault(room_, 0));
    QSignalSpy removed(timeline(), &QAbstractItemModel::rowsRemoved);
    clickAction(retry_me, PostAction::Retry);
    QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kNetworkMs);
    QCOMPARE(countBodies(*timeline(), retry_me), 1);
    QCOMPARE(sendState(*timeline(), rowWithBody(*timeline(), retry_me)), SendState::Sent);
    QCOMPARE(removed.size(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(doctorSees(retry_me) == 1, kNetworkMs);
    QCOMPARE(doctorSees(drop_me), 0);
    QCOMPARE(doctorSees(edit_me), 0);
    window_->composer()->clear();
}

void OutboxTest::serverSignOutAsksForThePasswordAgain() {
    const auto& hs = Homeserver::get();
    const QString device = QString::fromStdString(bridge_->session()->deviceId());
    QVERIFY(!device.isEmpty());
    // The administrator removes this computer's device: its access token is dead.
    const auto removed = rawCall({}, "DELETE",
                                 QStringLiteral("/_synapse/admin/v2/users/%1/devices/%2")
                                     .arg(pathPart(hs.userId(nurse_)), pathPart(device)));
    QCOMPARE(removed.status, 200L);

    const QString post = unique(QStringLiteral("再ログイン前に書いた投稿です。"));
    typeAndSend(post);
    QTRY_VERIFY_WITH_TIMEOUT(window_->reauthDialog() != nullptr && window_->reauthDialog()->isVisible(), kNetworkMs);
    ReauthDialog* dialog = window_->reauthDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(sendState(*timeline(), rowWithBody(*timeline(), post)), SendState::Waiting);
    ConnectionBanner* banner = window_->connectionBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), QStringLiteral("投稿の送受信を続けるには、もう一度サインインしてください。"
                                            "下書きと送信待ちの投稿（1件）はこの端末に保存されています。"));
    QVERIFY(banner->signInButton()->isVisible());
    // The same account, shown and not editable.
    QLineEdit* user = nullptr;
    for (auto* edit : dialog->findChildren<QLineEdit*>()) {
        if (edit->accessibleName() == QStringLiteral("ユーザー")) user = edit;
    }
    QVERIFY(user != nullptr);
    QCOMPARE(user->text(), hs.userId(nurse_));
    QVERIFY(user->isReadOnly());
    QVERIFY(!saveScreenshot(dialog, QStringLiteral("reauth_dialog")).isEmpty());
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window_sign_in_needed")).isEmpty());

    QTest::keyClicks(dialog->passwordField(), QStringLiteral("not-the-password"));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kNetworkMs);
    QCOMPARE(dialog->errorText(), QStringLiteral("ユーザー名またはパスワードが違います。"));
    QVERIFY(bridge_->needsSignIn());

    QSignalSpy closed(dialog, &QDialog::accepted);
    dialog->passwordField()->clear();
    QTest::keyClicks(dialog->passwordField(), hs.password(nurse_));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(closed.wait(kNetworkMs));
    QVERIFY(!bridge_->needsSignIn());
    QCOMPARE(QString::fromStdString(bridge_->session()->deviceId()), device);  // the same device
    // The queued post goes out (once) and sync runs again.
    QTRY_VERIFY_WITH_TIMEOUT(bridge_->pendingPosts(room_).isEmpty(), kNetworkMs);
    QCOMPARE(countBodies(*timeline(), post), 1);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(doctorSees(post) == 1, kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().startsWith(QStringLiteral("オンライン")), kNetworkMs);
}

void OutboxTest::signOutWarnsAboutUnsentPosts() {
    proxy_->setPlan(cutNetwork());
    const QString post = unique(QStringLiteral("サインアウトで消える投稿。"));
    typeAndSend(post);
    const QString draft = QStringLiteral("次回の訪問で確認すること: 足のむくみ");
    commitText(window_->composer()->editor(), draft);
    QTRY_COMPARE_WITH_TIMEOUT(window_->connectionBanner()->text(),
                              QStringLiteral("オフラインです。下書きと送信待ちの投稿（1件）はこの端末に保存されています。"
                                             "接続が戻ると自動で送信します。"),
                              kNetworkMs);
    // A patient room queued offline is unsent too: its patient must not stay behind either.
    {
        CareBridge care(*bridge_);
        QSignalSpy queued(&care, &CareBridge::roomQueued);
        care.queuePatientRoom(fictionalPlan("架空 フミ", "かくう ふみ"), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kNetworkMs);
    }

    // Cancel (the default) changes nothing.
    window_->confirmSignOut();
    QMessageBox* box = window_->messageBox();
    QVERIFY(box != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(box));
    QCOMPARE(box->text(), QStringLiteral("まだ送信されていない投稿が1件あります。いまサインアウトすると、送信されないまま、"
                                         "この端末から削除されます。\n"
                                         "開設待ちの利用者の部屋が1件あり、開設されないままこの端末から削除されます。"));
    QCOMPARE(box->defaultButton()->text(), QStringLiteral("キャンセル"));
    QVERIFY(!saveScreenshot(box, QStringLiteral("sign_out_warning")).isEmpty());
    box->defaultButton()->click();
    QTRY_VERIFY(window_->messageBox() == nullptr);
    QVERIFY(bridge_->isSignedIn());
    QCOMPARE(bridge_->queuedCount(), 1);

    // Confirmed: the unsent post is deleted, the draft stays, the session ends. The window
    // goes when the account closes, as the app's Startup does it.
    QSignalSpy signed_out(bridge_.get(), &CoreBridge::signedOut);
    int rows_of_post_at_close = -2;
    connect(bridge_.get(), &CoreBridge::sessionClosing, this, [&] {
        rows_of_post_at_close = rowWithBody(*timeline(), post);
        window_.reset();
    });
    window_->confirmSignOut();
    box = window_->messageBox();
    QVERIFY(box != nullptr);
    QAbstractButton* confirm = nullptr;
    for (auto* button : box->buttons()) {
        if (button->text() == QStringLiteral("削除してサインアウト")) confirm = button;
    }
    QVERIFY(confirm != nullptr);
    confirm->click();
    QVERIFY(signed_out.wait(kNetworkMs));
    QVERIFY(!bridge_->isSignedIn());
    QVERIFY(!bridge_->isOpen());  // closed: the next sign-in starts from the unlock
    QCOMPARE(bridge_->queuedCount(), 0);
    QVERIFY(!bridge_->hasUnsent(room_));
    QSignalSpy unlocked(bridge_.get(), &CoreBridge::unlockFinished);
    bridge_->unlock(kPassphrase);
    QVERIFY(unlocked.wait(kNetworkMs));
    QVERIFY(unlocked.at(0).at(0).toBool());
    QVERIFY(!bridge_->isSignedIn());
    QCOMPARE(bridge_->queuedCount(), 0);
    QVERIFY(bridge_->session()->pendingRooms()->empty());
    QCOMPARE(bridge_->draft(room_), draft);
    QCOMPARE(rows_of_post_at_close, -1);
    proxy_->setPlan({});
    QCOMPARE(doctorSees(post), 0);
}

void OutboxTest::offlinePatientRoomWaitsThenOpens() {
    QVERIFY(bridge_->session()->setOwnProfile(
        {renkei::care::Profession::VisitingNurse, "みどり野訪問看護ステーション", "訪問看護ステーション", "みどり野市", "訪問看護"}).ok());
    const renkei::care::PatientRoomPlan plan = fictionalPlan("架空 ナツ", "かくう なつ");
    proxy_->setPlan(cutNetwork());
    CareBridge care(*bridge_);
    QSignalSpy queued(&care, &CareBridge::roomQueued);
    QSignalSpy opened(&care, &CareBridge::roomOpened);
    care.queuePatientRoom(plan, {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kNetworkMs);
    const QString waiting = QStringLiteral("部屋の開設待ち: 架空 ナツ（オンラインになると開設します）");
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().contains(waiting), kNetworkMs);
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window_room_queued")).isEmpty());

    proxy_->setPlan({});  // back online: the send queue opens it, once
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, kNetworkMs);
    const QString room = opened.at(0).at(0).toString();
    QTRY_VERIFY_WITH_TIMEOUT(!window_->statusText().contains(QStringLiteral("部屋の開設待ち")), kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(room) >= 0, kNetworkMs);
    QVERIFY(bridge_->session()->pendingRooms()->empty());
}

void OutboxTest::cleanupTestCase() {
    window_.reset();
    bridge_.reset();
    proxy_.reset();
    doctor_.reset();
}

QTEST_MAIN(OutboxTest)
#include "outbox_test.moc"
