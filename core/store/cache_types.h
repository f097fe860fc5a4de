// Renkei core: the values the cache hands out (rooms, events, gaps) and what a change touched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace renkei::store {

/// What one applySync / applyBackfill changed, for the UI to re-read just that.
struct ChangeSet {
    std::set<std::string> rooms;   ///< ids of rooms whose events, state, receipts or counts changed
    std::size_t events_added = 0;  ///< timeline events newly stored (duplicates not counted)
    /// Malformed events the server sent that were left out (matrix::SyncResponse /
    /// MessagesResponse::skipped_events); the rest of the batch is stored.
    std::size_t events_skipped = 0;
    bool rooms_list_changed = false;  ///< a row of Cache::rooms() or their order may differ
    /// Outbox posts this batch confirmed (their echo or event arrived), by transaction id;
    /// filled by Session::syncOnce, not by the cache.
    std::vector<std::string> confirmed_txn_ids;
};

/// One row of the room list.
struct RoomSummaryRow {
    std::string room_id;
    std::string membership;  ///< "join", "invite" or "leave"
    std::string name;        ///< m.room.name, else canonical alias, else members, else id
    std::string topic;       ///< m.room.topic, or empty
    std::optional<std::string> room_type;  ///< m.room.create content.type (e.g. patient room)
    std::int64_t last_ts = 0;            ///< ms since the Unix epoch of the last post, else of the
                                         ///< newest event (0: none, e.g. an invite)
    std::string last_sender;             ///< user id of the last post's sender, or empty
    std::string last_body;               ///< plain body of the last post (edits applied), or empty
    /// The last post was deleted (last_body is empty): a front end shows a placeholder such
    /// as 「（削除された投稿）」 in its own language.
    bool last_post_deleted = false;
    int notification_count = 0;          ///< unread notifications (server-computed)
    int highlight_count = 0;             ///< unread highlights (server-computed)
    /// Urgent posts (`jp.renkei.urgent`: true; not edits, not deleted) by others after our own
    /// read receipt (m.read or m.read.private) in timeline order; when the receipt's event is
    /// not cached, those sent after the receipt. No receipt: every cached one. 0 unless joined.
    int urgent_unread = 0;
    std::optional<std::string> inviter;  ///< for membership "invite": who invited us
    /// The room's whole history is cached (its start stored, no gaps): it reads from its
    /// first post offline (「全履歴をこの端末に保存済み」).
    bool history_complete = false;
};

/// How much of a joined room's history the cache holds (Cache::history()).
struct RoomHistory {
    std::string room_id;
    std::int64_t last_ts = 0;    ///< ms; the room list's sort key (newest rooms first)
    bool start_reached = false;  ///< the room's first visible event is stored
    std::size_t gaps = 0;        ///< holes still to fill with /messages
    std::optional<std::int64_t> oldest_ts;  ///< ms of the lowest stored event; none: empty
    bool oldest_is_create = false;          ///< the lowest stored event is m.room.create
    /// Nothing of the room's history is missing from the cache.
    [[nodiscard]] bool complete() const { return start_reached && gaps == 0; }
};

/// A room member's displayname as the room's current state has it, and whether it is unique
/// (spec: "Calculating the display name for a user"; matrix::memberDisplayName shows it).
struct MemberName {
    std::optional<std::string> displayname;  ///< as sent; nullopt: no member event, or not text
    bool shared = false;  ///< another member with membership join or invite uses the same one
};

/// One current state event of a room as stored (StateStore::ofType).
struct StateEntry {
    std::string state_key;
    std::string sender;
    std::string event_id;         ///< empty for an invite's stripped state
    std::int64_t origin_server_ts = 0;
    nlohmann::json content;
};

/// One timeline event as stored.
struct StoredEvent {
    std::string event_id;
    std::string type;
    std::string sender;
    std::int64_t origin_server_ts = 0;  ///< ms since the Unix epoch (server clock)
    std::optional<std::string> state_key;
    nlohmann::json content;  ///< object; emptied (per the redaction rules) if redacted
    std::optional<std::string> transaction_id;  ///< unsigned.transaction_id (our own posts)
    std::int64_t seq = 0;                       ///< position in the room's timeline (ascending)
    bool redacted = false;                      ///< a redaction event removed its content
    std::optional<std::string> redacts;         ///< m.room.redaction: the event id it redacts
    /// m.relates_to's rel_type and event_id as first stored (spec: "Forming relationships
    /// between events"), kept after a redaction emptied the content; nullopt when it had none
    /// (or was already redacted when it first arrived).
    std::optional<std::string> rel_type;
    std::optional<std::string> relates_to;
};

/// An urgent post (`jp.renkei.urgent`: true) of a joined room (Cache::urgentPosts): its
/// event with event_id, type, sender, origin_server_ts, content and seq set.
struct UrgentPostRow {
    std::string room_id;
    StoredEvent event;
};

/// A hole in a room's stored timeline: events missing just before seq `anchor_seq`, fetched
/// with /messages?dir=b&from=prev_batch.
struct Gap {
    std::int64_t id = 0;
    std::string room_id;
    std::string prev_batch;
    std::int64_t anchor_seq = 0;  ///< seq of the first stored event after the hole
};

}  // namespace renkei::store
