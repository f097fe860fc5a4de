// GUI tests against the real Synapse: sign in through the dialog (wrong, then right password),
// the room list fills, open a room, type Japanese through input-method commit strings, send
// with Ctrl+Enter (sending -> sent), a post from another clinician appears by itself, 既読 1
// after they read it, a post its sender deletes on the server (a redaction) leaves a
// placeholder in its place (its text gone), accept an invitation, and a restart with the server stopped still shows rooms
// and posts. Screenshots: sign_in_wrong_password.png, main_window.png,
// room_switcher.png, main_window_offline_restart.png.
#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

#include "timeline/composer.h"
#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "invite_bar.h"
#include "main_window.h"
#include "timeline/post_delegate.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "room_switcher.h"
#include "sign_in_dialog.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "unlock_dialog.h"

using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using renkei::guitest::saveScreenshot;
using renkei::guitest::commitText;
using renkei::guitest::fieldNamed;
using renkei::guitest::buttonNamed;
using renkei::guitest::pathPart;
using renkei::guitest::rawCall;
using renkei::guitest::unique;

namespace {
constexpr int kNetworkTimeoutMs = 60000;
const QString kPassphrase = QStringLiteral("kashiwa-care-2026");

int rowWithBody(const TimelineModel* model, const QString& body) {
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        if (model->index(row, 0).data(TimelineModel::BodyRole).toString() == body) return row;
    }
    return -1;
}

std::string str(const QString& s) { return s.toStdString(); }
}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void signInWrongThenRightPassword();
    void roomListFills();
    void openRoomTypeJapaneseAndSend();
    void postFromAnotherClinicianAppears();
    void readReceiptShowsReadByOne();
    void acceptInvitation();
    void screenshotsWithJapaneseContent();
    void redactedPostLeavesAPlaceholder();
    void restartWithServerStopped();
    void cleanupTestCase();

private:
    TimelineModel* timeline() const { return window_->timelineModel(); }

    QTemporaryDir dir_;
    QString data_;
    std::unique_ptr<OtherClient> doctor_;
    QString room_id_;
    QString invite_room_id_;
    QString own_text_;
    QString own_event_id_;
    QString redacted_event_id_;
    QString doctor_text_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
    bool server_stopped_ = false;
    QString nurse_name_;  // a fresh visiting-nurse account: no rooms from earlier runs
    QString doctor_name_;  // dr.tanaka's display name as the server's profile has it
};

void MainWindowTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    data_ = dir_.path() + QStringLiteral("/data");
    nurse_name_ = Homeserver::registerFreshUser(QStringLiteral("nurse.gui"));
    QVERIFY(!nurse_name_.isEmpty());
    const auto& hs = Homeserver::get();
    const std::string nurse = str(hs.userId(nurse_name_));

    // The attending physician opens a patient room, invites the visiting nurse and posts.
    doctor_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
    QVERIFY(doctor_->ok());
    doctor_name_ = renkei::guitest::profileDisplayName(hs.userId(QStringLiteral("dr.tanaka")));
    auto room = (*doctor_)->createRoom("山田 一郎 様（テスト）", {nurse});
    QVERIFY2(room, room ? "" : room.error().describe().c_str());
    room_id_ = QString::fromStdString(*room);
    for (const char* body : {"主治医の田中です。退院後の在宅療養について、このルームで共有をお願いします。",
                             "本日の往診: 血圧 138/86、脈拍 76、体温 36.5℃。浮腫なし。",
                             "降圧薬は朝1錠で継続します。ふらつきがあれば連絡ください。"}) {
        QVERIFY((*doctor_)->sendText(*room, body));
    }
    // The nurse joined on her phone already; a second room stays an invitation.
    {
        OtherClient nurse_phone(nurse_name_);
        QVERIFY(nurse_phone.ok());
        QVERIFY(nurse_phone->joinRoom(*room));
    }
    auto invite_room = (*doctor_)->createRoom("鈴木 花子 様（テスト）", {nurse});
    QVERIFY(invite_room);
    invite_room_id_ = QString::fromStdString(*invite_room);
}

void MainWindowTest::signInWrongThenRightPassword() {
    const auto& hs = Homeserver::get();
    bridge_ = std::make_unique<CoreBridge>(data_);
    renkei::guitest::useTestKdf(*bridge_);
    SignInDialog dialog(*bridge_, hs.base_url);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit* password = fieldNamed(&dialog, QStringLiteral("パスワード"));
    QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("ユーザー名")), nurse_name_);
    QTest::keyClicks(password, QStringLiteral("not-the-password"));
    QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ")), kPassphrase);
    QTest::keyClicks(fieldNamed(&dialog, QStringLiteral("パスフレーズ（確認）")), kPassphrase);
    QTest::mouseClick(buttonNamed(&dialog, QStringLiteral("サインイン")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), kNetworkTimeoutMs);
    QCOMPARE(dialog.errorText(), QStringLiteral("ユーザー名またはパスワードが違います。"));
    QVERIFY(!saveScreenshot(&dialog, QStringLiteral("sign_in_wrong_password")).isEmpty());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    password->clear();
    QTest::keyClicks(password, hs.password(nurse_name_));
    QTest::keyClick(password, Qt::Key_Return);
    QVERIFY(accepted.wait(kNetworkTimeoutMs));
    QVERIFY(bridge_->isSignedIn());
    QCOMPARE(bridge_->userId(), hs.userId(nurse_name_));
}

void MainWindowTest::roomListFills() {
    QVERIFY(bridge_ && bridge_->isSignedIn());
    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    RoomListModel* rooms = window_->roomListModel();
    QTRY_VERIFY_WITH_TIMEOUT(rooms->rowOfRoom(room_id_) >= 0, kNetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(rooms->rowOfRoom(invite_room_id_) >= 0, kNetworkTimeoutMs);
    const QModelIndex room = rooms->index(rooms->rowOfRoom(room_id_), 0);
    QCOMPARE(room.data(Qt::DisplayRole).toString(), QStringLiteral("山田 一郎 様（テスト）"));
    QTRY_COMPARE(rooms->index(rooms->rowOfRoom(invite_room_id_), 0).data(RoomListModel::MembershipRole).toString(),
                 QStringLiteral("invite"));
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().startsWith(QStringLiteral("オンライン")), kNetworkTimeoutMs);
    QVERIFY(window_->statusText().contains(QStringLiteral("最終同期")));
}

void MainWindowTest::openRoomTypeJapaneseAndSend() {
    QVERIFY(window_);
    // Open the room by clicking its row.
    QListView* list = window_->roomListView()->listView();
    QModelIndex target;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(RoomListModel::RoomIdRole).toString() == room_id_) target = index;
    }
    QVERIFY(target.isValid());
    list->scrollTo(target);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(target).center());
    QCOMPARE(window_->currentRoomId(), room_id_);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline(), QStringLiteral("降圧薬は朝1錠で継続します。ふらつきがあれば連絡ください。")) >= 0,
                             kNetworkTimeoutMs);
    QVERIFY(window_->composer()->isEnabled());

    own_text_ = QStringLiteral("本日 14:00 訪問しました。血圧 132/84、SpO2 97%。\n夕食後の服薬を確認しました（残薬なし）。 %1")
                    .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
    const QStringList lines = own_text_.split(QLatin1Char('\n'));
    ComposerEdit* edit = window_->composer()->editor();
    edit->setFocus();
    commitText(edit, lines.at(0));
    QTest::keyClick(edit, Qt::Key_Return);  // a new line, not a send
    commitText(edit, lines.at(1));
    QCOMPARE(window_->composer()->text(), own_text_);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);

    // At once: the local echo, "sending".
    QVERIFY(window_->composer()->text().isEmpty());
    int row = rowWithBody(timeline(), own_text_);
    QVERIFY(row >= 0);
    const QModelIndex echo = timeline()->index(row, 0);
    QVERIFY(PostDelegate::sendState(echo) == SendState::Sending);
    QVERIFY(echo.data(TimelineModel::IsOwnRole).toBool());
    QCOMPARE(PostDelegate::stateText(echo), QStringLiteral("送信中…"));
    // Then sent, with an event id, and exactly once when the synced event arrives.
    QTRY_VERIFY_WITH_TIMEOUT((row = rowWithBody(timeline(), own_text_)) >= 0 &&
                                 PostDelegate::sendState(timeline()->index(row, 0)) == SendState::Sent &&
                                 timeline()->index(row, 0).data(TimelineModel::EventIdRole).toString().startsWith(QLatin1Char('$')),
                             kNetworkTimeoutMs);
    own_event_id_ = timeline()->index(row, 0).data(TimelineModel::EventIdRole).toString();
    QVERIFY(timeline()->index(row, 0).data(TimelineModel::IsOwnRole).toBool());
    int copies = 0;
    for (int r = 0; r < timeline()->rowCount(); ++r) {
        if (timeline()->index(r, 0).data(TimelineModel::BodyRole).toString() == own_text_) ++copies;
    }
    QCOMPARE(copies, 1);
}

void MainWindowTest::postFromAnotherClinicianAppears() {
    QVERIFY(!own_event_id_.isEmpty());
    doctor_text_ = QStringLiteral("承知しました。来週の往診で血液検査をします。 %1")
                       .arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
    QVERIFY((*doctor_)->sendText(str(room_id_), str(doctor_text_)));
    // No user action: the sync engine brings it in.
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline(), doctor_text_) >= 0, kNetworkTimeoutMs);
    const QModelIndex post = timeline()->index(rowWithBody(timeline(), doctor_text_), 0);
    QVERIFY(!post.data(TimelineModel::IsOwnRole).toBool());
    // The name the server's profile has for the physician (the room shows it as it is).
    QVERIFY(!doctor_name_.isEmpty());
    QCOMPARE(post.data(TimelineModel::SenderNameRole).toString(), doctor_name_);
    QCOMPARE(post.data(TimelineModel::SenderRole).toString(), Homeserver::get().userId(QStringLiteral("dr.tanaka")));

    // The window is active and the post is in view: Renkei sends m.read for it, which the
    // doctor's client receives with its next sync.
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    const std::string nurse = str(Homeserver::get().userId(nurse_name_));
    const std::string doctor_event = str(post.data(TimelineModel::EventIdRole).toString());
    auto nurse_read_it = [&] {
        (void)(*doctor_)->syncOnce(0);
        auto receipts = (*doctor_)->receipts(str(room_id_));
        if (!receipts) return false;
        for (const auto& r : *receipts) {
            if (r.user_id == nurse && r.receipt_type == "m.read" && r.event_id == doctor_event) return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(nurse_read_it(), kNetworkTimeoutMs);
}

void MainWindowTest::readReceiptShowsReadByOne() {
    QVERIFY(!own_event_id_.isEmpty());
    QVERIFY((*doctor_)->sendReadReceipt(str(room_id_), str(own_event_id_)));
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->index(timeline()->rowOfEvent(own_event_id_), 0)
                                  .data(TimelineModel::ReadCountRole).toInt(),
                              1, kNetworkTimeoutMs);
    const QModelIndex own = timeline()->index(timeline()->rowOfEvent(own_event_id_), 0);
    QCOMPARE(PostDelegate::stateText(own), QStringLiteral("既読 1"));
    QCOMPARE(PostDelegate::readersToolTip(own), QStringLiteral("既読: ") + doctor_name_);
}

void MainWindowTest::acceptInvitation() {
    window_->openRoom(invite_room_id_);
    QTRY_VERIFY(window_->inviteBar()->isVisible());
    QVERIFY(!window_->composer()->isEnabled());
    QPushButton* join = buttonNamed(window_->inviteBar(), QStringLiteral("参加する"));
    QVERIFY(join != nullptr);
    QTest::mouseClick(join, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->inviteBar()->isVisible(), kNetworkTimeoutMs);
    QTRY_VERIFY(window_->composer()->isEnabled());
}

void MainWindowTest::screenshotsWithJapaneseContent() {
    window_->openRoom(room_id_);
    window_->resize(1280, 720);  // an ordinary clinic laptop (1366x768) minus the panel
    QTRY_VERIFY(rowWithBody(timeline(), doctor_text_) >= 0);
    window_->timelineView()->scrollToNewest();
    QCoreApplication::processEvents();  // let the resize and scroll settle before grabbing
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window")).isEmpty());

    auto* switcher = new RoomSwitcher(window_->roomListModel(), window_.get());
    switcher->show();
    QVERIFY(QTest::qWaitForWindowExposed(switcher));
    commitText(switcher->filterEdit(), QStringLiteral("山田"));
    QVERIFY(!saveScreenshot(switcher, QStringLiteral("room_switcher")).isEmpty());
    QSignalSpy chosen(switcher, &RoomSwitcher::roomChosen);
    QTest::keyClick(switcher->filterEdit(), Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), room_id_);
    delete switcher;
}

void MainWindowTest::redactedPostLeavesAPlaceholder() {
    // The physician posts in the wrong room and deletes the post (a redaction by its sender,
    // through the real API): the open timeline keeps its place, without its text, as a
    // deleted post, without a room switch.
    using Kind = renkei::timeline::TimelineItem::Kind;
    window_->openRoom(room_id_);
    const QString mistake = unique(QStringLiteral("誤送信: 別の患者さんの検査結果です。"));
    auto sent = (*doctor_)->sendText(str(room_id_), str(mistake));
    QVERIFY(sent);
    const QString event_id = QString::fromStdString(*sent);
    QTRY_VERIFY_WITH_TIMEOUT(timeline()->rowOfEvent(event_id) >= 0, kNetworkTimeoutMs);
    QCOMPARE(rowWithBody(timeline(), mistake), timeline()->rowOfEvent(event_id));
    const int rows = timeline()->rowCount();
    const auto redacted = rawCall(QStringLiteral("dr.tanaka"), "PUT",
                                  QStringLiteral("/_matrix/client/v3/rooms/%1/redact/%2/%3")
                                      .arg(pathPart(room_id_), pathPart(event_id), unique(QStringLiteral("redact"))),
                                  {{QStringLiteral("reason"), QStringLiteral("誤送信")}});
    QCOMPARE(redacted.status, 200L);
    auto kindOf = [&](const TimelineModel& model) {
        const int row = model.rowOfEvent(event_id);
        return row < 0 ? -1 : model.index(row, 0).data(TimelineModel::KindRole).toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(kindOf(*timeline()), static_cast<int>(Kind::Redacted), kNetworkTimeoutMs);
    QCOMPARE(rowWithBody(timeline(), mistake), -1);
    QCOMPARE(timeline()->rowCount(), rows);
    QVERIFY(rowWithBody(timeline(), doctor_text_) >= 0);  // the other posts stay
    QVERIFY(timeline()->rowOfEvent(own_event_id_) >= 0);
    // Nor does the room list show it as the last post; a timeline opened afresh shows the
    // placeholder too.
    RoomListModel* rooms = window_->roomListModel();
    QVERIFY(rooms->index(rooms->rowOfRoom(room_id_), 0).data(RoomListModel::LastBodyRole).toString() != mistake);
    TimelineModel reopened(bridge_.get());
    reopened.setRoom(room_id_);
    QCOMPARE(kindOf(reopened), static_cast<int>(Kind::Redacted));
    QCOMPARE(rowWithBody(&reopened, mistake), -1);
    QVERIFY(reopened.rowOfEvent(own_event_id_) >= 0);
    redacted_event_id_ = event_id;
}

void MainWindowTest::restartWithServerStopped() {
    if (Homeserver::get().external) QSKIP("an external homeserver cannot be stopped by the tests");
    window_.reset();
    bridge_.reset();
    QVERIFY(Homeserver::get().stop());
    server_stopped_ = true;

    bridge_ = std::make_unique<CoreBridge>(data_);
    QVERIFY(bridge_->hasLocalData());
    UnlockDialog unlock(*bridge_);
    unlock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&unlock));
    QSignalSpy accepted(&unlock, &QDialog::accepted);
    QLineEdit* passphrase = fieldNamed(&unlock, QStringLiteral("パスフレーズ"));
    QTest::keyClicks(passphrase, kPassphrase);
    QTest::keyClick(passphrase, Qt::Key_Return);
    QVERIFY(accepted.wait(kNetworkTimeoutMs));
    QVERIFY(bridge_->isSignedIn());

    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY(window_->roomListModel()->rowOfRoom(room_id_) >= 0);
    window_->openRoom(room_id_);
    QTRY_VERIFY(rowWithBody(timeline(), own_text_) >= 0);
    QTRY_VERIFY(rowWithBody(timeline(), doctor_text_) >= 0);
    if (!redacted_event_id_.isEmpty()) {
        const int row = timeline()->rowOfEvent(redacted_event_id_);
        QVERIFY(row >= 0);
        QCOMPARE(timeline()->index(row, 0).data(TimelineModel::KindRole).toInt(),
                 static_cast<int>(renkei::timeline::TimelineItem::Kind::Redacted));
        QVERIFY(timeline()->index(row, 0).data(TimelineModel::BodyRole).toString().isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusText().startsWith(QStringLiteral("オフライン")), kNetworkTimeoutMs);
    QVERIFY(!saveScreenshot(window_.get(), QStringLiteral("main_window_offline_restart")).isEmpty());

    window_.reset();
    bridge_.reset();
    QVERIFY(Homeserver::get().start());
    server_stopped_ = false;
}

void MainWindowTest::cleanupTestCase() {
    window_.reset();
    bridge_.reset();
    doctor_.reset();
    if (server_stopped_) Homeserver::get().start();  // leave the fixture running for the next tests
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
