// Renkei desktop: an image file the user attaches to a post, read and checked in memory
// (on a worker: the file may be large or on a slow share). Nothing is written anywhere.
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>
#include <string>

namespace renkei::ui {

/// The largest image the composer sends: 20 MiB (the usual Synapse upload limit is 50 MiB,
/// but a clinic's uplink is slow and a photo of a wound needs no more).
inline constexpr qint64 kMaxImageBytes = 20LL * 1024 * 1024;
/// The most memory one decoded image may take: 64 MiB (a 16-megapixel picture at 4 bytes a
/// pixel). A larger one (e.g. a "decompression bomb": a small file declaring 30000 x 30000)
/// is refused before its pixels are allocated. Set for all of Qt's image readers in the
/// process by the first decode.
inline constexpr int kImageAllocationLimitMiB = 64;

struct ImageFile {
    Q_DECLARE_TR_FUNCTIONS(ImageFile)
public:
    std::string bytes;      ///< the file as it is (not re-encoded: keeps the quality)
    std::string mime_type;  ///< "image/png", "image/jpeg", "image/gif", "image/webp", ...
    QString file_name;      ///< without the directory: the post's body
    QSize size;             ///< pixels

    /// Reads and checks `path`. On failure returns false and sets `error_text` (translated,
    /// says what to do): unreadable, not a PNG, JPEG, GIF or WebP image (by its content),
    /// larger than kMaxImageBytes.
    static bool read(const QString& path, ImageFile& out, QString& error_text);
};

/// Decodes image bytes as their declared media type (e.g. the server's Content-Type
/// "image/jpeg"; parameters ignored): only PNG, JPEG, GIF and WebP, each by its own decoder,
/// never by sniffing the bytes into another image plugin. Refuses pictures that would take
/// more than kImageAllocationLimitMiB, and scales down to fit `bound` (aspect kept; never
/// enlarged; JPEG is decoded at that size directly). Safe on any thread (QImage, not
/// QPixmap). Null when the type is not one of those, the bytes are not of that type, or
/// the picture is too large.
QImage decodeImage(const QByteArray& bytes, const QString& declared_type, const QSize& bound = {});

}  // namespace renkei::ui
