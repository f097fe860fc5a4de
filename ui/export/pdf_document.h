// Renkei UI (Qt Gui only, no Widgets: renkei-cli links it too): an export document
// (core/export) painted onto paper or into a PDF by one painter. Fax-friendly: black on white,
// Noto Sans CJK JP at 10.5 pt or more, the header (patient, title, range) and the footer (who
// exported it when, 「n / N」) on every page, long Japanese text wrapped, page breaks between
// posts where they fit. Every text is drawn as plain text (never HTML).
#pragma once

#include <QImage>
#include <QString>

#include "export/export_document.h"

class QPagedPaintDevice;

namespace renkei::ui::pdf {

/// The body font's size in points (fax: 10.5 pt or more everywhere).
inline constexpr double kBodyPointSize = 10.5;
/// The page margins in millimetres, each side.
inline constexpr double kMarginMm = 15.0;

/// Paints `doc` onto `device` (a QPdfWriter, or a QPrinter the print dialog set up), one page
/// after another in the device's page layout; a non-null `figure` (the vitals chart, drawn by
/// the app: ui/care/vitals_chart_view.h) follows on a page of its own, scaled to the body and
/// captioned 「図　バイタルの推移」. Returns the number of pages, 0 when the painter could not
/// start on the device (e.g. an unwritable file).
int paintDocument(const exporting::ExportDocument& doc, QPagedPaintDevice& device, const QImage& figure = {});

/// Writes `doc` as a PDF file at `path` (A4 portrait, kMarginMm margins, 300 dpi) through
/// QPdfWriter into a QSaveFile: the file appears whole or not at all. Returns the number of
/// pages, or 0 with `error` set (the file could not be written; the message names no patient).
int writePdf(const exporting::ExportDocument& doc, const QString& path, QString* error = nullptr,
             const QImage& figure = {});

}  // namespace renkei::ui::pdf
