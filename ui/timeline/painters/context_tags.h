// Renkei desktop: the clinical context of a post in its header: a red 「至急」 tag for an
// urgent post and a small tag with its 場面 (入退院支援, 日常の療養支援, 急変時の対応, 看取り),
// from TimelineModel::UrgentRole and SceneRole. An urgent post also gets a red bar at its left.
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QRect>
#include <QString>
#include <QStyleOptionViewItem>

class QPainter;

namespace renkei::ui {

class ContextTags {
    Q_DECLARE_TR_FUNCTIONS(ContextTags)
public:
    /// The tags' texts in the order drawn: 「至急」 first, then the scene; empty for none.
    static QStringList texts(const QModelIndex& index);
    /// Width of all tags in the small font (0 without tags).
    static int width(const QFont& font, const QModelIndex& index);
    /// Draws the tags left to right inside `rect` (one header line high).
    static void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                      const QRect& rect);
    /// The red bar at the left of an urgent post's rectangle.
    static void paintUrgentBar(QPainter* painter, const QModelIndex& index, const QRect& post_rect);
};

}  // namespace renkei::ui
