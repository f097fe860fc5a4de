// Renkei desktop: the values the bridges hand to widgets and models (sync status, a post's
// delivery state, an outbox post, a local account).
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <nlohmann/json.hpp>

namespace renkei::ui {

/// What the status bar shows: オフライン / 同期中 (first sync running) / オンライン.
enum class SyncStatus { Offline, Syncing, Online };

/// Delivery state of a post (TimelineModel::SendStateRole).
enum class SendState {
    Sent,     ///< the server has it (an event id)
    Sending,  ///< in the outbox; Renkei is online and sending it (送信中)
    Failed,   ///< refused for good; the user retries, edits or discards it
    Waiting,  ///< in the outbox; offline or signed out: sent when possible (送信待ち)
};

/// A post or correction (edit, reply, reaction, deletion) in the outbox (vault) that the
/// synced timeline does not show yet: the local echo. The bridge reads them from
/// Session::outbox and caches them for painting.
struct PendingPost {
    QString local_id;    ///< the outbox transaction id, returned by CoreBridge::sendText
    QString room_id;
    QString text;        ///< the text; for an image, its file name
    bool is_image = false;  ///< an m.image post
    bool has_file = false;  ///< an attached file of any type (m.image, m.file, m.audio, m.video)
    /// The event type it is sent as: "m.room.message" (posts, replies, edits), "m.reaction",
    /// "m.room.redaction" (store::OutboxPost::event_type).
    QString event_type;
    nlohmann::json content;  ///< the event content as it will be sent (an object)
    SendState state = SendState::Sending;
    QString event_id;    ///< set once the server accepted it (state Sent)
    QString error_text;  ///< state Failed: why, translated
    QDateTime created;   ///< when the user sent it (local time)
};

/// The original a reply quotes, as RoomsBridge fetched it (cache first, else the server):
/// CoreBridge::requestEvent, then fetchedEvent once eventFetched arrives.
struct QuotedEvent {
    QString event_id;
    QString sender;   ///< user id "@name:server" (CoreBridge::displayName for the name)
    QString body;     ///< the post's text through its typed content, reply fallback stripped
    QString msgtype;  ///< "m.text", "m.image", … as sent; empty for anything but a post
    QDateTime time;   ///< origin_server_ts (local time)
    bool redacted = false;  ///< deleted: no body
    bool missing = false;   ///< the server said not found or forbidden: nothing else is set
};

/// An account with local data on this computer (core/store/accounts.h).
struct LocalAccountInfo {
    QString id;          ///< its directory's name under <data root>/accounts
    QString user_id;     ///< "@name:server"; empty until its first sign-in
    QString homeserver;  ///< base URL; empty until its first sign-in
};

}  // namespace renkei::ui

Q_DECLARE_METATYPE(renkei::ui::SyncStatus)
Q_DECLARE_METATYPE(renkei::ui::SendState)
