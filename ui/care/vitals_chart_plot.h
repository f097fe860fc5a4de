// Renkei UI: one chart of バイタルの推移 in Qt Charts, built from a care::ChartPanel: a line
// with point markers per series, its normal band as a pale area behind, dates ("MM/dd") on
// a QDateTimeAxis, the unit in the QValueAxis's title, ticks on round numbers. No animation.
#pragma once

#include <QString>
#include <functional>

#include "care/vitals_chart.h"

class QChart;
class QFont;

namespace renkei::ui {

/// The chart of `panel` in `font` (its size is the labels'; titles are 1 pt larger and bold).
/// The caller owns it. `on_point` (may be empty) gets the event id of a clicked point marker.
QChart* makeVitalsChart(const care::ChartPanel& panel, const QFont& font,
                        std::function<void(const QString&)> on_point = {});

/// The chart's title: 「血圧（mmHg）　基準範囲 収縮期 90–140・拡張期 60–90」.
QString vitalsChartTitle(const care::ChartPanel& panel);

}  // namespace renkei::ui
