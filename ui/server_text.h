// Renkei desktop: how text from the server is shown. Everything a room member or the server
// wrote (room names, topics, display names, user ids, bodies, file names) is untrusted: a
// label shows it as Qt::PlainText, a tool tip or window title through the helpers here, and
// message HTML only after core's sanitiser (matrix/rich_text.h), in a SafeTextDocument.
#pragma once

#include <QString>
#include <QTextDocument>
#include <QUrl>
#include <QVariant>

namespace renkei::ui {

/// A QTextDocument that never loads a resource. Qt's default loader reads file: and relative
/// URLs from disk and qrc: from the application (an <img src="/dev/zero"> would read without
/// end on the GUI thread), a resource provider could fetch from the network, and Qt's image
/// handler loads an image's file name itself when the loader has nothing. This document
/// answers every resource request with nothing and lays out every image as an empty object.
class SafeTextDocument : public QTextDocument {
    Q_OBJECT
public:
    explicit SafeTextDocument(QObject* parent = nullptr);

    /// How often any SafeTextDocument was asked for an image, style sheet or other resource
    /// since the start (a test seam: sanitised HTML asks for none).
    static int resourceRequests();
    static void countRequest();  ///< for the document's own image handler

protected:
    QVariant loadResource(int type, const QUrl& name) override;
};

/// `text` (plain, from the server) as a tool tip that shows exactly that text. QToolTip
/// renders rich text whenever Qt::mightBeRichText() guesses so; this escapes and wraps it,
/// keeping line breaks. Empty for empty text.
QString plainToolTip(const QString& text);

/// `text` (plain, from a room member) as HTML that shows exactly that text: escaped, each line
/// break a <br> (for the cells of the documents Renkei builds itself, e.g. a record's card).
QString plainHtml(const QString& text);

/// `text` for QWidget::setWindowTitle, where "[*]" is the modified-marker placeholder: it is
/// doubled so that a room named "[*]" shows as it is.
QString plainWindowTitle(const QString& text);

}  // namespace renkei::ui
