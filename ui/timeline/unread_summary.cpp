#include "timeline/unread_summary.h"

namespace renkei::ui {

UnreadSummaryBar::UnreadSummaryBar(TimelineModel* model, QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAccessibleName(tr("New since your last visit"));
    setStyleSheet(QStringLiteral("QLabel { background: rgba(208, 74, 28, 24); border-left: 3px solid #d04a1c;"
                                 " padding: 3px 6px; }"));
    connect(model, &TimelineModel::glanceChanged, this, [this, model] { showGlance(model->glance()); });
    showGlance(model->glance());
}

QString UnreadSummaryBar::summaryText(const TimelineModel::Glance& glance) {
    if (glance.new_posts <= 0) return {};
    //: Summary above the timeline: posts by others since the user last read the room
    QString text = glance.more ? tr("Since your last visit: more than %n new post(s)", nullptr, glance.new_posts)
                               : tr("Since your last visit: %n new post(s)", nullptr, glance.new_posts);
    if (!glance.professions.isEmpty()) {
        //: Separator between the professions of the authors in the summary line
        text += tr(" (%1)").arg(glance.professions.join(tr(", ")));
    }
    if (glance.urgent > 0) text += tr(", %n urgent", nullptr, glance.urgent);
    return text;
}

void UnreadSummaryBar::showGlance(const TimelineModel::Glance& glance) {
    const QString text = summaryText(glance);
    setText(text);
    setVisible(!text.isEmpty());
}

}  // namespace renkei::ui
