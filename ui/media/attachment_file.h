// Renkei desktop: any file the user attaches to a post (添付), read and checked in memory
// on a worker: its bytes, its media type by content and name (QMimeDatabase), its name as
// the user sees it, and for PNG, JPEG, GIF and WebP pictures their size (they go as m.image,
// every other file as m.file, m.audio or m.video: Session::queueFile). Nothing is written.
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <string>

namespace renkei::ui {

struct AttachmentFile {
    Q_DECLARE_TR_FUNCTIONS(AttachmentFile)
public:
    std::string bytes;      ///< the file as it is
    std::string mime_type;  ///< e.g. "application/pdf"; "application/octet-stream" if unknown
    QString file_name;      ///< without the directory: the post's body and filename
    QSize size;             ///< pixels for a picture Renkei shows; invalid otherwise

    /// Reads `path` whole if it has at most `limit_bytes` (the server's upload limit,
    /// Session::uploadLimit). On failure returns false and sets `error_text` (translated,
    /// says what to do): not found, unreadable, larger than the limit (which it names).
    static bool read(const QString& path, qint64 limit_bytes, AttachmentFile& out,
                     QString& error_text);
    /// What read() says of a file over `limit_bytes` (the limit in MB, translated).
    static QString tooLargeText(qint64 limit_bytes);
};

}  // namespace renkei::ui
