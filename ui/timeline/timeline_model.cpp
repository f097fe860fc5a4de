#include "timeline/timeline_model.h"

#include <algorithm>
#include <limits>

#include "care/care_text.h"
#include "matrix/rich_text.h"
#include "session/session.h"
#include "store/cache_types.h"
#include "timeline/stored_events.h"

namespace renkei::ui {
namespace {

constexpr int kMaxCatchUp = 1600;  // newest events searched for the last loaded one

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

TimelineModel::TimelineModel(CoreBridge* bridge, QObject* parent)
    : QAbstractListModel(parent), bridge_(bridge) {
    connect(bridge_, &CoreBridge::roomsChanged, this, &TimelineModel::onRoomsChanged);
    auto echoes_of = [this](const QString& room_id) {
        if (room_id == room_id_) syncEchoes();
    };
    connect(bridge_, &CoreBridge::postQueued, this, echoes_of);
    connect(bridge_, &CoreBridge::sendFinished, this,
            [this](const QString& room_id, const QString& local_id, const QString& event_id, const QString& error) {
                if (room_id == room_id_) echoAnswered(local_id, event_id, error);
            });
    connect(bridge_, &CoreBridge::postDiscarded, this, [this](const QString& room_id, const QString& local_id) {
        if (room_id == room_id_) dropEcho(local_id);
    });
    connect(bridge_, &CoreBridge::postsConfirmed, this, [this](const QStringList& local_ids) {
        // The sync that confirmed them has stored their events: read those first, so each
        // echo gives way to its synced post in place instead of leaving and coming back.
        if (!newest_event_id_.isEmpty()) appendNewEvents();
        for (const QString& id : local_ids) dropEcho(id);
    });
    connect(bridge_, &CoreBridge::outboxChanged, this, [this](const QStringList& room_ids) {
        if (room_ids.isEmpty() || room_ids.contains(room_id_)) syncEchoes();
    });
    connect(bridge_, &CoreBridge::gapFilled, this, &TimelineModel::onGapFilled);
    connect(bridge_, &CoreBridge::eventFetched, this, &TimelineModel::onEventFetched);
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
    professions_.clear();
    thumbs_.clear();  // the bridge's cache keeps them for a quick return to this room
    thumbs_requested_.clear();
    quotes_requested_.clear();
    thumbs_failed_.clear();
    glance_ = {};
    reload();
    takeGlance();
}

const TimelineModel::Item& TimelineModel::item(int row) const {
    return timeline_.items()[static_cast<std::size_t>(row)];
}

int TimelineModel::profession(const QString& user_id) const {
    displayName(user_id);
    return professions_.value(user_id, -1);
}

QString TimelineModel::displayName(const QString& user_id) const {
    if (!names_.contains(user_id)) {
        session::Session* s = bridge_->session();
        if (s == nullptr) return user_id;
        // 「田中 誠（主治医・田中内科クリニック）」 once the member wrote their own profile.
        const std::string user = user_id.toStdString();
        auto profile = s->memberProfile(room_, user);
        names_.insert(user_id, memberLabel(fromStd(s->displayName(room_, user)), profile ? *profile : std::nullopt));
        professions_.insert(user_id, profile && *profile ? static_cast<int>((*profile)->profession) : -1);
    }
    return names_.value(user_id);
}

TimelineModel::Row TimelineModel::rowFor(const Item& item) const {
    Row r;
    r.sender_name = displayName(fromStd(item.sender));
    r.formatted_body = formattedBody(item);
    if (item.local_echo) r.send_error = send_errors_.value(fromStd(item.transaction_id));
    return r;
}

QString TimelineModel::formattedBody(const Item& item) const {
    if (!item.content || !item.content->formatted_body) return {};
    // Keyed by the version shown: an edit brings new HTML.
    const std::string& version = item.history.empty() || item.history.back().event_id.empty()
                                     ? item.event_id
                                     : item.history.back().event_id;
    if (version.empty()) return {};
    const QString id = room_id_ + QLatin1Char(' ') + fromStd(version);
    if (const QString* cached = html_cache_.object(id)) return *cached;
    // Once per version (not per paint, not per room switch): a room member's HTML is reduced
    // to the allowlisted subset; over a cap the plain body is shown instead.
    matrix::RichTextOptions options;
    //: The word in the placeholder of an image inside a formatted post: "[Image: alt text]"
    options.image_label = tr("Image").toStdString();
    const matrix::SanitizedHtml clean = matrix::sanitizeFormattedBody(*item.content->formatted_body, options);
    QString out = clean.fallback ? QString() : fromStd(clean.html);
    if (out.trimmed().isEmpty()) out.clear();  // nothing left to show: the body instead
    html_cache_.insert(id, new QString(out), std::max<qsizetype>(1, out.size()));
    return out;
}

int TimelineModel::apply(const std::vector<timeline::TimelineDiff>& diffs) {
    using Op = timeline::TimelineDiff::Op;
    const auto& items = timeline_.items();
    int inserted = 0;
    // Each diff is read against the items as they are now: RoomTimeline places later changes
    // of one batch after earlier ones, so an inserted or updated index holds its item.
    auto day_changed = [this](std::size_t i) {
        if (i < rows_.size()) emit dataChanged(index(static_cast<int>(i)), index(static_cast<int>(i)), {DaySeparatorRole});
    };
    for (std::size_t k = 0; k < diffs.size(); ++k) {
        const auto& d = diffs[k];
        const int at = static_cast<int>(d.index);
        if (d.op == Op::Remove && k + 1 < diffs.size() && diffs[k + 1].op == Op::Insert) {
            // An echo replaced by its synced post: the row moves (if at all) and changes.
            const int to = static_cast<int>(diffs[k + 1].index);
            if (to != at) {
                beginMoveRows({}, at, at, {}, to < at ? to : to + 1);
                Row moved = std::move(rows_[d.index]);
                rows_.erase(rows_.begin() + at);
                rows_.insert(rows_.begin() + to, std::move(moved));
                endMoveRows();
            }
            rows_[diffs[k + 1].index] = rowFor(items[diffs[k + 1].index]);
            emit dataChanged(index(to), index(to));
            day_changed(static_cast<std::size_t>(std::min(at, to)) + 1);
            ++k;
            continue;
        }
        switch (d.op) {
            case Op::Insert:
                beginInsertRows({}, at, at);
                rows_.insert(rows_.begin() + at, rowFor(items[d.index]));
                endInsertRows();
                ++inserted;
                day_changed(d.index + 1);
                break;
            case Op::Update:
                rows_[d.index] = rowFor(items[d.index]);
                emit dataChanged(index(at), index(at));
                break;
            case Op::Remove:
                beginRemoveRows({}, at, at);
                rows_.erase(rows_.begin() + at);
                endRemoveRows();
                day_changed(d.index);  // the next post may now be the first of its day
                break;
        }
    }
    if (rows_.size() != items.size()) {  // never expected; the view must not read past the items
        beginResetModel();
        rows_.clear();
        for (const auto& it : items) rows_.push_back(rowFor(it));
        endResetModel();
    }
    return inserted;
}

void TimelineModel::noteEvents(const std::vector<store::StoredEvent>& events) {
    for (const auto& e : events) seq_of_.insert(fromStd(e.event_id), e.seq);
}

void TimelineModel::reload() {
    const bool was_fetching = fetching_;
    beginResetModel();
    timeline_ = timeline::RoomTimeline();
    rows_.clear();
    seq_of_.clear();
    send_errors_.clear();
    relation_echoes_.clear();
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
            noteEvents(*events);
            const std::size_t count = events->size();
            if (!events->empty()) {
                oldest_event_id_ = fromStd(events->front().event_id);
                oldest_seq_ = events->front().seq;
                newest_event_id_ = fromStd(events->back().event_id);
            }
            at_start_ = count < static_cast<std::size_t>(kPageSize) &&
                        !gapAnchorAtOrBefore(oldest_seq_ < 0 ? std::numeric_limits<qint64>::max()
                                                             : oldest_seq_);
            (void)timeline_.appendEvents(timeline::toRoomEvents(std::move(*events)));
        }
        for (const auto& it : timeline_.items()) rows_.push_back(rowFor(it));
        updateReadState(false);
    }
    endResetModel();
    if (s != nullptr && !room_id_.isEmpty()) syncEchoes();
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
    noteEvents(fresh);
    newest_event_id_ = fromStd(fresh.back().event_id);
    apply(timeline_.appendEvents(timeline::toRoomEvents(std::move(fresh))));
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
    const auto& items = timeline_.items();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].local_echo || fromStd(items[i].sender) != own_user_) continue;
        const auto seq = seq_of_.constFind(fromStd(items[i].event_id));
        if (seq == seq_of_.constEnd()) continue;
        QStringList readers;
        for (auto it = read_upto.constBegin(); it != read_upto.constEnd(); ++it) {
            if (it.value() >= *seq) readers << displayName(it.key());
        }
        readers.sort();
        Row& row = rows_[i];
        if (readers == row.read_by) continue;
        row.read_by = readers;
        const int at = static_cast<int>(i);
        if (notify) emit dataChanged(index(at), index(at), {ReadByRole, ReadCountRole});
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
        noteEvents(events);
        oldest_event_id_ = fromStd(events.front().event_id);
        oldest_seq_ = events.front().seq;
        if (!anchor && short_page) at_start_ = true;
        const int n = apply(timeline_.prependEvents(timeline::toRoomEvents(std::move(events))));
        updateReadState(true);
        if (n == 0) continue;
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
