// Session: the cross-room 至急 view — urgent posts and who of the care team has read them.
// See session.h (urgentPosts) and session/urgent_records.h.
#include <algorithm>
#include <map>

#include "matrix/content/relation.h"
#include "matrix/display_text.h"
#include "matrix/json_util.h"
#include "session/clock.h"
#include "session/session.h"

namespace renkei::session {
namespace {

constexpr int kMaxUrgentPosts = 500;

// The post's body as its sender last edited it (a stranger's "edit" is not one: spec "Event
// replacements"), display-safe with its lines kept.
std::string currentBody(const store::StoredEvent& post, const std::vector<store::StoredEvent>& edits) {
    std::string body = matrix::detail::getString(post.content, "body").value_or("");
    for (const auto& edit : edits) {  // oldest first: the last one wins
        if (edit.redacted || edit.sender != post.sender) continue;
        const auto replacement = matrix::content::newContentOf(edit.content);
        if (!replacement) continue;
        if (auto text = matrix::detail::getString(*replacement, "body")) body = *text;
    }
    return matrix::displayText(body, matrix::TextLines::Multi);
}

}  // namespace

Result<std::vector<UrgentPost>> Session::urgentPosts(const UrgentQuery& query) const {
    if (query.limit < 1 || query.limit > kMaxUrgentPosts) {
        return fail(ErrorKind::InvalidArgument, "urgentPosts: limit must be 1 … 500");
    }
    const std::int64_t since = query.since_ms > 0 ? query.since_ms : detail::nowMs() - kUrgentWindowMs;
    auto rows = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.urgentPosts(care::kPatientRoomType, since, query.limit);
    }();
    if (!rows) return rows.failure();
    auto room_list = rooms();
    if (!room_list) return room_list.failure();
    std::map<std::string, std::string> room_names;
    for (const auto& r : *room_list) room_names.emplace(r.room_id, r.name);

    std::map<std::string, std::vector<CareTeamMember>> teams;  // per room, read once
    std::vector<UrgentPost> out;
    out.reserve(rows->size());
    for (const auto& row : *rows) {
        auto team = teams.find(row.room_id);
        if (team == teams.end()) {
            auto members = careTeam(row.room_id);
            if (!members) return members.failure();
            team = teams.emplace(row.room_id, std::move(*members)).first;
        }
        auto edits = relatedEvents(row.room_id, row.event.event_id, "m.replace");
        if (!edits) return edits.failure();
        auto readers = [&] {
            std::lock_guard lock(reader_mutex_);
            return reader_.readersOf(row.room_id, row.event.event_id);
        }();
        if (!readers) return readers.failure();

        UrgentPost post;
        post.room_id = row.room_id;
        post.room_name = room_names[row.room_id];
        post.event_id = row.event.event_id;
        post.sender = row.event.sender;
        post.sender_name = displayName(row.room_id, row.event.sender);
        post.ts_ms = row.event.origin_server_ts;
        post.body = currentBody(row.event, *edits);
        post.scene = care::parsePostContext(row.event.content).scene;
        for (const auto& member : team->second) {
            if (member.user_id == post.sender) {
                post.sender_profile = member.profile;
                continue;
            }
            const bool read = std::binary_search(readers->begin(), readers->end(), member.user_id);
            post.team.push_back({member.user_id, member.name, member.profile, read});
        }
        out.push_back(std::move(post));
    }
    return out;
}

}  // namespace renkei::session
