#include "timeline/painters/reply_quote.h"

#include <QPainter>
#include <QVariantMap>

#include "paint_util.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

bool ReplyQuoteBox::shows(const QModelIndex& index) {
    return !index.data(TimelineModel::ReplyToRole).toString().isEmpty();
}

int ReplyQuoteBox::height(const QFont& font) {
    const QFontMetrics fm(smallFont(font));
    return fm.lineSpacing() * 2 + itemPadding(fm) * 2;
}

QString ReplyQuoteBox::authorText(const QModelIndex& index) {
    const QVariantMap quote = index.data(TimelineModel::ReplyQuoteRole).toMap();
    if (quote.value(QStringLiteral("state")).toString() != QLatin1String("loaded")) return {};
    return quote.value(QStringLiteral("senderName")).toString();
}

QString ReplyQuoteBox::quoteText(const QModelIndex& index) {
    const QVariantMap quote = index.data(TimelineModel::ReplyQuoteRole).toMap();
    const QString state = quote.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("missing")) return tr("The original post cannot be found");
    if (state != QLatin1String("loaded")) return tr("Loading the original post…");
    // The first line with any text in it.
    const QStringList lines = quote.value(QStringLiteral("text")).toString().split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty()) return line.trimmed();
    }
    return {};
}

void ReplyQuoteBox::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                          const QRect& rect) {
    const QPalette& pal = option.palette;
    const QFont small = smallFont(option.font);
    const QFontMetrics fm(small);
    const int pad = itemPadding(fm);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor back = pal.color(QPalette::Mid);
    back.setAlpha(40);
    painter->setBrush(back);
    painter->drawRoundedRect(rect, pad / 2, pad / 2);
    painter->setBrush(QColor(0x1f, 0x7a, 0x74));  // the bar that marks a quote
    painter->drawRect(QRect(rect.left(), rect.top(), qMax(3, pad / 2), rect.height()));

    const QRect text_rect = rect.adjusted(pad * 2, pad, -pad, -pad);
    const QRect first(text_rect.left(), text_rect.top(), text_rect.width(), fm.lineSpacing());
    const QRect second = first.translated(0, fm.lineSpacing());
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.7F);
    const QString author = authorText(index);
    const QString quote = quoteText(index);
    // The server's texts: drawn as plain text, one line each, elided.
    if (!author.isEmpty()) {
        painter->setFont(boldFont(small));
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          QFontMetrics(painter->font()).elidedText(author, Qt::ElideRight, first.width()));
    }
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(author.isEmpty() ? first : second, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      fm.elidedText(quote, Qt::ElideRight, second.width()));
    painter->restore();
}

}  // namespace renkei::ui
