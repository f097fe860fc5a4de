#include "media/image_decode.h"

#include <QBuffer>
#include <QImageReader>

namespace renkei::ui {

QByteArray imageFormatOf(const QString& media_type) {
    const QString type = media_type.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type == QLatin1String("image/png")) return "png";
    if (type == QLatin1String("image/jpeg")) return "jpeg";
    if (type == QLatin1String("image/gif")) return "gif";
    if (type == QLatin1String("image/webp")) return "webp";
    return {};
}

// Qt's limit is process-wide (QImageReader::setAllocationLimit is static).
void limitImageAllocations() {
    static const bool limited = [] {
        QImageReader::setAllocationLimit(kImageAllocationLimitMiB);
        return true;
    }();
    (void)limited;
}

QImage decodeImage(const QByteArray& bytes, const QString& declared_type, const QSize& bound) {
    const QByteArray format = imageFormatOf(declared_type);
    if (format.isEmpty()) return {};
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    limitImageAllocations();
    QImageReader reader(&buffer, format);
    reader.setAutoDetectImageFormat(false);  // this format's decoder, or none
    const QSize declared = reader.size();
    if (bound.isValid() && declared.isValid() &&
        (declared.width() > bound.width() || declared.height() > bound.height())) {
        reader.setScaledSize(declared.scaled(bound, Qt::KeepAspectRatio));
    }
    QImage image = reader.read();
    if (image.isNull() || !bound.isValid()) return image;
    if (image.width() <= bound.width() && image.height() <= bound.height()) return image;
    return image.scaled(bound, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

}  // namespace renkei::ui
