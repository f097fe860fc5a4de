#include "media/file_card.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>

#include "paint_util.h"

namespace renkei::ui {
namespace {

/// Width of a button: its text and a padding each side.
int buttonWidth(const QFontMetrics& fm, const QString& text) {
    return fm.horizontalAdvance(text) + 2 * itemPadding(fm) + fm.averageCharWidth() * 2;
}

QString openText() { return FileCard::tr("Open"); }
QString saveText() { return FileCard::tr("Save…"); }

void paintButton(QPainter& painter, const QRect& r, const QString& text, const QPalette& palette) {
    painter.setPen(palette.color(QPalette::Mid));
    painter.setBrush(palette.color(QPalette::Button));
    painter.drawRoundedRect(r.adjusted(0, 0, -1, -1), 4, 4);
    painter.setPen(palette.color(QPalette::ButtonText));
    painter.drawText(r, Qt::AlignCenter, text);
}

}  // namespace

QString FileCard::sizeText(std::optional<qint64> bytes) {
    if (!bytes || *bytes < 0) return {};
    const double b = static_cast<double>(*bytes);
    if (*bytes < 1024) return tr("%1 B").arg(*bytes);
    if (*bytes < 1024 * 1024) return tr("%1 KB").arg(qMax<qint64>(1, (*bytes + 512) / 1024));
    if (*bytes < qint64{1024} * 1024 * 1024) {
        return tr("%1 MB").arg(b / (1024.0 * 1024.0), 0, 'f', 1);
    }
    return tr("%1 GB").arg(b / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}

QString FileCard::typeText(const QString& mime_type, const QString& file_name) {
    const QString mime = mime_type.toLower();
    if (mime == u"application/pdf") return tr("PDF document");
    if (mime.startsWith(u"image/")) return tr("Image");
    if (mime.startsWith(u"audio/")) return tr("Audio");
    if (mime.startsWith(u"video/")) return tr("Video");
    const QString suffix = QFileInfo(file_name).suffix();
    if (!suffix.isEmpty() && suffix.size() <= 8) return tr("%1 file").arg(suffix.toUpper());
    return tr("File");
}

bool FileCard::canOpen(const QString& mime_type) {
    const QString mime = mime_type.toLower();
    return mime == u"application/pdf" || mime == u"image/png" || mime == u"image/jpeg" ||
           mime == u"image/gif" || mime == u"image/webp";
}

int FileCard::height(const QFont& font) {
    const QFontMetrics fm(font);
    const QFontMetrics small(smallFont(font));
    return 3 * itemPadding(fm) + fm.height() + small.height() + itemPadding(fm);
}

QRect FileCard::saveButton(const QRect& rect, const QFont& font) {
    const QFontMetrics fm(font);
    const int pad = itemPadding(fm);
    const int h = fm.height() + pad;
    const int w = buttonWidth(fm, saveText());
    return {rect.right() - pad - w + 1, rect.center().y() - h / 2, w, h};
}

QRect FileCard::openButton(const QRect& rect, const QFont& font) {
    const QFontMetrics fm(font);
    const QRect save = saveButton(rect, font);
    const int w = buttonWidth(fm, openText());
    return {save.left() - itemPadding(fm) - w, save.top(), w, save.height()};
}

FileCardHit FileCard::hitTest(const QRect& rect, const FileCardInfo& info, const QFont& font,
                              const QPoint& pos) {
    if (saveButton(rect, font).contains(pos)) return FileCardHit::Save;
    if (canOpen(info.mime_type) && openButton(rect, font).contains(pos)) return FileCardHit::Open;
    return FileCardHit::None;
}

void FileCard::paint(QPainter& painter, const QRect& rect, const FileCardInfo& info,
                     const QPalette& palette, const QFont& font) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font);
    const int pad = itemPadding(fm);
    painter.setPen(palette.color(QPalette::Mid));
    painter.setBrush(palette.color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    // A document glyph: a page with a folded corner.
    const int icon_h = rect.height() - 2 * pad - pad;
    const QRect icon(rect.left() + pad, rect.top() + (rect.height() - icon_h) / 2,
                     icon_h * 3 / 4, icon_h);
    painter.setPen(palette.color(QPalette::Text));
    painter.setBrush(palette.color(QPalette::Base));
    const int fold = icon.width() / 3;
    const QPolygon page({icon.topLeft(), QPoint(icon.right() - fold, icon.top()),
                         QPoint(icon.right(), icon.top() + fold), icon.bottomRight(),
                         icon.bottomLeft()});
    painter.drawPolygon(page);

    const QRect open = openButton(rect, font);
    const int text_left = icon.right() + pad * 2;
    const int text_width = qMax(0, open.left() - pad - text_left);
    // The name: plain text, one line, elided in the middle (the extension stays visible).
    painter.setFont(boldFont(font));
    const QFontMetrics bold(painter.font());
    const QString name = bold.elidedText(info.file_name, Qt::ElideMiddle, text_width);
    const QRect name_rect(text_left, rect.top() + pad + pad / 2, text_width, bold.height());
    painter.drawText(name_rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, name);

    painter.setFont(smallFont(font));
    const QFontMetrics small(painter.font());
    QString meta = typeText(info.mime_type, info.file_name);
    if (const QString size = sizeText(info.size); !size.isEmpty()) {
        meta += QStringLiteral(" · ") + size;
    }
    painter.setPen(palette.color(QPalette::PlaceholderText));
    const QRect meta_rect(text_left, name_rect.bottom() + pad / 2, text_width, small.height());
    painter.drawText(meta_rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     small.elidedText(meta, Qt::ElideRight, text_width));

    painter.setFont(font);
    if (canOpen(info.mime_type)) paintButton(painter, open, openText(), palette);
    paintButton(painter, saveButton(rect, font), saveText(), palette);
    painter.restore();
}

}  // namespace renkei::ui
