// decodeImage (ui/image_file.h) against pictures a hostile server could send: a
// "decompression bomb" (a small PNG declaring a huge picture) is refused without its pixels
// ever being allocated (peak RSS measured), bytes are decoded only as their declared type
// (an SVG or a BMP sent as image/png is refused, not sniffed into another Qt plugin), and a
// large photo is still shown, decoded at the viewer's size. No server needed.
#include <zlib.h>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <cstdint>
#include <fstream>
#include <string>

#include "image_file.h"

using renkei::ui::decodeImage;

namespace {

const QString kFixture = QStringLiteral(RENKEI_FIXTURES_DIR "/media_diagram_120x90.png");

void appendBigEndian(QByteArray& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.append(static_cast<char>((value >> shift) & 0xff));
    }
}

void appendChunk(QByteArray& png, const char* type, const QByteArray& data) {
    appendBigEndian(png, static_cast<std::uint32_t>(data.size()));
    QByteArray typed(type, 4);
    typed += data;
    png += typed;
    const auto* bytes = reinterpret_cast<const Bytef*>(typed.constData());
    const uLong crc = crc32(0, bytes, static_cast<uInt>(typed.size()));
    appendBigEndian(png, static_cast<std::uint32_t>(crc));
}

/// A PNG of `width` x `height` transparent RGBA pixels, built by hand: its IDAT holds
/// `rows` rows of zeros (all of them, or fewer: a truncated picture), deflated. A whole
/// 5000 x 5000 picture is ~100 KB of file for 100 MB of pixels.
QByteArray zeroPng(std::uint32_t width, std::uint32_t height, std::uint32_t rows) {
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    appendBigEndian(header, width);
    appendBigEndian(header, height);
    header.append("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, no filter, no interlace
    appendChunk(png, "IHDR", header);

    z_stream z{};
    deflateInit(&z, Z_BEST_COMPRESSION);
    const QByteArray row(static_cast<qsizetype>(width) * 4 + 1, '\0');  // filter byte 0 + pixels
    QByteArray compressed;
    char out[65536];
    for (std::uint32_t r = 0; r <= rows; ++r) {
        const bool last = r == rows;
        z.next_in = last ? nullptr : reinterpret_cast<Bytef*>(const_cast<char*>(row.constData()));
        z.avail_in = last ? 0 : static_cast<uInt>(row.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(out);
            z.avail_out = sizeof out;
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            compressed.append(out, static_cast<qsizetype>(sizeof out - z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", {});
    return png;
}

/// A "VmHWM:" (peak) or "VmRSS:" (current) line of /proc/self/status, in KiB.
qint64 statusKiB(const std::string& field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field, 0) == 0) return std::stoll(line.substr(field.size()));
    }
    return -1;
}
/// Lowers the peak (VmHWM) to the current RSS, so that the peak of one call can be measured.
bool resetPeak() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear);
}

QByteArray encoded(const QImage& image, const char* format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

}  // namespace

class ImageDecodeTest : public QObject {
    Q_OBJECT
private slots:
    void declaredPngDecodesAndScales() {
        QFile file(kFixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray png = file.readAll();
        QCOMPARE(decodeImage(png, QStringLiteral("image/png")).size(), QSize(120, 90));
        const QImage scaled = decodeImage(png, QStringLiteral("image/png"), QSize(60, 60));
        QCOMPARE(scaled.size(), QSize(60, 45));
        // Parameters and case of a Content-Type do not matter.
        const QImage typed = decodeImage(png, QStringLiteral("Image/PNG; charset=binary"));
        QCOMPARE(typed.size(), QSize(120, 90));
    }

    void bytesAreDecodedOnlyAsTheirDeclaredType() {
        QFile file(kFixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray png = file.readAll();
        QVERIFY(!QImage::fromData(png).isNull());
        // The right picture under the wrong type is handled as that type: not a JPEG.
        QVERIFY(decodeImage(png, QStringLiteral("image/jpeg")).isNull());
        QVERIFY(decodeImage(png, QString()).isNull());

        // Pictures Qt would happily sniff (its SVG plugin, its BMP reader): never decoded.
        const QByteArray svg =
            "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'>"
            "<rect width='64' height='64' fill='red'/></svg>";
        QVERIFY(!QImage::fromData(svg).isNull());
        QVERIFY(decodeImage(svg, QStringLiteral("image/png")).isNull());
        QVERIFY(decodeImage(svg, QStringLiteral("image/svg+xml")).isNull());
        QImage small(32, 32, QImage::Format_RGB32);
        small.fill(Qt::blue);
        const QByteArray bmp = encoded(small, "BMP");
        QVERIFY(!QImage::fromData(bmp).isNull());
        QVERIFY(decodeImage(bmp, QStringLiteral("image/png")).isNull());
        QVERIFY(decodeImage(bmp, QStringLiteral("image/bmp")).isNull());
    }

    void onlyImagesRenkeiShowsCanBeAttached() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage small(32, 32, QImage::Format_RGB32);
        small.fill(Qt::blue);
        const QString bmp = dir.filePath(QStringLiteral("scan.png"));  // a BMP, whatever its name
        QVERIFY(small.save(bmp, "BMP"));
        renkei::ui::ImageFile file;
        QString error;
        QVERIFY(!renkei::ui::ImageFile::read(bmp, file, error));
        QCOMPARE(error, QStringLiteral("画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。"));
        const QString png = dir.filePath(QStringLiteral("scan2.png"));
        QVERIFY(small.save(png, "PNG"));
        QVERIFY(renkei::ui::ImageFile::read(png, file, error));
        QCOMPARE(file.mime_type, std::string("image/png"));
        QCOMPARE(file.size, QSize(32, 32));
    }

    void decompressionBombIsRefusedWithoutAllocating() {
        // 5000 x 5000 RGBA: 100 MB of pixels from ~100 KB of file. Without a limit of its
        // own, Qt 6.4 (128 MB by default) decodes it.
        const QByteArray bomb = zeroPng(5000, 5000, 5000);
        QVERIFY(bomb.size() < 1024 * 1024);
        // 30000 x 30000: 3.6 GB declared in a few bytes (its rows cut short).
        const QByteArray huge = zeroPng(30000, 30000, 16);

        QVERIFY(resetPeak());
        const qint64 before = statusKiB("VmRSS:");
        const QImage decoded = decodeImage(bomb, QStringLiteral("image/png"));
        const QImage decoded_huge = decodeImage(huge, QStringLiteral("image/png"), QSize(96, 96));
        const qint64 grew_kib = statusKiB("VmHWM:") - before;
        qInfo("peak RSS growth while refusing both: %lld KiB", grew_kib);
        QVERIFY(decoded.isNull());
        QVERIFY(decoded_huge.isNull());
        QVERIFY2(grew_kib < 32 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(grew_kib)));
    }

    void largePhotoIsShownAtTheViewersSize() {
        // 6000 x 4000 (24 megapixels, 96 MB decoded): over the limit at full size, fine at
        // the viewer's 4096 px, which JPEG decodes to directly.
        QImage photo(6000, 4000, QImage::Format_RGB888);
        photo.fill(QColor(200, 120, 90));
        const QByteArray jpeg = encoded(photo, "JPEG");
        photo = QImage();
        QVERIFY(!jpeg.isEmpty());
        QVERIFY(decodeImage(jpeg, QStringLiteral("image/jpeg")).isNull());
        const QImage shown = decodeImage(jpeg, QStringLiteral("image/jpeg"), QSize(4096, 4096));
        QCOMPARE(shown.size(), QSize(6000, 4000).scaled(QSize(4096, 4096), Qt::KeepAspectRatio));
    }
};

QTEST_MAIN(ImageDecodeTest)
#include "image_decode_test.moc"
