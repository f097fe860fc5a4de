// Renkei UI: the pictures of an export document's image posts (exporting::imageSources),
// fetched through the bridge (CoreBridge::requestPrintPicture: on the media lane, in memory
// only) before the document is painted; the export dialog waits for them with a progress line.
#pragma once

#include <QObject>
#include <QSet>
#include <string>
#include <vector>

#include "export/pdf_document.h"

namespace renkei::ui {

class CoreBridge;

class PictureFetch : public QObject {
    Q_OBJECT

public:
    explicit PictureFetch(CoreBridge& bridge, QObject* parent = nullptr);

    /// Fetches `sources` (mxc:// URIs), forgetting the pictures of an earlier fetch (a late
    /// answer for a URI asked again counts for the new fetch; others are ignored). With no
    /// sources, done is emitted before this returns.
    void start(const std::vector<std::string>& sources);
    bool running() const { return !waiting_.isEmpty(); }
    /// The pictures fetched (after done).
    const pdf::Pictures& pictures() const { return pictures_; }
    /// How many sources could not be fetched or decoded (after done).
    int missing() const { return missing_; }
    /// Drops the pictures (a document was painted: they are not kept in memory).
    void clear();

signals:
    /// `answered` of `total` sources have answered (fetched or failed).
    void progress(int answered, int total);
    void done();

private:
    void answered(const QString& mxc, const QImage& picture);

    CoreBridge* bridge_ = nullptr;
    QSet<QString> waiting_;
    pdf::Pictures pictures_;
    int total_ = 0;
    int missing_ = 0;
};

}  // namespace renkei::ui
