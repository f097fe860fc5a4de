// Renkei desktop: an image file the user attaches to a post, read and checked in memory
// (on a worker: the file may be large or on a slow share). Nothing is written anywhere.
#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>
#include <string>

#include "media/image_decode.h"

namespace renkei::ui {

/// The largest image the composer sends: 20 MiB (the usual Synapse upload limit is 50 MiB,
/// but a clinic's uplink is slow and a photo of a wound needs no more).
inline constexpr qint64 kMaxImageBytes = 20LL * 1024 * 1024;

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

}  // namespace renkei::ui
