#include "care/vitals_chart_plot.h"

#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFont>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>
#include <array>
#include <cmath>
#include <memory>
#include <utility>

namespace renkei::ui {
namespace {

QString text(const char* source) { return QCoreApplication::translate("VitalsChart", source); }

// Dark, colour-blind-safe hues (Okabe–Ito) for the lines; their pale tints for the bands.
struct Hue {
    QColor line;
    QColor band;
};
Hue hueOf(const care::ChartPanel& panel, std::size_t series) {
    if (panel.series.size() > 1 && series == 0) return {QColor(0xC0, 0x50, 0x00), QColor(0xD5, 0x5E, 0x00, 40)};
    return {QColor(0x00, 0x5A, 0x9C), QColor(0x00, 0x72, 0xB2, 36)};
}

QString number(double v, int decimals) { return QString::number(v, 'f', decimals); }

// A round tick interval giving at most about six ticks over `span`.
double tickStep(double span) {
    for (double step : {0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0}) {
        if (span / step <= 6) return step;
    }
    return std::pow(10, std::ceil(std::log10(span / 6)));
}

// The x axis's ends (ms): the panel's range and a little room, so that the first and the
// last marker are not cut by the plot's edge.
std::pair<std::int64_t, std::int64_t> xEnds(const care::ChartPanel& panel) {
    const std::int64_t pad = (panel.x_max_ms - panel.x_min_ms) / 40;
    return {panel.x_min_ms - pad, panel.x_max_ms + pad};
}

void addBand(QChart* chart, const care::ChartPanel& panel, const care::NormalBand& band, const QColor& tint) {
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    const auto [from, to] = xEnds(panel);
    for (const std::int64_t x : {from, to}) {
        upper->append(static_cast<double>(x), band.high);
        lower->append(static_cast<double>(x), band.low);
    }
    auto* area = new QAreaSeries(upper, lower);  // takes the two lines
    area->setName(text("基準範囲"));
    area->setBrush(tint);
    area->setPen(Qt::NoPen);
    chart->addSeries(area);
}

}  // namespace

QString vitalsChartTitle(const care::ChartPanel& panel) {
    const QString title = QCoreApplication::translate("CareLabels", panel.title.c_str());
    //: A chart's title: the measure and its unit
    QString out = text("%1（%2）").arg(title, QString::fromStdString(panel.unit));
    QStringList bands;
    for (const auto& s : panel.series) {
        if (!s.band) continue;
        const QString range = text("%1–%2").arg(number(s.band->low, panel.decimals), number(s.band->high, panel.decimals));
        bands << (panel.series.size() > 1 ? QCoreApplication::translate("CareLabels", s.label.c_str()) + QLatin1Char(' ') + range
                                          : range);
    }
    //: After a chart's title: the normal range of its measure(s)
    if (!bands.isEmpty()) out += text("　基準範囲 %1").arg(bands.join(QStringLiteral("・")));
    return out;
}

QChart* makeVitalsChart(const care::ChartPanel& panel, const QFont& font, std::function<void(const QString&)> on_point) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setTheme(QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 20, 4));  // room for the last date's label
    QFont title_font = font;
    title_font.setPointSizeF(font.pointSizeF() + 1);
    title_font.setBold(true);
    chart->setTitleFont(title_font);
    chart->setTitleBrush(Qt::black);
    chart->setTitle(vitalsChartTitle(panel));

    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM/dd"));
    const auto [from, to] = xEnds(panel);
    x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    x->setTickCount(8);
    auto* y = new QValueAxis;
    y->setRange(panel.y_min, panel.y_max);
    const double step = tickStep(panel.y_max - panel.y_min);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    y->setTitleText(QString::fromStdString(panel.unit));
    for (QAbstractAxis* axis : std::array<QAbstractAxis*, 2>{x, y}) {
        axis->setLabelsFont(font);
        axis->setLabelsColor(Qt::black);
        axis->setTitleFont(font);
        axis->setTitleBrush(Qt::black);
        axis->setGridLineColor(QColor(0xDD, 0xDD, 0xDD));
        chart->addAxis(axis, axis == x ? Qt::AlignBottom : Qt::AlignLeft);
    }

    for (std::size_t i = 0; i < panel.series.size(); ++i) {
        if (const auto& band = panel.series[i].band) addBand(chart, panel, *band, hueOf(panel, i).band);
    }
    for (std::size_t i = 0; i < panel.series.size(); ++i) {
        const care::ChartSeries& s = panel.series[i];
        const Hue hue = hueOf(panel, i);
        auto* line = new QLineSeries;
        auto* dots = new QScatterSeries;
        const QString name = QCoreApplication::translate("CareLabels", s.label.c_str());
        line->setName(name);
        dots->setName(name);
        line->setPen(QPen(hue.line, 2));
        dots->setColor(hue.line);
        dots->setBorderColor(Qt::white);
        dots->setMarkerSize(10);
        for (const auto& p : s.points) {
            line->append(static_cast<double>(p.t_ms), p.value);
            dots->append(static_cast<double>(p.t_ms), p.value);
        }
        chart->addSeries(line);
        chart->addSeries(dots);
        const QString unit = QString::fromStdString(panel.unit);
        const int decimals = panel.decimals;
        QObject::connect(dots, &QScatterSeries::hovered, chart, [name, unit, decimals](const QPointF& p, bool on) {
            if (!on) return QToolTip::hideText();
            const QString when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(p.x())).toString(QStringLiteral("MM/dd HH:mm"));
            //: A chart point's tool tip: when, the series, the value and its unit
            QToolTip::showText(QCursor::pos(), text("%1　%2 %3 %4").arg(when, name, number(p.y(), decimals), unit));
        });
        if (on_point) {
            auto ids = std::make_shared<std::vector<QString>>();
            for (const auto& p : s.points) ids->push_back(QString::fromStdString(p.event_id));
            // The marker nearest the click on screen (the clicked value is in chart units).
            QObject::connect(dots, &QScatterSeries::clicked, chart, [chart, dots, ids, on_point](const QPointF& at) {
                const QPointF click = chart->mapToPosition(at, dots);
                int best = -1;
                qreal best_d = 0;
                for (int k = 0; k < dots->count(); ++k) {
                    const QPointF d = chart->mapToPosition(dots->at(k), dots) - click;
                    const qreal dist = d.x() * d.x() + d.y() * d.y();
                    if (best < 0 || dist < best_d) {
                        best = k;
                        best_d = dist;
                    }
                }
                if (best >= 0 && static_cast<std::size_t>(best) < ids->size()) on_point(ids->at(static_cast<std::size_t>(best)));
            });
        }
    }
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    // A legend only where two lines share the axis (血圧), and without the bands or dots.
    chart->legend()->setVisible(panel.series.size() > 1);
    chart->legend()->setFont(font);
    chart->legend()->setLabelColor(Qt::black);
    chart->legend()->setAlignment(Qt::AlignTop);
    for (QLegendMarker* marker : chart->legend()->markers()) {
        marker->setVisible(qobject_cast<QLineSeries*>(marker->series()) != nullptr);
    }
    return chart;
}

}  // namespace renkei::ui
