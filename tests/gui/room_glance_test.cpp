// GUI test (issue 11): at a glance, since my last visit. A fresh visiting nurse opens three
// patient rooms through core (fictional patients whose kana order differs from the order of
// creation and of activity) and one ordinary room; the attending physician (dr.tanaka) and a
// pharmacist from the next town (pharm.suzuki) join some of them with their own profiles.
// The room list then shows the patient rooms first in gojūon order of the kana (katakana and
// hiragana alike), with 「市外」 and 「主治医なし」 where they apply, and its filter finds
// rooms by kana in either script and by name. After her own post the doctor and the
// pharmacist post three times (one 至急): opening the room lands on the first of them under
// 「ここから未読」, and the line above the timeline reads 「前回から 新着3件（主治医・薬剤師）、
// 至急1件」. The 「プロフィール」 tab of the settings keeps her office and writes it into her
// patient rooms. Screenshots: glance_room_list.png, glance_unread.png.
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "bridge/profile_bridge.h"
#include "care/care_types.h"
#include "care/profile_form.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "session/session.h"
#include "settings_dialog.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "timeline/unread_summary.h"

using namespace renkei;
using namespace renkei::ui;
using renkei::guitest::OtherClient;
using renkei::guitest::pathPart;

namespace {

constexpr int kSyncMs = 60000;

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", ""};
}
care::MemberProfile doctorProfile() {
    return {care::Profession::Physician, "架空内科クリニック", "診療所", "みどり野市", ""};
}
care::MemberProfile pharmacistProfile() {
    return {care::Profession::Pharmacist, "さくら台薬局", "保険薬局", "さくら台町", ""};
}

bool cached(session::Session* s, const QString& room, const std::string& event_id) {
    auto event = s->cachedEvent(room.toStdString(), event_id);
    return event && event->has_value();
}

std::optional<care::MemberProfile> profileOf(session::Session* s, const QString& room, const std::string& user) {
    auto profile = s->memberProfile(room.toStdString(), user);
    return profile ? *profile : std::nullopt;
}

}  // namespace

class RoomGlanceTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roomListInKanaOrderWithMarkers();
    void openingLandsOnTheFirstUnreadPost();
    void profileTabKeepsAndPublishesTheOffice();
    void cleanupTestCase();

private:
    /// Opens a patient room for `name` / `kana` with `team` (user id, attending physician).
    QString openRoom(const std::string& name, const std::string& kana,
                     const std::vector<std::pair<std::string, bool>>& team);
    int rowOf(const QString& room_id) const;

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> doctor_;
    std::unique_ptr<OtherClient> pharmacist_;
    std::unique_ptr<MainWindow> window_;
    QString watanabe_, aoki_, katou_, office_room_;
    QString own_post_, first_unread_;
};

QString RoomGlanceTest::openRoom(const std::string& name, const std::string& kana,
                                 const std::vector<std::pair<std::string, bool>>& team) {
    session::Session* s = bridge_->session();
    care::PatientRoomPlan plan;
    plan.patient = {name, kana, "1938-04-01", care::Sex::Female, care::CareLevel::Care3, {"心不全"}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-20", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurseProfile();
    bool physician = false;
    for (const auto& [user, attending] : team) {
        plan.team.push_back({user, attending ? "主治医" : "薬剤師", attending});
        physician = physician || attending;
    }
    if (!physician) plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    if (!room) qWarning("openPatientRoom: %s", room.error().describe().c_str());
    return room ? QString::fromStdString(*room) : QString();
}

int RoomGlanceTest::rowOf(const QString& room_id) const { return window_->roomListModel()->rowOfRoom(room_id); }

void RoomGlanceTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    QVERIFY(!guitest::signInFreshMember(*bridge_, QStringLiteral("glance-nurse"), QStringLiteral("前回から"),
                                        nurseProfile())
                 .isEmpty());
    session::Session* s = bridge_->session();

    doctor_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
    pharmacist_ = std::make_unique<OtherClient>(QStringLiteral("pharm.suzuki"));
    QVERIFY(doctor_->ok() && pharmacist_->ok());
    QVERIFY((*doctor_)->setOwnProfile(doctorProfile()).ok());
    QVERIFY((*pharmacist_)->setOwnProfile(pharmacistProfile()).ok());
    const std::string doctor = (*doctor_)->userId();
    const std::string pharmacist = (*pharmacist_)->userId();

    // Created in an order that is neither the kana order nor, in the end, the activity order.
    watanabe_ = openRoom("渡辺 ハル", "わたなべ はる", {});
    aoki_ = openRoom("青木 シズ", "あおき しず", {{pharmacist, false}});
    katou_ = openRoom("加藤 ミツ", "カトウ ミツ", {{doctor, true}, {pharmacist, false}});
    QVERIFY(!watanabe_.isEmpty() && !aoki_.isEmpty() && !katou_.isEmpty());
    auto office = s->createRoom("連絡用（事務）", {});
    QVERIFY(office.ok());
    office_room_ = QString::fromStdString(*office);
    // Joining a patient room writes each one's own jp.renkei.member (Session::joinRoom).
    QVERIFY((*pharmacist_)->joinRoom(aoki_.toStdString()).ok());
    QVERIFY((*pharmacist_)->joinRoom(katou_.toStdString()).ok());
    QVERIFY((*doctor_)->joinRoom(katou_.toStdString()).ok());

    // Her own post is where she last was; the doctor and the pharmacist write after it.
    auto own = s->sendText(katou_.toStdString(), "訪問しました。血圧 128/76、体温 36.4℃。");
    QVERIFY(own.ok());
    own_post_ = QString::fromStdString(*own);
    auto first = (*doctor_)->sendText(katou_.toStdString(), "採血の結果、腎機能は前回と同じでした。");
    QVERIFY(first.ok());
    first_unread_ = QString::fromStdString(*first);
    QVERIFY((*pharmacist_)->sendText(katou_.toStdString(), "お薬をお届けしました。残薬はありません。").ok());
    const QJsonObject urgent{{QStringLiteral("msgtype"), QStringLiteral("m.text")},
                             {QStringLiteral("body"), QStringLiteral("至急: 38.2℃の発熱。本日往診します。")},
                             {QStringLiteral("jp.renkei.urgent"), true}};
    const auto sent = renkei::guitest::rawCall(
        QStringLiteral("dr.tanaka"), "PUT",
        QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2")
            .arg(pathPart(katou_), renkei::guitest::unique(QStringLiteral("urgent"))),
        urgent);
    QCOMPARE(sent.status, 200L);
    const std::string urgent_id = sent.body.value(QStringLiteral("event_id")).toString().toStdString();

    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    // Everything is in the cache before the window opens (the doctor's profile included).
    QTRY_VERIFY_WITH_TIMEOUT(cached(s, katou_, urgent_id), kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(profileOf(s, katou_, doctor).has_value(), kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(profileOf(s, katou_, pharmacist).has_value(), kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(profileOf(s, aoki_, pharmacist).has_value(), kSyncMs);
}

void RoomGlanceTest::roomListInKanaOrderWithMarkers() {
    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->resize(1100, 640);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    RoomListModel* rooms = window_->roomListModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(office_room_) >= 0 && rowOf(katou_) >= 0 && rowOf(aoki_) >= 0 &&
                                 rowOf(watanabe_) >= 0,
                             kSyncMs);
    // あおき < カトウ (= かとう) < わたなべ, then the ordinary room.
    QCOMPARE(rowOf(aoki_), 0);
    QCOMPARE(rowOf(katou_), 1);
    QCOMPARE(rowOf(watanabe_), 2);
    QCOMPARE(rowOf(office_room_), 3);
    const auto at = [&](const QString& id) { return rooms->index(rowOf(id)); };
    QCOMPARE(at(aoki_).data(Qt::DisplayRole).toString(), QStringLiteral("青木 シズ"));
    QCOMPARE(at(katou_).data(RoomListModel::NameKanaRole).toString(), QStringLiteral("カトウ ミツ"));
    // The pharmacy is in the next town; only 加藤 has an attending physician.
    QCOMPARE(RoomDelegate::markers(at(aoki_)), QStringList({QStringLiteral("市外"), QStringLiteral("主治医なし")}));
    QCOMPARE(RoomDelegate::markers(at(katou_)), QStringList({QStringLiteral("市外")}));
    QCOMPARE(RoomDelegate::markers(at(watanabe_)), QStringList({QStringLiteral("主治医なし")}));
    QCOMPARE(RoomDelegate::markers(at(office_room_)), QStringList());
    QTRY_COMPARE_WITH_TIMEOUT(at(katou_).data(RoomListModel::UnreadRole).toInt(), 3, kSyncMs);  // the server's count
    QVERIFY(at(katou_).data(RoomListModel::LastTimeRole).toDateTime().isValid());
    QVERIFY(!guitest::saveScreenshot(window_->roomListView(), QStringLiteral("glance_room_list")).isEmpty());

    // The filter: kana in the other script, and the name.
    QLineEdit* filter = window_->roomListView()->filterEdit();
    QListView* list = window_->roomListView()->listView();
    const auto only = [&](const QString& text, const QString& room_id) {
        filter->setText(text);
        return list->model()->rowCount() == 1 &&
               list->model()->index(0, 0).data(RoomListModel::RoomIdRole).toString() == room_id;
    };
    QVERIFY(only(QStringLiteral("かとう"), katou_));
    QVERIFY(only(QStringLiteral("ワタナベ"), watanabe_));
    QVERIFY(only(QStringLiteral("青木"), aoki_));
    filter->clear();
    QCOMPARE(list->model()->rowCount(), 4);
}

void RoomGlanceTest::openingLandsOnTheFirstUnreadPost() {
    QVERIFY(window_);
    window_->openRoom(katou_);
    TimelineModel* model = window_->timelineModel();
    const int unread = model->rowOfEvent(first_unread_);
    const int own = model->rowOfEvent(own_post_);
    QVERIFY(unread >= 0 && own >= 0);
    // The divider stands above the doctor's post, right after her own, and nowhere else.
    QCOMPARE(own + 1, unread);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row).data(TimelineModel::UnreadMarkerRole).toBool(), row == unread);
    }
    QCOMPARE(model->glance().new_posts, 3);
    QCOMPARE(model->glance().urgent, 1);
    auto* summary = window_->findChild<UnreadSummaryBar*>();
    QVERIFY(summary != nullptr);
    QTRY_VERIFY(summary->isVisible());
    QCOMPARE(summary->text(), QStringLiteral("前回から 新着3件（主治医・薬剤師）、至急1件"));
    // The view lands on the divider: painted at the top of that post, inside the viewport.
    TimelineView* view = window_->timelineView();
    QTRY_VERIFY(!view->partRect(unread, PostDelegate::Part::UnreadDivider).isEmpty() &&
                view->viewport()->rect().contains(view->partRect(unread, PostDelegate::Part::UnreadDivider)));
    const QRect divider = view->partRect(unread, PostDelegate::Part::UnreadDivider);
    const QRect post = view->visualRect(view->model()->index(unread, 0));
    QVERIFY(divider.top() >= post.top() && divider.bottom() < post.center().y());
    QVERIFY(view->partRect(own, PostDelegate::Part::UnreadDivider).isEmpty());
    QVERIFY(!guitest::saveScreenshot(window_.get(), QStringLiteral("glance_unread")).isEmpty());

    // Nothing new: no line; a room never read nor written in: no line either.
    QCOMPARE(UnreadSummaryBar::summaryText({}), QString());
    TimelineModel::Glance more;
    more.new_posts = 500;
    more.more = true;
    QCOMPARE(UnreadSummaryBar::summaryText(more), QStringLiteral("前回から 新着500件以上"));
}

void RoomGlanceTest::profileTabKeepsAndPublishesTheOffice() {
    ProfileBridge profiles(*bridge_);
    SettingsDialog dialog(AppSettings::load());
    dialog.setProfile(profiles.ownProfile());
    QLineEdit* office = guitest::fieldNamed(dialog.profileForm(), QStringLiteral("事業所名"));
    QVERIFY(office != nullptr);
    // An office is required: the dialog stays open on the profile tab and says so.
    office->clear();
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.tabs()->currentWidget() == dialog.profileForm());
    office->setText(QStringLiteral("みなと訪問看護ステーション 北分室"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().home_municipality, QStringLiteral("みどり野市"));
    const auto chosen = dialog.profile();
    QVERIFY(chosen.has_value());
    QCOMPARE(chosen->profession, care::Profession::VisitingNurse);

    QSignalSpy published(&profiles, &ProfileBridge::published);
    QString error;
    QVERIFY2(profiles.save(*chosen, &error), qPrintable(error));
    QVERIFY(published.wait(kSyncMs));
    QCOMPARE(published.first().at(1).toString(), QString());
    QCOMPARE(published.first().at(0).toInt(), 3);  // her three patient rooms, not the other one
    session::Session* s = bridge_->session();
    QCOMPARE(QString::fromStdString(profiles.ownProfile().value_or(care::MemberProfile{}).office),
             QStringLiteral("みなと訪問看護ステーション 北分室"));
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(profileOf(s, watanabe_, s->userId()).value_or(care::MemberProfile{}).office),
                              QStringLiteral("みなと訪問看護ステーション 北分室"), kSyncMs);
}

void RoomGlanceTest::cleanupTestCase() {
    window_.reset();
    for (auto* other : {doctor_.get(), pharmacist_.get()}) {
        if (other == nullptr || !other->ok()) continue;
        for (const QString& room : {aoki_, katou_}) {
            if (!room.isEmpty()) (void)(*other)->leaveRoom(room.toStdString());
        }
    }
    doctor_.reset();
    pharmacist_.reset();
    bridge_.reset();
}

QTEST_MAIN(RoomGlanceTest)
#include "room_glance_test.moc"
