// TimelineModel: rows as the views see them (data, roles), the local echoes' life, and the
// thumbnails of image posts (fetched lazily through the bridge, kept in memory only).
#include <QSet>

#include "timeline/timeline_model.h"

namespace renkei::ui {

int TimelineModel::echoRow(const QString& local_id) const {
    for (int i = store_rows_; i < static_cast<int>(rows_.size()); ++i) {
        if (rows_[static_cast<std::size_t>(i)].local_id == local_id) return i;
    }
    return -1;
}

void TimelineModel::syncEchoes() {
    if (room_id_.isEmpty() || bridge_->session() == nullptr) return;
    std::vector<Row> wanted;
    QSet<QString> ids;
    for (const auto& p : bridge_->pendingPosts(room_id_)) {
        if (shownAsSynced(p)) continue;  // the synced post is shown already
        wanted.push_back(rowFromPending(p));
        ids.insert(p.local_id);
    }
    // Gone from the outbox (discarded, or confirmed and not loaded here), bottom up.
    for (int i = static_cast<int>(rows_.size()) - 1; i >= store_rows_; --i) {
        if (ids.contains(rows_[static_cast<std::size_t>(i)].local_id)) continue;
        beginRemoveRows({}, i, i);
        rows_.erase(rows_.begin() + i);
        endRemoveRows();
    }
    for (auto& fresh : wanted) {
        const int i = echoRow(fresh.local_id);
        if (i < 0) {
            const int row = static_cast<int>(rows_.size());
            beginInsertRows({}, row, row);
            rows_.push_back(std::move(fresh));
            endInsertRows();
            continue;
        }
        Row& row = rows_[static_cast<std::size_t>(i)];
        if (row.state == fresh.state && row.send_error == fresh.send_error && row.event_id == fresh.event_id) {
            continue;
        }
        row.state = fresh.state;
        row.send_error = fresh.send_error;
        row.event_id = fresh.event_id;
        emit dataChanged(index(i), index(i));
    }
}

int TimelineModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto i = static_cast<std::size_t>(index.row());
    const Row& r = rows_[i];
    switch (role) {
        case Qt::DisplayRole:
        case BodyRole: return r.body;
        case Qt::AccessibleTextRole: return r.sender_name + QStringLiteral(": ") + r.body;
        case EventIdRole: return r.event_id;
        case SenderRole: return r.sender;
        case SenderNameRole: return r.sender_name;
        case TimeRole: return r.time;
        case FormattedBodyRole: return r.formatted_body;
        case MsgTypeRole: return r.msgtype;
        case IsOwnRole: return r.own;
        case SendStateRole: return QVariant::fromValue(r.state);
        case SendErrorRole: return r.send_error;
        case ReadByRole: return r.read_by;
        case ReadCountRole: return static_cast<int>(r.read_by.size());
        case DaySeparatorRole: return i == 0 || rows_[i - 1].time.date() != r.time.date();
        case ImageUrlRole: return r.image_url;
        case LocalIdRole: return r.local_id;
        case ImageSizeRole: return r.image_size;
        case ThumbnailRole: return thumbnail(r);
        case ThumbnailFailedRole: return !r.image_url.isEmpty() && thumbs_failed_.contains(r.image_url);
        default: return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert({{EventIdRole, "eventId"}, {SenderRole, "sender"}, {SenderNameRole, "senderName"},
                  {TimeRole, "time"}, {BodyRole, "body"}, {FormattedBodyRole, "formattedBody"},
                  {MsgTypeRole, "msgType"}, {IsOwnRole, "isOwn"}, {SendStateRole, "sendState"},
                  {SendErrorRole, "sendError"}, {ReadByRole, "readBy"},
                  {ReadCountRole, "readCount"}, {DaySeparatorRole, "daySeparator"},
                  {ImageUrlRole, "imageUrl"}, {LocalIdRole, "localId"},
                  {ImageSizeRole, "imageSize"}, {ThumbnailRole, "thumbnail"},
                  {ThumbnailFailedRole, "thumbnailFailed"}});
    return names;
}

QString TimelineModel::newestEventId() const {
    return store_rows_ > 0 ? rows_[static_cast<std::size_t>(store_rows_ - 1)].event_id : QString();
}

int TimelineModel::rowOfEvent(const QString& event_id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].event_id == event_id) return static_cast<int>(i);
    }
    return -1;
}

QVariant TimelineModel::thumbnail(const Row& row) const {
    if (row.image_url.isEmpty()) return {};
    const auto loaded = thumbs_.constFind(row.image_url);
    if (loaded != thumbs_.constEnd()) return *loaded;
    if (!thumbs_requested_.contains(row.image_url)) {
        // First asked for (the row is being painted): fetch it now, not for the whole page.
        thumbs_requested_.insert(row.image_url);
        bridge_->requestThumbnail(row.image_url, QSize(kThumbnailEdge, kThumbnailEdge));
    }
    return {};
}

void TimelineModel::onThumbnail(const QString& mxc, const QImage& image, bool failed) {
    if (!thumbs_requested_.contains(mxc)) return;  // another model's, or another room's
    if (failed) {
        thumbs_failed_.insert(mxc);
    } else {
        thumbs_.insert(mxc, image);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].image_url != mxc) continue;
        const QModelIndex changed = index(static_cast<int>(i));
        emit dataChanged(changed, changed, {ThumbnailRole, ThumbnailFailedRole});
    }
}

}  // namespace renkei::ui
