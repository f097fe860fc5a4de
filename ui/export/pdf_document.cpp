#include "export/pdf_document.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include "export/pdf_layout.h"
#include "media/image_decode.h"

namespace renkei::ui::pdf {
namespace {

using detail::Box;
using detail::Metrics;

// The frame of header and footer on one device: fonts, and where the body starts and ends.
struct Page {
    QFont title;
    QStringList header_lines;
    qreal header_height = 0;
    qreal footer_height = 0;
    qreal rule = 0;  // pen width of the rules and frames
};

Page pageFor(const exporting::ExportDocument& doc, const Metrics& m) {
    Page page;
    page.title = m.bold;
    page.title.setPointSizeF(13);
    page.rule = m.device->logicalDpiX() * 0.25 / 25.4;  // 0.25 mm: survives a fax
    page.header_lines = detail::wrap(QString::fromStdString(doc.headerText()), page.title, m.width, m.device);
    const qreal title_line = QFontMetricsF(page.title, m.device).lineSpacing();
    page.header_height = static_cast<qreal>(page.header_lines.size()) * title_line + m.line * 0.6;
    page.footer_height = m.line * 1.6;
    return page;
}

void drawRows(QPainter& p, const Box& box, std::size_t first, std::size_t end, qreal top, const Metrics& m,
              qreal rule) {
    const qreal ascent = m.ascent;
    const bool framed = box.framed && end > box.frame_from;
    const std::size_t frame_first = std::max(first, box.frame_from);
    qreal y = top;
    qreal frame_top = top;
    for (std::size_t r = first; r < end; ++r) {
        if (framed && r == frame_first) {
            frame_top = y;
            y += m.pad;
        }
        const detail::Row& row = box.rows[r];
        for (const auto& cell : row.cells) {
            p.setFont(cell.bold ? m.bold : m.body);
            p.drawText(QPointF(cell.x, y + ascent), cell.text);
        }
        if (!row.picture.isNull()) {
            p.drawImage(QRectF(QPointF(row.picture_x, y + m.pad * 0.5), row.picture_size), row.picture);
        }
        y += detail::heightOf(row, m);
    }
    if (!framed) return;
    const qreal frame_bottom = top + detail::heightOf(box, first, end, m);
    p.setPen(QPen(Qt::black, rule));
    p.drawRect(QRectF(QPointF(box.frame_left, frame_top), QPointF(m.width, frame_bottom)));
    for (qreal x : box.dividers) p.drawLine(QPointF(x, frame_top), QPointF(x, frame_bottom));
}

void drawFrame(QPainter& p, const Page& page, const Metrics& m, qreal height, int number, int total,
               const QString& footer) {
    p.setPen(QPen(Qt::black, page.rule));
    p.setFont(page.title);
    const QFontMetricsF title(page.title, m.device);
    qreal y = 0;
    for (const QString& line : page.header_lines) {
        p.drawText(QPointF(0, y + title.ascent()), line);
        y += title.lineSpacing();
    }
    const qreal rule_y = y + m.line * 0.2;
    p.drawLine(QPointF(0, rule_y), QPointF(m.width, rule_y));
    const qreal foot_top = height - page.footer_height;
    p.drawLine(QPointF(0, foot_top + m.line * 0.3), QPointF(m.width, foot_top + m.line * 0.3));
    p.setFont(m.body);
    const QFontMetricsF body(m.body, m.device);
    const QString pages = QStringLiteral("%1 / %2").arg(number).arg(total);
    const qreal pages_width = body.horizontalAdvance(pages);
    const qreal base = foot_top + m.line * 0.5 + body.ascent();
    p.drawText(QPointF(m.width - pages_width, base), pages);
    const QString left = body.elidedText(footer, Qt::ElideMiddle, m.width - pages_width - m.line);
    p.drawText(QPointF(0, base), left);
}

}  // namespace

// The figure's page body: its caption, then the image scaled into the rest, aspect kept.
void drawFigure(QPainter& p, const QImage& figure, const Metrics& m, qreal top, qreal body_height) {
    p.setFont(m.bold);
    p.drawText(QPointF(0, top + m.ascent), QStringLiteral("図　バイタルの推移"));
    const QSizeF room(m.width, body_height - m.line * 1.5);
    const QSizeF size = QSizeF(figure.size()).scaled(room, Qt::KeepAspectRatio);
    p.drawImage(QRectF(QPointF(0, top + m.line * 1.5), size), figure);
}

QImage printPicture(const QByteArray& bytes, const QString& declared_type) {
    const QImage decoded =
        decodeImage(bytes, declared_type, QSize(exporting::kExportImageEdge, exporting::kExportImageEdge));
    if (decoded.isNull()) return {};
    if (!decoded.hasAlphaChannel()) return decoded.convertToFormat(QImage::Format_RGB888);
    QImage flat(decoded.size(), QImage::Format_RGB888);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, decoded);
    p.end();
    return flat;
}

int paintDocument(const exporting::ExportDocument& doc, QPagedPaintDevice& device, const QImage& figure,
                  const Pictures& pictures) {
    QPainter p;
    if (!p.begin(&device)) return 0;
    p.setRenderHint(QPainter::Antialiasing, false);
    const Metrics m = detail::metricsFor(device);
    const Page page = pageFor(doc, m);
    const qreal height = device.height();
    const Box head = detail::tableHead(doc, m);
    const qreal head_height = head.rows.empty() ? 0 : detail::heightOf(head, 0, head.rows.size(), m);
    const qreal body_top = page.header_height;
    const qreal body_height = height - page.header_height - page.footer_height - head_height;
    const std::vector<Box> boxes = detail::layoutBoxes(doc, m, pictures);
    const auto pages = detail::paginate(boxes, m, body_height);
    const QString footer = QString::fromStdString(doc.footerText());
    const int text_pages = static_cast<int>(pages.size());
    const int total = text_pages + (figure.isNull() ? 0 : 1);
    for (int i = 0; i < text_pages; ++i) {
        if (i > 0) device.newPage();
        p.setPen(QPen(Qt::black, page.rule));
        drawFrame(p, page, m, height, i + 1, total, footer);
        if (!head.rows.empty()) drawRows(p, head, 0, head.rows.size(), body_top, m, page.rule);
        for (const auto& placed : pages[static_cast<std::size_t>(i)]) {
            p.setPen(QPen(Qt::black, page.rule));
            drawRows(p, boxes[placed.box], placed.first_row, placed.end_row, body_top + head_height + placed.y, m,
                     page.rule);
        }
    }
    if (!figure.isNull()) {
        if (text_pages > 0) device.newPage();
        drawFrame(p, page, m, height, total, total, footer);
        drawFigure(p, figure, m, body_top, height - page.header_height - page.footer_height);
    }
    p.end();
    return total;
}

int writePdf(const exporting::ExportDocument& doc, const QString& path, QString* error, const QImage& figure,
             const Pictures& pictures) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = file.errorString();
        return 0;
    }
    int pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
        writer.setTitle(QString::fromStdString(doc.title));
        writer.setCreator(QStringLiteral("Renkei"));
        pages = paintDocument(doc, writer, figure, pictures);
    }
    if (pages == 0 || !file.commit()) {
        if (error) *error = pages == 0 ? QStringLiteral("the PDF could not be painted") : file.errorString();
        file.cancelWriting();
        return 0;
    }
    return pages;
}

}  // namespace renkei::ui::pdf
