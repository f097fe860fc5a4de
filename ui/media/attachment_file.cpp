#include "media/attachment_file.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>

#include "image_file.h"
#include "media/file_card.h"

namespace renkei::ui {
namespace {

bool showableImage(const QString& mime) {
    return mime == u"image/png" || mime == u"image/jpeg" || mime == u"image/gif" ||
           mime == u"image/webp";
}

}  // namespace

QString AttachmentFile::tooLargeText(qint64 limit_bytes) {
    return tr("The file is too large to send (up to %1 on this server). Choose a smaller file.")
        .arg(FileCard::sizeText(limit_bytes));
}

bool AttachmentFile::read(const QString& path, qint64 limit_bytes, AttachmentFile& out,
                          QString& error_text) {
    const QFileInfo info(path);
    const QString too_large = tooLargeText(limit_bytes);
    if (!info.isFile()) {
        error_text = tr("The file cannot be found. Choose it again.");
        return false;
    }
    if (info.size() > limit_bytes) {
        error_text = too_large;
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error_text = tr("The file cannot be read. Check that you may open it.");
        return false;
    }
    const QByteArray bytes = file.read(limit_bytes + 1);
    if (bytes.size() > limit_bytes) {  // grew since the check above
        error_text = too_large;
        return false;
    }
    if (file.error() != QFileDevice::NoError) {
        error_text = tr("The file cannot be read. Check that you may open it.");
        return false;
    }
    const QString mime = QMimeDatabase().mimeTypeForFileNameAndData(info.fileName(), bytes).name();
    out.size = {};
    if (showableImage(mime) && bytes.size() <= kMaxImageBytes) {
        ImageFile image;
        QString ignored;  // not a picture Renkei can show after all: sent as a file
        if (ImageFile::read(path, image, ignored) &&
            image.bytes.size() == static_cast<std::size_t>(bytes.size())) {
            out.size = image.size;
        }
    }
    out.bytes.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    out.mime_type = mime.toStdString();
    out.file_name = info.fileName();
    return true;
}

}  // namespace renkei::ui
