// Renkei UI: a structured post read as a document (退院時共同指導記録票 above all): its title,
// who wrote it and when, and every line with its label, at reading size. Opened from the post
// menu (文書として表示…). Read-only; the text is a member's: escaped, never markup; the
// document loads no resource (SafeTextDocument).
#pragma once

#include <QDialog>
#include <QStringList>

class QTextEdit;

namespace renkei::ui {

class RecordDocumentDialog : public QDialog {
    Q_OBJECT
public:
    /// `lines`: each 「label\tvalue」 (TimelineModel::RecordLinesRole); `byline`: author and
    /// time as the timeline shows them; `edited`: the current version of a corrected record.
    RecordDocumentDialog(const QString& title, const QString& byline, const QStringList& lines, bool edited,
                         QWidget* parent = nullptr);
    /// The document as plain text (for tests and copying).
    QString text() const;

private:
    QTextEdit* view_ = nullptr;
};

}  // namespace renkei::ui
