// Renkei core: the cache database (<data dir>/cache.db), everything /sync can rebuild: rooms,
// timelines, current state, gaps, receipts and the sync token. A small facade over one store
// class per kind of data (rooms_store, timeline_store, gap_store, receipt_store, state_store,
// sync_applier, backfill_applier). See ARCHITECTURE.md "Data flow".
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "matrix/client.h"
#include "matrix/events.h"
#include "matrix/sync.h"
#include "store/cache_types.h"
#include "store/database.h"
#include "store/keys.h"

namespace renkei::store {

/// The account's cache. One connection; not thread-safe (serialise calls, as Session does).
/// A second Cache opened on the same directory is an independent reader/writer connection
/// (WAL). Move-only. Every function may fail with Storage (e.g. "SQLITE_FULL": disk full).
class Cache {
public:
    /// Opens or creates `<dir>/cache.db` (creating `dir` 0700 if needed) keyed with `key`, and
    /// migrates its schema. Errors: Storage (wrong key or corrupt file: errcode "SQLITE_NOTADB";
    /// the caller may then erase() and rebuild the cache by an initial sync).
    static Result<Cache> open(const std::filesystem::path& dir, const RawKey& key);
    /// Opens an existing `<dir>/cache.db` read-only, keyed with the same `key`, without
    /// migrating (the writer's open() did). Every write fails (SQLITE_READONLY); reads see the
    /// last committed state and never wait behind a writer's transaction (WAL). Errors: as
    /// open(); Storage when the schema differs from the one this Renkei writes.
    static Result<Cache> openReadOnly(const std::filesystem::path& dir, const RawKey& key);
    /// Deletes `<dir>/cache.db` and its -wal/-shm files (no Cache may be open on them).
    /// Missing files are not an error. Errors: Storage.
    static Result<void> erase(const std::filesystem::path& dir);

    Cache(Cache&& other) noexcept;
    Cache& operator=(Cache&& other) noexcept;
    Cache(const Cache&) = delete;
    Cache& operator=(const Cache&) = delete;
    ~Cache();

    /// The `since` token for the next /sync (next_batch of the last applied response), or
    /// nullopt before the first sync.
    Result<std::optional<std::string>> syncToken() const;

    /// Applies a whole /sync response and its next_batch in ONE transaction: on any error
    /// nothing of it is stored and syncToken() is unchanged (spec: "GET /sync").
    /// Joined rooms: membership join, state and timeline state into current state, timeline
    /// appended in order and de-duplicated by event id, a gap before the batch if it is
    /// `limited` with a prev_batch, receipts, unread counts, room account data (m.fully_read).
    /// Invited rooms: membership invite with stripped state (never over real state) and the
    /// inviter; the stripped state is dropped when the room is joined or left. Left rooms:
    /// membership leave, plus their state and timeline; a room we were only invited to (a
    /// declined or withdrawn invite) is removed instead. Redactions blank their stored target.
    /// Errors: InvalidArgument (empty next_batch), Storage.
    Result<ChangeSet> applySync(const matrix::SyncResponse& response);

    /// Stores one /messages page (dir=b: chunk newest first) fetched from `gap`, in one
    /// transaction: events go just below the gap's anchor, de-duplicated by event id. The
    /// gap closes when the page reaches a stored event or has no `end` (start of the room);
    /// otherwise it moves to token `end` above the lowest new event. Chunk and page state fill
    /// only state not present yet (it is older). A gap that was filled or moved since it was
    /// read is stale: nothing is stored and an empty ChangeSet returned. Errors: Storage.
    Result<ChangeSet> applyBackfill(const Gap& gap, const matrix::MessagesResponse& page);

    /// Joined rooms, most recent activity first, with how much of their history is cached
    /// (for the offline back-fill, session/history_backfill.h).
    Result<std::vector<RoomHistory>> history() const;
    /// origin_server_ts (ms) of the room's first stored event at or above `seq` (e.g. just
    /// after a gap), or nullopt (unknown room, nothing there).
    Result<std::optional<std::int64_t>> eventTsFrom(std::string_view room_id,
                                                    std::int64_t seq) const;
    /// Marks the room's history as reaching its start when its lowest stored event is its
    /// m.room.create (caches written before the mark existed). Returns whether it is marked.
    Result<bool> markHistoryStartIfCreate(std::string_view room_id);

    /// All cached rooms (any membership), most recent activity (last post, else any event)
    /// first. name: m.room.name, else canonical alias, else the heroes' (or members') display
    /// names joined with ", ", else the room id.
    Result<std::vector<RoomSummaryRow>> rooms() const;

    /// Up to `limit` newest events of a room, oldest first. Unknown room: empty.
    /// O(log n + limit) on the (room, seq) index.
    Result<std::vector<StoredEvent>> latestEvents(std::string_view room_id, int limit) const;
    /// Up to `limit` events just before `event_id`, oldest first (excluding `event_id`).
    /// Unknown room: empty. Errors: InvalidArgument (event not cached), Storage.
    Result<std::vector<StoredEvent>> eventsBefore(std::string_view room_id,
                                                  std::string_view event_id, int limit) const;

    /// One cached event of a room, or nullopt (unknown room or event).
    Result<std::optional<StoredEvent>> event(std::string_view room_id, std::string_view event_id) const;
    /// Cached events with relation `rel_type` (e.g. "m.annotation") to `target_event_id`,
    /// redacted ones included (their relation is kept), oldest first, at most `limit`.
    /// Unknown room: empty. One index seek (events_relations).
    Result<std::vector<StoredEvent>> relatedEvents(std::string_view room_id, std::string_view target_event_id,
                                                   std::string_view rel_type, int limit = 1000) const;
    /// The room's cached structured posts (content "jp.renkei.record" an object: vitals, 服薬,
    /// …; care/care_record.h), oldest first: originals, not edits or redacted posts, of record
    /// kind `kind` (wire value) or any when empty; at most `limit`, the newest kept. Their
    /// edits and reactions: relatedEvents. Unknown room: empty. One partial-index walk
    /// (events_records).
    Result<std::vector<StoredEvent>> recordPosts(std::string_view room_id, std::string_view kind,
                                                 int limit = 5000) const;
    /// The nearest gap at or before `event_id` (anchor_seq <= its seq), or the room's newest gap
    /// when `event_id` is nullopt; nullopt if none (or unknown room).
    /// Errors: InvalidArgument (event not cached), Storage.
    Result<std::optional<Gap>> gapBefore(std::string_view room_id,
                                         std::optional<std::string> event_id) const;
    /// All gaps of a room, oldest first (empty for an unknown room).
    Result<std::vector<Gap>> gaps(std::string_view room_id) const;

    /// Urgent posts (`jp.renkei.urgent`: true; not edits, not deleted) of joined rooms whose
    /// m.room.create type is `room_type` (any room when empty), sent at or after `since_ms`
    /// (ms since the epoch), newest first, at most `limit`. One index seek per room.
    Result<std::vector<UrgentPostRow>> urgentPosts(std::string_view room_type, std::int64_t since_ms,
                                                   int limit) const;
    /// The users who have read the room's event `event_id`: their m.read or m.read.private
    /// receipt is at or after it in timeline order (when the receipt's event is not cached: sent
    /// at or after it), sorted by user id. Empty for an unknown room or event.
    Result<std::vector<std::string>> readersOf(std::string_view room_id, std::string_view event_id) const;

    /// The room's read receipts (latest per type, user and thread).
    Result<std::vector<matrix::Receipt>> receipts(std::string_view room_id) const;
    /// m.room.member displayname of `user_id` in the room; nullopt if unknown or not set.
    Result<std::optional<std::string>> displayName(std::string_view room_id,
                                                   std::string_view user_id) const;
    /// `user_id`'s m.room.member displayname in the room and whether another member with
    /// membership join or invite uses the same one (empty MemberName for an unknown room or
    /// member). Cheap enough per timeline row: one indexed query.
    Result<MemberName> memberName(std::string_view room_id, std::string_view user_id) const;
    /// Every current state event of `type` in the room (e.g. each jp.renkei.member), by
    /// state key, at most `limit`; empty for an unknown room.
    Result<std::vector<StateEntry>> stateOfType(std::string_view room_id, std::string_view type,
                                                int limit = 1000) const;
    /// Content of the room's current state event (type, state_key), or nullopt.
    Result<std::optional<nlohmann::json>> stateContent(std::string_view room_id,
                                                       std::string_view type,
                                                       std::string_view state_key) const;
    /// The m.fully_read marker's event id, or nullopt.
    Result<std::optional<std::string>> fullyRead(std::string_view room_id) const;

    /// Deletes the room and everything cached for it (events, state, gaps, receipts, room
    /// account data) in one transaction. Returns false when the room is not cached.
    Result<bool> removeRoom(std::string_view room_id);

    /// Records our own user id, so that room names leave us out and invites find our inviter.
    Result<void> setOwnUserId(std::string_view user_id);

    /// Copies the WAL into the database and truncates it (call before closing).
    /// Errors: Storage (SQLITE_BUSY while another connection reads).
    Result<void> checkpoint();

    /// The underlying connection, for tests and diagnostics.
    Database& database() noexcept;

private:
    struct Impl;
    explicit Cache(std::unique_ptr<Impl> impl) noexcept;
    std::unique_ptr<Impl> impl_;
};

}  // namespace renkei::store
