// Renkei UI: バイタルの推移, a patient's vitals over time from every member's posts (issue 12):
// small multiples stacked in a scroll area, one Qt Charts chart per measure (care::vitalsChart)
// with its unit on its own axis and its normal band in pale tint; 血圧 shows 収縮期 and 拡張期
// on one mmHg axis. A range selector (2週間 / 3か月 / すべて); clicking a point asks for its
// post. No animations, fonts at 10 pt or more, dark lines on white for a clinic laptop.
#pragma once

#include <QImage>
#include <QWidget>
#include <cstdint>
#include <vector>

#include "care/vitals_chart.h"

class QButtonGroup;
class QFont;
class QChartView;
class QLabel;
class QVBoxLayout;

namespace renkei::ui {

class VitalsChartView : public QWidget {
    Q_OBJECT

public:
    explicit VitalsChartView(QWidget* parent = nullptr);

    /// The room's vitals posts (any order) and the time they are seen at (ms since the
    /// epoch): rebuilds the charts for the current range.
    void setSeries(std::vector<care::VitalsPoint> series, std::int64_t now_ms);
    /// Shows `range` (and checks its button); 3か月 at first.
    void setRange(care::ChartRange range);
    care::ChartRange range() const { return range_; }

    /// The charts as shown (for tests): how many, each one's title, how many points it
    /// draws (both series for 血圧) and its view.
    int panelCount() const { return static_cast<int>(views_.size()); }
    QString panelTitle(int panel) const;
    int pointCount(int panel) const;
    QChartView* chartView(int panel) const;

    /// The current charts drawn one above the other into an image `width_px` wide (a figure
    /// for a printed report); a null image when there is nothing to draw.
    QImage renderFigure(int width_px) const;

signals:
    /// A point was clicked: the vitals post it came from.
    void postActivated(const QString& event_id);

private:
    void rebuild();

    std::vector<care::VitalsPoint> series_;
    std::int64_t now_ms_ = 0;
    care::ChartRange range_ = care::ChartRange::ThreeMonths;
    std::vector<care::ChartPanel> panels_;
    std::vector<QChartView*> views_;
    QButtonGroup* ranges_ = nullptr;
    QVBoxLayout* charts_ = nullptr;
    QLabel* empty_ = nullptr;
};

/// `panels` drawn one above the other, `panel_height_px` each, into an image `width_px` wide
/// (white background, the widget font at 10 pt or more); a null image when `panels` is empty.
QImage renderVitalsFigure(const std::vector<care::ChartPanel>& panels, int width_px, int panel_height_px,
                          const QFont& font);

}  // namespace renkei::ui
