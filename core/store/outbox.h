// Renkei core: the outbox (send queue) and drafts in the vault database — what a clinician
// typed and has not seen arrive on the server yet. Nothing here touches the network; the
// session's SendQueue drives the lifecycle. See ARCHITECTURE.md "Data flow" 4–5.
//
// A post's life: Queued (transaction id fixed at queue time) → [file: media uploaded,
// content URI saved] → Sent (the homeserver returned an event id) → removed once the sync
// echo (unsigned.transaction_id) or the event itself has been stored in the cache.
// Errors that retrying cannot fix move it to Failed; the user then retries or discards it.
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

namespace renkei::store {

enum class OutboxState { Queued = 0, Sent = 1, Failed = 2 };

/// A file (an image or any other) attached to a post, kept (encrypted, in the vault) until
/// the event is sent.
struct OutboxMedia {
    std::string bytes;          ///< the file's bytes (≤ Session::uploadLimit())
    std::string content_type;   ///< e.g. "image/jpeg", "application/pdf"
    std::string filename;       ///< the body and filename of the event
    int width = 0;              ///< pixels (images; 0 for other files)
    int height = 0;             ///< pixels (images; 0 for other files)
};

/// One post in the outbox (without the media bytes).
struct OutboxPost {
    std::int64_t seq = 0;            ///< queue position: lower leaves first
    std::string txn_id;              ///< spec: "Transaction identifiers"; reused on every retry
    std::string room_id;
    std::string event_type;          ///< "m.room.message"
    nlohmann::json content;          ///< the event content as it will be sent
    OutboxState state = OutboxState::Queued;
    std::optional<std::string> event_id;    ///< Sent: the id the homeserver returned
    int attempts = 0;                ///< requests made so far (all failed but the last)
    std::optional<Error> last_error; ///< Failed: why; Queued: the last transient error
    std::int64_t created_ms = 0;     ///< when queued, ms since the Unix epoch (local clock)
    bool has_media = false;          ///< an attached file (see Outbox::media)
    std::optional<std::string> content_uri;  ///< the uploaded file's mxc:// URI, once saved
    /// A PUT of it may have reached the server and no answer has said whether it did (lost
    /// answer, timeout, 5xx, a crash): it may already be on the server, so it is not
    /// discarded; the next answer for its transaction id settles it.
    bool in_doubt = false;
};

/// One of our own timeline events as a sync delivered it, to confirm the post it echoes.
struct OutboxEcho {
    std::string room_id;
    std::string event_type;              ///< e.g. "m.room.message"
    std::string event_id;
    std::optional<std::string> txn_id;   ///< unsigned.transaction_id (our own device only)
};

/// The vault's outbox table. Not thread-safe: use under the vault's lock.
class Outbox {
public:
    explicit Outbox(Database& vault) noexcept : db_(vault) {}

    /// Appends a post (state Queued, after every post already queued). With `media`, the
    /// bytes are stored too; content.url is filled in later by setContentUri. When
    /// `clear_draft` is set, the room's draft is deleted in the same transaction (sending a
    /// draft never loses it and never leaves both). Errors: InvalidArgument (empty room,
    /// type or txn id; content not an object), Storage (disk full: nothing changed).
    Result<OutboxPost> enqueue(std::string_view room_id, std::string_view event_type,
                               const nlohmann::json& content, std::string_view txn_id,
                               std::int64_t now_ms, const OutboxMedia* media, bool clear_draft);

    /// Posts not yet confirmed by sync, in queue order; all rooms when `room_id` is empty.
    Result<std::vector<OutboxPost>> posts(std::string_view room_id = {}) const;
    /// One post by transaction id, or nullopt.
    Result<std::optional<OutboxPost>> post(std::string_view txn_id) const;
    /// The oldest Queued post (the next to send), or nullopt.
    Result<std::optional<OutboxPost>> nextQueued() const;
    /// Number of posts in state Queued (what the UI reports as waiting to be sent).
    Result<std::int64_t> queuedCount() const;
    /// The media of a post, or nullopt (none, or already sent and released).
    Result<std::optional<OutboxMedia>> media(std::int64_t seq) const;

    /// Saves the uploaded file's URI into the post's content ("url") before it is sent.
    Result<void> setContentUri(std::int64_t seq, std::string_view mxc_uri);
    /// Marks the post in doubt: a PUT of it is about to leave. Call before every PUT; the
    /// mark is on disk before the request can reach the server.
    Result<void> markInDoubt(std::int64_t seq);
    /// Counts one more attempt and remembers its transient error; the post stays Queued,
    /// in doubt as `in_doubt` says (may this or an earlier PUT have reached the server?).
    Result<void> recordAttempt(std::int64_t seq, const Error& error, bool in_doubt);
    /// State Sent with the homeserver's event id; the media bytes are released. A post that
    /// is already gone (its echo came first) is not an error.
    Result<void> markSent(std::int64_t seq, std::string_view event_id, std::int64_t now_ms);
    /// State Failed with `error` (an error retrying cannot fix, e.g. 403 or 413): the server
    /// answered that it did not take the post, so it is no longer in doubt.
    Result<void> markFailed(std::int64_t seq, const Error& error);
    /// Failed → Queued again, keeping its transaction id and place. False if not Failed.
    Result<bool> requeue(std::string_view txn_id);
    /// Removes a Queued or Failed post (the user discards it) and its media. False if absent,
    /// Sent or in doubt (it may be on the server: see OutboxPost::in_doubt).
    Result<bool> discard(std::string_view txn_id);
    /// Removes every post and its media (the user signs out and agreed to discard them).
    Result<void> clear();
    /// Removes the posts that sync has confirmed. An echo confirms a post of the same room and
    /// event type: a Queued or Sent post by its transaction id (a Sent one only if the event
    /// id is the one /send returned), or a Sent post by its event id. A txn id in another
    /// room, of another type or of a Failed post confirms nothing. Sent posts marked sent
    /// before `synced_since_ms` go too (a sync started after /send answered includes the
    /// event, possibly inside a gap). Returns the removed posts' transaction ids.
    Result<std::vector<std::string>> confirm(const std::vector<OutboxEcho>& echoes,
                                             std::optional<std::int64_t> synced_since_ms);

private:
    Database& db_;
};

/// The vault's drafts: one per room (the composer's text), saved as the user types.
class Drafts {
public:
    explicit Drafts(Database& vault) noexcept : db_(vault) {}
    /// Saves (replaces) the room's draft; an empty `body` removes it. Errors: Storage.
    Result<void> save(std::string_view room_id, std::string_view body, std::int64_t now_ms);
    /// The room's draft, or nullopt. Errors: Storage.
    Result<std::optional<std::string>> load(std::string_view room_id) const;
    /// Room ids that have a draft.
    Result<std::vector<std::string>> rooms() const;

private:
    Database& db_;
};

}  // namespace renkei::store
