#include "bridge/media_bridge.h"

#include <QByteArray>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "http/transport.h"
#include "image_file.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

constexpr qint64 kThumbnailCacheKiB = 64 * 1024;  // decoded thumbnails kept in memory

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

MediaBridge::MediaBridge(CoreBridge& bridge, GuiHop& hop)
    : bridge_(bridge), hop_(hop), cancel_(std::make_shared<http::CancelToken>()) {
    thumbnails_.setMaxCost(kThumbnailCacheKiB);
}

MediaBridge::~MediaBridge() = default;

void MediaBridge::cancel() {
    cancel_->cancel();
    cancel_ = std::make_shared<http::CancelToken>();
}

void MediaBridge::clear() {
    thumbnails_.clear();
    thumbnails_loading_.clear();
}

void MediaBridge::requestThumbnail(const QString& mxc, const QSize& size) {
    if (const QImage* cached = thumbnails_.object(mxc)) {
        hop_.toGui([this, mxc, image = *cached] { emit bridge_.thumbnailReady(mxc, image); });
        return;
    }
    if (!bridge_.account().usable() || !mxc.startsWith(QLatin1String("mxc://")) || size.isEmpty()) {
        hop_.toGui([this, mxc] { emit bridge_.thumbnailFailed(mxc, CoreBridge::tr("画像を表示できません。")); });
        return;
    }
    if (thumbnails_loading_.contains(mxc)) return;  // the running fetch answers
    thumbnails_loading_.insert(mxc);
    session::Session* s = bridge_.session();
    hop_.run(GuiHop::Lane::Media, [this, s, mxc, size, cancel = cancel_] {
        const std::string uri = mxc.toStdString();
        auto media = s->fetchThumbnail(uri, size.width(), size.height(), cancel.get());
        // A server that cannot make thumbnails of this type: scale the original here.
        if (!media && media.error().kind != ErrorKind::Cancelled) {
            media = s->fetchMedia(uri, cancel.get());
        }
        QImage image;
        QString error;
        if (media) {
            image = decodeImage(QByteArray::fromStdString(media->bytes),
                                fromStd(media->content_type), size);
            if (image.isNull()) error = CoreBridge::tr("画像を表示できません。");
        } else {
            error = errorText(media.error());
        }
        hop_.toGui([this, mxc, image, error] {
            thumbnails_loading_.remove(mxc);
            if (image.isNull()) {
                emit bridge_.thumbnailFailed(mxc, error);
                return;
            }
            const auto cost = qMax<qint64>(1, image.sizeInBytes() / 1024);
            thumbnails_.insert(mxc, new QImage(image), cost);
            emit bridge_.thumbnailReady(mxc, image);
        });
    });
}

QImage MediaBridge::cachedThumbnail(const QString& mxc) const {
    const QImage* cached = thumbnails_.object(mxc);
    return cached != nullptr ? *cached : QImage();
}

void MediaBridge::requestImage(const QString& mxc) {
    if (!bridge_.account().usable()) {
        hop_.toGui([this, mxc] {
            emit bridge_.imageFailed(mxc, CoreBridge::tr("サインインしていません。サインインしてください。"));
        });
        return;
    }
    session::Session* s = bridge_.session();
    hop_.run(GuiHop::Lane::Media, [this, s, mxc, cancel = cancel_] {
        auto media = s->fetchMedia(mxc.toStdString(), cancel.get());
        // Decoded here, not on the GUI thread (a large photo takes a while); only in memory:
        // the viewer holds the picture while it is open.
        QImage image;
        const QString error = media ? QString() : errorText(media.error());
        if (media) {
            image = decodeImage(QByteArray::fromStdString(media->bytes), fromStd(media->content_type),
                                QSize(CoreBridge::kViewerEdge, CoreBridge::kViewerEdge));
        }
        hop_.toGui([this, mxc, image, error] {
            if (!image.isNull()) {
                emit bridge_.imageReady(mxc, image);
            } else {
                emit bridge_.imageFailed(mxc, error);
            }
        });
    });
}

}  // namespace renkei::ui
