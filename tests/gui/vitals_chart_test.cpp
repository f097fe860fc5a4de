// GUI test (issue 12, 推移): the vitals chart view on a known fictional series of about three
// months (blood pressure rising, SpO2 falling, weight going down, temperature): the panels and
// their points per range, a click on a point naming its post, the figure for a report.
// No server. Screenshots: vitals_chart.png (3か月), vitals_chart_figure.png.
#include <QChart>
#include <QChartView>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "care/vitals_chart_view.h"
#include "gui_support.h"

using namespace renkei;
using namespace renkei::ui;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kNow = 1796085000000;  // 2026-12-01 09:30 JST

// One visit every 7 days from 91 days ago to 0 (14 visits): BP 128/76 rising to 167/89,
// SpO2 97 falling to 91, weight 46.0 falling by 0.3 a visit, a temperature every other visit.
std::vector<care::VitalsPoint> knownSeries() {
    std::vector<care::VitalsPoint> out;
    for (int i = 0; i < 14; ++i) {
        care::VitalsPoint p;
        p.event_id = "$visit" + std::to_string(i);
        p.vitals.measured_at = kNow - (91 - 7 * i) * kDay;
        p.vitals.systolic = 128 + 3 * i;
        p.vitals.diastolic = 76 + i;
        p.vitals.spo2 = 97 - i / 2;
        p.vitals.weight = 46.0 - 0.3 * i;
        if (i % 2 == 0) p.vitals.temperature = 36.4 + 0.1 * (i % 5);
        out.push_back(p);
    }
    return out;
}

}  // namespace

class VitalsChartTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { guitest::setUpApplication(); }
    void panelsAndPointsPerRange();
    void clickingAPointNamesItsPost();
    void figureForAReport();
};

void VitalsChartTest::panelsAndPointsPerRange() {
    VitalsChartView view;
    view.show();
    QCOMPARE(view.range(), care::ChartRange::ThreeMonths);  // the default
    QCOMPARE(view.panelCount(), 0);
    view.setSeries(knownSeries(), kNow);
    // 3か月 (90 days): the visit 91 days ago falls out; 血圧, 体温, SpO2, 体重.
    QCOMPARE(view.panelCount(), 4);
    QCOMPARE(view.panelTitle(0), QStringLiteral("血圧"));
    QCOMPARE(view.panelTitle(1), QStringLiteral("体温"));
    QCOMPARE(view.panelTitle(2), QStringLiteral("SpO2"));
    QCOMPARE(view.panelTitle(3), QStringLiteral("体重"));
    QCOMPARE(view.pointCount(0), 26);  // 13 systolic + 13 diastolic on one axis
    QCOMPARE(view.pointCount(1), 6);   // visits 2, 4, …, 12
    QCOMPARE(view.pointCount(2), 13);
    QCOMPARE(view.chartView(0)->chart()->title(), QStringLiteral("血圧（mmHg）　基準範囲 収縮期 90–140・拡張期 60–90"));
    QVERIFY(view.chartView(3)->chart()->title().startsWith(QStringLiteral("体重（kg）")));
    QVERIFY(!view.chartView(3)->chart()->title().contains(QStringLiteral("基準範囲")));  // the patient's own

    QPushButton* two_weeks = guitest::buttonNamed(&view, QStringLiteral("2週間"));
    QVERIFY(two_weeks != nullptr);
    QTest::mouseClick(two_weeks, Qt::LeftButton);
    QCOMPARE(view.range(), care::ChartRange::TwoWeeks);
    QCOMPARE(view.panelCount(), 4);
    QCOMPARE(view.pointCount(0), 6);  // the visits 14, 7 and 0 days ago, both pressures
    QCOMPARE(view.pointCount(3), 3);

    view.setRange(care::ChartRange::All);
    QVERIFY(guitest::buttonNamed(&view, QStringLiteral("すべて"))->isChecked());
    QCOMPARE(view.pointCount(0), 28);
    QCOMPARE(view.pointCount(1), 7);

    view.setSeries({}, kNow);
    QCOMPARE(view.panelCount(), 0);
}

void VitalsChartTest::clickingAPointNamesItsPost() {
    VitalsChartView view;
    view.resize(720, 900);
    view.setSeries(knownSeries(), kNow);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &VitalsChartView::postActivated);
    // The SpO2 chart's last marker: the visit of today.
    QCOMPARE(view.pointCount(2), 13);
    QVERIFY(guitest::clickChartPoint(view.chartView(2), 12));
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.front().front().toString(), QStringLiteral("$visit13"));

    QVERIFY(!guitest::saveScreenshot(&view, QStringLiteral("vitals_chart")).isEmpty());
}

void VitalsChartTest::figureForAReport() {
    VitalsChartView view;
    QVERIFY(view.renderFigure(800).isNull());  // nothing to draw
    view.setSeries(knownSeries(), kNow);
    const QImage figure = view.renderFigure(800);
    QCOMPARE(figure.width(), 800);
    QVERIFY(figure.height() >= 4 * 200);
    QCOMPARE(figure.pixel(2, 2), qRgb(255, 255, 255));
    int dark = 0;  // the lines and labels were drawn
    for (int y = 0; y < figure.height(); y += 3) {
        for (int x = 0; x < figure.width(); x += 3) {
            if (qGray(figure.pixel(x, y)) < 100) ++dark;
        }
    }
    QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
    QDir().mkpath(QStringLiteral(RENKEI_SCREENSHOT_DIR));
    QVERIFY(figure.save(QStringLiteral(RENKEI_SCREENSHOT_DIR "/vitals_chart_figure.png")));
}

QTEST_MAIN(VitalsChartTest)
#include "vitals_chart_test.moc"
