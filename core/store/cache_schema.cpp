#include "store/cache_schema.h"

namespace renkei::store::detail {

// Rooms get a small integer key (nid) so that the hot tables and their indexes repeat 8 bytes
// per row instead of the room id. Event content is stored as compact JSON text.
// Timeline order is the per-room `seq`: sync appends upwards, back-fill fills gaps downwards
// (see sync_applier.cpp). Everything here can be rebuilt by an initial /sync.
const std::vector<Migration>& cacheMigrations() {
    static const std::vector<Migration> migrations = {
        {1, R"sql(
            -- sync_token (next_batch, written in the same transaction as its response),
            -- own_user_id.
            CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE rooms (
                nid INTEGER PRIMARY KEY,
                room_id TEXT NOT NULL UNIQUE,
                membership TEXT NOT NULL,            -- join | invite | leave
                heroes TEXT,                         -- JSON array of user ids (sync summary)
                joined_member_count INTEGER,
                invited_member_count INTEGER,
                inviter TEXT,                        -- sender of our invite (membership invite)
                last_event_id TEXT,                  -- the last post shown in the room list
                last_ts INTEGER NOT NULL DEFAULT 0,  -- ms; sort key of the room list
                last_sender TEXT NOT NULL DEFAULT '',
                last_body TEXT NOT NULL DEFAULT '',
                notification_count INTEGER NOT NULL DEFAULT 0,
                highlight_count INTEGER NOT NULL DEFAULT 0,
                fully_read TEXT,                     -- m.fully_read event id
                next_seq INTEGER                     -- seq of the next synced event; NULL: none
            );
            CREATE INDEX rooms_by_activity ON rooms (last_ts DESC);

            CREATE TABLE events (
                room_nid INTEGER NOT NULL REFERENCES rooms (nid) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                type TEXT NOT NULL,
                sender TEXT NOT NULL,
                origin_server_ts INTEGER NOT NULL,
                state_key TEXT,
                content TEXT NOT NULL,
                transaction_id TEXT,
                redacts TEXT,                        -- for m.room.redaction: the target's id
                redacted INTEGER NOT NULL DEFAULT 0,
                UNIQUE (room_nid, event_id)          -- de-duplication by event id
            );
            -- Paging (newest 50, 50 before X) walks this index backwards.
            CREATE UNIQUE INDEX events_by_seq ON events (room_nid, seq);
            -- A back-filled event may already have been redacted by a newer, stored event.
            CREATE INDEX events_redactions ON events (room_nid, redacts) WHERE redacts IS NOT NULL;

            -- Current state: the newest event per (type, state_key). Stripped state of an
            -- invite has no event id.
            CREATE TABLE state (
                room_nid INTEGER NOT NULL REFERENCES rooms (nid) ON DELETE CASCADE,
                type TEXT NOT NULL,
                state_key TEXT NOT NULL,
                event_id TEXT,
                sender TEXT NOT NULL,
                origin_server_ts INTEGER NOT NULL DEFAULT 0,
                content TEXT NOT NULL,
                PRIMARY KEY (room_nid, type, state_key)
            ) WITHOUT ROWID;

            CREATE TABLE gaps (
                id INTEGER PRIMARY KEY,
                room_nid INTEGER NOT NULL REFERENCES rooms (nid) ON DELETE CASCADE,
                prev_batch TEXT NOT NULL,            -- /messages from-token (dir=b)
                anchor_seq INTEGER NOT NULL          -- the hole is just before this seq
            );
            CREATE INDEX gaps_by_anchor ON gaps (room_nid, anchor_seq);

            CREATE TABLE receipts (
                room_nid INTEGER NOT NULL REFERENCES rooms (nid) ON DELETE CASCADE,
                receipt_type TEXT NOT NULL,          -- m.read | m.read.private
                user_id TEXT NOT NULL,
                thread TEXT NOT NULL DEFAULT '',     -- '' = unthreaded
                event_id TEXT NOT NULL,
                ts INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (room_nid, receipt_type, user_id, thread)
            ) WITHOUT ROWID;

            CREATE TABLE room_account_data (
                room_nid INTEGER NOT NULL REFERENCES rooms (nid) ON DELETE CASCADE,
                type TEXT NOT NULL,
                content TEXT NOT NULL,
                PRIMARY KEY (room_nid, type)
            ) WITHOUT ROWID;

            CREATE TABLE account_data (
                type TEXT PRIMARY KEY,
                content TEXT NOT NULL
            ) WITHOUT ROWID;
        )sql"},
        {2, R"sql(
            -- Display names are disambiguated against the room's other members with the same
            -- displayname (spec: "Calculating the display name for a user"); the timeline and
            -- the room list ask per sender, so that lookup is an index seek.
            CREATE INDEX state_member_names
                ON state (room_nid, json_extract(content, '$.displayname'))
                WHERE type = 'm.room.member';
        )sql"},
        {3, R"sql(
            -- What an event relates to (m.relates_to rel_type and event_id), written when it is
            -- first stored and kept when a redaction empties its content (room v11 drops
            -- m.relates_to): a deleted edit or reaction stays one, never becomes a deleted post.
            -- Also how Renkei finds its own reaction to take it back.
            ALTER TABLE events ADD COLUMN rel_type TEXT;
            ALTER TABLE events ADD COLUMN relates_to TEXT;
            UPDATE events
               SET rel_type = json_extract(content, '$."m.relates_to".rel_type'),
                   relates_to = json_extract(content, '$."m.relates_to".event_id')
             WHERE json_valid(content)
               AND json_type(content, '$."m.relates_to".rel_type') = 'text'
               AND json_type(content, '$."m.relates_to".event_id') = 'text';
            CREATE INDEX events_relations ON events (room_nid, relates_to) WHERE relates_to IS NOT NULL;
        )sql"},
        {4, R"sql(
            -- Offline history (session/history_backfill.h): 1 once the room's first visible
            -- event is stored, i.e. nothing older exists below the lowest stored seq. With no
            -- gaps left, the room's whole history is in the cache ("complete").
            ALTER TABLE rooms ADD COLUMN history_start INTEGER NOT NULL DEFAULT 0;
        )sql"},
        {5, R"sql(
            -- Urgent posts (至急, content "jp.renkei.urgent": true): the room list counts the
            -- unread ones per room and the 至急 view lists them across rooms, without reading
            -- every event's JSON (urgent_store.cpp spells the same terms).
            CREATE INDEX events_urgent ON events (room_nid, seq)
                WHERE type = 'm.room.message' AND json_type(content, '$."jp.renkei.urgent"') = 'true'
                  AND redacted = 0;
        )sql"},
        {6, R"sql(
            -- Structured posts (vitals, 服薬, the physician's update, ACP, discharge guidance:
            -- content "jp.renkei.record" an object): the vitals chart, trend flags, the ACP
            -- panel and the monthly 情報連携 list read a room's records without reading every
            -- event's JSON (record_store.cpp spells the same terms).
            CREATE INDEX events_records ON events (room_nid, seq)
                WHERE type = 'm.room.message' AND json_type(content, '$."jp.renkei.record"') = 'object'
                  AND redacted = 0;
        )sql"},
    };
    return migrations;
}

}  // namespace renkei::store::detail
