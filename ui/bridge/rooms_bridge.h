// Renkei desktop: the rooms part of CoreBridge: gap fills (back-pagination), read
// receipts, joins and leaves, and the originals that replies quote, each on a worker lane,
// each answered on the GUI thread.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

#include "bridge/bridge_types.h"

namespace renkei::ui {

class CoreBridge;
class GuiHop;

class RoomsBridge {
public:
    RoomsBridge(CoreBridge& bridge, GuiHop& hop) : bridge_(bridge), hop_(hop) {}

    void fillGap(const QString& room_id, const QString& before_event_id);  ///< -> gapFilled
    void joinRoom(const QString& room_id);   ///< -> membershipChanged
    void leaveRoom(const QString& room_id);  ///< -> membershipChanged
    void markRead(const QString& room_id, const QString& event_id);
    /// Fetches one event (Session::fetchEvent: cache first, else the server) on the work
    /// lane and keeps it in a small in-memory cache. A repeat while one is in flight is
    /// ignored. -> eventFetched (also on a network error: then fetchedEvent stays nullopt)
    void requestEvent(const QString& room_id, const QString& event_id);
    /// The event requestEvent fetched, or nullopt (not asked yet, in flight, or failed on
    /// the network: ask again later). A definite "not found / forbidden" is missing = true.
    std::optional<QuotedEvent> fetchedEvent(const QString& room_id, const QString& event_id) const;
    /// How many fetched events are kept; the oldest go first.
    static constexpr int kFetchedEvents = 256;
    /// Forgets receipts sent, fills in flight and fetched events (the session closed).
    void clear();

private:
    CoreBridge& bridge_;
    GuiHop& hop_;
    QHash<QString, QString> marked_read_;  ///< room id -> event id last sent as m.read
    QSet<QString> filling_;                ///< rooms with a gap fill in flight
    QSet<QString> fetching_;               ///< eventKey()s of requestEvent in flight
    QHash<QString, QuotedEvent> fetched_;  ///< eventKey() -> fetched event
    QStringList fetched_order_;            ///< keys of fetched_, oldest first
    void keepFetched(const QString& key, QuotedEvent event);
};

}  // namespace renkei::ui
