// GUI test (issue 11): the care team in the timeline. nurse.sato keeps her profession and
// office in settings and opens a patient room through core (consent on record, the pharmacist
// invited, no physician: the reason recorded); pharm.suzuki joins and writes his own
// jp.renkei.member through the plain Client-Server API. Each post header then reads
// 「name（profession・office）」, a forged profile for someone else never counts, and the
// screenshot care_team_headers.png shows the headers.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/care_types.h"
#include "care/care_text.h"
#include "care/invitation_text.h"
#include "care/urgent_view.h"
#include "invite_bar.h"
#include "care/patient_panel.h"
#include "gui_support.h"
#include "session/session.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei;
using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::pathPart;
using renkei::guitest::rawCallWithToken;

namespace {

constexpr int kSyncMs = 60000;

QJsonObject toQt(const nlohmann::json& j) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", "訪問看護"};
}

care::MemberProfile pharmacistProfile() {
    return {care::Profession::Pharmacist, "すずき薬局", "保険薬局", "さくら台町", "薬剤師"};
}

}  // namespace

class CareTeamTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void postHeadersShowProfessionAndOffice();
    void patientPanelShowsTheRecord();
    void urgentAndScenePostsAreMarkedAndFiltered();
    void invitationShowsPatientAndConsent();
    void cleanupTestCase();

private:
    QString login(const QString& user);
    QString put(const QString& token, const QString& path, const QJsonObject& body, long* status = nullptr);

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<TimelineModel> model_;
    std::unique_ptr<TimelineView> view_;
    QString room_;
    QString invited_room_;
    QString suzuki_token_;
};

QString CareTeamTest::login(const QString& user) {
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("m.login.password")},
        {QStringLiteral("identifier"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")}, {QStringLiteral("user"), user}}},
        {QStringLiteral("password"), Homeserver::get().password(user)},
    };
    return rawCallWithToken(Homeserver::get(), "POST", QStringLiteral("/_matrix/client/v3/login"), {}, body)
        .body.value(QStringLiteral("access_token"))
        .toString();
}

QString CareTeamTest::put(const QString& token, const QString& path, const QJsonObject& body, long* status) {
    const auto answer = rawCallWithToken(Homeserver::get(), "PUT", path, token, body);
    if (status != nullptr) *status = answer.status;
    return answer.body.value(QStringLiteral("event_id")).toString();
}

void CareTeamTest::initTestCase() {
    renkei::guitest::setUpApplication();
    const auto& hs = Homeserver::get();
    QVERIFY(dir_.isValid());
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, QStringLiteral("ケアチーム"), QStringLiteral("nurse.sato")));
    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    session::Session* s = bridge_->session();
    QVERIFY(s != nullptr);
    QVERIFY(s->setOwnProfile(nurseProfile()).ok());

    const std::string suzuki = hs.userId(QStringLiteral("pharm.suzuki")).toStdString();
    care::PatientRoomPlan plan;
    plan.patient = {"架空 タエ", "かくう たえ", "1940-02-14", care::Sex::Female, care::CareLevel::Care2,
                    {"高血圧症"}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-28", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurseProfile();
    plan.team = {{suzuki, "薬剤師", false}};
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    QVERIFY2(room.ok(), room ? "" : room.error().describe().c_str());
    room_ = QString::fromStdString(*room);

    suzuki_token_ = login(QStringLiteral("pharm.suzuki"));
    QVERIFY(!suzuki_token_.isEmpty());
    QCOMPARE(rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/rooms/%1/join").arg(pathPart(room_)),
                              suzuki_token_)
                 .status,
             200L);
    long status = 0;
    put(suzuki_token_,
        QStringLiteral("/_matrix/client/v3/rooms/%1/state/m.room.member/%2").arg(pathPart(room_), pathPart(QString::fromStdString(suzuki))),
        {{QStringLiteral("membership"), QStringLiteral("join")}, {QStringLiteral("displayname"), QStringLiteral("鈴木 薫")}},
        &status);
    QCOMPARE(status, 200L);
    auto own = care::toContent(pharmacistProfile());
    QVERIFY(own.ok());
    const QString member_path = QStringLiteral("/_matrix/client/v3/rooms/%1/state/jp.renkei.member/%2").arg(pathPart(room_));
    put(suzuki_token_, member_path.arg(pathPart(QString::fromStdString(suzuki))), toQt(*own), &status);
    QCOMPARE(status, 200L);
    // A profile written for the nurse by someone else: the server refuses it.
    auto forged = care::toContent(care::MemberProfile{care::Profession::Physician, "偽クリニック", "診療所", "みどり野市", ""});
    put(suzuki_token_, member_path.arg(pathPart(QString::fromStdString(s->userId()))), toQt(*forged), &status);
    QCOMPARE(status, 403L);
    put(suzuki_token_, QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2").arg(pathPart(room_), guitest::unique(QStringLiteral("t"))),
        {{QStringLiteral("msgtype"), QStringLiteral("m.text")}, {QStringLiteral("body"), QStringLiteral("残薬を確認しました（昼の分 2 包）。")}},
        &status);
    QCOMPARE(status, 200L);
}

void CareTeamTest::postHeadersShowProfessionAndOffice() {
    const QString nurse_text = QStringLiteral("初回訪問。血圧 134/82、脈拍 72。");
    QVERIFY(!bridge_->sendText(room_, nurse_text).isEmpty());
    model_ = std::make_unique<TimelineModel>(bridge_.get());
    model_->setRoom(room_);
    const QString pharm_text = QStringLiteral("残薬を確認しました（昼の分 2 包）。");
    QTRY_VERIFY_WITH_TIMEOUT(guitest::rowWithBody(*model_, pharm_text) >= 0, kSyncMs);
    model_->setRoom(room_);  // as when the room is opened again: every name read afresh
    const int pharm = guitest::rowWithBody(*model_, pharm_text);
    QVERIFY(pharm >= 0);
    QCOMPARE(model_->index(pharm).data(TimelineModel::SenderNameRole).toString(),
             QStringLiteral("鈴木 薫（薬剤師・すずき薬局）"));
    QTRY_VERIFY_WITH_TIMEOUT(guitest::rowWithBody(*model_, nurse_text) >= 0, kSyncMs);
    const QString nurse_name = model_->index(guitest::rowWithBody(*model_, nurse_text)).data(TimelineModel::SenderNameRole).toString();
    QVERIFY2(nurse_name.endsWith(QStringLiteral("（訪問看護師・みなと訪問看護ステーション）")), qPrintable(nurse_name));

    view_ = std::make_unique<TimelineView>();
    view_->resize(720, 420);
    view_->setTimelineModel(model_.get());
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    view_->scrollToNewest();
    QVERIFY(!guitest::saveScreenshot(view_.get(), QStringLiteral("care_team_headers")).isEmpty());
}

void CareTeamTest::patientPanelShowsTheRecord() {
    PatientPanel panel(*bridge_);
    panel.resize(320, 560);
    panel.setRoom(room_);
    QVERIFY(!panel.isHidden());  // a patient room: the panel shows itself
    QVERIFY2(panel.patientText().startsWith(QStringLiteral("架空 タエ（かくう たえ）")), qPrintable(panel.patientText()));
    QVERIFY(panel.patientText().contains(QStringLiteral("要介護2")));
    QVERIFY2(panel.consentText().startsWith(QStringLiteral("2026-11-28 対面で取得（本人）")), qPrintable(panel.consentText()));
    QVERIFY(panel.teamText().contains(QStringLiteral("鈴木 薫（薬剤師・すずき薬局） — 薬剤師")));
    QVERIFY(panel.teamText().contains(QStringLiteral("（訪問看護師・みなと訪問看護ステーション）")));
    QVERIFY(!panel.teamText().contains(QStringLiteral("偽クリニック")));
    QCOMPARE(panel.rulesText(), QStringLiteral("主治医なしで開設: 主治医は調整中"));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!guitest::saveScreenshot(&panel, QStringLiteral("care_patient_panel")).isEmpty());
    // A room that is not a patient room has no panel.
    PatientPanel other(*bridge_);
    other.setRoom(QStringLiteral("!not-a-patient-room:localhost"));
    QVERIFY(other.isHidden());
}

void CareTeamTest::urgentAndScenePostsAreMarkedAndFiltered() {
    // Another client posts with Renkei's context keys: one urgent post in 急変時の対応 and one
    // ordinary post in 日常の療養支援.
    const QString urgent_text = QStringLiteral("夜間に 38.6℃ の発熱。主治医へ連絡をお願いします。");
    const QString daily_text = QStringLiteral("服薬カレンダーを新しくしました。");
    const auto post = [this](const QString& body, const QString& scene, bool urgent) {
        QJsonObject content{{QStringLiteral("msgtype"), QStringLiteral("m.text")}, {QStringLiteral("body"), body},
                            {QString::fromLatin1(care::kSceneKey), scene}};
        if (urgent) content.insert(QString::fromLatin1(care::kUrgentKey), true);
        long status = 0;
        put(suzuki_token_,
            QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2").arg(pathPart(room_), guitest::unique(QStringLiteral("t"))),
            content, &status);
        return status;
    };
    QCOMPARE(post(urgent_text, QStringLiteral("acute_change"), true), 200L);
    QCOMPARE(post(daily_text, QStringLiteral("daily_care"), false), 200L);
    QVERIFY(model_ && view_);
    QTRY_VERIFY_WITH_TIMEOUT(guitest::rowWithBody(*model_, daily_text) >= 0, kSyncMs);
    const QModelIndex urgent = model_->index(guitest::rowWithBody(*model_, urgent_text));
    const QModelIndex daily = model_->index(guitest::rowWithBody(*model_, daily_text));
    const QModelIndex nurse = model_->index(guitest::rowWithBody(*model_, QStringLiteral("初回訪問。血圧 134/82、脈拍 72。")));
    QVERIFY(urgent.data(TimelineModel::UrgentRole).toBool());
    QCOMPARE(urgent.data(TimelineModel::SceneRole).toInt(), static_cast<int>(care::Scene::AcuteChange));
    QVERIFY(!daily.data(TimelineModel::UrgentRole).toBool());
    QCOMPARE(daily.data(TimelineModel::SceneRole).toInt(), static_cast<int>(care::Scene::DailyCare));
    QCOMPARE(nurse.data(TimelineModel::SceneRole).toInt(), -1);
    QCOMPARE(nurse.data(TimelineModel::SenderProfessionRole).toInt(), static_cast<int>(care::Profession::VisitingNurse));
    view_->scrollToNewest();
    QVERIFY(!guitest::saveScreenshot(view_.get(), QStringLiteral("care_urgent_scene")).isEmpty());

    // 至急のみ: only the urgent post stays; by profession 薬剤師: the nurse's post goes.
    view_->setFilter(TimelineFilter{-1, -1, true});
    QVERIFY(!view_->isRowHidden(urgent.row()));
    QVERIFY(view_->isRowHidden(daily.row()));
    QVERIFY(view_->isRowHidden(nurse.row()));
    view_->setFilter(TimelineFilter{-1, static_cast<int>(care::Profession::Pharmacist), false});
    QVERIFY(!view_->isRowHidden(urgent.row()));
    QVERIFY(!view_->isRowHidden(daily.row()));
    QVERIFY(view_->isRowHidden(nurse.row()));
    view_->setFilter(TimelineFilter{static_cast<int>(care::Scene::DailyCare), -1, false});
    QVERIFY(view_->isRowHidden(urgent.row()));
    QVERIFY(!view_->isRowHidden(daily.row()));
    view_->setFilter(TimelineFilter{});
    for (const QModelIndex& i : {urgent, daily, nurse}) QVERIFY(!view_->isRowHidden(i.row()));

    // The cross-room 至急 view: the nurse has not read it yet; her receipt moves her to 既読.
    UrgentView urgent_view(*bridge_);
    urgent_view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&urgent_view));
    const auto row_of_urgent = [&] {
        for (const QString& row : urgent_view.rowTexts()) {
            if (row.contains(urgent_text)) return row;
        }
        return QString();
    };
    QVERIFY2(row_of_urgent().contains(QStringLiteral("未読: nurse.sato（訪問看護師・みなと訪問看護ステーション）")),
             qPrintable(row_of_urgent()));
    QVERIFY(row_of_urgent().contains(QStringLiteral("鈴木 薫（薬剤師・すずき薬局）")));
    QVERIFY(row_of_urgent().contains(QStringLiteral("［急変時の対応］")));
    QVERIFY(!urgent_view.rowTexts().join(QString()).contains(daily_text));
    QVERIFY(!guitest::saveScreenshot(&urgent_view, QStringLiteral("care_urgent_unread")).isEmpty());
    QVERIFY(bridge_->session()->sendReadReceipt(room_.toStdString(), urgent.data(TimelineModel::EventIdRole).toString().toStdString()).ok());
    QTRY_VERIFY_WITH_TIMEOUT(row_of_urgent().contains(QStringLiteral("未読: なし（全員が既読）")), kSyncMs);
    QVERIFY(row_of_urgent().contains(QStringLiteral("既読: nurse.sato（訪問看護師・みなと訪問看護ステーション）")));
}

void CareTeamTest::invitationShowsPatientAndConsent() {
    // The pharmacist opens a patient room with another client's plain createRoom (the shapes
    // of core/care/SCHEMA.md) and invites the nurse: before she accepts, the invitation says
    // whose room it is, that consent is on record, and who invites with profession and office.
    const auto& hs = Homeserver::get();
    const QString nurse = QString::fromStdString(bridge_->session()->userId());
    const QString suzuki = hs.userId(QStringLiteral("pharm.suzuki"));
    care::Patient patient{"架空 ハナ", "かくう はな", "1938-07-01", care::Sex::Female, care::CareLevel::Care3,
                          {"心不全"}, "みどり野市"};
    care::Consent consent{"2026-11-30", care::ConsentMethod::ThroughFamily, suzuki.toStdString(), false, "長女",
                          std::nullopt, std::nullopt};
    auto patient_json = care::toContent(patient);
    auto consent_json = care::toContent(consent);
    auto member_json = care::toContent(pharmacistProfile());
    QVERIFY(patient_json.ok() && consent_json.ok() && member_json.ok());
    const auto state = [](const char* type, const QString& key, const nlohmann::json& content) {
        return QJsonObject{{QStringLiteral("type"), QString::fromLatin1(type)}, {QStringLiteral("state_key"), key},
                           {QStringLiteral("content"), toQt(content)}};
    };
    const QJsonObject body{
        {QStringLiteral("preset"), QStringLiteral("private_chat")},
        {QStringLiteral("name"), QStringLiteral("架空 ハナ")},
        {QStringLiteral("invite"), QJsonArray{nurse}},
        {QStringLiteral("creation_content"), QJsonObject{{QStringLiteral("type"), QString::fromLatin1(care::kPatientRoomType)}}},
        {QStringLiteral("initial_state"),
         QJsonArray{state(care::kPatientType, {}, *patient_json), state(care::kConsentType, {}, *consent_json),
                    state(care::kMemberType, suzuki, *member_json)}},
    };
    const auto created = rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/createRoom"), suzuki_token_, body);
    QCOMPARE(created.status, 200L);
    invited_room_ = created.body.value(QStringLiteral("room_id")).toString();
    QVERIFY(!invited_room_.isEmpty());
    session::Session* s = bridge_->session();
    const std::string room = invited_room_.toStdString();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto rooms = s->rooms();
            if (!rooms) return false;
            for (const auto& r : *rooms) {
                if (r.room_id == room) return r.membership == "invite";
            }
            return false;
        }(),
        kSyncMs);
    auto record = s->patientRecord(room);
    QVERIFY(record.ok());
    const QString details = invitationDetails(*record);
    QVERIFY2(details.contains(QStringLiteral("利用者: 架空 ハナ（かくう はな）")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("同意記録: あり（2026-11-30・家族を通じて）")), qPrintable(details));
    auto inviter = s->memberProfile(room, suzuki.toStdString());
    QVERIFY(inviter.ok() && inviter->has_value());
    QCOMPARE((*inviter)->profession, care::Profession::Pharmacist);

    InviteBar bar;
    bar.resize(640, 120);
    bar.showInvitation(invited_room_, QStringLiteral("架空 ハナ"),
                       memberLabel(QString::fromStdString(s->displayName(room, suzuki.toStdString())), *inviter));
    bar.setDetails(details);
    QVERIFY2(bar.text().contains(QStringLiteral("（薬剤師・すずき薬局）")), qPrintable(bar.text()));
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QVERIFY(!guitest::saveScreenshot(&bar, QStringLiteral("care_invitation")).isEmpty());
}

void CareTeamTest::cleanupTestCase() {
    view_.reset();
    model_.reset();
    const auto& hs = Homeserver::get();
    if (!suzuki_token_.isEmpty()) {
        for (const QString& room : {room_, invited_room_}) {
            if (room.isEmpty()) continue;
            (void)rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/rooms/%1/leave").arg(pathPart(room)),
                                   suzuki_token_);
        }
        (void)rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/logout"), suzuki_token_);
    }
    if (bridge_ && !invited_room_.isEmpty()) {
        QSignalSpy declined(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->leaveRoom(invited_room_);
        declined.wait(kSyncMs);
    }
    if (bridge_ && !room_.isEmpty()) {
        QSignalSpy left(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->leaveRoom(room_);
        left.wait(kSyncMs);
    }
    bridge_.reset();
}

QTEST_MAIN(CareTeamTest)
#include "care_team_test.moc"
