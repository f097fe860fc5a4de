// Session: a patient room's posts as a document to print or write to PDF (export/), from the
// cache only, and the vault's log of every export and print. See session.h "Export and print".
#include <algorithm>
#include <map>
#include <set>

#include "care/care_labels.h"
#include "export/export_blocks.h"
#include "matrix/display_text.h"
#include "session/clock.h"
#include "session/session.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

namespace renkei::session {
namespace {

using exporting::ExportBlock;
using exporting::ExportRequest;

constexpr int kPageEvents = 500;

bool wanted(const ExportRequest& request, const std::set<std::string>& ids, const std::string& event_id,
            std::int64_t ts_ms) {
    if (request.from_ms && ts_ms < *request.from_ms) return false;
    if (request.to_ms && ts_ms >= *request.to_ms) return false;
    return ids.empty() || ids.count(event_id) != 0;
}

// Name, profession and office of the room's members, each read once.
class Authors {
public:
    Authors(const Session& s, const std::string& room_id) : s_(s), room_id_(room_id) {}
    void fill(ExportBlock& block, const std::string& user_id) {
        const Author& a = of(user_id);
        block.author = a.name;
        block.profession = a.profession;
        block.office = a.office;
    }
    std::string label(const std::string& user_id) {
        const Author& a = of(user_id);
        return exporting::authorLabel(a.name, a.profession, a.office);
    }

private:
    struct Author {
        std::string name, profession, office;
    };
    const Author& of(const std::string& user_id) {
        auto it = known_.find(user_id);
        if (it != known_.end()) return it->second;
        Author a{s_.displayName(room_id_, user_id), {}, {}};
        if (auto profile = s_.memberProfile(room_id_, user_id); profile && *profile) {
            a.profession = care::labelJa((*profile)->profession);
            a.office = matrix::displayText((*profile)->office);
        }
        return known_.emplace(user_id, std::move(a)).first->second;
    }
    const Session& s_;
    const std::string& room_id_;
    std::map<std::string, Author> known_;
};

// The room's cached events back to the range's start (all, without one), oldest first,
// folded into one timeline: edits and reactions always come after their post, so every post
// in the range arrives with them.
Result<timeline::RoomTimeline> foldedTimeline(const Session& s, const std::string& room_id,
                                              std::optional<std::int64_t> from_ms) {
    std::vector<std::vector<store::StoredEvent>> pages;
    std::optional<std::string> before;
    std::size_t total = 0;
    for (;;) {
        auto page = s.timeline(room_id, kPageEvents, before);
        if (!page) return page.failure();
        if (page->empty()) break;
        const bool short_page = page->size() < static_cast<std::size_t>(kPageEvents);
        const bool reached_start = from_ms && page->front().origin_server_ts < *from_ms;
        before = page->front().event_id;
        total += page->size();
        pages.push_back(std::move(*page));
        if (short_page || reached_start || total >= Session::kMaxExportEvents) break;
    }
    std::vector<store::StoredEvent> events;
    events.reserve(total);
    for (auto page = pages.rbegin(); page != pages.rend(); ++page) {
        for (auto& e : *page) events.push_back(std::move(e));
    }
    timeline::RoomTimeline folded;
    folded.appendEvents(timeline::toRoomEvents(std::move(events)));
    return folded;
}

}  // namespace

Result<exporting::ExportDocument> Session::exportDocument(const std::string& room_id,
                                                          const exporting::ExportRequest& request) const {
    if (request.from_ms && request.to_ms && *request.from_ms >= *request.to_ms) {
        return fail(ErrorKind::InvalidArgument, "export: the range must start before it ends");
    }
    auto created = stateContent(room_id, "m.room.create", "");
    if (!created) return created.failure();
    if (!*created) return fail(ErrorKind::InvalidArgument, "export: the room is not in the cache");
    auto record = patientRecord(room_id);
    if (!record) return record.failure();

    exporting::ExportDocument doc;
    doc.layout = request.layout;
    doc.title = exporting::layoutTitle(request.layout);
    doc.range_text = exporting::rangeText(request);
    if (record->patient) {
        doc.patient_name = matrix::displayText(record->patient->name);
        doc.patient_kana = matrix::displayText(record->patient->kana);
    } else if (auto name = stateContent(room_id, "m.room.name", ""); name && *name && (**name).is_object()) {
        auto it = (**name).find("name");
        if (it != (**name).end() && it->is_string()) doc.patient_name = matrix::displayText(it->get<std::string>());
    }
    doc.exported_by_id = userId().empty() ? binding().user_id : userId();
    doc.exported_by = doc.exported_by_id.empty() ? std::string() : displayName(room_id, doc.exported_by_id);
    doc.exported_at_ms = detail::nowMs();

    const std::set<std::string> ids(request.event_ids.begin(), request.event_ids.end());
    Authors authors(*this, room_id);
    if (request.layout == exporting::Layout::PhysicianUpdates) {
        auto updates = physicianUpdates(room_id);
        if (!updates) return updates.failure();
        for (const auto& u : *updates) {
            if (!wanted(request, ids, u.event_id, u.origin_server_ts)) continue;
            ExportBlock block = exporting::blockOf(u);
            authors.fill(block, u.sender);
            for (const auto& who : u.acknowledged_by) block.acknowledged_by.push_back(authors.label(who));
            doc.blocks.push_back(std::move(block));
        }
        return doc;
    }
    auto folded = foldedTimeline(*this, room_id, request.from_ms);
    if (!folded) return folded.failure();
    for (const auto& item : folded->items()) {
        if (!wanted(request, ids, item.event_id, item.origin_server_ts)) continue;
        auto block = exporting::blockOf(item);
        if (!block) continue;
        authors.fill(*block, item.sender);
        doc.blocks.push_back(std::move(*block));
    }
    return doc;
}

Result<store::ExportLogEntry> Session::recordExport(const std::string& room_id,
                                                    const exporting::ExportRequest& request,
                                                    std::size_t post_count, const std::string& target) {
    store::ExportLogEntry entry;
    entry.exported_ms = detail::nowMs();
    entry.user_id = userId().empty() ? binding().user_id : userId();
    if (entry.user_id.empty()) return fail(ErrorKind::NotLoggedIn, "export log: nobody has signed in here");
    entry.room_id = room_id;
    entry.layout = exporting::toWire(request.layout);
    entry.from_ms = request.from_ms;
    entry.to_ms = request.to_ms;
    entry.selected = !request.event_ids.empty();
    entry.post_count = static_cast<std::int64_t>(post_count);
    entry.target = target;
    store::AccessEntry access;
    access.at_ms = entry.exported_ms;
    access.user_id = entry.user_id;
    access.kind = target == "print" ? store::AccessKind::Print : store::AccessKind::Export;
    access.room_id = room_id;
    access.detail = store::exportAccessDetail(entry.layout, entry.post_count, entry.selected);
    std::lock_guard lock(vault_mutex_);
    return vault_.database().transaction([&]() -> Result<store::ExportLogEntry> {
        auto added = store::ExportLog(vault_.database()).add(std::move(entry));
        if (!added) return added;
        if (auto r = store::AccessLog(vault_.database()).append(std::move(access)); !r) return r.failure();
        return added;
    });
}

Result<std::vector<store::ExportLogEntry>> Session::exportLog(int limit, const std::string& room_id) const {
    std::lock_guard lock(vault_mutex_);
    return store::ExportLog(vault_.database()).entries(limit, room_id);
}

}  // namespace renkei::session
