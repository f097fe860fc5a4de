// The image body: the thumbnail (a placeholder box until it is loaded, or when it cannot be
// shown), with the file name small and dimmed below it.
#include <QImage>
#include <QPainter>
#include <QtMath>

#include "paint_util.h"
#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

class ImageBodyPainter final : public BodyPainter {
public:
    int height(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const override {
        const int pad = itemPadding(QFontMetrics(option.font));
        SafeTextDocument doc;
        fillPostDocument(doc, index, smallFont(option.font), width);
        return pad / 2 + imageRect(option, index, QRect(0, 0, width, 0)).height() + pad / 2 +
               qCeil(doc.size().height());
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const QRect& rect) const override {
        const int pad = itemPadding(QFontMetrics(option.font));
        const QRect image = imageRect(option, index, rect);
        paintImage(painter, option, index, image);
        // The file name, small and dimmed.
        SafeTextDocument doc;
        fillPostDocument(doc, index, smallFont(option.font), rect.width());
        drawPostDocument(painter, doc, option.palette, QPoint(rect.left(), image.bottom() + 1 + pad / 2), 0.6F);
    }

private:
    static QRect imageRect(const QStyleOptionViewItem& option, const QModelIndex& index, const QRect& body) {
        const int pad = itemPadding(QFontMetrics(option.font));
        const QSize size = PostDelegate::imageDisplaySize(option.font, index);
        return {QPoint(body.left(), body.top() + pad / 2), size.boundedTo(QSize(body.width(), size.height()))};
    }

    static void paintImage(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                           const QRect& rect) {
        const QImage thumb = index.data(TimelineModel::ThumbnailRole).value<QImage>();
        const QPalette& pal = option.palette;
        const int radius = itemPadding(QFontMetrics(option.font)) / 2;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        if (!thumb.isNull()) {
            const QSize fitted = thumb.size().scaled(rect.size(), Qt::KeepAspectRatio);
            const QRect target(rect.topLeft(), fitted);
            painter->drawImage(target, thumb);
            painter->setPen(QPen(pal.color(QPalette::Mid), 1));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(QRectF(target).adjusted(0.5, 0.5, -0.5, -0.5));
        } else {
            painter->setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
            painter->setBrush(pal.color(QPalette::AlternateBase));
            painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
            QColor dim = pal.color(QPalette::Text);
            dim.setAlphaF(0.6F);
            painter->setPen(dim);
            painter->setFont(smallFont(option.font));
            painter->drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, PostDelegate::imagePlaceholderText(index));
        }
        painter->restore();
    }
};

}  // namespace

const BodyPainter& imageBodyPainter() {
    static const ImageBodyPainter painter;
    return painter;
}

}  // namespace renkei::ui
