#include "media/file_viewer.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "image_file.h"
#include "image_viewer.h"
#include "media/save_copy.h"
#include "server_text.h"

namespace renkei::ui {
namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.25;
constexpr double kMaxZoom = 8.0;

QToolButton* toolButton(const QString& text, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setAccessibleName(text);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

}  // namespace

FileViewer::FileViewer(const QByteArray& bytes, const QString& mime_type,
                       const QString& file_name, QWidget* parent)
    : QDialog(parent), bytes_(bytes), mime_type_(mime_type.toLower()), file_name_(file_name) {
    setWindowTitle(file_name.isEmpty() ? tr("File") : plainWindowTitle(file_name));
    setAccessibleName(tr("File viewer"));
    setAttribute(Qt::WA_DeleteOnClose);

    stack_ = new QStackedWidget(this);
    message_ = new QLabel(this);
    message_->setTextFormat(Qt::PlainText);
    message_->setWordWrap(true);
    message_->setAlignment(Qt::AlignCenter);
    stack_->addWidget(message_);

    pdf_bar_ = new QWidget(this);
    auto* bar = new QHBoxLayout(pdf_bar_);
    bar->setContentsMargins(0, 0, 0, 0);
    previous_ = toolButton(tr("Previous page"), pdf_bar_);
    next_ = toolButton(tr("Next page"), pdf_bar_);
    page_label_ = new QLabel(pdf_bar_);
    page_label_->setTextFormat(Qt::PlainText);
    auto* zoom_out = toolButton(tr("Zoom out"), pdf_bar_);
    auto* zoom_in = toolButton(tr("Zoom in"), pdf_bar_);
    auto* fit = toolButton(tr("Fit width"), pdf_bar_);
    bar->addWidget(previous_);
    bar->addWidget(page_label_);
    bar->addWidget(next_);
    bar->addStretch(1);
    bar->addWidget(zoom_out);
    bar->addWidget(zoom_in);
    bar->addWidget(fit);
    connect(previous_, &QToolButton::clicked, this, [this] { goToPage(currentPage() - 1); });
    connect(next_, &QToolButton::clicked, this, [this] { goToPage(currentPage() + 1); });
    connect(zoom_out, &QToolButton::clicked, this, &FileViewer::zoomOut);
    connect(zoom_in, &QToolButton::clicked, this, &FileViewer::zoomIn);
    connect(fit, &QToolButton::clicked, this, &FileViewer::fitWidth);
    pdf_bar_->hide();

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* save_button = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    save_button_ = save_button;
    save_button->setAccessibleName(tr("Save a copy"));
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setText(tr("Close"));
    close->setAccessibleName(tr("Close"));
    connect(save_button, &QPushButton::clicked, this, &FileViewer::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pdf_bar_);
    layout->addWidget(stack_, 1);
    layout->addWidget(buttons);

    if (mime_type_ == u"application/pdf") {
        showPdf();
    } else if (mime_type_.startsWith(u"image/")) {
        showImage();
    } else {
        showMessage(tr("Renkei cannot show this kind of file. To open it in another program, "
                       "save a copy (Save…)."));
    }

    QSize start(fontMetrics().averageCharWidth() * 80, fontMetrics().lineSpacing() * 32);
    if (const QScreen* s = screen()) start = start.boundedTo(s->availableGeometry().size() * 0.85);
    resize(start);
}

FileViewer::~FileViewer() {
    // Qt PDF's view renders pages on a thread of its own, and the document reads the bytes
    // through buffer_ as it renders. Members go before child objects, so without this the
    // renderer could still read buffer_ after it is gone (a crash when the viewer closes
    // while a page is painted). The view waits for its render thread as it is deleted.
    delete pdf_view_;
    delete document_;
}

void FileViewer::showPdf() {
    buffer_.setData(bytes_);  // shares bytes_ (implicitly shared): no copy, no file
    buffer_.open(QIODevice::ReadOnly);
    document_ = new QPdfDocument(this);
    document_->load(&buffer_);
    if (document_->status() != QPdfDocument::Status::Ready || document_->pageCount() < 1) {
        showMessage(tr("This PDF cannot be shown: it is damaged or protected by a password. "
                       "You can save a copy (Save…) and open it in another program."));
        return;
    }
    kind_ = Kind::Pdf;
    pdf_view_ = new QPdfView(this);
    pdf_view_->setAccessibleName(tr("PDF pages"));
    pdf_view_->setPageMode(QPdfView::PageMode::MultiPage);
    pdf_view_->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    pdf_view_->setDocument(document_);
    stack_->addWidget(pdf_view_);
    stack_->setCurrentWidget(pdf_view_);
    pdf_bar_->show();
    connect(pdf_view_->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &FileViewer::updatePageLabel);
    updatePageLabel();
}

void FileViewer::showImage() {
    const QImage image = decodeImage(bytes_, mime_type_);
    if (image.isNull()) {
        showMessage(tr("This image cannot be shown: it is damaged, too large, or not of the "
                       "type it declares. You can save a copy (Save…)."));
        return;
    }
    kind_ = Kind::Image;
    image_ = new FittedImage(this);
    image_->setAccessibleName(tr("Image"));
    image_->setImage(image);
    stack_->addWidget(image_);
    stack_->setCurrentWidget(image_);
}

void FileViewer::showMessage(const QString& text) {
    kind_ = Kind::Other;
    message_->setText(text);
    stack_->setCurrentWidget(message_);
}

QString FileViewer::message() const { return kind_ == Kind::Other ? message_->text() : QString(); }

int FileViewer::pageCount() const { return kind_ == Kind::Pdf ? document_->pageCount() : 0; }

int FileViewer::currentPage() const {
    return kind_ == Kind::Pdf ? pdf_view_->pageNavigator()->currentPage() : 0;
}

void FileViewer::updatePageLabel() {
    const int page = currentPage();
    page_label_->setText(tr("Page %1 / %2").arg(page + 1).arg(pageCount()));
    previous_->setEnabled(page > 0);
    next_->setEnabled(page + 1 < pageCount());
}

void FileViewer::goToPage(int page) {
    if (kind_ != Kind::Pdf || page < 0 || page >= pageCount()) return;
    QPdfPageNavigator* nav = pdf_view_->pageNavigator();
    nav->jump(page, QPointF(), nav->currentZoom());
}

void FileViewer::setZoom(double factor) {
    if (kind_ != Kind::Pdf) return;
    pdf_view_->setZoomMode(QPdfView::ZoomMode::Custom);
    pdf_view_->setZoomFactor(qBound(kMinZoom, factor, kMaxZoom));
}

void FileViewer::zoomIn() { setZoom(pdf_view_ ? pdf_view_->zoomFactor() * kZoomStep : 1.0); }
void FileViewer::zoomOut() { setZoom(pdf_view_ ? pdf_view_->zoomFactor() / kZoomStep : 1.0); }

void FileViewer::fitWidth() {
    if (kind_ == Kind::Pdf) pdf_view_->setZoomMode(QPdfView::ZoomMode::FitToWidth);
}

void FileViewer::setSaveDialogs(const SaveDialogs& dialogs) {
    dialogs_ = std::make_unique<SaveDialogs>(dialogs);
}

void FileViewer::setSaveAllowed(bool allowed) {
    save_allowed_ = allowed;
    save_button_->setVisible(allowed);
}

void FileViewer::save() {
    if (!save_allowed_) return;
    const QString path = SaveCopy::run(this, bytes_, file_name_, dialogs_ ? *dialogs_ : SaveDialogs::standard());
    if (!path.isEmpty()) emit saved();
}

}  // namespace renkei::ui
