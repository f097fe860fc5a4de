// Renkei desktop: the 「ここから未読」 divider painted above the first post that came after
// the user last read the room (TimelineModel::UnreadMarkerRole): a coloured line with the
// words in its middle.
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QRect>
#include <QStyleOptionViewItem>

class QPainter;

namespace renkei::ui {

class UnreadDivider {
    Q_DECLARE_TR_FUNCTIONS(UnreadDivider)
public:
    /// Whether the post gets the divider above it.
    static bool shows(const QModelIndex& index);
    /// The divider's height for the row's font: one small line and a padding.
    static int height(const QFont& font);
    /// 「ここから未読」
    static QString text();
    static void paint(QPainter* painter, const QStyleOptionViewItem& option, const QRect& rect);
};

}  // namespace renkei::ui
