#include "bridge/rooms_bridge.h"

#include <optional>
#include <string>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "session/session.h"

namespace renkei::ui {

using Lane = GuiHop::Lane;

void RoomsBridge::clear() {
    marked_read_.clear();
    filling_.clear();
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
