#include "care/records/record_document_dialog.h"

#include <QDialogButtonBox>
#include <QTextEdit>
#include <QVBoxLayout>

#include "server_text.h"

namespace renkei::ui {

RecordDocumentDialog::RecordDocumentDialog(const QString& title, const QString& byline, const QStringList& lines,
                                           bool edited, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p>").arg(plainHtml(title), plainHtml(byline));
    if (edited) html += QStringLiteral("<p><i>%1</i></p>").arg(plainHtml(tr("訂正後の記録です（編集履歴に訂正前の記録があります）")));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" border=\"1\" width=\"100%\">");
    for (const QString& line : lines) {
        const qsizetype tab = line.indexOf(QLatin1Char('\t'));
        html += QStringLiteral("<tr><th align=\"left\" valign=\"top\" width=\"30%\">%1</th><td>%2</td></tr>")
                    .arg(plainHtml(line.left(tab)), plainHtml(line.mid(tab + 1)));
    }
    html += QStringLiteral("</table>");
    auto* doc = new SafeTextDocument(this);
    doc->setHtml(html);
    view_ = new QTextEdit(this);
    view_->setReadOnly(true);
    view_->setDocument(doc);
    view_->setAccessibleName(title);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(buttons);
    resize(640, 720);
}

QString RecordDocumentDialog::text() const { return view_->toPlainText(); }

}  // namespace renkei::ui
