#include "bridge/media_bridge.h"

#include <QByteArray>
#include <string>
#include <utility>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "export/pdf_document.h"
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
    // File downloads have tokens of their own; they answer Cancelled as they end.
    for (const auto& token : std::as_const(files_)) token->cancel();
    cancel_ = std::make_shared<http::CancelToken>();
}

void MediaBridge::clear() {
    thumbnails_.clear();
    thumbnails_loading_.clear();
}

void MediaBridge::requestFile(const QString& mxc, qint64 declared_size) {
    if (!bridge_.account().usable()) {
        hop_.toGui([this, mxc] {
            emit bridge_.fileFailed(mxc, CoreBridge::tr("サインインしていません。サインインしてください。"));
        });
        return;
    }
    if (files_.contains(mxc)) return;  // the running download answers
    auto token = std::make_shared<http::CancelToken>();
    files_.insert(mxc, token);
    const qint64 cap = declared_size > 0 ? qMin(declared_size, CoreBridge::kMaxFileBytes)
                                         : CoreBridge::kMaxFileBytes;
    session::Session* s = bridge_.session();
    hop_.run(GuiHop::Lane::Media, [this, s, mxc, cap, token] {
        auto media = s->fetchMedia(mxc.toStdString(), token.get());
        QByteArray bytes;
        QString mime;
        QString error;
        if (!media) {
            error = errorText(media.error());
        } else if (static_cast<qint64>(media->bytes.size()) > cap) {
            // More than the post said (or than Renkei keeps in memory): not this file.
            error = CoreBridge::tr("ファイルが投稿に書かれた大きさを超えているため、開けません。");
        } else {
            bytes = QByteArray::fromStdString(media->bytes);
            mime = fromStd(media->content_type);
            std::string().swap(media->bytes);  // the copy above is the only one kept
        }
        hop_.toGui([this, mxc, token, bytes, mime, error] {
            // Cancelled by cancelFile: it answered already.
            if (files_.value(mxc) != token) return;
            files_.remove(mxc);
            if (error.isEmpty()) {
                emit bridge_.fileReady(mxc, bytes, mime);
            } else {
                emit bridge_.fileFailed(mxc, error);
            }
        });
    });
}

void MediaBridge::cancelFile(const QString& mxc) {
    const auto token = files_.take(mxc);
    if (!token) return;
    token->cancel();
    // Answered now, not in a later turn: a new request for the same file right after this
    // never gets this answer (the worker's own answer is dropped: its token is gone).
    emit bridge_.fileFailed(mxc, CoreBridge::tr("ダウンロードを取り消しました。"));
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

void MediaBridge::requestPrintPicture(const QString& mxc) {
    session::Session* s = bridge_.account().usable() ? bridge_.session() : nullptr;
    if (s == nullptr) {
        hop_.toGui([this, mxc] { emit bridge_.printPictureFailed(mxc); });
        return;
    }
    hop_.run(GuiHop::Lane::Media, [this, s, mxc, cancel = cancel_] {
        auto media = s->fetchMedia(mxc.toStdString(), cancel.get());
        QImage picture;
        if (media) {
            picture = pdf::printPicture(QByteArray::fromStdString(media->bytes), fromStd(media->content_type));
        }
        hop_.toGui([this, mxc, picture] {
            if (picture.isNull()) {
                emit bridge_.printPictureFailed(mxc);
            } else {
                emit bridge_.printPictureReady(mxc, picture);
            }
        });
    });
}

}  // namespace renkei::ui
