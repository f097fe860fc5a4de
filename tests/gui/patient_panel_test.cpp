// GUI test (issue 11): the patient panel, editable by those allowed. nurse.sato opens a
// patient room through core with pharm.suzuki invited; he joins in his own Renkei. The
// opener sees 編集, changes 要介護度 in the edit dialog (the wizard's own patient form); her
// panel, the pharmacist's panel and the timeline's readable line show the new value; the
// pharmacist sees no 編集. The consent's scan opens in the image viewer from memory.
// Screenshots: patient_panel_edit.png, patient_edit_dialog.png, patient_edit_timeline.png,
// consent_scan_viewer.png.
#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/care_record_acp.h"
#include "care/care_record_dialog.h"
#include "care/care_record_format.h"
#include "care/care_record_physician.h"
#include "care/care_record_vitals.h"
#include "care/monthly_updates_dialog.h"
#include "care/care_types.h"
#include "care/patient_form.h"
#include "care/patient_panel.h"
#include "care/vitals_chart_dialog.h"
#include "care/vitals_chart_view.h"
#include "gui_support.h"
#include "image_viewer.h"
#include "session/session.h"
#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei;
using namespace renkei::ui;
using renkei::guitest::Homeserver;

namespace {

constexpr int kSyncMs = 60000;

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", "訪問看護"};
}

// The timeline row of the patient profile's edit, or -1.
int editRow(const TimelineModel& model) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row);
        if (i.data(TimelineModel::StateTypeRole).toString() == QLatin1String(care::kPatientType) &&
            !i.data(TimelineModel::StateChangesRole).isNull()) {
            return row;
        }
    }
    return -1;
}

}  // namespace

class PatientPanelTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void openerEditsTheCareLevel();
    void memberWithoutTheLevelSeesNoEdit();
    void consentScanOpensInTheViewer();
    void recordsArePinnedAndListed();
    void cleanupTestCase();

private:
    QTemporaryDir dir_;
    QTemporaryDir other_dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<CoreBridge> pharmacist_;
    QString room_;
};

void PatientPanelTest::initTestCase() {
    renkei::guitest::setUpApplication();
    const auto& hs = Homeserver::get();
    QVERIFY(dir_.isValid() && other_dir_.isValid());
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, QStringLiteral("利用者情報"), QStringLiteral("nurse.sato")));
    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    session::Session* s = bridge_->session();
    QVERIFY(s != nullptr);
    QVERIFY(s->setOwnProfile(nurseProfile()).ok());

    care::PatientRoomPlan plan;
    plan.patient = {"架空 ミツ", "かくう みつ", "1936-09-03", care::Sex::Female, care::CareLevel::Care2,
                    {"慢性心不全"}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-30", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurseProfile();
    plan.team = {{hs.userId(QStringLiteral("pharm.suzuki")).toStdString(), "薬剤師", false}};
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    QVERIFY2(room.ok(), room ? "" : room.error().describe().c_str());
    room_ = QString::fromStdString(*room);

    pharmacist_ = std::make_unique<CoreBridge>(other_dir_.path());
    renkei::guitest::useTestKdf(*pharmacist_);
    QVERIFY(renkei::guitest::openAndSignIn(*pharmacist_, QStringLiteral("薬局"), QStringLiteral("pharm.suzuki")));
    pharmacist_->startSync();
    session::Session* p = pharmacist_->session();
    QVERIFY(p != nullptr);
    const auto invited = [&] {
        auto rows = p->rooms();
        if (!rows) return false;
        for (const auto& r : *rows) {
            if (r.room_id == *room && r.membership == "invite") return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(invited(), kSyncMs);
    QVERIFY(p->joinRoom(*room).ok());
}

void PatientPanelTest::openerEditsTheCareLevel() {
    PatientPanel panel(*bridge_);
    panel.resize(340, 600);
    panel.setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isHidden(), kSyncMs);
    QVERIFY(panel.patientText().contains(QStringLiteral("要介護2")));
    QVERIFY(!panel.editPatientButton()->isHidden());  // the opener holds the level
    QVERIFY(!panel.editConsentButton()->isHidden());
    QVERIFY(panel.openScanButton()->isHidden());      // no scan on record yet
    QVERIFY(panel.chartButton()->isHidden());         // no vitals posted yet
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!guitest::saveScreenshot(&panel, QStringLiteral("patient_panel_edit")).isEmpty());

    QTest::mouseClick(panel.editPatientButton(), Qt::LeftButton);
    CareRecordDialog* dialog = panel.editDialog();
    QVERIFY(dialog != nullptr);
    QVERIFY(dialog->patientForm() != nullptr);
    QCOMPARE(dialog->patientForm()->patient().name, std::string("架空 ミツ"));  // starts from the record
    QComboBox* level = nullptr;
    for (QComboBox* box : dialog->findChildren<QComboBox*>()) {
        if (box->accessibleName() == QStringLiteral("要介護度")) level = box;
    }
    QVERIFY(level != nullptr);
    level->setCurrentIndex(level->findData(static_cast<int>(care::CareLevel::Care3)));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!guitest::saveScreenshot(dialog, QStringLiteral("patient_edit_dialog")).isEmpty());
    QPointer<CareRecordDialog> open(dialog);
    dialog->save();
    QTRY_VERIFY_WITH_TIMEOUT(open.isNull(), kSyncMs);  // closed once the server took it
    QTRY_VERIFY_WITH_TIMEOUT(panel.patientText().contains(QStringLiteral("要介護3")), kSyncMs);

    // The timeline's readable line says what changed.
    TimelineModel model(bridge_.get());
    model.setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(editRow(model) >= 0, kSyncMs);
    const QModelIndex edit = model.index(editRow(model));
    const QString line = PostDelegate::placeholderText(edit);
    QVERIFY2(line.startsWith(QStringLiteral("利用者情報を変更しました（要介護度: 要介護2 → 要介護3）")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("利用者: 架空 ミツ（かくう みつ）")), qPrintable(line));
    TimelineView view;
    view.resize(720, 420);
    view.setTimelineModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.scrollToNewest();
    QVERIFY(!guitest::saveScreenshot(&view, QStringLiteral("patient_edit_timeline")).isEmpty());
}

void PatientPanelTest::memberWithoutTheLevelSeesNoEdit() {
    PatientPanel panel(*pharmacist_);
    panel.resize(340, 600);
    panel.setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isHidden() && panel.patientText().contains(QStringLiteral("要介護3")), kSyncMs);
    QVERIFY(panel.editPatientButton()->isHidden());
    QVERIFY(panel.editConsentButton()->isHidden());
    // Core refuses too, before anything is sent.
    care::Patient changed;
    auto record = pharmacist_->session()->patientRecord(room_.toStdString());
    QVERIFY(record.ok() && record->patient.has_value());
    changed = *record->patient;
    changed.care_level = care::CareLevel::Care5;
    auto refused = pharmacist_->session()->updatePatientProfile(room_.toStdString(), changed);
    QVERIFY(!refused.ok());
    QCOMPARE(QString::fromStdString(refused.error().errcode), QStringLiteral("M_FORBIDDEN"));
}

void PatientPanelTest::consentScanOpensInTheViewer() {
    session::Session* s = bridge_->session();
    QImage scan(320, 420, QImage::Format_RGB32);
    scan.fill(Qt::white);
    for (int y = 60; y < 360; y += 30) {
        for (int x = 40; x < 280; ++x) scan.setPixel(x, y, qRgb(40, 40, 40));
    }
    QByteArray png;
    QBuffer buffer(&png);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(scan.save(&buffer, "PNG"));
    auto sent = s->sendImage(room_.toStdString(), png.toStdString(), "image/png", "同意書.png", scan.width(), scan.height());
    QVERIFY(sent.ok());
    std::string mxc;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        auto event = s->cachedEvent(room_.toStdString(), *sent);
        if (!event || !*event) return false;
        mxc = (**event).content.value("url", "");
        return !mxc.empty();
    }()), kSyncMs);
    auto record = s->patientRecord(room_.toStdString());
    QVERIFY(record.ok() && record->consent.has_value());
    care::Consent consent = *record->consent;
    consent.scan_mxc = mxc;
    QVERIFY(s->updateConsent(room_.toStdString(), consent).ok());

    PatientPanel panel(*bridge_);
    panel.resize(340, 600);
    panel.setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.openScanButton()->isHidden(), kSyncMs);
    QVERIFY(panel.consentText().contains(QStringLiteral("同意書の写しあり")));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTest::mouseClick(panel.openScanButton(), Qt::LeftButton);
    ImageViewer* viewer = panel.scanViewer();
    QVERIFY(viewer != nullptr);
    QCOMPARE(viewer->mxc(), QString::fromStdString(mxc));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), kSyncMs);
    QVERIFY(QTest::qWaitForWindowExposed(viewer));
    QVERIFY(!guitest::saveScreenshot(viewer, QStringLiteral("consent_scan_viewer")).isEmpty());
    viewer->close();
}

// Issue 12: the ACP pinned in the panel, a trend flag with its reason, the physician's
// monthly 情報連携 list with who acknowledged each update, and バイタルの推移 whose point asks
// for its post. Screenshots:
// patient_panel_records.png, monthly_updates.png.
void PatientPanelTest::recordsArePinnedAndListed() {
    session::Session* s = bridge_->session();
    session::Session* p = pharmacist_->session();
    const std::string room = room_.toStdString();
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    care::AdvanceCarePlan plan;
    plan.place_of_death.place = care::WishedPlace::Home;
    plan.treatments[care::LifeSustainingTreatment::Cpr] = care::TreatmentWish::NotWanted;
    plan.discussion_date = care::jstDate(now);
    plan.participants = {{"架空 ミツ", "本人"}, {"架空 一子", "長女"}};
    QVERIFY(!bridge_->queueRecord(room_, care::advanceCarePlanContent(plan)).isEmpty());
    care::PhysicianUpdate update;
    update.next_visit_date = care::jstDate(now + 7LL * 24 * 60 * 60 * 1000);
    update.policy_changed = true;
    update.change_summary = "架空の変更: 在宅酸素を検討";
    QVERIFY(!bridge_->queueRecord(room_, care::physicianUpdateContent(update)).isEmpty());
    care::Vitals low;
    low.spo2 = 89;
    low.measured_at = (now - 60 * 60 * 1000) / 60'000 * 60'000;
    QVERIFY(!pharmacist_->queueRecord(room_, care::vitalsContent(low).value()).isEmpty());

    // The pharmacist acknowledges the update once his Renkei has it.
    std::string update_id;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        auto updates = p->physicianUpdates(room);
        if (!updates || updates->empty()) return false;
        update_id = updates->front().event_id;
        return true;
    }()), kSyncMs);
    QVERIFY(pharmacist_->toggleReaction(room_, QString::fromStdString(update_id),
                                        QString::fromUtf8(care::kAcknowledgementKey)));

    PatientPanel panel(*bridge_);
    panel.resize(360, 720);
    panel.setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(panel.trendsText().contains(QStringLiteral("SpO2")), kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(panel.acpText().contains(QStringLiteral("最期を迎えたい場所: 自宅")), kSyncMs);
    QVERIFY2(panel.acpText().startsWith(QStringLiteral("第1版")), qPrintable(panel.acpText()));
    QVERIFY(panel.acpText().contains(QStringLiteral("心肺蘇生: 希望しない")));
    // The update may reach the cache a sync round after the ACP and the vitals.
    QTRY_VERIFY_WITH_TIMEOUT(!panel.monthlyButton()->isHidden(), kSyncMs);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!guitest::saveScreenshot(&panel, QStringLiteral("patient_panel_records")).isEmpty());

    MonthlyUpdatesDialog dialog(*bridge_, room_);
    dialog.setAttribute(Qt::WA_DeleteOnClose, false);
    const QString pharmacist = QString::fromStdString(s->displayName(room, p->userId()));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.listText().contains(pharmacist), kSyncMs);
    const QString list = dialog.listText();
    QVERIFY2(list.contains(QString::fromStdString(update.next_visit_date)), qPrintable(list));
    QVERIFY(list.contains(QStringLiteral("あり")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!guitest::saveScreenshot(&dialog, QStringLiteral("monthly_updates")).isEmpty());

    // バイタルの推移: the pharmacist's SpO2 in its chart; its point asks for its post.
    QVERIFY(!panel.chartButton()->isHidden());
    QTest::mouseClick(panel.chartButton(), Qt::LeftButton);
    VitalsChartDialog* chart = panel.chartDialog();
    QVERIFY(chart != nullptr);
    QCOMPARE(chart->windowTitle(), QStringLiteral("バイタルの推移"));
    QVERIFY(QTest::qWaitForWindowExposed(chart));
    QCOMPARE(chart->view()->panelCount(), 1);
    QCOMPARE(chart->view()->panelTitle(0), QStringLiteral("SpO2"));
    QCOMPARE(chart->view()->pointCount(0), 1);
    const auto series = s->vitalsSeries(room);
    QVERIFY(series.ok() && series->size() == 1);
    QSignalSpy requested(&panel, &PatientPanel::postRequested);
    // The dialog may lay its chart out again after it is first shown (a sync round reloads
    // the series): click the point where it is now until a click lands on it.
    QTRY_VERIFY_WITH_TIMEOUT(guitest::clickChartPoint(chart->view()->chartView(0), 0) && !requested.isEmpty(),
                             kSyncMs);
    QCOMPARE(requested.front().at(0).toString(), room_);
    QCOMPARE(requested.front().at(1).toString(), QString::fromStdString(series->front().event_id));
    chart->close();
}

void PatientPanelTest::cleanupTestCase() {
    if (pharmacist_) pharmacist_->stopSync();
    if (bridge_) bridge_->stopSync();
}

QTEST_MAIN(PatientPanelTest)
#include "patient_panel_test.moc"
