#include "timeline/painters/unread_divider.h"

#include <QPainter>

#include "paint_util.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

// The colour of what is new: the same orange-red in light and dark palettes, readable on both.
const QColor kUnreadColor(0xd0, 0x4a, 0x1c);

}  // namespace

bool UnreadDivider::shows(const QModelIndex& index) { return index.data(TimelineModel::UnreadMarkerRole).toBool(); }

int UnreadDivider::height(const QFont& font) {
    const QFontMetrics fm(smallFont(font));
    return fm.lineSpacing() + itemPadding(fm);
}

QString UnreadDivider::text() {
    //: The line above the first post the user has not read yet
    return tr("Unread from here");
}

void UnreadDivider::paint(QPainter* painter, const QStyleOptionViewItem& option, const QRect& rect) {
    const QFont font = boldFont(smallFont(option.font));
    const QFontMetrics fm(font);
    const int pad = itemPadding(QFontMetrics(option.font));
    const QString words = text();
    const int text_w = fm.horizontalAdvance(words) + pad * 4;
    const int mid_y = rect.center().y();
    painter->save();
    painter->setPen(QPen(kUnreadColor, 1.5));
    painter->drawLine(rect.left() + pad, mid_y, rect.center().x() - text_w / 2, mid_y);
    painter->drawLine(rect.center().x() + text_w / 2, mid_y, rect.right() - pad, mid_y);
    painter->setFont(font);
    painter->drawText(rect, Qt::AlignCenter, words);
    painter->restore();
}

}  // namespace renkei::ui
