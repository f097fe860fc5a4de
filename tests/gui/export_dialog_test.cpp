// GUI test (issue 12): 書き出し・印刷 from the patient panel. nurse.sato opens a patient room
// through core and posts a note and the vitals; the panel's 「書き出し・印刷…」 opens the
// dialog (the last month by default), which writes the support record as a PDF (the same
// painter as print and renkei-cli) and logs it in the vault. Screenshot: export_dialog.png.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/care_record_vitals.h"
#include "care/patient_panel.h"
#include "export/export_dialog.h"
#include "gui_support.h"
#include "session/session.h"

using namespace renkei;
using namespace renkei::ui;

class ExportDialogTest : public QObject {
    Q_OBJECT

private slots:
    void panelOpensTheDialogWhichWritesAndLogsThePdf();

private:
    QTemporaryDir dir_;
};

void ExportDialogTest::panelOpensTheDialogWhichWritesAndLogsThePdf() {
    guitest::setUpApplication();
    CoreBridge bridge(dir_.path());
    guitest::useTestKdf(bridge);
    QVERIFY(guitest::openAndSignIn(bridge, QStringLiteral("書き出し"), QStringLiteral("nurse.sato")));
    bridge.startSync();
    session::Session* s = bridge.session();
    QVERIFY(s != nullptr);
    const care::MemberProfile nurse{care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション",
                                    "みどり野市", "訪問看護"};
    care::PatientRoomPlan plan;
    plan.patient = {"架空 トメ", "かくう とめ", "1935-02-11", care::Sex::Female, care::CareLevel::Care2, {}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-30", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurse;
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    QVERIFY2(room.ok(), room ? "" : room.error().describe().c_str());
    const QString room_id = QString::fromStdString(*room);
    care::Vitals v;
    v.spo2 = 95;
    v.measured_at = QDateTime::currentMSecsSinceEpoch() / 60'000 * 60'000;
    QVERIFY(!bridge.queueRecord(room_id, care::vitalsContent(v).value()).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(s->roomRecords(*room).ok() && !s->roomRecords(*room)->empty(), 60000);

    PatientPanel panel(bridge);
    panel.setRoom(room_id);
    QVERIFY(panel.exportButton() != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isHidden(), 60000);
    panel.exportButton()->click();
    auto* dialog = panel.findChild<ExportDialog*>();
    QVERIFY(dialog != nullptr);
    const auto request = dialog->request();
    QVERIFY(request.from_ms && request.to_ms);
    QVERIFY(*request.to_ms - *request.from_ms >= 28LL * 24 * 60 * 60 * 1000);  // the last month
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!guitest::saveScreenshot(dialog, QStringLiteral("export_dialog")).isEmpty());

    const QString pdf = dir_.filePath(QStringLiteral("export.pdf"));
    QVERIFY2(dialog->exportTo(pdf), qPrintable(dialog->statusText()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY2(dialog->statusText().contains(QStringLiteral("ページ")), qPrintable(dialog->statusText()));
    // The range holds vitals: the chart follows the posts on a page of its own, the last one.
    file.close();
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    QVERIFY2(words.contains(QStringLiteral("バイタルの推移")), qPrintable(words));
    QVERIFY2(words.contains(QRegularExpression(QStringLiteral("2\\s*/\\s*2"))), qPrintable(words));  // page 2 of 2
    const QString page = QStringLiteral(RENKEI_SCREENSHOT_DIR "/export_figure_page");
    QDir().mkpath(QStringLiteral(RENKEI_SCREENSHOT_DIR));
    QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"),
                               {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"),
                                QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-png"),
                                QStringLiteral("-singlefile"), pdf, page}),
             0);
    auto log = s->exportLog(10, *room);
    QVERIFY(log.ok() && log->size() == 1);
    QCOMPARE(QString::fromStdString(log->front().target), QStringLiteral("pdf"));
    QVERIFY(log->front().post_count >= 1);
    bridge.stopSync();
}

QTEST_MAIN(ExportDialogTest)
#include "export_dialog_test.moc"
