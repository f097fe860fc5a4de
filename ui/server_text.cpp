#include "server_text.h"

#include <QAbstractTextDocumentLayout>
#include <QTextObjectInterface>
#include <atomic>

namespace renkei::ui {

namespace {

std::atomic<int> resource_requests{0};

/// Stands in for Qt's image handler, which would load the image's file name from disk when
/// the document has no resource for it: every image is an empty, zero-sized object.
class NoImages : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;
    QSizeF intrinsicSize(QTextDocument*, int, const QTextFormat&) override {
        SafeTextDocument::countRequest();
        return {0, 0};
    }
    void drawObject(QPainter*, const QRectF&, QTextDocument*, int, const QTextFormat&) override {}
};

}  // namespace

SafeTextDocument::SafeTextDocument(QObject* parent) : QTextDocument(parent) {
    // QTextDocument::resource() asks the resource provider when loadResource() has nothing:
    // an application-wide default provider must not answer for this document either.
    setResourceProvider([](const QUrl&) { return QVariant(); });
    documentLayout()->registerHandler(QTextFormat::ImageObject, new NoImages(this));
}

int SafeTextDocument::resourceRequests() { return resource_requests.load(); }

void SafeTextDocument::countRequest() { resource_requests.fetch_add(1); }

QVariant SafeTextDocument::loadResource(int, const QUrl&) {
    countRequest();
    return {};
}

QString plainToolTip(const QString& text) {
    if (text.isEmpty()) return {};
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString plainHtml(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString plainWindowTitle(const QString& text) {
    QString out = text;
    return out.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
}

}  // namespace renkei::ui

#include "server_text.moc"
