// GUI test (issue 11): the desktop notification of a new urgent post, through the seam a
// recording notifier fills (MainWindow::setDesktopNotifier), against the real Synapse. A fresh
// visiting nurse opens a patient room with the attending physician (dr.tanaka, who joins with
// his own profile); his urgent post from before the window opened is not new, but the window
// opens on its room (MainWindow::openUrgentRoom, as the app starts). Then: his new
// 至急 post in 急変時の対応 gives exactly one notification, 「至急: <room>」 over 「<name>（主治医）
// ［急変時の対応］」, never the post's text, and choosing it opens the room. The nurse answers it
// from the composer in reply mode with 至急 ticked: the reply is urgent in the 至急 view, with
// its relation, and her own post notifies nobody. With the screen locked, his next urgent post
// says only 「至急の投稿があります」. Screenshots: urgent_notified_room.png (the window on the
// post the notification opened), urgent_reply_view.png (the 至急 view with the reply).
#include <QCheckBox>
#include <QComboBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/care_types.h"
#include "care/desktop_notifier.h"
#include "care/urgent_view.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"
#include "session/session.h"
#include "timeline/composer.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei;
using namespace renkei::ui;
using renkei::guitest::OtherClient;
using renkei::guitest::pathPart;

namespace {

constexpr int kSyncMs = 60000;
const QString kPatient = QStringLiteral("架空 ナツ");

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", ""};
}
care::MemberProfile doctorProfile() {
    return {care::Profession::Physician, "架空内科クリニック", "診療所", "みどり野市", ""};
}

/// What the desktop would have shown.
struct Shown {
    QString title, body, room_id, event_id;
};

class RecordingNotifier final : public DesktopNotifier {
public:
    void show(const QString& title, const QString& body, const QString& room_id, const QString& event_id) override {
        shown.push_back({title, body, room_id, event_id});
    }
    std::vector<Shown> shown;
};

}  // namespace

class UrgentNotifyTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void urgentPostByAnotherMemberIsNotified();
    void ownUrgentReplyIsUrgentAndNotNotified();
    void lockedScreenNotifiesWithoutDetails();
    void cleanupTestCase();

private:
    /// dr.tanaka posts `body` with Renkei's context keys through the plain API; its event id.
    QString doctorPosts(const QString& body, bool urgent);
    std::optional<session::UrgentPost> urgentPost(const QString& body) const;

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> doctor_;
    std::unique_ptr<MainWindow> window_;
    RecordingNotifier* notifier_ = nullptr;  // owned by the window
    QString room_, office_room_, doctor_name_, urgent_id_;
};

QString UrgentNotifyTest::doctorPosts(const QString& body, bool urgent) {
    QJsonObject content{{QStringLiteral("msgtype"), QStringLiteral("m.text")},
                        {QStringLiteral("body"), body},
                        {QStringLiteral("jp.renkei.scene"), QStringLiteral("acute_change")}};
    if (urgent) content.insert(QStringLiteral("jp.renkei.urgent"), true);
    const auto sent = guitest::rawCall(QStringLiteral("dr.tanaka"), "PUT",
                                       QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2")
                                           .arg(pathPart(room_), guitest::unique(QStringLiteral("urgent"))),
                                       content);
    return sent.status == 200 ? sent.body.value(QStringLiteral("event_id")).toString() : QString();
}

std::optional<session::UrgentPost> UrgentNotifyTest::urgentPost(const QString& body) const {
    auto posts = bridge_->session()->urgentPosts();
    if (!posts) return std::nullopt;
    for (auto& post : *posts) {
        if (QString::fromStdString(post.body) == body) return std::move(post);
    }
    return std::nullopt;
}

void UrgentNotifyTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    QVERIFY(!guitest::signInFreshMember(*bridge_, QStringLiteral("notify-nurse"), QStringLiteral("至急の知らせ"),
                                        nurseProfile())
                 .isEmpty());
    session::Session* s = bridge_->session();
    doctor_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
    QVERIFY(doctor_->ok());
    QVERIFY((*doctor_)->setOwnProfile(doctorProfile()).ok());
    const std::string doctor = (*doctor_)->userId();

    care::PatientRoomPlan plan;
    plan.patient = {kPatient.toStdString(), "かくう なつ", "1939-07-07", care::Sex::Female, care::CareLevel::Care3,
                    {"慢性心不全"}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-30", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurseProfile();
    plan.team = {{doctor, "主治医", true}};
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    QVERIFY2(room.ok(), room ? "" : room.error().describe().c_str());
    room_ = QString::fromStdString(*room);
    auto office = s->createRoom("連絡用（事務）", {});
    QVERIFY(office.ok());
    office_room_ = QString::fromStdString(*office);
    QVERIFY((*doctor_)->joinRoom(*room).ok());  // writes his own jp.renkei.member

    // Urgent, but there before the window opens: not news.
    const QString old_id = doctorPosts(QStringLiteral("至急: 昨夜 SpO2 91%（前回お知らせ済み）"), true);
    QVERIFY(!old_id.isEmpty());
    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(urgentPost(QStringLiteral("至急: 昨夜 SpO2 91%（前回お知らせ済み）")).has_value(), kSyncMs);
    const auto doctor_profile = [&] {
        auto profile = s->memberProfile(room_.toStdString(), doctor);
        return profile && profile->has_value();
    };
    QTRY_VERIFY_WITH_TIMEOUT(doctor_profile(), kSyncMs);
    doctor_name_ = QString::fromStdString(s->displayName(room_.toStdString(), doctor));

    window_ = std::make_unique<MainWindow>(*bridge_);
    notifier_ = new RecordingNotifier;
    window_->setDesktopNotifier(notifier_);
    window_->resize(1200, 720);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(office_room_) >= 0, kSyncMs);
    // As the app's window first shows: it opens on the room whose urgent post is unread.
    QVERIFY(window_->openUrgentRoom());
    QCOMPARE(window_->currentRoomId(), room_);
    window_->openRoom(office_room_);
    QCOMPARE(window_->currentRoomId(), office_room_);
}

void UrgentNotifyTest::urgentPostByAnotherMemberIsNotified() {
    const QString text = QStringLiteral("SpO2 88%、呼吸苦あり。本日14時に臨時往診します。");
    urgent_id_ = doctorPosts(text, true);
    QVERIFY(!urgent_id_.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(notifier_->shown.size(), std::size_t{1}, kSyncMs);
    const Shown& shown = notifier_->shown.front();
    QCOMPARE(shown.title, QStringLiteral("至急: %1").arg(kPatient));
    QCOMPARE(shown.body, QStringLiteral("%1（主治医）［急変時の対応］").arg(doctor_name_));
    QCOMPARE(shown.room_id, room_);
    QCOMPARE(shown.event_id, urgent_id_);
    for (const QString& part : {text, QStringLiteral("SpO2"), QStringLiteral("往診")}) {
        QVERIFY(!shown.title.contains(part) && !shown.body.contains(part));
    }
    // The status bar says the same without the text; the old urgent post never came up.
    const QString status = window_->statusBar()->currentMessage();
    QVERIFY2(status.contains(kPatient) && status.contains(doctor_name_), qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("SpO2")));

    // Choosing the notification opens the room at that post.
    emit notifier_->activated(shown.room_id, shown.event_id);
    QCOMPARE(window_->currentRoomId(), room_);
    TimelineModel* model = window_->timelineModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfEvent(urgent_id_) >= 0, kSyncMs);
    QTRY_COMPARE_WITH_TIMEOUT(window_->timelineView()->currentIndex().row(), model->rowOfEvent(urgent_id_), 10000);
    QVERIFY(!guitest::saveScreenshot(window_.get(), QStringLiteral("urgent_notified_room")).isEmpty());
}

void UrgentNotifyTest::ownUrgentReplyIsUrgentAndNotNotified() {
    UrgentView view(*bridge_);
    view.show();  // from now on it reads again only when sync changes a room
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // 返信 on the physician's post: the scene and 至急 go with the reply.
    emit window_->timelineView()->replyRequested(urgent_id_);
    Composer* composer = window_->composer();
    QCOMPARE(composer->mode(), Composer::Mode::Reply);
    QVERIFY(composer->urgentBox()->isEnabled() && composer->sceneSelector()->isEnabled());
    composer->setPostContext(care::PostContext{care::Scene::AcuteChange, true});
    const QString reply = QStringLiteral("了解しました。往診まで30分ごとに SpO2 を測ります。");
    composer->setText(reply);
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(composer->mode(), Composer::Mode::Post);
    QVERIFY(!composer->urgentBox()->isChecked());  // each urgent post is chosen anew

    // The 至急 view lists the reply once sync brought it back.
    const auto row_of_reply = [&] {
        for (const QString& row : view.rowTexts()) {
            if (row.contains(reply)) return row;
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!row_of_reply().isEmpty(), kSyncMs);
    QVERIFY2(row_of_reply().startsWith(QStringLiteral("【至急】%1").arg(kPatient)), qPrintable(row_of_reply()));
    QVERIFY(row_of_reply().contains(QStringLiteral("［急変時の対応］")));
    QVERIFY(row_of_reply().contains(QStringLiteral("未読: %1（主治医・架空内科クリニック）").arg(doctor_name_)));
    const auto post = urgentPost(reply);
    QVERIFY(post.has_value());
    QCOMPARE(QString::fromStdString(post->sender), bridge_->userId());
    auto event = bridge_->session()->cachedEvent(room_.toStdString(), post->event_id);
    QVERIFY(event.ok() && event->has_value());
    const nlohmann::json& content = (*event)->content;
    QCOMPARE(QString::fromStdString(content["m.relates_to"]["m.in_reply_to"].value("event_id", "")), urgent_id_);
    QCOMPARE(content.value("body", ""), reply.toStdString());
    view.resize(620, 420);
    QVERIFY(!guitest::saveScreenshot(&view, QStringLiteral("urgent_reply_view")).isEmpty());

    // Her own urgent reply notified nobody here (the view and the notifier read the same sync).
    QCOMPARE(notifier_->shown.size(), std::size_t{1});
}

void UrgentNotifyTest::lockedScreenNotifiesWithoutDetails() {
    window_->setScreenLocked(true);
    const QString text = QStringLiteral("血圧 82/50 に低下。ご家族に来ていただいています。");
    QVERIFY(!doctorPosts(text, true).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(notifier_->shown.size(), std::size_t{2}, kSyncMs);
    const Shown& shown = notifier_->shown.back();
    QCOMPARE(shown.title, QStringLiteral("至急の投稿があります"));
    QVERIFY(shown.body.isEmpty());
    const QString status = window_->statusBar()->currentMessage();
    QCOMPARE(status, QStringLiteral("至急の投稿があります"));
    for (const QString& part : {kPatient, QStringLiteral("架空"), doctor_name_, QStringLiteral("主治医"),
                                QStringLiteral("急変時の対応"), QStringLiteral("血圧")}) {
        QVERIFY2(!shown.title.contains(part) && !shown.body.contains(part) && !status.contains(part), qPrintable(part));
    }

    // Unlocked again: a non-urgent post notifies nobody, the next urgent one names room and sender.
    window_->setScreenLocked(false);
    QVERIFY(!doctorPosts(QStringLiteral("ご家族が到着されました。"), false).isEmpty());
    QVERIFY(!doctorPosts(QStringLiteral("救急搬送します。"), true).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(notifier_->shown.size(), std::size_t{3}, kSyncMs);
    QCOMPARE(notifier_->shown.back().title, QStringLiteral("至急: %1").arg(kPatient));
}

void UrgentNotifyTest::cleanupTestCase() {
    window_.reset();
    if (doctor_ && doctor_->ok() && !room_.isEmpty()) (void)(*doctor_)->leaveRoom(room_.toStdString());
    doctor_.reset();
    bridge_.reset();
}

QTEST_MAIN(UrgentNotifyTest)
#include "urgent_notify_test.moc"
