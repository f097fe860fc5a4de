// The body of a structured post (バイタル, 服薬, 医師からの情報共有, ACP, 退院時共同指導記録票):
// a compact card — the kind's title over a two-column table of its lines, framed. A long
// record (the discharge document) shows its first lines and a hint; the whole is its document
// view (post menu 文書として表示…). Every value is a member's text: escaped, never markup.
#include <QCoreApplication>
#include <QPainter>
#include <QtMath>

#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

constexpr int kPad = 6;
constexpr int kMaxCardLines = 8;  // beyond this, the document view shows the rest


void fillCard(SafeTextDocument& doc, const QModelIndex& index, const QFont& font, int width) {
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    const QStringList lines = index.data(TimelineModel::RecordLinesRole).toStringList();
    QString html = QStringLiteral("<p style=\"margin-bottom:4px\"><b>%1</b></p><table cellspacing=\"0\" cellpadding=\"1\">")
                       .arg(plainHtml(index.data(TimelineModel::RecordTitleRole).toString()));
    const qsizetype shown = qMin<qsizetype>(lines.size(), kMaxCardLines);
    for (qsizetype i = 0; i < shown; ++i) {
        const qsizetype tab = lines[i].indexOf(QLatin1Char('\t'));
        html += QStringLiteral("<tr><td style=\"padding-right:12px; color:#444\">%1</td><td>%2</td></tr>")
                    .arg(plainHtml(lines[i].left(tab)), plainHtml(lines[i].mid(tab + 1)));
    }
    html += QStringLiteral("</table>");
    if (lines.size() > shown) {
        html += QStringLiteral("<p style=\"color:#444\">%1</p>")
                    .arg(plainHtml(QCoreApplication::translate("RecordCard", "… and %n more (Show as document)", nullptr, int(lines.size() - shown))));
    }
    doc.setHtml(html);
    doc.setTextWidth(width);
}

class RecordBodyPainter final : public BodyPainter {
public:
    int height(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const override {
        SafeTextDocument doc;
        fillCard(doc, index, option.font, width - 2 * kPad);
        return qCeil(doc.size().height()) + 2 * kPad;
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const QRect& rect) const override {
        SafeTextDocument doc;
        fillCard(doc, index, option.font, rect.width() - 2 * kPad);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor frame = option.palette.color(QPalette::Mid);
        QColor fill = option.palette.color(QPalette::AlternateBase);
        painter->setPen(QPen(frame, 1));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        painter->restore();
        drawPostDocument(painter, doc, option.palette, rect.topLeft() + QPoint(kPad, kPad));
    }
};

}  // namespace

const BodyPainter& recordBodyPainter() {
    static const RecordBodyPainter painter;
    return painter;
}

bool isRecordPost(const QModelIndex& index) {
    const QVariant kind = index.data(TimelineModel::RecordKindRole);  // absent: not a timeline model's row
    return kind.isValid() && kind.toInt() >= 0;
}

}  // namespace renkei::ui
