// Renkei UI (Qt Gui only, no Widgets: renkei-cli links it too): an export document
// (core/export) painted onto paper or into a PDF by one painter. Fax-friendly: black on white,
// Noto Sans CJK JP at 10.5 pt or more, the header (patient, title, range) and the footer (who
// exported it when, 「n / N」) on every page, long Japanese text wrapped, page breaks between
// posts where they fit. Every text is drawn as plain text (never HTML).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QString>

#include "export/export_document.h"

class QPagedPaintDevice;

namespace renkei::ui::pdf {

/// The body font's size in points (fax: 10.5 pt or more everywhere).
inline constexpr double kBodyPointSize = 10.5;
/// The page margins in millimetres, each side.
inline constexpr double kMarginMm = 15.0;

/// The pictures of a document's image posts: mxc:// URI (exporting::imageSources) -> the
/// picture as printPicture made it.
using Pictures = QHash<QString, QImage>;

/// An image post's bytes, as the server declared their type (PNG, JPEG, GIF, WebP only:
/// ui/media/image_decode.h), as a picture for paper: at most exporting::kExportImageEdge pixels
/// a side, transparency flattened onto white, 24-bit RGB. Null when the bytes are no picture
/// of that type or too large to decode.
QImage printPicture(const QByteArray& bytes, const QString& declared_type);

/// Paints `doc` onto `device` (a QPdfWriter, or a QPrinter the print dialog set up), one page
/// after another in the device's page layout. An image post's picture (from `pictures`) is
/// drawn under its 「［画像］ name」 line, scaled to fit 150 x 100 mm and the column (never
/// more than 150 dpi's worth of its pixels), or 「（画像を載せられませんでした）」 when it is
/// not there. A non-null `figure` (the vitals chart, drawn by the app:
/// ui/care/vitals_chart_view.h) follows on a page of its own, scaled to the body and captioned
/// 「図　バイタルの推移」. Returns the number of pages, 0 when the painter could not start on
/// the device (e.g. an unwritable file).
int paintDocument(const exporting::ExportDocument& doc, QPagedPaintDevice& device, const QImage& figure = {},
                  const Pictures& pictures = {});

/// Writes `doc` (with `figure` and `pictures` as paintDocument) as a PDF file at `path` (A4 portrait, kMarginMm margins, 300 dpi) through
/// QPdfWriter into a QSaveFile: the file appears whole or not at all. Returns the number of
/// pages, or 0 with `error` set (the file could not be written; the message names no patient).
int writePdf(const exporting::ExportDocument& doc, const QString& path, QString* error = nullptr,
             const QImage& figure = {}, const Pictures& pictures = {});

}  // namespace renkei::ui::pdf
