#include "image_file.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

namespace renkei::ui {

bool ImageFile::read(const QString& path, ImageFile& out, QString& error_text) {
    const QFileInfo info(path);
    if (!info.isFile()) {
        error_text = tr("ファイルが見つかりません。画像をもう一度選んでください。");
        return false;
    }
    if (info.size() > kMaxImageBytes) {
        error_text = tr("画像が大きすぎます（20 MB まで）。小さい画像を選んでください。");
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error_text = tr("ファイルを読み込めません。ファイルを開く権限があるか確認してください。");
        return false;
    }
    QByteArray bytes = file.read(kMaxImageBytes + 1);
    if (bytes.size() > kMaxImageBytes) {  // grew since the check above
        error_text = tr("画像が大きすぎます（20 MB まで）。小さい画像を選んでください。");
        return false;
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    limitImageAllocations();
    QImageReader reader(&buffer);  // by content, not by the file name's extension
    QByteArray format = reader.format();
    if (format == "jpg") format = "jpeg";
    QSize size = reader.size();
    // Only what Renkei itself can show again (decodeImage).
    if (imageFormatOf(QLatin1String("image/") + QLatin1String(format)) != format || !reader.canRead()) {
        error_text = tr("画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。");
        return false;
    }
    if (!size.isValid()) {
        const QImage image = reader.read();  // some formats tell their size only when decoded
        size = image.size();
    }
    if (size.isEmpty()) {
        error_text = tr("画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。");
        return false;
    }
    out.bytes.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    out.mime_type = "image/" + format.toStdString();
    out.file_name = info.fileName();
    out.size = size;
    return true;
}

}  // namespace renkei::ui
