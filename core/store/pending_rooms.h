// Renkei core: patient rooms queued to be opened (部屋の開設待ち) in the vault database — a
// room opened offline waits here, with its consent scan kept encrypted, until the SendQueue
// opens it exactly once (Session::openNextPendingRoom). Nothing here touches the network.
//
// A pending room's life: Queued → [scan uploaded, its mxc URI saved: never uploaded twice]
// → the room opened → in one transaction, the scan's post queued in the outbox and the row
// deleted. Refusals that retrying cannot fix move it to Failed; the user retries or discards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/result.h"
#include "store/database.h"
#include "store/outbox.h"

namespace renkei::store {

enum class PendingRoomState { Queued = 0, Failed = 2 };

/// One patient room waiting to be opened (without the scan's bytes).
struct PendingRoom {
    std::string creation_id;          ///< the plan's creation id (care/SCHEMA.md): the key
    nlohmann::json plan;              ///< care::planToJson of the plan (holds patient data)
    PendingRoomState state = PendingRoomState::Queued;
    int attempts = 0;                 ///< attempts that failed so far
    std::optional<Error> last_error;  ///< Failed: why; Queued: the last transient error
    std::int64_t queued_ms = 0;       ///< when queued, ms since the Unix epoch (local clock)
    bool has_scan = false;            ///< a consent scan goes with it
    std::string scan_content_type;    ///< has_scan: e.g. "image/png", "application/pdf"
    std::string scan_filename;        ///< has_scan: the file's name as the user gave it
    int scan_width = 0;               ///< pixels (images; else 0)
    int scan_height = 0;              ///< pixels (images; else 0)
    std::int64_t scan_size = 0;       ///< bytes
    std::optional<std::string> scan_mxc;  ///< once uploaded: the scan's content URI
};

/// What became of a pending room that Session::openNextPendingRoom took up.
struct PendingRoomOutcome {
    PendingRoom room;                    ///< as it was (state Failed with last_error: refused)
    std::optional<std::string> room_id;  ///< opened: the room's id (the row is gone)
};

/// The vault's pending_rooms table. Not thread-safe: use under the vault's lock.
class PendingRooms {
public:
    explicit PendingRooms(Database& vault) noexcept : db_(vault) {}

    /// Stores a room to open (state Queued) with the optional scan (bytes kept in the vault,
    /// encrypted). Errors: InvalidArgument (empty id, plan not an object, a scan without bytes,
    /// type or file name), Storage (e.g. the id is queued already; nothing changed).
    Result<PendingRoom> add(std::string_view creation_id, const nlohmann::json& plan,
                            const OutboxMedia* scan, std::int64_t now_ms);
    /// Every pending room, oldest first.
    Result<std::vector<PendingRoom>> list() const;
    /// One by creation id, or nullopt.
    Result<std::optional<PendingRoom>> find(std::string_view creation_id) const;
    /// The oldest Queued room (the next to open), or nullopt.
    Result<std::optional<PendingRoom>> nextQueued() const;
    /// The scan's bytes while not uploaded yet, or nullopt (none, or uploaded and released).
    Result<std::optional<OutboxMedia>> scan(std::string_view creation_id) const;
    /// Saves the uploaded scan's content URI and releases its bytes (a retry never uploads
    /// it again). Errors: Storage.
    Result<void> setScanUri(std::string_view creation_id, std::string_view mxc_uri);
    /// Counts one more attempt and remembers its transient error; stays Queued.
    Result<void> recordAttempt(std::string_view creation_id, const Error& error);
    /// State Failed with `error` (refused for good, e.g. 403).
    Result<void> markFailed(std::string_view creation_id, const Error& error);
    /// Failed → Queued again (same creation id). False if not Failed.
    Result<bool> requeue(std::string_view creation_id);
    /// Removes every pending room and scan (a sign-out the user confirmed). Errors: Storage.
    Result<void> clear();
    /// Removes a pending room and its scan. False if absent.
    Result<bool> discard(std::string_view creation_id);
    /// The room is open: in one transaction, queues `post` (the scan's m.image/m.file with
    /// its url, when not null) in `room_id` with `txn_id`, and deletes the pending row.
    /// Errors: InvalidArgument (as Outbox::enqueue), Storage (nothing changed).
    Result<void> complete(std::string_view creation_id, std::string_view room_id,
                          const nlohmann::json* post, std::string_view txn_id, std::int64_t now_ms);

private:
    Database& db_;
};

}  // namespace renkei::store
