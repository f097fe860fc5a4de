// Renkei core, internal to core/store: urgent posts (至急, `jp.renkei.urgent`: true in an
// m.room.message) and who has read them, by read receipt and timeline order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/cache_types.h"
#include "store/database.h"

namespace renkei::store::detail {

/// How far a user has read a room: their newest m.read or m.read.private receipt
/// (unthreaded or "main"). seq: the receipt's event when it is cached; else ts: when the
/// receipt was sent (ms), for an event the cache does not hold; both empty: no receipt.
struct ReadMark {
    std::optional<std::int64_t> seq;
    std::optional<std::int64_t> ts;
};

/// The WHERE terms (over `events e`) of an urgent post: the terms of the partial index
/// events_urgent (cache_schema.cpp, migration 5), spelled the same so that SQLite uses it.
/// Only the JSON value `true` counts (as care::parsePostContext reads it).
inline constexpr const char* kUrgentPostTerms =
    "e.type = 'm.room.message' AND json_type(e.content, '$.\"jp.renkei.urgent\"') = 'true' "
    "AND e.redacted = 0";

class UrgentStore {
public:
    explicit UrgentStore(Database& db) noexcept : db_(db) {}

    /// `user_id`'s read mark in the room.
    Result<ReadMark> readMark(std::int64_t room_nid, std::string_view user_id);
    /// Urgent posts (not edits, not redacted) by anyone but `user_id` after their read mark:
    /// seq above the receipt's event, else sent after the receipt's ts, else all cached.
    Result<int> unreadCount(std::int64_t room_nid, std::string_view user_id);
    /// Urgent posts of joined rooms (of creation type `room_type` when not empty) sent at or
    /// after `since_ms`, newest first (origin_server_ts, then seq), at most `limit`.
    Result<std::vector<UrgentPostRow>> posts(std::string_view room_type, std::int64_t since_ms, int limit);
    /// Users whose read mark is at or after the post (seq `post_seq`, sent at `post_ts`),
    /// sorted by user id.
    Result<std::vector<std::string>> readers(std::int64_t room_nid, std::int64_t post_seq, std::int64_t post_ts);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
