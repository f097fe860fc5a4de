// Renkei UI (Qt Gui only, no Widgets: renkei-pdf, and so renkei-cli, link it too): image
// bytes from a server or a file decoded as their declared type only, with the memory a picture
// may take capped. Safe on any thread (QImage, not QPixmap).
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

namespace renkei::ui {

/// The most memory one decoded image may take: 64 MiB (a 16-megapixel picture at 4 bytes a
/// pixel). A larger one (e.g. a "decompression bomb": a small file declaring 30000 x 30000)
/// is refused before its pixels are allocated. Set for all of Qt's image readers in the
/// process by the first decode.
inline constexpr int kImageAllocationLimitMiB = 64;

/// Qt's image format name ("png", "jpeg", "gif", "webp") of a media type ("image/png";
/// parameters and case ignored), or empty for any other type: the only formats Renkei sends
/// and shows.
QByteArray imageFormatOf(const QString& media_type);

/// Sets kImageAllocationLimitMiB for all of Qt's image readers in the process (once; from
/// whichever thread decodes first).
void limitImageAllocations();

/// Decodes image bytes as their declared media type (e.g. the server's Content-Type
/// "image/jpeg"; parameters ignored): only PNG, JPEG, GIF and WebP, each by its own decoder,
/// never by sniffing the bytes into another image plugin. Refuses pictures that would take
/// more than kImageAllocationLimitMiB, and scales down to fit `bound` (aspect kept; never
/// enlarged; JPEG is decoded at that size directly). Safe on any thread (QImage, not
/// QPixmap). Null when the type is not one of those, the bytes are not of that type, or
/// the picture is too large.
QImage decodeImage(const QByteArray& bytes, const QString& declared_type, const QSize& bound = {});

}  // namespace renkei::ui
