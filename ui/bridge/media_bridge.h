// Renkei desktop: the media part of CoreBridge: thumbnails (a bounded cache in memory,
// never on disk: patient photos), full-size images and the bytes of file posts, fetched
// (and decoded) on the media lane. Every download in flight can be cancelled at once (sign-out, quit).
#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QSize>
#include <QString>
#include <memory>

namespace renkei::http {
class CancelToken;
}

namespace renkei::ui {

class CoreBridge;
class GuiHop;

class MediaBridge {
public:
    MediaBridge(CoreBridge& bridge, GuiHop& hop);
    ~MediaBridge();
    MediaBridge(const MediaBridge&) = delete;
    MediaBridge& operator=(const MediaBridge&) = delete;

    /// -> CoreBridge::thumbnailReady / thumbnailFailed (see CoreBridge::requestThumbnail)
    void requestThumbnail(const QString& mxc, const QSize& size);
    QImage cachedThumbnail(const QString& mxc) const;
    /// -> CoreBridge::imageReady / imageFailed (see CoreBridge::requestImage)
    void requestImage(const QString& mxc);
    /// -> CoreBridge::printPictureReady / printPictureFailed (see CoreBridge::requestPrintPicture)
    void requestPrintPicture(const QString& mxc);
    /// -> CoreBridge::fileReady / fileFailed (see CoreBridge::requestFile)
    void requestFile(const QString& mxc, qint64 declared_size);
    /// See CoreBridge::cancelFile.
    void cancelFile(const QString& mxc);
    /// Cancels every media download in flight (they answer with failed, Cancelled, at
    /// once); later requests get a fresh token.
    void cancel();
    /// Forgets the thumbnails (the session closed).
    void clear();

private:
    CoreBridge& bridge_;
    GuiHop& hop_;
    std::shared_ptr<http::CancelToken> cancel_;  ///< shared by the downloads in flight
    QCache<QString, QImage> thumbnails_;         ///< mxc -> thumbnail; cost in KiB (memory only)
    QSet<QString> thumbnails_loading_;           ///< mxc URLs with a thumbnail fetch in flight
    /// mxc -> the token of its file download in flight (one per URL; its own, so that one
    /// file can be cancelled alone).
    QHash<QString, std::shared_ptr<http::CancelToken>> files_;
};

}  // namespace renkei::ui
