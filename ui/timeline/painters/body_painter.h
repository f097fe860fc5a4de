// Renkei desktop: the body of a timeline post, one painter per kind of post (STYLE.md: one
// painter per post kind, not one paint()). PostDelegate paints the frame around it (day
// separator, author and time, reply quote, reactions, state line) and asks the painter of
// the post's kind (TimelineModel::KindRole, MsgTypeRole) for the body's height and picture.
// Everything painted here is the server's: plain text, or HTML after core's sanitiser in a
// SafeTextDocument.
#pragma once

#include <QModelIndex>
#include <QRect>
#include <QStyleOptionViewItem>

class QPainter;

namespace renkei::ui {

class SafeTextDocument;

class BodyPainter {
public:
    virtual ~BodyPainter() = default;
    /// The body's height (px) at `width` with the row's font.
    virtual int height(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const = 0;
    /// Paints the body into `rect` (painter coordinates, as laid out by height()).
    virtual void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                       const QRect& rect) const = 0;
};

/// The painters, by kind: text (m.text, m.notice muted, m.emote as 「* 名前 …」, and any
/// msgtype shown by its body), image, file (m.file, m.audio, m.video as a FileCard),
/// deleted, encrypted and unreadable (their placeholders).
const BodyPainter& textBodyPainter();
const BodyPainter& imageBodyPainter();
const BodyPainter& fileBodyPainter();
const BodyPainter& deletedBodyPainter();
const BodyPainter& encryptedBodyPainter();
const BodyPainter& unreadableBodyPainter();
const BodyPainter& careStateBodyPainter();
/// A structured post as its compact card (title and lines; record_painter.cpp).
const BodyPainter& recordBodyPainter();
/// Whether the post carries a structured record shown as a card (TimelineModel::RecordKindRole).
bool isRecordPost(const QModelIndex& index);
/// The painter for the post at `index`.
const BodyPainter& bodyPainterFor(const QModelIndex& index);

/// Whether the post is an m.file, m.audio or m.video (shown as a file card).
bool isFilePost(const QModelIndex& index);
/// Where the file card of a file post lies in its body `rect` (at most about 32 characters
/// wide, the buttons at its right edge).
QRect fileCardRect(const QFont& font, const QRect& body);
/// Whether the file card of the post shows 開く (PDFs and images Renkei can show itself).
bool fileCanOpen(const QModelIndex& index);

/// Loads a post's text into `doc` as the text painter shows it: sanitised HTML or the plain
/// body, an emote prefixed 「* 名前 」, at `font` and `width`.
void fillPostDocument(SafeTextDocument& doc, const QModelIndex& index, const QFont& font, int width);
/// Draws `doc` with its top-left at `at`, in the palette's text colour at `text_alpha`
/// (1: as is; below 1: dimmed, for notices, file names and placeholders).
void drawPostDocument(QPainter* painter, const SafeTextDocument& doc, const QPalette& palette, const QPoint& at,
                      float text_alpha = 1.0F);

}  // namespace renkei::ui
