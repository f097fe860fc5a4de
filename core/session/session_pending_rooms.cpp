// Session: patient rooms opened offline (部屋の開設待ち) — queued with their consent scan,
// opened exactly once when online, the scan posted as the room's first file. See session.h
// and store/pending_rooms.h.
#include "care/care_plan.h"
#include "session/clock.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

using detail::nowMs;

/// The scan's readable body: 「同意書の写し（<file name>）」.
std::string scanBody(const std::string& filename) { return "同意書の写し（" + filename + "）"; }

}  // namespace

Result<std::string> Session::queuePatientRoom(care::PatientRoomPlan plan, std::optional<store::OutboxMedia> scan) {
    if (plan.creation_id.empty()) plan.creation_id = newTransactionId();
    // The same refusals as openPatientRoom, before anything is stored.
    if (auto request = care::createRoomRequest(plan, userId()); !request) return request.failure();
    if (scan) {
        if (auto checked = checkFile(*scan); !checked) return checked.failure();
    }
    auto doc = care::planToJson(plan);
    if (!doc) return doc.failure();
    std::lock_guard lock(vault_mutex_);
    auto added = store::PendingRooms(vault_.database()).add(plan.creation_id, *doc, scan ? &*scan : nullptr, nowMs());
    if (!added) return added.failure();
    return plan.creation_id;
}

Result<std::vector<store::PendingRoom>> Session::pendingRooms() const {
    std::lock_guard lock(vault_mutex_);
    return store::PendingRooms(vault_.database()).list();
}

Result<bool> Session::retryPendingRoom(const std::string& creation_id) {
    std::lock_guard lock(vault_mutex_);
    return store::PendingRooms(vault_.database()).requeue(creation_id);
}

Result<bool> Session::discardPendingRoom(const std::string& creation_id) {
    std::lock_guard lock(vault_mutex_);
    if (creation_id == opening_id_) return false;
    return store::PendingRooms(vault_.database()).discard(creation_id);
}

Result<std::optional<store::PendingRoomOutcome>> Session::settlePendingRoom(store::PendingRoom room,
                                                                            const Error& error) {
    std::lock_guard lock(vault_mutex_);
    store::PendingRooms pending(vault_.database());
    if (!isPermanentSendError(error)) {
        (void)pending.recordAttempt(room.creation_id, error);  // best effort: a count for the UI
        return fail(error);
    }
    if (auto r = pending.markFailed(room.creation_id, error); !r) return r.failure();
    room.state = store::PendingRoomState::Failed;
    room.last_error = error;
    ++room.attempts;
    return std::optional<store::PendingRoomOutcome>(store::PendingRoomOutcome{std::move(room), std::nullopt});
}

Result<std::optional<store::PendingRoomOutcome>> Session::openNextPendingRoom(const http::CancelToken* cancel) {
    std::optional<store::PendingRoom> next;
    {
        std::lock_guard lock(vault_mutex_);
        auto found = store::PendingRooms(vault_.database()).nextQueued();
        if (!found) return found.failure();
        next = std::move(*found);
        if (next) opening_id_ = next->creation_id;  // discardPendingRoom leaves it alone now
    }
    if (!next) return std::optional<store::PendingRoomOutcome>();
    struct NotOpening {  // on every way out
        Session& session;
        ~NotOpening() {
            std::lock_guard lock(session.vault_mutex_);
            session.opening_id_.clear();
        }
    } not_opening{*this};
    store::PendingRoom room = std::move(*next);

    auto plan = care::parsePlan(room.plan);
    if (!plan || plan->creation_id != room.creation_id) {
        return settlePendingRoom(std::move(room), makeError(ErrorKind::InvalidArgument, "the queued room is damaged"));
    }
    if (room.has_scan && !room.scan_mxc) {
        std::optional<store::OutboxMedia> scan;
        {
            std::lock_guard lock(vault_mutex_);
            auto loaded = store::PendingRooms(vault_.database()).scan(room.creation_id);
            if (!loaded) return loaded.failure();
            scan = std::move(*loaded);
        }
        if (!scan) {
            Error missing = makeError(ErrorKind::InvalidArgument, "the consent scan is missing");
            return settlePendingRoom(std::move(room), missing);
        }
        auto uri = withAuth([&](matrix::MatrixClient& c) {
            return c.uploadMedia(scan->bytes, scan->content_type, scan->filename, cancel);
        });
        if (!uri) return settlePendingRoom(std::move(room), uri.error());
        {
            // Saved before the room is opened: a retry after any failure below reuses it.
            std::lock_guard lock(vault_mutex_);
            if (auto r = store::PendingRooms(vault_.database()).setScanUri(room.creation_id, *uri); !r) {
                return r.failure();
            }
        }
        room.scan_mxc = *uri;
    }
    if (room.scan_mxc && plan->consent) plan->consent->scan_mxc = room.scan_mxc;

    auto opened = openPatientRoom(*plan);
    if (!opened) return settlePendingRoom(std::move(room), opened.error());

    std::optional<nlohmann::json> post;
    if (room.has_scan && room.scan_mxc) {
        store::OutboxMedia described{{}, room.scan_content_type, room.scan_filename, room.scan_width, room.scan_height};
        post = filePostContent(described, static_cast<std::uint64_t>(room.scan_size), scanBody(room.scan_filename));
        (*post)["url"] = *room.scan_mxc;
    }
    {
        std::lock_guard lock(vault_mutex_);
        auto done = store::PendingRooms(vault_.database())
                        .complete(room.creation_id, *opened, post ? &*post : nullptr, newTransactionId(), nowMs());
        // Still queued: the retry finds the room by its creation id and opens no other.
        if (!done) return done.failure();
    }
    return std::optional<store::PendingRoomOutcome>(store::PendingRoomOutcome{std::move(room), *opened});
}

}  // namespace renkei::session
