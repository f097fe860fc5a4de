// Renkei desktop: the one line above the timeline that says what is new since the user last
// read the room: 「前回から 新着5件（看護師・薬剤師）、至急1件」 (TimelineModel::glance()).
// Hidden when nothing is new.
#pragma once

#include <QLabel>

#include "timeline/timeline_model.h"

namespace renkei::ui {

class UnreadSummaryBar : public QLabel {
    Q_OBJECT
public:
    /// Follows `model`'s glanceChanged (not owned).
    explicit UnreadSummaryBar(TimelineModel* model, QWidget* parent = nullptr);
    /// The line for `glance`; empty when no post by others came since.
    static QString summaryText(const TimelineModel::Glance& glance);

private:
    void showGlance(const TimelineModel::Glance& glance);
};

}  // namespace renkei::ui
