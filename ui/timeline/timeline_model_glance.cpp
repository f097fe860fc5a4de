// TimelineModel: what is new since the user last read the room (「前回から」), taken once when
// the room is opened: the first unread post (the 「ここから未読」 divider) and the counts of
// the summary line above the timeline (UnreadSummaryBar).
#include <algorithm>

#include "care/care_text.h"
#include "session/session.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

void TimelineModel::takeGlance() {
    glance_ = {};
    session::Session* s = bridge_->session();
    if (s == nullptr || room_id_.isEmpty()) {
        emit glanceChanged();
        return;
    }
    // Our read position: the event of our own m.read (or m.read.private) receipt, as a seq.
    std::optional<qint64> read_seq;
    if (auto receipts = s->receipts(room_)) {
        for (const auto& r : *receipts) {
            if (fromStd(r.user_id) != own_user_ || r.receipt_type.rfind("m.read", 0) != 0) continue;
            auto seq = seq_of_.constFind(fromStd(r.event_id));
            std::optional<qint64> at;
            if (seq != seq_of_.constEnd()) {
                at = *seq;
            } else if (auto cached = s->cachedEvent(room_, r.event_id); cached && *cached) {
                at = (*cached)->seq;
            }
            if (at && (!read_seq || *at > *read_seq)) read_seq = at;
        }
    }
    // Read up to there in the cache, a page at a time (the cache is local and quick).
    for (int page = 0; read_seq && oldest_seq_ > *read_seq && page < kGlancePages && hasEarlier() && !fetching_;
         ++page) {
        loadEarlier();
    }
    const auto& items = timeline_.items();
    const auto seqOf = [&](const Item& it) -> std::optional<qint64> {
        if (it.local_echo || it.event_id.empty()) return std::nullopt;
        auto seq = seq_of_.constFind(fromStd(it.event_id));
        return seq == seq_of_.constEnd() ? std::nullopt : std::optional<qint64>(*seq);
    };
    // Writing in a room reads what came before: our own newest post counts as read up to it.
    for (const auto& it : items) {
        if (fromStd(it.sender) != own_user_) continue;
        if (auto seq = seqOf(it); seq && (!read_seq || *seq > *read_seq)) read_seq = seq;
    }
    if (!read_seq) {
        emit glanceChanged();  // never read nor written here: nothing to compare with
        return;
    }
    glance_.more = oldest_seq_ > *read_seq;
    for (const auto& it : items) {
        const auto seq = seqOf(it);
        if (!seq || *seq <= *read_seq || fromStd(it.sender) == own_user_ || it.kind == Item::Kind::Redacted) continue;
        if (glance_.first_unread_event_id.isEmpty()) glance_.first_unread_event_id = fromStd(it.event_id);
        ++glance_.new_posts;
        if (it.context.urgent) ++glance_.urgent;
        auto profile = s->memberProfile(room_, it.sender);
        if (profile && *profile) {
            const QString label = professionLabel((*profile)->profession);
            if (!glance_.professions.contains(label)) glance_.professions << label;
        }
    }
    if (const int row = rowOfEvent(glance_.first_unread_event_id); row >= 0) {
        emit dataChanged(index(row), index(row), {UnreadMarkerRole});
    }
    emit glanceChanged();
}

}  // namespace renkei::ui
