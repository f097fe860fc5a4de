#include "timeline/timeline_model.h"

#include <algorithm>
#include <limits>

#include "matrix/rich_text.h"
#include "session/session.h"
#include "store/cache_types.h"

namespace renkei::ui {
namespace {

constexpr int kMaxCatchUp = 1600;  // newest events searched for the last loaded one

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

QString str(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? fromStd(it->get<std::string>()) : QString();
}

bool displayable(const store::StoredEvent& e) {
    return e.type == "m.room.message" && !e.redacted && e.content.is_object() &&
           e.content.contains("body") && e.content["body"].is_string();
}

}  // namespace

TimelineModel::TimelineModel(CoreBridge* bridge, QObject* parent)
    : QAbstractListModel(parent), bridge_(bridge) {
    connect(bridge_, &CoreBridge::roomsChanged, this, &TimelineModel::onRoomsChanged);
    auto echoes_of = [this](const QString& room_id) {
        if (room_id == room_id_) syncEchoes();
    };
    connect(bridge_, &CoreBridge::postQueued, this, echoes_of);
    connect(bridge_, &CoreBridge::sendFinished, this, echoes_of);
    connect(bridge_, &CoreBridge::postDiscarded, this, echoes_of);
    connect(bridge_, &CoreBridge::outboxChanged, this, [this](const QStringList& room_ids) {
        if (room_ids.isEmpty() || room_ids.contains(room_id_)) syncEchoes();
    });
    connect(bridge_, &CoreBridge::gapFilled, this, &TimelineModel::onGapFilled);
    connect(bridge_, &CoreBridge::thumbnailReady, this,
            [this](const QString& mxc, const QImage& image) { onThumbnail(mxc, image, false); });
    connect(bridge_, &CoreBridge::thumbnailFailed, this,
            [this](const QString& mxc, const QString&) { onThumbnail(mxc, {}, true); });
    connect(bridge_, &CoreBridge::signInFinished, this, [this](bool ok) { if (ok) reload(); });
    connect(bridge_, &CoreBridge::unlockFinished, this, [this](bool ok) { if (ok) reload(); });
}

void TimelineModel::setRoom(const QString& room_id) {
    room_id_ = room_id;
    room_ = room_id.toStdString();
    names_.clear();
    thumbs_.clear();  // the bridge's cache keeps them for a quick return to this room
    thumbs_requested_.clear();
    thumbs_failed_.clear();
    reload();
}

TimelineModel::Row TimelineModel::rowFromEvent(const store::StoredEvent& e) const {
    Row r;
    r.event_id = fromStd(e.event_id);
    r.sender = fromStd(e.sender);
    if (!names_.contains(r.sender)) {
        names_.insert(r.sender, fromStd(bridge_->session()->displayName(room_, e.sender)));
    }
    r.sender_name = names_.value(r.sender);
    r.body = str(e.content, "body");
    r.msgtype = str(e.content, "msgtype");
    r.formatted_body = formattedBody(e);
    if (r.msgtype == QLatin1String("m.image")) {
        r.image_url = str(e.content, "url");
        const auto info = e.content.find("info");
        if (info != e.content.end() && info->is_object()) {
            const auto w = info->find("w");
            const auto h = info->find("h");
            if (w != info->end() && h != info->end() && w->is_number_integer() && h->is_number_integer()) {
                r.image_size = QSize(w->get<int>(), h->get<int>());
            }
        }
    }
    r.time = QDateTime::fromMSecsSinceEpoch(e.origin_server_ts);
    r.seq = e.seq;
    r.own = !own_user_.isEmpty() && r.sender == own_user_;
    return r;
}

TimelineModel::Row TimelineModel::rowFromPending(const PendingPost& p) const {
    Row r;
    r.local_id = p.local_id;
    r.event_id = p.event_id;
    r.sender = own_user_;
    if (!names_.contains(own_user_) && bridge_->session() != nullptr) {
        names_.insert(own_user_, fromStd(bridge_->session()->displayName(room_, own_user_.toStdString())));
    }
    r.sender_name = names_.value(own_user_, own_user_);
    r.body = p.text;
    r.msgtype = p.is_image ? QStringLiteral("m.image") : QStringLiteral("m.text");
    r.time = p.created;
    r.own = true;
    r.state = p.state;
    r.send_error = p.error_text;
    return r;
}

QString TimelineModel::formattedBody(const store::StoredEvent& e) const {
    if (str(e.content, "format") != QLatin1String("org.matrix.custom.html")) return {};
    const auto html = e.content.find("formatted_body");
    if (html == e.content.end() || !html->is_string()) return {};
    const QString id = room_id_ + QLatin1Char(' ') + fromStd(e.event_id);
    if (const QString* cached = html_cache_.object(id)) return *cached;
    // Once per event (not per paint, not per room switch): a room member's HTML is reduced to
    // the allowlisted subset; over a cap the plain body is shown instead.
    matrix::RichTextOptions options;
    //: The word in the placeholder of an image inside a formatted post: "[Image: alt text]"
    options.image_label = tr("Image").toStdString();
    const matrix::SanitizedHtml clean =
        matrix::sanitizeFormattedBody(html->get_ref<const std::string&>(), options);
    QString out = clean.fallback ? QString() : fromStd(clean.html);
    if (out.trimmed().isEmpty()) out.clear();  // nothing left to show: the body instead
    html_cache_.insert(id, new QString(out), std::max<qsizetype>(1, out.size()));
    return out;
}

void TimelineModel::noteEvent(const store::StoredEvent& e) {
    seq_of_.insert(fromStd(e.event_id), e.seq);
    if (e.transaction_id) txn_loaded_.insert(fromStd(*e.transaction_id));
}

int TimelineModel::matchEcho(const store::StoredEvent& e) const {
    // The local id of an echo is the outbox's transaction id, which the homeserver returns
    // to this device as unsigned.transaction_id; the event id once /send has answered.
    const QString id = fromStd(e.event_id);
    const QString txn = e.transaction_id ? fromStd(*e.transaction_id) : QString();
    const QString local = bridge_->localIdForEvent(id);
    for (int i = store_rows_; i < static_cast<int>(rows_.size()); ++i) {
        const Row& r = rows_[static_cast<std::size_t>(i)];
        if (r.event_id == id || (!txn.isEmpty() && r.local_id == txn) ||
            (!local.isEmpty() && r.local_id == local)) {
            return i;
        }
    }
    return -1;
}

bool TimelineModel::shownAsSynced(const PendingPost& p) const {
    return txn_loaded_.contains(p.local_id) || (!p.event_id.isEmpty() && seq_of_.contains(p.event_id));
}

void TimelineModel::reload() {
    const bool was_fetching = fetching_;
    beginResetModel();
    rows_.clear();
    store_rows_ = 0;
    seq_of_.clear();
    txn_loaded_.clear();
    oldest_event_id_.clear();
    newest_event_id_.clear();
    oldest_seq_ = -1;
    at_start_ = fetching_ = gap_failed_ = false;
    last_gap_anchor_ = -1;
    own_user_ = bridge_->userId();
    session::Session* s = bridge_->session();
    if (s != nullptr && !room_id_.isEmpty()) {
        auto events = s->timeline(room_, kPageSize, std::nullopt);
        if (events) {
            for (const auto& e : *events) {
                noteEvent(e);
                if (displayable(e)) rows_.push_back(rowFromEvent(e));
            }
            store_rows_ = static_cast<int>(rows_.size());
            if (!events->empty()) {
                oldest_event_id_ = fromStd(events->front().event_id);
                oldest_seq_ = events->front().seq;
                newest_event_id_ = fromStd(events->back().event_id);
            }
            at_start_ = events->size() < static_cast<std::size_t>(kPageSize) &&
                        !gapAnchorAtOrBefore(oldest_seq_ < 0 ? std::numeric_limits<qint64>::max()
                                                             : oldest_seq_);
        }
        for (const auto& p : bridge_->pendingPosts(room_id_)) {
            if (!shownAsSynced(p)) rows_.push_back(rowFromPending(p));
        }
        updateReadState(false);
    }
    endResetModel();
    if (was_fetching) emit fetchingChanged(false);
}

void TimelineModel::onRoomsChanged(const QStringList& room_ids) {
    if (room_id_.isEmpty() || !room_ids.contains(room_id_)) return;
    gap_failed_ = false;  // the server answers again
    appendNewEvents();
    updateReadState(true);
}

void TimelineModel::appendNewEvents() {
    session::Session* s = bridge_->session();
    if (s == nullptr) return;
    if (newest_event_id_.isEmpty()) return reload();
    std::vector<store::StoredEvent> fresh;
    for (int limit = kPageSize;; limit *= 4) {
        auto events = s->timeline(room_, limit, std::nullopt);
        if (!events) return;
        const std::string newest = newest_event_id_.toStdString();
        auto it = std::find_if(events->begin(), events->end(),
                               [&](const store::StoredEvent& e) { return e.event_id == newest; });
        if (it != events->end()) {
            fresh.assign(std::make_move_iterator(it + 1), std::make_move_iterator(events->end()));
            break;
        }
        // Too far behind (or the cache was rebuilt): start again from the newest page.
        if (events->size() < static_cast<std::size_t>(limit) || limit >= kMaxCatchUp) return reload();
    }
    if (fresh.empty()) return;
    // A limited sync left a hole between what is shown and the new events: show the new
    // page and let back-pagination fill the hole from the top, rather than skip over it.
    if (auto anchor = gapAnchorAtOrBefore(fresh.back().seq); anchor && *anchor >= fresh.front().seq) {
        return reload();
    }
    for (const auto& e : fresh) {
        noteEvent(e);
        newest_event_id_ = fromStd(e.event_id);
        if (displayable(e)) insertStoreRow(e);
        if (e.type == "m.room.redaction" && e.redacts) removeRedacted(fromStd(*e.redacts));
    }
}

void TimelineModel::removeRedacted(const QString& event_id) {
    // The cache has blanked the post already; a reload would not show it either.
    for (int i = 0; i < store_rows_; ++i) {
        if (rows_[static_cast<std::size_t>(i)].event_id != event_id) continue;
        beginRemoveRows({}, i, i);
        rows_.erase(rows_.begin() + i);
        --store_rows_;
        endRemoveRows();
        // The next post may now be the first of its day.
        if (i < static_cast<int>(rows_.size())) emit dataChanged(index(i), index(i), {DaySeparatorRole});
        return;
    }
}

void TimelineModel::insertStoreRow(const store::StoredEvent& e) {
    Row row = rowFromEvent(e);
    const int echo = matchEcho(e);
    if (echo >= 0) {
        // The local echo becomes the synced post in place: no second row.
        if (echo != store_rows_) {
            beginMoveRows({}, echo, echo, {}, store_rows_);
            Row moved = std::move(rows_[static_cast<std::size_t>(echo)]);
            rows_.erase(rows_.begin() + echo);
            rows_.insert(rows_.begin() + store_rows_, std::move(moved));
            endMoveRows();
        }
        row.local_id = rows_[static_cast<std::size_t>(store_rows_)].local_id;
        rows_[static_cast<std::size_t>(store_rows_)] = std::move(row);
        ++store_rows_;
        emit dataChanged(index(store_rows_ - 1), index(store_rows_ - 1));
    } else {
        beginInsertRows({}, store_rows_, store_rows_);
        rows_.insert(rows_.begin() + store_rows_, std::move(row));
        ++store_rows_;
        endInsertRows();
    }
    if (store_rows_ < static_cast<int>(rows_.size())) {
        emit dataChanged(index(store_rows_), index(store_rows_), {DaySeparatorRole});
    }
}

void TimelineModel::updateReadState(bool notify) {
    session::Session* s = bridge_->session();
    if (s == nullptr || room_id_.isEmpty()) return;
    auto receipts = s->receipts(room_);
    if (!receipts) return;
    // Each other user's m.read position, as the seq of the event it points at. Receipts for
    // events older than what is loaded cover no loaded row and are left out.
    QHash<QString, qint64> read_upto;
    for (const auto& r : *receipts) {
        const QString user = fromStd(r.user_id);
        if (r.receipt_type != "m.read" || user == own_user_) continue;
        auto seq = seq_of_.constFind(fromStd(r.event_id));
        if (seq == seq_of_.constEnd()) continue;
        read_upto[user] = std::max(read_upto.value(user, -1), *seq);
    }
    for (int i = 0; i < store_rows_; ++i) {
        Row& row = rows_[static_cast<std::size_t>(i)];
        if (!row.own) continue;
        QStringList readers;
        for (auto it = read_upto.constBegin(); it != read_upto.constEnd(); ++it) {
            if (it.value() < row.seq) continue;
            if (!names_.contains(it.key())) {
                names_.insert(it.key(), fromStd(s->displayName(room_, it.key().toStdString())));
            }
            readers << names_.value(it.key());
        }
        readers.sort();
        if (readers == row.read_by) continue;
        row.read_by = readers;
        if (notify) emit dataChanged(index(i), index(i), {ReadByRole, ReadCountRole});
    }
}

std::optional<qint64> TimelineModel::gapAnchorAtOrBefore(qint64 seq) const {
    session::Session* s = bridge_->session();
    if (s == nullptr) return std::nullopt;
    auto gaps = s->gaps(room_);
    if (!gaps) return std::nullopt;
    std::optional<qint64> anchor;
    for (const auto& g : *gaps) {
        if (g.anchor_seq <= seq && (!anchor || g.anchor_seq > *anchor)) anchor = g.anchor_seq;
    }
    return anchor;
}

bool TimelineModel::hasEarlier() const { return !room_id_.isEmpty() && !at_start_ && !gap_failed_; }

bool TimelineModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && auto_fetch_ && hasEarlier() && !fetching_;
}

void TimelineModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent)) loadEarlier();
}

void TimelineModel::setFetching(bool on) {
    if (fetching_ == on) return;
    fetching_ = on;
    emit fetchingChanged(on);
}

void TimelineModel::loadEarlier() {
    session::Session* s = bridge_->session();
    // A page of only state events adds no row: go on until a row is added or nothing is left.
    while (s != nullptr && hasEarlier() && !fetching_) {
        const qint64 from = oldest_seq_ < 0 ? std::numeric_limits<qint64>::max() : oldest_seq_;
        const auto anchor = gapAnchorAtOrBefore(from);
        std::vector<store::StoredEvent> events;
        bool short_page = true;
        if (oldest_seq_ >= 0) {
            auto before = s->timeline(room_, kPageSize, oldest_event_id_.toStdString());
            if (!before) return;
            events = std::move(*before);
            short_page = events.size() < static_cast<std::size_t>(kPageSize);
            // Stop at the hole: cached events below it come after it is filled.
            if (anchor) std::erase_if(events, [&](const auto& e) { return e.seq < *anchor; });
        }
        if (events.empty()) {
            if (!anchor) {
                at_start_ = true;
                return;
            }
            last_gap_anchor_ = *anchor;
            setFetching(true);
            bridge_->fillGap(room_id_, oldest_event_id_);  // empty id: the newest gap
            return;
        }
        std::vector<Row> page;
        for (const auto& e : events) {
            noteEvent(e);
            if (displayable(e)) page.push_back(rowFromEvent(e));
        }
        oldest_event_id_ = fromStd(events.front().event_id);
        oldest_seq_ = events.front().seq;
        if (!anchor && short_page) at_start_ = true;
        if (page.empty()) continue;
        const int n = static_cast<int>(page.size());
        beginInsertRows({}, 0, n - 1);
        rows_.insert(rows_.begin(), std::make_move_iterator(page.begin()),
                     std::make_move_iterator(page.end()));
        store_rows_ += n;
        endInsertRows();
        if (static_cast<int>(rows_.size()) > n) emit dataChanged(index(n), index(n), {DaySeparatorRole});
        updateReadState(true);
        emit earlierLoaded(n);
        return;
    }
}

void TimelineModel::onGapFilled(const QString& room_id, int events_added) {
    if (room_id != room_id_ || !fetching_) return;
    setFetching(false);
    if (events_added < 0) {
        gap_failed_ = true;  // offline: try again after the next successful sync
        return;
    }
    if (oldest_event_id_.isEmpty()) return reload();
    if (events_added == 0 && gapAnchorAtOrBefore(oldest_seq_) == last_gap_anchor_) {
        gap_failed_ = true;  // the server gave nothing for this hole: do not ask in a loop
        return;
    }
    loadEarlier();
}

}  // namespace renkei::ui
