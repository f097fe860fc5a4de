// Renkei desktop: the rooms part of CoreBridge: gap fills (back-pagination), read
// receipts, joins and leaves, each on a worker lane, each answered on the GUI thread.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

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
    /// Forgets receipts sent and fills in flight (the session closed).
    void clear();

private:
    CoreBridge& bridge_;
    GuiHop& hop_;
    QHash<QString, QString> marked_read_;  ///< room id -> event id last sent as m.read
    QSet<QString> filling_;                ///< rooms with a gap fill in flight
};

}  // namespace renkei::ui
