// The file body (m.file, m.audio, m.video): media/file_card's card with the file's name,
// type and size and its 開く / 保存… buttons, from the model's typed file roles.
#include <QPainter>

#include "media/file_card.h"
#include "timeline/painters/body_painter.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

FileCardInfo cardInfo(const QModelIndex& index) {
    FileCardInfo info;
    info.file_name = index.data(TimelineModel::FileNameRole).toString();
    info.mime_type = index.data(TimelineModel::FileMimeRole).toString();
    const qint64 size = index.data(TimelineModel::FileSizeRole).toLongLong();
    if (size >= 0) info.size = size;
    return info;
}

class FileBodyPainter final : public BodyPainter {
public:
    int height(const QStyleOptionViewItem& option, const QModelIndex&, int) const override {
        return FileCard::height(option.font);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
               const QRect& rect) const override {
        FileCard::paint(*painter, fileCardRect(option.font, rect), cardInfo(index), option.palette, option.font);
    }
};

}  // namespace

bool isFilePost(const QModelIndex& index) {
    const QString type = index.data(TimelineModel::MsgTypeRole).toString();
    return type == QLatin1String("m.file") || type == QLatin1String("m.audio") || type == QLatin1String("m.video");
}

QRect fileCardRect(const QFont& font, const QRect& body) {
    const int width = qMin(body.width(), QFontMetrics(font).averageCharWidth() * 64);
    return {body.topLeft(), QSize(width, FileCard::height(font))};
}

bool fileCanOpen(const QModelIndex& index) { return FileCard::canOpen(cardInfo(index).mime_type); }

const BodyPainter& fileBodyPainter() {
    static const FileBodyPainter painter;
    return painter;
}

}  // namespace renkei::ui
