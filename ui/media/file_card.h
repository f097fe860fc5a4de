// Renkei desktop: the card of a file post (m.file, m.audio, m.video) in the timeline: the
// file's name, type and size, with 開く (open inside Renkei, for images and PDFs) and 保存…
// (save a copy). A painter and its hit areas, for whichever delegate shows the post. The
// name comes from the server: it is drawn as plain text, elided, never interpreted.
#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QRect>
#include <QString>
#include <optional>

class QPainter;
class QPalette;

namespace renkei::ui {

/// What a card shows (all from the post's typed content).
struct FileCardInfo {
    QString file_name;                ///< display-safe (core's displayText); elided here
    QString mime_type;                ///< as declared by the sender
    std::optional<qint64> size;       ///< bytes, when declared
};

/// Where a click on a card landed.
enum class FileCardHit { None, Open, Save };

class FileCard {
    Q_DECLARE_TR_FUNCTIONS(FileCard)
public:
    /// "512 B", "12 KB", "3.4 MB", "1.2 GB" (1 KB = 1024 bytes); "" for nullopt or < 0.
    static QString sizeText(std::optional<qint64> bytes);
    /// The kind of file in words: PDF 文書, 画像, 音声, 動画, or the extension
    /// ("DOCX ファイル"), else ファイル.
    static QString typeText(const QString& mime_type, const QString& file_name);
    /// Whether 開く can show it inside Renkei (PDF and the image types decodeImage reads).
    static bool canOpen(const QString& mime_type);

    /// The card's height for `font` (width is what the row gives it).
    static int height(const QFont& font);
    /// Paints the card into `rect`.
    static void paint(QPainter& painter, const QRect& rect, const FileCardInfo& info,
                      const QPalette& palette, const QFont& font);
    /// Which button of a card painted into `rect` lies under `pos` (開く only when
    /// canOpen(info.mime_type): otherwise it is not painted).
    static FileCardHit hitTest(const QRect& rect, const FileCardInfo& info, const QFont& font,
                               const QPoint& pos);
    /// The rectangles of the 開く and 保存… buttons in a card painted into `rect`.
    static QRect openButton(const QRect& rect, const QFont& font);
    static QRect saveButton(const QRect& rect, const QFont& font);
};

}  // namespace renkei::ui
