// renkei-cli: `timeline ROOM`, the room's cached timeline as a reader sees it (the items of
// core's RoomTimeline), or with --raw the stored events themselves.
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <string>

#include "care/care_record.h"
#include "care/care_record_format.h"
#include "cli.h"
#include "session/session.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

namespace renkei::cli {

std::string formatTime(std::int64_t ms) {
    const std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    localtime_r(&secs, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return buffer;
}

namespace {

using timeline::TimelineItem;

std::string rawBodyOf(const store::StoredEvent& e) {
    if (e.content.is_object()) {
        auto it = e.content.find("body");
        if (it != e.content.end() && it->is_string()) return it->get<std::string>();
    }
    return e.state_key ? "(" + e.type + ")" : "";
}

const char* kindName(TimelineItem::Kind kind) {
    switch (kind) {
        case TimelineItem::Kind::Message: return "message";
        case TimelineItem::Kind::Redacted: return "redacted";
        case TimelineItem::Kind::Encrypted: return "encrypted";
        case TimelineItem::Kind::Unreadable: return "unreadable";
        case TimelineItem::Kind::CareState: return "care_state";
    }
    return "?";
}

// What the text column says of an item; files by their name.
std::string textOf(const TimelineItem& item) {
    switch (item.kind) {
        case TimelineItem::Kind::Message:
            if (item.content->isAttachment()) {
                std::string text = "[" + std::string(item.content->msgtype) + "] " + item.content->displayFilename();
                if (auto caption = item.content->caption()) text += " " + *caption;
                return text;
            }
            return item.content->body;
        case TimelineItem::Kind::Redacted: return "(deleted)";
        case TimelineItem::Kind::Encrypted: return "(encrypted)";
        case TimelineItem::Kind::Unreadable: return "(unreadable)";
        case TimelineItem::Kind::CareState: return "(" + item.state_type + ") " + item.state_body;
    }
    return {};
}

const char* stateName(TimelineItem::SendState state) {
    switch (state) {
        case TimelineItem::SendState::Sent: return "sent";
        case TimelineItem::SendState::Queued: return "queued";
        case TimelineItem::SendState::Sending: return "sending";
        case TimelineItem::SendState::Failed: return "failed";
    }
    return "?";
}

TimelineItem::SendState echoState(const store::OutboxPost& post) {
    switch (post.state) {
        case store::OutboxState::Queued: return TimelineItem::SendState::Queued;
        case store::OutboxState::Sent: return TimelineItem::SendState::Sent;
        case store::OutboxState::Failed: return TimelineItem::SendState::Failed;
    }
    return TimelineItem::SendState::Queued;
}

// The notes column: edited, reply-to=…, thread=ROOT (a post in a thread), thread-replies=N (a
// thread's root), deleted-by=… reason=…, reactions=key×n,…, and what
// our outbox still holds: unsent=STATE (a post), edit=STATE, deleting=STATE.
std::string notesOf(session::Session& s, const std::string& room, const TimelineItem& item) {
    std::string notes;
    auto add = [&](const std::string& note) { notes += (notes.empty() ? "" : " ") + note; };
    if (item.local_echo) add(std::string("unsent=") + stateName(item.send_state));
    if (item.edited()) add("edited");
    if (item.local_edit) add(std::string("edit=") + stateName(*item.local_edit));
    if (item.local_redaction) add(std::string("deleting=") + stateName(*item.local_redaction));
    if (item.in_reply_to) add("reply-to=" + *item.in_reply_to);
    if (item.thread_root) add("thread=" + *item.thread_root);
    if (item.thread_replies > 0) add("thread-replies=" + std::to_string(item.thread_replies));
    if (item.redaction) {
        if (!item.redaction->redacted_by.empty()) add("deleted-by=" + s.displayName(room, item.redaction->redacted_by));
        if (item.redaction->reason) add("reason=" + *item.redaction->reason);
    }
    if (!item.reactions.empty()) {
        std::string list;
        for (const auto& group : item.reactions) {
            list += (list.empty() ? "" : ",") + group.key + "×" + std::to_string(group.senders.size());
            if (group.local) list += std::string("(") + stateName(*group.local) + ")";
        }
        add("reactions=" + list);
    }
    return notes;
}

// Raw message contents by event id (and an outbox post's by its transaction id), for the
// structured record of an item: its latest version's (an edit's m.new_content).
using RawContents = std::map<std::string, nlohmann::json>;

const nlohmann::json* recordOfItem(const TimelineItem& item, const RawContents& raw) {
    if (item.kind != TimelineItem::Kind::Message) return nullptr;
    const std::string& id = item.edited() ? item.history.back().event_id : item.event_id;
    const auto found = raw.find(id);
    if (found == raw.end() || !found->second.is_object()) return nullptr;
    const nlohmann::json* content = &found->second;
    if (id != item.event_id) {
        const auto next = content->find("m.new_content");
        if (next == content->end()) return nullptr;
        content = &*next;
    }
    const auto record = care::recordOf(*content);
    return record ? record->second : nullptr;
}

nlohmann::json jsonOf(const TimelineItem& item, const RawContents& raw) {
    nlohmann::json out = {{"event_id", item.event_id},
                          {"sender", item.sender},
                          {"origin_server_ts", item.origin_server_ts},
                          {"kind", kindName(item.kind)},
                          {"edited", item.edited()}};
    if (item.local_echo) out["send_state"] = stateName(item.send_state);
    if (item.local_edit) out["edit_state"] = stateName(*item.local_edit);
    if (item.local_redaction) out["redaction_state"] = stateName(*item.local_redaction);
    if (item.content) {
        out["msgtype"] = item.content->msgtype;
        out["body"] = item.content->body;
        if (item.content->isAttachment()) out["filename"] = item.content->displayFilename();
        if (item.content->info && item.content->info->size) out["size"] = *item.content->info->size;
        if (const auto* record = recordOfItem(item, raw)) out["record"] = *record;
    }
    if (item.edited()) {
        nlohmann::json history = nlohmann::json::array();
        for (const auto& version : item.history) {
            history.push_back({{"event_id", version.event_id},
                               {"sender", version.sender},
                               {"origin_server_ts", version.origin_server_ts},
                               {"body", version.content.body}});
        }
        out["history"] = std::move(history);
    }
    if (item.in_reply_to) out["in_reply_to"] = *item.in_reply_to;
    if (item.thread_root) out["thread_root"] = *item.thread_root;
    if (item.thread_replies > 0) out["thread_replies"] = item.thread_replies;
    if (!item.reactions.empty()) {
        nlohmann::json reactions = nlohmann::json::array();
        for (const auto& group : item.reactions) {
            nlohmann::json entry = {{"key", group.key}, {"senders", group.senders}};
            if (group.local) entry["state"] = stateName(*group.local);
            reactions.push_back(std::move(entry));
        }
        out["reactions"] = std::move(reactions);
    }
    if (item.redaction) {
        out["redaction"] = {{"redacted_by", item.redaction->redacted_by},
                            {"origin_server_ts", item.redaction->origin_server_ts}};
        if (item.redaction->reason) out["redaction"]["reason"] = *item.redaction->reason;
    }
    return out;
}

void printRaw(session::Session& s, const std::string& room, const std::vector<store::StoredEvent>& events,
              bool json) {
    for (const auto& e : events) {
        if (json) {
            std::cout << jsonLine({{"event_id", e.event_id},
                                   {"type", e.type},
                                   {"sender", e.sender},
                                   {"origin_server_ts", e.origin_server_ts},
                                   {"content", e.content}})
                      << '\n';
        } else {
            std::cout << printable(e.event_id) << '\t' << formatTime(e.origin_server_ts) << '\t'
                      << printable(s.displayName(room, e.sender)) << '\t' << printable(rawBodyOf(e)) << '\n';
        }
    }
}

}  // namespace

int cmdTimeline(session::Session& s, const Args& args) {
    if (args.positional.size() != 1) return kUsage;
    const std::string& room = args.positional[0];
    int limit = 50;
    if (auto l = args.get("--limit")) limit = std::atoi(l->c_str());
    if (limit <= 0) return kUsage;
    if (args.has("--fill")) {
        for (;;) {
            auto added = s.fillGap(room, args.get("--before"));
            if (!added) return reportError("cannot fill gap", added.error());
            auto gaps = s.gaps(room);
            if (*added == 0 || !gaps || gaps->empty()) break;
        }
    }
    auto events = s.timeline(room, limit, args.get("--before"));
    if (!events) return reportError("cannot read timeline", events.error());
    if (args.has("--raw")) {
        printRaw(s, room, *events, args.has("--json"));
        return kOk;
    }

    RawContents raw;
    for (const auto& e : *events) raw[e.event_id] = e.content;
    timeline::RoomTimeline folded;
    folded.appendEvents(timeline::toRoomEvents(std::move(*events)));
    // What the outbox holds for the room shows as local echoes, as in the app.
    auto queued = s.outbox(room);
    if (!queued) return reportError("cannot read the outbox", queued.error());
    for (const auto& post : *queued) {
        raw[post.txn_id] = post.content;
        folded.addLocalEcho(post.txn_id, post.event_type, s.userId(), post.content, post.created_ms, echoState(post));
        if (post.event_id) folded.updateLocalEcho(post.txn_id, echoState(post), *post.event_id);
    }
    for (const auto& item : folded.items()) {
        if (args.has("--json")) {
            std::cout << jsonLine(jsonOf(item, raw)) << '\n';
        } else {
            // One line per item: a newline inside a post is printed as \n; a structured post
            // by its body's first line (【バイタル】 …).
            std::string text = textOf(item);
            if (recordOfItem(item, raw)) text = text.substr(0, text.find('\n'));
            std::cout << printable(item.event_id) << '\t' << formatTime(item.origin_server_ts) << '\t'
                      << printable(s.displayName(room, item.sender)) << '\t' << printable(text) << '\t'
                      << printable(notesOf(s, room, item)) << '\n';
        }
    }
    return kOk;
}

bool jstDayOption(const Args& args, const char* name, std::optional<std::int64_t>& start_ms, bool day_end) {
    auto date = args.get(name);
    if (!date) return true;
    auto start = care::jstDayStartMs(*date);
    if (!start) {
        std::cerr << "renkei-cli: " << name << " wants a date YYYY-MM-DD (Japan time)\n";
        return false;
    }
    start_ms = *start + (day_end ? 24LL * 60 * 60 * 1000 : 0);
    return true;
}

}  // namespace renkei::cli
