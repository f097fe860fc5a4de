// The bodies of posts that have no text to show: deleted (who, when, why), encrypted,
// unreadable. Each is its placeholder (PostDelegate::placeholderText) in italics, as plain
// text: the names and the reason are the server's.
#include <QPainter>
#include <QtMath>

#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

class PlaceholderBodyPainter final : public BodyPainter {
public:
    int height(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const override {
        SafeTextDocument doc;
        fill(doc, index, option.font, width);
        return qCeil(doc.size().height());
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const QRect& rect) const override {
        SafeTextDocument doc;
        fill(doc, index, option.font, rect.width());
        drawPostDocument(painter, doc, option.palette, rect.topLeft(), 0.7F);
    }

private:
    static void fill(SafeTextDocument& doc, const QModelIndex& index, QFont font, int width) {
        font.setItalic(true);
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        doc.setPlainText(PostDelegate::placeholderText(index));
        doc.setTextWidth(width);
    }
};

}  // namespace

// One painter each, so that each kind can grow its own look (a deleted post's 「元に戻す」,
// an encrypted post's key request) without touching the others.
const BodyPainter& deletedBodyPainter() {
    static const PlaceholderBodyPainter painter;
    return painter;
}

const BodyPainter& encryptedBodyPainter() {
    static const PlaceholderBodyPainter painter;
    return painter;
}

const BodyPainter& unreadableBodyPainter() {
    static const PlaceholderBodyPainter painter;
    return painter;
}

const BodyPainter& careStateBodyPainter() {
    static const PlaceholderBodyPainter painter;
    return painter;
}

const BodyPainter& bodyPainterFor(const QModelIndex& index) {
    using Kind = timeline::TimelineItem::Kind;
    switch (static_cast<Kind>(index.data(TimelineModel::KindRole).toInt())) {
        case Kind::Redacted: return deletedBodyPainter();
        case Kind::Encrypted: return encryptedBodyPainter();
        case Kind::Unreadable: return unreadableBodyPainter();
        case Kind::CareState: return careStateBodyPainter();
        case Kind::Message: break;
    }
    if (PostDelegate::isImagePost(index)) return imageBodyPainter();
    if (isFilePost(index)) return fileBodyPainter();
    if (isRecordPost(index)) return recordBodyPainter();
    return textBodyPainter();
}

}  // namespace renkei::ui
