// Session: a room's structured posts as the cache holds them, folded through the timeline
// (edits and reactions as the spec says), and what the chart, the trend flags, the ACP
// panel and the monthly 情報連携 list read from them. See session.h "Structured posts".
#include <algorithm>

#include "care/care_record_vitals.h"
#include "session/clock.h"
#include "session/session.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

namespace renkei::session {

Result<std::vector<RecordPost>> Session::roomRecords(const std::string& room_id,
                                                     std::optional<care::RecordKind> kind,
                                                     bool with_acknowledgements) const {
    auto posts = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.recordPosts(room_id, kind ? care::toWire(*kind) : std::string());
    }();
    if (!posts) return posts.failure();
    std::vector<RecordPost> out;
    out.reserve(posts->size());
    for (auto& post : *posts) {
        // The post with its edits (and reactions) through one RoomTimeline: the same rules
        // as the room's timeline (the sender's newest valid edit wins; a redacted reaction or
        // edit counts for nothing).
        std::vector<store::StoredEvent> events;
        auto edits = relatedEvents(room_id, post.event_id, "m.replace");
        if (!edits) return edits.failure();
        std::vector<store::StoredEvent> reactions;
        if (with_acknowledgements) {
            auto found = relatedEvents(room_id, post.event_id, "m.annotation");
            if (!found) return found.failure();
            reactions = std::move(*found);
        }
        const std::string event_id = post.event_id;
        events.push_back(std::move(post));
        for (auto* group : {&*edits, &reactions}) {
            for (auto& e : *group) events.push_back(std::move(e));
        }
        std::sort(events.begin(), events.end(),
                  [](const store::StoredEvent& a, const store::StoredEvent& b) { return a.seq < b.seq; });
        timeline::RoomTimeline folded;
        folded.appendEvents(timeline::toRoomEvents(std::move(events)));
        const auto index = folded.indexOf(event_id);
        if (index == timeline::RoomTimeline::npos) continue;
        const timeline::TimelineItem& item = folded.items()[index];
        const care::RecordView* view = item.record();
        if (view == nullptr || (kind && view->kind != *kind)) continue;
        RecordPost record;
        record.event_id = item.event_id;
        record.sender = item.sender;
        record.origin_server_ts = item.origin_server_ts;
        record.updated_ts = item.history.back().origin_server_ts;
        record.view = *view;
        record.edited = item.edited();
        if (with_acknowledgements) record.acknowledged_by = care::acknowledgers(item.reactions, item.sender);
        out.push_back(std::move(record));
    }
    return out;
}

Result<std::vector<care::VitalsPoint>> Session::vitalsSeries(const std::string& room_id) const {
    auto records = roomRecords(room_id, care::RecordKind::Vitals, false);
    if (!records) return records.failure();
    std::vector<care::VitalsPoint> out;
    out.reserve(records->size());
    for (auto& r : *records) {
        if (auto vitals = care::parseVitals(r.view.record)) out.push_back({r.event_id, std::move(*vitals)});
    }
    return out;
}

Result<std::vector<care::TrendFlag>> Session::trendFlags(const std::string& room_id) const {
    auto series = vitalsSeries(room_id);
    if (!series) return series.failure();
    return care::evaluateTrends(*series, detail::nowMs());
}

Result<std::vector<care::SharedUpdate>> Session::physicianUpdates(const std::string& room_id) const {
    auto records = roomRecords(room_id, care::RecordKind::PhysicianUpdate, true);
    if (!records) return records.failure();
    std::vector<care::SharedUpdate> out;
    for (auto& r : *records) {
        auto update = care::parsePhysicianUpdate(r.view.record);
        if (!update) continue;
        out.push_back({r.event_id, r.origin_server_ts, r.sender, std::move(*update),
                       std::move(r.acknowledged_by)});
    }
    return out;
}

Result<std::vector<care::AcpPost>> Session::acpHistory(const std::string& room_id) const {
    auto records = roomRecords(room_id, care::RecordKind::Acp, false);
    if (!records) return records.failure();
    std::vector<care::AcpPost> posts;
    for (auto& r : *records) {
        if (auto plan = care::parseAdvanceCarePlan(r.view.record)) {
            posts.push_back({r.event_id, r.updated_ts, std::move(*plan)});
        }
    }
    return care::acpHistory(std::move(posts));
}

}  // namespace renkei::session
