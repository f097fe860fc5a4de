#include "timeline/painters/context_tags.h"

#include <QPainter>

#include "care/care_text.h"
#include "paint_util.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

namespace {

const QColor kUrgent(0xc6, 0x28, 0x28);
const QColor kScene(0x2e, 0x5e, 0x8c);

int tagWidth(const QFontMetrics& fm, const QString& text) { return fm.horizontalAdvance(text) + itemPadding(fm) * 2; }

}  // namespace

QStringList ContextTags::texts(const QModelIndex& index) {
    QStringList out;
    if (index.data(TimelineModel::UrgentRole).toBool()) out << tr("至急");
    const int scene = index.data(TimelineModel::SceneRole).toInt();
    if (scene >= 0 && scene <= static_cast<int>(care::Scene::EndOfLife)) {
        out << sceneLabel(static_cast<care::Scene>(scene));
    }
    return out;
}

int ContextTags::width(const QFont& font, const QModelIndex& index) {
    const QFontMetrics fm(smallFont(font));
    int w = 0;
    for (const QString& text : texts(index)) w += tagWidth(fm, text) + itemPadding(fm);
    return w;
}

void ContextTags::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                        const QRect& rect) {
    const QFont font = smallFont(option.font);
    const QFontMetrics fm(font);
    const int pad = itemPadding(fm);
    const bool urgent = index.data(TimelineModel::UrgentRole).toBool();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    int x = rect.left();
    const QStringList all = texts(index);
    for (int i = 0; i < all.size(); ++i) {
        const bool is_urgent = urgent && i == 0;
        const QRect tag(x, rect.top() + 1, tagWidth(fm, all[i]), rect.height() - 2);
        if (is_urgent) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(kUrgent);
            painter->drawRoundedRect(tag, pad / 2.0, pad / 2.0);
            painter->setPen(Qt::white);
        } else {
            painter->setPen(QPen(kScene, 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(tag.adjusted(0, 0, -1, -1), pad / 2.0, pad / 2.0);
        }
        painter->drawText(tag, Qt::AlignCenter, all[i]);
        x = tag.right() + 1 + pad;
    }
    painter->restore();
}

void ContextTags::paintUrgentBar(QPainter* painter, const QModelIndex& index, const QRect& post_rect) {
    if (!index.data(TimelineModel::UrgentRole).toBool()) return;
    painter->save();
    QColor fill = kUrgent;
    fill.setAlpha(20);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRect(post_rect);
    painter->setBrush(kUrgent);
    painter->drawRect(QRect(post_rect.left(), post_rect.top(), 3, post_rect.height()));
    painter->restore();
}

}  // namespace renkei::ui
