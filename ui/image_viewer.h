// Renkei desktop app: an image post at full size. The picture is fetched and decoded by the
// bridge on a worker and kept only in this dialog's memory (patient photos never go to
// disk); it is scaled to fit the window, aspect kept. Esc closes.
#pragma once

#include <QDialog>
#include <QImage>
#include <QString>

class QLabel;

namespace renkei::ui {

class CoreBridge;

/// Paints an image scaled to fit its size, aspect kept, centred; or a message.
class FittedImage : public QWidget {
    Q_OBJECT
public:
    explicit FittedImage(QWidget* parent = nullptr);
    void setImage(const QImage& image);
    void setMessage(const QString& text);
    const QImage& image() const { return image_; }
    QString message() const { return message_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage image_;
    QString message_;
};

class ImageViewer : public QDialog {
    Q_OBJECT
public:
    /// Shows the image `mxc` (title: the post's file name) and starts fetching it.
    ImageViewer(CoreBridge& bridge, const QString& mxc, const QString& title, QWidget* parent = nullptr);

    QString mxc() const { return mxc_; }
    bool isLoaded() const { return !view_->image().isNull(); }
    QString message() const { return view_->message(); }  ///< loading / error text

signals:
    void loaded();  ///< the full-size image is shown

private:
    void onImageReady(const QString& mxc, const QImage& image);
    void onImageFailed(const QString& mxc, const QString& error_text);

    QString mxc_;
    FittedImage* view_ = nullptr;
};

}  // namespace renkei::ui
