// Renkei UI, internal to pdf_document.cpp: an export document as boxes of text rows laid out
// for one paint device (its resolution and page width), and the boxes split into pages.
// Units: the device's pixels.
#pragma once

#include <QFont>
#include <QImage>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <vector>

#include "export/export_document.h"
#include "export/pdf_document.h"

class QPaintDevice;

namespace renkei::ui::pdf::detail {

/// One text run of a row, at `x` from the body's left edge.
struct Cell {
    qreal x = 0;
    QString text;
    bool bold = false;
};

/// One line of text across the body (a table row's line holds one cell per column), or a
/// picture: then the row is as tall as the picture (and a pad), never split across pages.
struct Row {
    std::vector<Cell> cells;
    QImage picture;
    qreal picture_x = 0;
    QSizeF picture_size;
};

/// A post (or a heading) as rows. A framed box draws a rectangle around its rows from
/// `frame_from` on (the rows before it, e.g. a post's head line, stand above the frame),
/// with vertical `dividers` inside (table columns); `pad` above and below its framed rows.
struct Box {
    std::vector<Row> rows;
    bool framed = false;
    std::size_t frame_from = 0;
    qreal frame_left = 0;        ///< the frame's left edge (its right edge is the body's)
    std::vector<qreal> dividers;
    bool keep_together = true;   ///< moved whole to the next page when it fits on one
    bool keep_with_next = false; ///< a heading: not left alone at the foot of a page
    qreal gap_after = 0;
};

/// The fonts and sizes of a layout on one device.
struct Metrics {
    QPaintDevice* device = nullptr;
    qreal width = 0;   ///< body width
    qreal line = 0;    ///< height of one row (Noto Sans CJK JP's line spacing: room for kanji)
    qreal ascent = 0;  ///< from a row's top to its baseline
    qreal pad = 0;     ///< inside a frame, above and below, and left of its text
    QFont body;
    QFont bold;
};

/// The most a picture takes on paper: 150 mm wide (the body's width at most), 100 mm high (two
/// to a page), and never more than its pixels at kPictureMinDpi (a small picture is not blown
/// up into a blur).
inline constexpr qreal kPictureMaxHeightMm = 100;
inline constexpr qreal kPictureMaxWidthMm = 150;
inline constexpr qreal kPictureMinDpi = 150;

/// The metrics of the body text on `device` (whose width() is the body's).
Metrics metricsFor(QPaintDevice& device);
/// `text` broken into lines no wider than `width` (Japanese breaks between characters, never
/// before 、。 and the like), one entry per line; a blank line stays one empty entry.
QStringList wrap(const QString& text, const QFont& font, qreal width, QPaintDevice* device);

/// The boxes of the document's body, in order; an image post's picture from `pictures` under
/// its 「［画像］ name」 line, or exporting::kImageMissing when it is not there.
std::vector<Box> layoutBoxes(const exporting::ExportDocument& doc, const Metrics& m, const Pictures& pictures = {});
/// The support record's column heads, repeated at the top of every page; an empty box for
/// the other layouts.
Box tableHead(const exporting::ExportDocument& doc, const Metrics& m);

/// The height of one row: a line, or a picture and a pad.
qreal heightOf(const Row& row, const Metrics& m);
/// The height of rows [first, end) of `box` on a page.
qreal heightOf(const Box& box, std::size_t first, std::size_t end, const Metrics& m);

/// Rows [first_row, end_row) of box `box` at `y` from the body's top on one page.
struct Placed {
    std::size_t box = 0;
    std::size_t first_row = 0;
    std::size_t end_row = 0;
    qreal y = 0;
};
/// The boxes split into pages of `body_height`: a box moves whole to the next page when it
/// does not fit the rest of this one but fits a page; a longer one continues on the next.
std::vector<std::vector<Placed>> paginate(const std::vector<Box>& boxes, const Metrics& m, qreal body_height);

}  // namespace renkei::ui::pdf::detail
