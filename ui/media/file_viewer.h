// Renkei desktop: a file post opened inside Renkei, from memory only. An image is decoded
// from the bytes (decodeImage: its declared type only, allocation capped); a PDF is read by
// Qt PDF from a QBuffer over the same bytes (QPdfDocument::load(QIODevice*) reads through
// the device; nothing is written to disk) and shown page by page with zoom. Other types get
// a message and 保存…, which goes through SaveCopy (the copy leaves the encrypted store).
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QDialog>
#include <QString>

class QLabel;
class QPdfDocument;
class QPdfView;
class QStackedWidget;
class QToolButton;

class QPushButton;

namespace renkei::ui {

class FittedImage;
struct SaveDialogs;

class FileViewer : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Image, Pdf, Other };

    /// Shows `bytes` (of the declared `mime_type`) named `file_name` (from the server:
    /// shown as plain text only).
    FileViewer(const QByteArray& bytes, const QString& mime_type, const QString& file_name,
               QWidget* parent = nullptr);
    ~FileViewer() override;

    /// What is shown: Other also when an image or PDF could not be read (see message()).
    Kind kind() const { return kind_; }
    /// The PDF's pages (0 unless a PDF is shown) and the one at the top of the view (0-based).
    int pageCount() const;
    int currentPage() const;
    QPdfDocument* document() const { return document_; }
    QPdfView* pdfView() const { return pdf_view_; }
    /// The text shown instead of the file (types Renkei does not open, unreadable files).
    QString message() const;

    void goToPage(int page);
    void zoomIn();
    void zoomOut();
    void fitWidth();
    /// 保存…: the save flow (test seam: `dialogs`, else the standard dialogs).
    void save();
    void setSaveDialogs(const SaveDialogs& dialogs);
    /// Whether 保存… is offered (the network's policy may forbid saving to disk).
    void setSaveAllowed(bool allowed);

signals:
    /// 保存… wrote a copy of the file to disk (the path is the user's; never logged).
    void saved();

private:
    void showPdf();
    void showImage();
    void showMessage(const QString& text);
    void updatePageLabel();
    void setZoom(double factor);

    QByteArray bytes_;
    QString mime_type_;
    QString file_name_;
    Kind kind_ = Kind::Other;
    QBuffer buffer_;  ///< the PDF's bytes as a device for QPdfDocument (read-only, in memory)
    QPdfDocument* document_ = nullptr;
    QPdfView* pdf_view_ = nullptr;
    FittedImage* image_ = nullptr;
    QLabel* message_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QWidget* pdf_bar_ = nullptr;
    QLabel* page_label_ = nullptr;
    QToolButton* previous_ = nullptr;
    QToolButton* next_ = nullptr;
    std::unique_ptr<SaveDialogs> dialogs_;
    QPushButton* save_button_ = nullptr;
    bool save_allowed_ = true;
};

}  // namespace renkei::ui
