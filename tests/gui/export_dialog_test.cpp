// GUI test (issue 12): 書き出し・印刷 from the patient panel. nurse.sato opens a patient room
// through core and posts a note and the vitals; the panel's 「書き出し・印刷…」 opens the
// dialog (the last month by default), which writes the support record as a PDF (the same
// painter as print and renkei-cli) and logs it in the vault. A photo posted through the
// composer's path (2000 x 1500) is fetched and drawn at 1,200 x 900 pixels (pdfimages). Then
// the post menu's way in: one post chosen (choosePost), only it in the PDF. Screenshots:
// export_dialog.png, export_dialog_choose.png, export_picture_page.png.
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QCheckBox>
#include <QSignalSpy>
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

namespace {

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000)) return {};
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

// The images of a PDF as pdfimages lists them: "page width height" each.
QStringList pdfImages(const QString& pdf) {
    QStringList out;
    const QStringList lines = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}).split(QLatin1Char('\n'));
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QStringList f = lines[i].simplified().split(QLatin1Char(' '));
        if (f.size() > 4 && f[2] == QLatin1String("image")) out << f[0] + QLatin1Char(' ') + f[3] + QLatin1Char(' ') + f[4];
    }
    return out;
}

}  // namespace

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
    // A wound photo larger than paper needs: left half dark red, right half light grey.
    QImage photo(2000, 1500, QImage::Format_RGB32);
    photo.fill(QColor(220, 220, 220));
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width() / 2; ++x) photo.setPixel(x, y, qRgb(150, 30, 30));
    }
    const QString photo_path = dir_.filePath(QStringLiteral("創部.png"));
    QVERIFY(photo.save(photo_path, "PNG"));
    bridge.sendFile(room_id, photo_path);
    auto has_photo = [&] {
        auto doc = s->exportDocument(*room, {});
        if (!doc) return false;
        return std::any_of(doc->blocks.begin(), doc->blocks.end(), [](const auto& b) { return !b.image_mxc.empty(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(has_photo(), 60000);

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
    QSignalSpy finished(dialog, &ExportDialog::finished);
    QVERIFY2(dialog->exportTo(pdf), qPrintable(dialog->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog->statusText()));
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
    QVERIFY2(words.contains(QStringLiteral("[画像]創部.png")) || words.contains(QStringLiteral("[画像] 創部.png")),
             qPrintable(words));
    QVERIFY2(!words.contains(QStringLiteral("画像を載せられませんでした")), qPrintable(words));
    QVERIFY2(words.contains(QRegularExpression(QStringLiteral("2\\s*/\\s*2"))), qPrintable(words));  // page 2 of 2
    // The photo on page 1 at the export's 1,200 pixels (scaled from 2,000), the chart on page 2.
    const QStringList images = pdfImages(pdf);
    QVERIFY2(images.contains(QStringLiteral("1 1200 900")), qPrintable(images.join(QLatin1Char(','))));
    QVERIFY2(images.size() == 2 && images.last().startsWith(QStringLiteral("2 ")), qPrintable(images.join(QLatin1Char(','))));
    QCOMPARE(QProcess::execute(QStringLiteral("pdftoppm"),
                               {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                                QStringLiteral("-r"), QStringLiteral("70"), QStringLiteral("-png"),
                                QStringLiteral("-singlefile"), pdf,
                                QStringLiteral(RENKEI_SCREENSHOT_DIR "/export_picture_page")}),
             0);
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

    // 「この投稿を書き出す…」 on the vitals post: the dialog lists the days' posts, that one
    // ticked; the PDF holds it alone.
    auto all = s->exportDocument(*room, {});
    QVERIFY(all.ok());
    const auto vitals = std::find_if(all->blocks.begin(), all->blocks.end(), [](const auto& b) { return b.title == "バイタル"; });
    QVERIFY(vitals != all->blocks.end());
    panel.exportPost(QString::fromStdString(vitals->event_id), vitals->ts_ms);
    QCOMPARE(panel.exportDialog(), dialog);
    QVERIFY(dialog->chooseBox()->isChecked());
    QVERIFY(dialog->postList()->isVisible());
    QVERIFY(dialog->postList()->count() >= 3);  // the room's opening, the vitals, the photo
    int ticked = 0;
    for (int i = 0; i < dialog->postList()->count(); ++i) {
        const QListWidgetItem* item = dialog->postList()->item(i);
        if (item->checkState() != Qt::Checked) continue;
        ++ticked;
        QVERIFY2(item->text().contains(QStringLiteral("【バイタル】")), qPrintable(item->text()));
    }
    QCOMPARE(ticked, 1);
    QCOMPARE(dialog->request().event_ids, std::vector<std::string>{vitals->event_id});
    QVERIFY(!guitest::saveScreenshot(dialog, QStringLiteral("export_dialog_choose")).isEmpty());
    const QString chosen_pdf = dir_.filePath(QStringLiteral("chosen.pdf"));
    QVERIFY2(dialog->exportTo(chosen_pdf), qPrintable(dialog->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(dialog->statusText()));
    const QString chosen = run(QStringLiteral("pdftotext"), {chosen_pdf, QStringLiteral("-")});
    QVERIFY2(chosen.contains(QStringLiteral("選択した 1 件")), qPrintable(chosen));
    QVERIFY2(chosen.contains(QStringLiteral("SpO2")), qPrintable(chosen));
    QVERIFY2(!chosen.contains(QStringLiteral("創部")), qPrintable(chosen));
    QVERIFY2(pdfImages(chosen_pdf).size() == 1, qPrintable(pdfImages(chosen_pdf).join(QLatin1Char(','))));  // the chart
    // Nothing ticked: refused with the reason, nothing written.
    for (int i = 0; i < dialog->postList()->count(); ++i) dialog->postList()->item(i)->setCheckState(Qt::Unchecked);
    QVERIFY(!dialog->exportTo(dir_.filePath(QStringLiteral("none.pdf"))));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("印を付けて")), qPrintable(dialog->statusText()));
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("none.pdf"))));
    bridge.stopSync();
}

QTEST_MAIN(ExportDialogTest)
#include "export_dialog_test.moc"
