#include "export/picture_fetch.h"

#include "bridge/core_bridge.h"

namespace renkei::ui {

PictureFetch::PictureFetch(CoreBridge& bridge, QObject* parent) : QObject(parent), bridge_(&bridge) {
    connect(&bridge, &CoreBridge::printPictureReady, this, &PictureFetch::answered);
    connect(&bridge, &CoreBridge::printPictureFailed, this, [this](const QString& mxc) { answered(mxc, {}); });
}

void PictureFetch::start(const std::vector<std::string>& sources) {
    clear();
    total_ = static_cast<int>(sources.size());
    for (const auto& source : sources) waiting_.insert(QString::fromStdString(source));
    if (waiting_.isEmpty()) {
        emit done();
        return;
    }
    emit progress(0, total_);
    for (const QString& mxc : std::as_const(waiting_)) bridge_->requestPrintPicture(mxc);
}

void PictureFetch::clear() {
    waiting_.clear();
    pictures_.clear();
    total_ = 0;
    missing_ = 0;
}

void PictureFetch::answered(const QString& mxc, const QImage& picture) {
    if (!waiting_.remove(mxc)) return;
    if (picture.isNull()) {
        ++missing_;
    } else {
        pictures_.insert(mxc, picture);
    }
    emit progress(total_ - static_cast<int>(waiting_.size()), total_);
    if (waiting_.isEmpty()) emit done();
}

}  // namespace renkei::ui
