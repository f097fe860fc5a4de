#include "care/vitals_chart_view.h"

#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QVBoxLayout>
#include <array>
#include <utility>

#include "care/vitals_chart_plot.h"

namespace renkei::ui {
namespace {

constexpr int kPanelHeight = 260;  // px: a chart's height on screen and in a figure

// The font of the charts: the widget's (CJK fallback included), at 10 pt or more.
QFont chartFont(const QFont& base) {
    QFont font = base;
    if (font.pointSizeF() < 10) font.setPointSizeF(10);
    return font;
}

}  // namespace

VitalsChartView::VitalsChartView(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("バイタルの推移"));
    auto* selector = new QHBoxLayout;
    selector->addWidget(new QLabel(tr("期間:")));
    ranges_ = new QButtonGroup(this);
    ranges_->setExclusive(true);
    const std::array<std::pair<care::ChartRange, QString>, 3> choices{{
        {care::ChartRange::TwoWeeks, tr("2週間")},
        {care::ChartRange::ThreeMonths, tr("3か月")},
        {care::ChartRange::All, tr("すべて")},
    }};
    for (const auto& [range, label] : choices) {
        auto* button = new QPushButton(label);
        button->setCheckable(true);
        button->setChecked(range == range_);
        ranges_->addButton(button, static_cast<int>(range));
        selector->addWidget(button);
    }
    selector->addStretch(1);
    connect(ranges_, &QButtonGroup::idClicked, this, [this](int id) { setRange(static_cast<care::ChartRange>(id)); });

    auto* inner = new QWidget;
    inner->setAutoFillBackground(true);
    QPalette white = inner->palette();
    white.setColor(QPalette::Window, Qt::white);
    inner->setPalette(white);
    charts_ = new QVBoxLayout(inner);
    charts_->setSpacing(6);
    empty_ = new QLabel(tr("この期間のバイタルの記録はありません"));
    empty_->setAlignment(Qt::AlignCenter);
    charts_->addWidget(empty_);
    charts_->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(selector);
    layout->addWidget(scroll, 1);
}

void VitalsChartView::setSeries(std::vector<care::VitalsPoint> series, std::int64_t now_ms) {
    series_ = std::move(series);
    now_ms_ = now_ms;
    rebuild();
}

void VitalsChartView::setRange(care::ChartRange range) {
    range_ = range;
    if (QAbstractButton* button = ranges_->button(static_cast<int>(range))) button->setChecked(true);
    rebuild();
}

QString VitalsChartView::panelTitle(int panel) const {
    if (panel < 0 || panel >= panelCount()) return {};
    return QCoreApplication::translate("CareLabels", panels_[static_cast<std::size_t>(panel)].title.c_str());
}

int VitalsChartView::pointCount(int panel) const {
    const QChartView* view = chartView(panel);
    if (view == nullptr) return -1;
    int n = 0;
    for (QAbstractSeries* s : view->chart()->series()) {
        if (auto* dots = qobject_cast<QScatterSeries*>(s)) n += dots->count();
    }
    return n;
}

QChartView* VitalsChartView::chartView(int panel) const {
    return panel >= 0 && panel < panelCount() ? views_[static_cast<std::size_t>(panel)] : nullptr;
}

void VitalsChartView::rebuild() {
    for (QChartView* view : views_) {
        charts_->removeWidget(view);
        delete view;  // and its chart
    }
    views_.clear();
    panels_ = care::vitalsChart(series_, range_, now_ms_);
    const QFont font = chartFont(this->font());
    for (const auto& panel : panels_) {
        auto* view = new QChartView(makeVitalsChart(panel, font, [this](const QString& id) { emit postActivated(id); }));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(kPanelHeight);
        view->setAccessibleName(vitalsChartTitle(panel));
        charts_->insertWidget(static_cast<int>(views_.size()), view);
        views_.push_back(view);
    }
    empty_->setVisible(views_.empty());
}

QImage VitalsChartView::renderFigure(int width_px) const {
    return renderVitalsFigure(panels_, width_px, kPanelHeight, chartFont(font()));
}

QImage renderVitalsFigure(const std::vector<care::ChartPanel>& panels, int width_px, int panel_height_px,
                          const QFont& font) {
    if (panels.empty() || width_px <= 0 || panel_height_px <= 0) return {};
    QImage image(width_px, panel_height_px * static_cast<int>(panels.size()), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < panels.size(); ++i) {
        // A chart needs a scene to lay itself out and paint; the scene owns it here.
        QGraphicsScene scene;
        QChart* chart = makeVitalsChart(panels[i], chartFont(font));
        scene.addItem(chart);
        const QRectF area(0, 0, width_px, panel_height_px);
        chart->setGeometry(area);
        chart->layout()->activate();  // lay out now, not on a posted event
        scene.setSceneRect(area);
        scene.render(&painter, QRectF(0, panel_height_px * static_cast<double>(i), width_px, panel_height_px), area);
    }
    return image;
}

}  // namespace renkei::ui
