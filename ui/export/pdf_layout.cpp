#include "export/pdf_layout.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

#include "export/pdf_document.h"

namespace renkei::ui::pdf::detail {
namespace {

using exporting::ExportBlock;

QString q(const std::string& s) { return QString::fromStdString(s); }

qreal mm(const Metrics& m, qreal millimetres) { return millimetres * m.device->logicalDpiX() / 25.4; }

// A run of lines (each wrapped), each bold or not; a picture takes a line of its own.
struct Text {
    QStringList lines;
    std::vector<bool> bold;
    std::vector<std::pair<QImage, QSizeF>> pictures;  // parallel to lines; null for text
    void add(const QString& text, bool is_bold, const QFont& font, qreal width, QPaintDevice* device) {
        for (const QString& line : wrap(text, font, width, device)) {
            lines << line;
            bold.push_back(is_bold);
            pictures.emplace_back();
        }
    }
    // The picture of an image post, scaled into `width` (see kPictureMaxHeightMm), or the
    // line that says it is missing.
    void addPicture(const ExportBlock& b, const Pictures& all, qreal width, const Metrics& m) {
        const QImage picture = all.value(q(b.image_mxc));
        if (picture.isNull()) {
            add(q(exporting::kImageMissing), false, m.body, width, m.device);
            return;
        }
        const qreal dpi = m.device->logicalDpiX();
        const QSizeF natural = QSizeF(picture.size()) * (dpi / kPictureMinDpi);
        const QSizeF room(std::min(width, kPictureMaxWidthMm * dpi / 25.4), kPictureMaxHeightMm * dpi / 25.4);
        const QSizeF size = natural.width() <= room.width() && natural.height() <= room.height()
                                ? natural
                                : natural.scaled(room, Qt::KeepAspectRatio);
        lines << QString();
        bold.push_back(false);
        pictures.emplace_back(picture, size);
    }
    // Line i as a cell at x (empty for a picture).
    void place(Row& row, qsizetype i, qreal x) const {
        const auto& [picture, size] = pictures[static_cast<std::size_t>(i)];
        if (!picture.isNull()) {
            row.picture = picture;
            row.picture_x = x;
            row.picture_size = size;
            return;
        }
        row.cells.push_back({x, lines[i], bold[static_cast<std::size_t>(i)]});
    }
};

void appendRows(Box& box, const Text& text, qreal x) {
    for (qsizetype i = 0; i < text.lines.size(); ++i) {
        Row row;
        text.place(row, i, x);
        box.rows.push_back(std::move(row));
    }
}

// A block's lines, its picture (when it is an image post) under the first of them.
void addLines(Text& text, const ExportBlock& b, const Pictures& pictures, qreal width, const Metrics& m) {
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
        text.add(q(b.lines[i]), false, m.body, width, m.device);
        if (i == 0 && !b.image_mxc.empty()) text.addPicture(b, pictures, width, m);
    }
}

QString headLine(const ExportBlock& b, bool with_date) {
    QString head = with_date ? q(b.date) + QLatin1Char(' ') + q(b.time) : q(b.time);
    head += QStringLiteral("　") + q(exporting::authorLabel(b.author, b.profession, b.office));
    if (b.urgent) head += q(exporting::kUrgentMark);
    if (b.edited) head += q(exporting::kEditedMark);
    return head;
}

Box timelineBox(const ExportBlock& b, const Metrics& m, const Pictures& pictures) {
    Box box;
    const qreal indent = QFontMetricsF(m.body, m.device).horizontalAdvance(QStringLiteral("　"));
    Text head;
    head.add(headLine(b, true), true, m.bold, m.width, m.device);
    appendRows(box, head, 0);
    Text body;
    const bool card = !b.title.empty();
    const qreal x = card ? indent + m.pad : indent;
    const qreal width = m.width - x - (card ? m.pad : 0);
    if (card) body.add(QStringLiteral("【") + q(b.title) + QStringLiteral("】"), true, m.bold, width, m.device);
    addLines(body, b, pictures, width, m);
    box.framed = card;
    box.frame_from = box.rows.size();
    box.frame_left = indent;
    appendRows(box, body, x);
    box.gap_after = m.line * 0.5;
    return box;
}

// The support record's columns: left edges of date, time, author, content, and the body's width.
std::vector<qreal> columns(const Metrics& m) {
    const QFontMetricsF fm(m.bold, m.device);
    const qreal date = fm.horizontalAdvance(QStringLiteral("2026-12-31")) + 2 * m.pad + mm(m, 1);
    const qreal time = std::max(fm.horizontalAdvance(QStringLiteral("00:00")), fm.horizontalAdvance(q(exporting::kUrgentMark))) +
                       2 * m.pad + mm(m, 1);
    const qreal author = mm(m, 48);
    return {0, date, date + time, date + time + author, m.width};
}

Box tableRow(const std::vector<Text>& cells, const Metrics& m) {
    const auto cols = columns(m);
    Box box;
    box.framed = true;
    box.dividers = {cols[1], cols[2], cols[3]};
    std::size_t rows = 0;
    for (const auto& c : cells) rows = std::max(rows, static_cast<std::size_t>(c.lines.size()));
    for (std::size_t r = 0; r < rows; ++r) {
        Row row;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (r < static_cast<std::size_t>(cells[c].lines.size())) cells[c].place(row, static_cast<qsizetype>(r), cols[c] + m.pad);
        }
        box.rows.push_back(std::move(row));
    }
    return box;
}

std::vector<Text> tableCells(const std::vector<std::pair<QString, bool>>& firsts, const ExportBlock* b,
                             const Metrics& m, const Pictures& pictures = {}) {
    const auto cols = columns(m);
    std::vector<Text> cells(4);
    for (std::size_t c = 0; c < 4; ++c) {
        const qreal width = cols[c + 1] - cols[c] - 2 * m.pad;
        if (c < firsts.size()) {
            cells[c].add(firsts[c].first, firsts[c].second, firsts[c].second ? m.bold : m.body, width, m.device);
        }
        if (b == nullptr || c != 3) continue;
        if (!b->title.empty()) cells[c].add(QStringLiteral("【") + q(b->title) + QStringLiteral("】"), true, m.bold, width, m.device);
        addLines(cells[c], *b, pictures, width, m);
    }
    return cells;
}

Box supportBox(const ExportBlock& b, const Metrics& m, const Pictures& pictures) {
    QString author = q(b.author);
    if (!b.profession.empty()) author += QStringLiteral("（") + q(b.profession) + QStringLiteral("）");
    if (!b.office.empty()) author += QLatin1Char('\n') + q(b.office);
    QString time = q(b.time);
    if (b.urgent) time += QLatin1Char('\n') + q(exporting::kUrgentMark);
    std::vector<std::pair<QString, bool>> firsts = {{q(b.date), false}, {time, false}};
    std::vector<Text> cells = tableCells(firsts, &b, m, pictures);
    const qreal width = columns(m)[3] - columns(m)[2] - 2 * m.pad;
    for (const QString& line : author.split(QLatin1Char('\n'))) cells[2].add(line, false, m.body, width, m.device);
    if (b.edited) cells[3].add(q(exporting::kEditedMark), false, m.body, columns(m)[4] - columns(m)[3] - 2 * m.pad, m.device);
    return tableRow(cells, m);
}

Box updateBox(const ExportBlock& b, const Metrics& m) {
    Box box;
    box.framed = true;
    const qreal width = m.width - 2 * m.pad;
    Text text;
    text.add(q(b.date) + QLatin1Char(' ') + headLine(b, false), true, m.bold, width, m.device);
    for (const auto& line : b.lines) text.add(q(line), false, m.body, width, m.device);
    QStringList acks;
    for (const auto& who : b.acknowledged_by) acks << q(who);
    text.add(q(exporting::kAcknowledgedBy) + QStringLiteral(": ") +
                 (acks.isEmpty() ? q(exporting::kNotAcknowledged) : acks.join(QStringLiteral("、"))),
             false, m.body, width, m.device);
    appendRows(box, text, m.pad);
    box.gap_after = m.line * 0.4;
    return box;
}

}  // namespace

Metrics metricsFor(QPaintDevice& device) {
    Metrics m;
    m.device = &device;
    m.width = device.width();
    // Latin letters and digits from a Latin face: with Qt 6.4, digits drawn from Noto Sans CJK
    // in a Latin run get glyphs the PDF's text map lacks, so they vanish from copied or
    // searched text (pdftotext); the Japanese from Noto Sans CJK JP.
    m.body = QFont(QStringLiteral("Noto Sans CJK JP"));
    m.body.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK JP")});
    m.body.setStyleHint(QFont::SansSerif);
    m.body.setHintingPreference(QFont::PreferNoHinting);
    m.body.setPointSizeF(kBodyPointSize);
    m.bold = m.body;
    m.bold.setBold(true);
    QFont cjk(QStringLiteral("Noto Sans CJK JP"));
    cjk.setPointSizeF(kBodyPointSize);
    const QFontMetricsF cjk_metrics(cjk, &device);
    m.line = cjk_metrics.lineSpacing();
    m.ascent = cjk_metrics.ascent();
    m.pad = m.line * 0.3;
    return m;
}

QStringList wrap(const QString& text, const QFont& font, qreal width, QPaintDevice* device) {
    if (text.isEmpty()) return {QString()};
    QTextLayout layout(text, font, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList out;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        out << text.mid(line.textStart(), line.textLength());
    }
    layout.endLayout();
    return out;
}

std::vector<Box> layoutBoxes(const exporting::ExportDocument& doc, const Metrics& m, const Pictures& pictures) {
    std::vector<Box> boxes;
    std::string month;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const ExportBlock& b = doc.blocks[i];
        switch (doc.layout) {
            case exporting::Layout::Timeline: boxes.push_back(timelineBox(b, m, pictures)); break;
            case exporting::Layout::SupportRecord: boxes.push_back(supportBox(b, m, pictures)); break;
            case exporting::Layout::PhysicianUpdates: {
                if (b.month != month) {
                    month = b.month;
                    const auto count = std::count_if(doc.blocks.begin() + static_cast<std::ptrdiff_t>(i), doc.blocks.end(),
                                                     [&](const ExportBlock& x) { return x.month == month; });
                    Box heading;
                    Text text;
                    text.add(q(month) + QStringLiteral("　%1 件").arg(count), true, m.bold, m.width, m.device);
                    appendRows(heading, text, 0);
                    heading.keep_with_next = true;
                    heading.gap_after = m.line * 0.2;
                    boxes.push_back(std::move(heading));
                }
                boxes.push_back(updateBox(b, m));
                break;
            }
        }
    }
    if (boxes.empty()) {
        Box none;
        Text text;
        text.add(q(exporting::kNoPosts), false, m.body, m.width, m.device);
        appendRows(none, text, 0);
        boxes.push_back(std::move(none));
    }
    return boxes;
}

Box tableHead(const exporting::ExportDocument& doc, const Metrics& m) {
    if (doc.layout != exporting::Layout::SupportRecord) return {};
    using exporting::kColumnAuthor, exporting::kColumnContent, exporting::kColumnDate, exporting::kColumnTime;
    return tableRow(tableCells({{q(kColumnDate), true}, {q(kColumnTime), true}, {q(kColumnAuthor), true},
                                {q(kColumnContent), true}},
                               nullptr, m),
                    m);
}

qreal heightOf(const Row& row, const Metrics& m) {
    return row.picture.isNull() ? m.line : row.picture_size.height() + m.pad;
}

qreal heightOf(const Box& box, std::size_t first, std::size_t end, const Metrics& m) {
    const bool frame = box.framed && end > box.frame_from;
    qreal height = frame ? 2 * m.pad : 0;
    for (std::size_t r = first; r < end; ++r) height += heightOf(box.rows[r], m);
    return height;
}

std::vector<std::vector<Placed>> paginate(const std::vector<Box>& boxes, const Metrics& m, qreal body_height) {
    std::vector<std::vector<Placed>> pages(1);
    qreal y = 0;
    auto next_page = [&] {
        pages.emplace_back();
        y = 0;
    };
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Box& box = boxes[i];
        const std::size_t n = box.rows.size();
        qreal need = heightOf(box, 0, n, m);
        if (box.keep_with_next && i + 1 < boxes.size()) {
            need += std::min(heightOf(boxes[i + 1], 0, boxes[i + 1].rows.size(), m), 3 * m.line);
        }
        if (box.keep_together && y > 0 && y + need > body_height && need <= body_height) next_page();
        for (std::size_t r = 0; r < n;) {
            const qreal extra = box.framed ? 2 * m.pad : 0;
            std::size_t fit = 0;
            for (qreal used = y + extra; r + fit < n; ++fit) {
                used += heightOf(box.rows[r + fit], m);
                if (used > body_height + 1e-6) break;
            }
            if (fit == 0 && y > 0) {
                next_page();
                continue;
            }
            fit = std::max<std::size_t>(fit, 1);
            pages.back().push_back({i, r, r + fit, y});
            y += heightOf(box, r, r + fit, m);
            r += fit;
            if (r < n) next_page();
        }
        y += box.gap_after;
    }
    return pages;
}

}  // namespace renkei::ui::pdf::detail
