#include "image_viewer.h"

#include <QDialogButtonBox>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "server_text.h"

namespace renkei::ui {

FittedImage::FittedImage(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMinimumSize(fontMetrics().averageCharWidth() * 30, fontMetrics().lineSpacing() * 8);
}

void FittedImage::setImage(const QImage& image) {
    image_ = image;
    message_.clear();
    updateGeometry();
    update();
}

void FittedImage::setMessage(const QString& text) {
    message_ = text;
    update();
}

QSize FittedImage::sizeHint() const {
    if (image_.isNull()) return minimumSize();
    return image_.deviceIndependentSize().toSize().expandedTo(minimumSize());
}

void FittedImage::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    if (image_.isNull()) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    const QSize natural = image_.deviceIndependentSize().toSize();
    // Shrunk to fit; a small picture (a wound sketch) is enlarged up to 3x so it can be read.
    const QSize shown = natural.scaled(size().boundedTo(natural * 3), Qt::KeepAspectRatio);
    QRect target(QPoint(0, 0), shown);
    target.moveCenter(rect().center());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, image_);
}

ImageViewer::ImageViewer(CoreBridge& bridge, const QString& mxc, const QString& title, QWidget* parent)
    : QDialog(parent), mxc_(mxc) {
    setWindowTitle(title.isEmpty() ? tr("Image") : tr("Image: %1").arg(plainWindowTitle(title)));
    setAccessibleName(tr("Image viewer"));
    setAttribute(Qt::WA_DeleteOnClose);

    view_ = new FittedImage;
    view_->setAccessibleName(title.isEmpty() ? tr("Image") : title);
    view_->setMessage(tr("Loading image…"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(buttons);

    connect(&bridge, &CoreBridge::imageReady, this, &ImageViewer::onImageReady);
    connect(&bridge, &CoreBridge::imageFailed, this, &ImageViewer::onImageFailed);
    bridge.requestImage(mxc);

    QSize start(fontMetrics().averageCharWidth() * 70, fontMetrics().lineSpacing() * 25);
    if (const QScreen* s = screen()) start = start.boundedTo(s->availableGeometry().size() * 0.8);
    resize(start);
}

void ImageViewer::onImageReady(const QString& mxc, const QImage& image) {
    if (mxc != mxc_) return;
    view_->setImage(image);
    // Grow to show the image at its size where the screen allows.
    QSize wanted = sizeHint().expandedTo(size());
    if (const QScreen* s = screen()) wanted = wanted.boundedTo(s->availableGeometry().size() * 0.9);
    resize(wanted);
    emit loaded();
}

void ImageViewer::onImageFailed(const QString& mxc, const QString& error_text) {
    if (mxc != mxc_) return;
    if (error_text.isEmpty()) {
        view_->setMessage(tr("The image cannot be shown"));
    } else {
        view_->setMessage(tr("The image cannot be shown: %1").arg(error_text));
    }
}

}  // namespace renkei::ui
