// The text body: m.text and m.notice (muted), m.emote as 「* 名前 …」, and every msgtype
// Renkei shows by its body (m.location, unknown ones).
#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextCursor>
#include <QtMath>

#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

void fillPostDocument(SafeTextDocument& doc, const QModelIndex& index, const QFont& font, int width) {
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    // The model's HTML went through core's allowlist sanitiser; the document loads nothing.
    const QString html = index.data(TimelineModel::FormattedBodyRole).toString();
    if (html.isEmpty()) {
        doc.setPlainText(index.data(TimelineModel::BodyRole).toString());
    } else {
        doc.setHtml(html);  // org.matrix.custom.html: bold, lists, line breaks
    }
    if (index.data(TimelineModel::MsgTypeRole).toString() == QLatin1String("m.emote")) {
        // Spec: an emote reads as an action of its sender ("* 田中 誠 訪問しました").
        QTextCursor cursor(&doc);
        cursor.movePosition(QTextCursor::Start);
        cursor.insertText(QStringLiteral("* ") + index.data(TimelineModel::SenderNameRole).toString() +
                          QLatin1Char(' '));
    }
    doc.setTextWidth(width);
}

void drawPostDocument(QPainter* painter, const SafeTextDocument& doc, const QPalette& palette, const QPoint& at,
                      float text_alpha) {
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    if (text_alpha < 1.0F) {
        QColor text = palette.color(QPalette::Text);
        text.setAlphaF(text_alpha);
        context.palette.setColor(QPalette::Text, text);
    }
    painter->save();
    painter->translate(at);
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

namespace {

class TextBodyPainter final : public BodyPainter {
public:
    int height(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const override {
        SafeTextDocument doc;
        fillPostDocument(doc, index, option.font, width);
        return qCeil(doc.size().height());
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const QRect& rect) const override {
        SafeTextDocument doc;
        fillPostDocument(doc, index, option.font, rect.width());
        // A bot's or a system's notice: muted, as the spec suggests.
        const bool notice = index.data(TimelineModel::MsgTypeRole).toString() == QLatin1String("m.notice");
        drawPostDocument(painter, doc, option.palette, rect.topLeft(), notice ? 0.6F : 1.0F);
    }
};

}  // namespace

const BodyPainter& textBodyPainter() {
    static const TextBodyPainter painter;
    return painter;
}

}  // namespace renkei::ui
