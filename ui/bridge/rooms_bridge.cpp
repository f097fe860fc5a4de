#include "bridge/rooms_bridge.h"

#include <optional>
#include <string>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "matrix/event_types.h"
#include "session/session.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

namespace renkei::ui {

using Lane = GuiHop::Lane;

namespace {

QString eventKey(const QString& room_id, const QString& event_id) { return room_id + QLatin1Char('\n') + event_id; }

// The quote of a fetched event: its current text (its cached edits applied) through the
// typed content, without the reply fallback it may carry itself (spec: "Rich replies").
QuotedEvent quoteOf(store::StoredEvent&& event, std::vector<store::StoredEvent>&& edits) {
    QuotedEvent quote;
    quote.event_id = QString::fromStdString(event.event_id);
    quote.sender = QString::fromStdString(event.sender);
    quote.time = QDateTime::fromMSecsSinceEpoch(event.origin_server_ts);
    quote.redacted = event.redacted;
    if (event.redacted || event.type != matrix::kRoomMessage) return quote;
    edits.insert(edits.begin(), std::move(event));
    timeline::RoomTimeline folded;
    folded.appendEvents(timeline::toRoomEvents(std::move(edits)));
    if (folded.items().empty()) return quote;
    const timeline::TimelineItem& item = folded.items().front();
    if (item.kind == timeline::TimelineItem::Kind::Redacted) quote.redacted = true;
    if (item.kind != timeline::TimelineItem::Kind::Message || !item.content) return quote;
    quote.msgtype = QString::fromStdString(item.content->msgtype);
    quote.body = QString::fromStdString(item.content->body);
    return quote;
}

// The server's definite answer that we shall not see the event.
bool isMissing(const Error& error) {
    return error.kind == ErrorKind::Matrix && (error.errcode == "M_NOT_FOUND" || error.errcode == "M_FORBIDDEN");
}

}  // namespace

void RoomsBridge::clear() {
    marked_read_.clear();
    filling_.clear();
    fetching_.clear();
    fetched_.clear();
    fetched_order_.clear();
}

void RoomsBridge::requestEvent(const QString& room_id, const QString& event_id) {
    const QString key = eventKey(room_id, event_id);
    if (!bridge_.account().usable() || event_id.isEmpty() || fetching_.contains(key)) return;
    fetching_.insert(key);
    session::Session* s = bridge_.session();
    hop_.run(Lane::Work, [this, s, room_id, event_id, key] {
        const std::string room = room_id.toStdString();
        auto fetched = s->fetchEvent(room, event_id.toStdString());
        std::optional<QuotedEvent> quote;
        if (fetched) {
            // The quote shows the post as it stands now: its cached edits folded in by the
            // core timeline (only the sender's own replacements count).
            auto edits = s->relatedEvents(room, fetched->event_id, "m.replace");
            quote = quoteOf(std::move(*fetched), edits ? std::move(*edits) : std::vector<store::StoredEvent>{});
        } else if (isMissing(fetched.error())) {
            quote = QuotedEvent{};
            quote->event_id = event_id;
            quote->missing = true;
        }
        hop_.toGui([this, room_id, event_id, key, quote = std::move(quote)]() mutable {
            if (!fetching_.remove(key)) return;  // the session closed meanwhile
            if (quote) keepFetched(key, std::move(*quote));
            emit bridge_.eventFetched(room_id, event_id);
        });
    });
}

std::optional<QuotedEvent> RoomsBridge::fetchedEvent(const QString& room_id, const QString& event_id) const {
    const auto found = fetched_.constFind(eventKey(room_id, event_id));
    if (found == fetched_.constEnd()) return std::nullopt;
    return *found;
}

void RoomsBridge::keepFetched(const QString& key, QuotedEvent event) {
    if (!fetched_.contains(key)) fetched_order_.append(key);
    fetched_.insert(key, std::move(event));
    while (fetched_order_.size() > kFetchedEvents) fetched_.remove(fetched_order_.takeFirst());
}

void RoomsBridge::fillGap(const QString& room_id, const QString& before_event_id) {
    if (!bridge_.account().usable()) {
        hop_.toGui([this, room_id] { emit bridge_.gapFilled(room_id, -1); });
        return;
    }
    if (filling_.contains(room_id)) return;  // the running fill answers
    filling_.insert(room_id);
    session::Session* s = bridge_.session();
    std::optional<std::string> before;
    if (!before_event_id.isEmpty()) before = before_event_id.toStdString();
    hop_.run(Lane::Work, [this, s, room_id, room = room_id.toStdString(), before] {
        auto added = s->fillGap(room, before);
        const int count = added ? static_cast<int>(*added) : -1;
        hop_.toGui([this, room_id, count] {
            filling_.remove(room_id);
            emit bridge_.gapFilled(room_id, count);
        });
    });
}

void RoomsBridge::joinRoom(const QString& room_id) {
    if (!bridge_.account().usable()) return;
    session::Session* s = bridge_.session();
    hop_.run(Lane::Ordered, [this, s, room_id] {
        auto joined = s->joinRoom(room_id.toStdString());
        const QString error = joined ? QString() : errorText(joined.error());
        hop_.toGui([this, room_id, error] { emit bridge_.membershipChanged(room_id, error); });
    });
}

void RoomsBridge::leaveRoom(const QString& room_id) {
    if (!bridge_.account().usable()) return;
    session::Session* s = bridge_.session();
    hop_.run(Lane::Ordered, [this, s, room_id] {
        auto left = s->leaveRoom(room_id.toStdString());
        const QString error = left ? QString() : errorText(left.error());
        hop_.toGui([this, room_id, error] { emit bridge_.membershipChanged(room_id, error); });
    });
}

void RoomsBridge::markRead(const QString& room_id, const QString& event_id) {
    if (!bridge_.account().usable() || !event_id.startsWith(QLatin1Char('$'))) return;
    if (marked_read_.value(room_id) == event_id) return;
    marked_read_.insert(room_id, event_id);
    session::Session* s = bridge_.session();
    hop_.run(Lane::Ordered, [this, s, room_id, event_id] {
        auto sent = s->sendReadReceipt(room_id.toStdString(), event_id.toStdString());
        if (sent) return;
        // Forget it, so that the next markRead for this event tries again.
        hop_.toGui([this, room_id, event_id] {
            if (marked_read_.value(room_id) == event_id) marked_read_.remove(room_id);
        });
    });
}

}  // namespace renkei::ui
