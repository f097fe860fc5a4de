// Session: drafts and the outbox (offline first). See session.h and store/outbox.h.
#include <chrono>
#include <set>

#include "http/curl_transport.h"
#include "matrix/event_types.h"
#include "session/session.h"
#include "session/clock.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

using detail::nowMs;

/// Content that names its file by "url" (spec: "m.image", "m.file", "m.audio", "m.video")
/// but has none yet: it cannot be sent without its upload.
bool lacksItsUpload(const nlohmann::json& content) {
    if (!content.is_object() || content.contains("url")) return false;
    const auto type = content.find("msgtype");
    if (type == content.end() || !type->is_string()) return false;
    const auto& t = type->get_ref<const std::string&>();
    return t == "m.image" || t == "m.file" || t == "m.audio" || t == "m.video";
}

/// Sends one outbox post with its transaction id: a redaction through
/// PUT /rooms/{roomId}/redact/{eventId}/{txnId} (spec: "Redactions"), anything else through
/// PUT /rooms/{roomId}/send/{eventType}/{txnId}. A redaction without a target cannot be sent.
Result<std::string> sendPost(matrix::MatrixClient& client, const store::OutboxPost& post,
                             const http::CancelToken* cancel) {
    if (post.event_type != matrix::kRedaction) {
        return client.sendMessageEvent(post.room_id, post.event_type, post.txn_id, post.content, cancel);
    }
    const auto target = post.content.find("redacts");
    if (target == post.content.end() || !target->is_string()) {
        return fail(ErrorKind::InvalidArgument, "the queued deletion names no post");
    }
    const auto reason = post.content.find("reason");
    const std::string why = reason != post.content.end() && reason->is_string() ? reason->get<std::string>() : "";
    return client.redactEvent(post.room_id, target->get<std::string>(), post.txn_id, why, cancel);
}

}  // namespace

bool isAuthError(const Error& error) {
    if (error.kind == ErrorKind::NotLoggedIn) return true;
    return error.kind == ErrorKind::Matrix &&
           (error.errcode == "M_UNKNOWN_TOKEN" || error.errcode == "M_MISSING_TOKEN");
}

bool isPermanentSendError(const Error& error) {
    if (error.kind == ErrorKind::InvalidArgument) return true;
    if (error.kind != ErrorKind::Matrix && error.kind != ErrorKind::Http) return false;
    if (isAuthError(error)) return false;
    const int status = error.http_status;
    return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
}

bool mayHaveReachedServer(const Error& error) {
    switch (error.kind) {
        case ErrorKind::Http:
        case ErrorKind::Matrix: return error.http_status >= 500 || error.http_status == 0;
        case ErrorKind::RateLimited:
        case ErrorKind::NotLoggedIn:
        case ErrorKind::InvalidArgument: return false;
        case ErrorKind::Network:
        case ErrorKind::Tls: return !http::requestNeverSent(error);
        default: return true;  // Timeout, Cancelled, Parse, TooLarge (a 2xx came), Storage
    }
}

Result<void> Session::saveDraft(const std::string& room_id, const std::string& body) {
    if (room_id.empty()) return fail(ErrorKind::InvalidArgument, "draft: empty room id");
    std::lock_guard lock(vault_mutex_);
    return store::Drafts(vault_.database()).save(room_id, body, nowMs());
}

Result<std::optional<std::string>> Session::draft(const std::string& room_id) const {
    std::lock_guard lock(vault_mutex_);
    return store::Drafts(vault_.database()).load(room_id);
}

Result<store::OutboxPost> Session::enqueue(const std::string& room_id, const std::string& event_type,
                                           const nlohmann::json& content, const store::OutboxMedia* media,
                                           bool clear_draft, const std::string& record_draft_kind) {
    if (room_id.empty()) return fail(ErrorKind::InvalidArgument, "queue: empty room id");
    const std::string txn = newTransactionId();
    std::lock_guard lock(vault_mutex_);
    auto& db = vault_.database();
    return db.transaction([&]() -> Result<store::OutboxPost> {
        auto post = store::Outbox(db).enqueue(room_id, event_type, content, txn, nowMs(), media, clear_draft);
        if (!post || record_draft_kind.empty()) return post;
        if (auto r = store::RecordDrafts(db).remove(room_id, record_draft_kind); !r) return r.failure();
        return post;
    });
}

Result<store::OutboxPost> Session::queueText(const std::string& room_id, const std::string& body) {
    return queueText(room_id, body, care::PostContext{});
}

Result<store::OutboxPost> Session::queueText(const std::string& room_id, const std::string& body,
                                             const care::PostContext& context) {
    if (body.empty()) return fail(ErrorKind::InvalidArgument, "queue: empty message");
    nlohmann::json content = {{"msgtype", "m.text"}, {"body", body}};
    care::addPostContext(content, context);
    return enqueue(room_id, matrix::kRoomMessage, content, nullptr, /*clear_draft=*/true);
}

Result<std::vector<store::OutboxPost>> Session::outbox(const std::string& room_id) const {
    std::lock_guard lock(vault_mutex_);
    return store::Outbox(vault_.database()).posts(room_id);
}

Result<std::int64_t> Session::queuedCount() const {
    std::lock_guard lock(vault_mutex_);
    return store::Outbox(vault_.database()).queuedCount();
}

Result<bool> Session::retryPost(const std::string& txn_id) {
    std::lock_guard lock(vault_mutex_);
    return store::Outbox(vault_.database()).requeue(txn_id);
}

Result<bool> Session::discardPost(const std::string& txn_id) {
    std::lock_guard lock(vault_mutex_);
    if (txn_id == sending_txn_) return false;
    return store::Outbox(vault_.database()).discard(txn_id);
}

Result<void> Session::clearOutbox() {
    std::lock_guard lock(vault_mutex_);
    store::Database& db = vault_.database();
    return db.transaction([&]() -> Result<void> {
        if (auto r = store::Outbox(db).clear(); !r) return r;
        return store::PendingRooms(db).clear();
    });
}

Result<std::optional<store::OutboxPost>> Session::settleSendError(store::OutboxPost post,
                                                                  const Error& error,
                                                                  bool in_doubt) {
    std::lock_guard lock(vault_mutex_);
    store::Outbox outbox(vault_.database());
    if (!isPermanentSendError(error)) {
        // Best effort: the count of attempts is for the UI; the post stays queued anyway (and
        // in doubt if it was: markInDoubt wrote that before the PUT).
        (void)outbox.recordAttempt(post.seq, error, in_doubt);
        return fail(error);
    }
    if (auto r = outbox.markFailed(post.seq, error); !r) return r.failure();
    post.state = store::OutboxState::Failed;
    post.last_error = error;
    post.in_doubt = false;
    ++post.attempts;
    return std::optional<store::OutboxPost>(std::move(post));
}

Result<std::optional<store::OutboxPost>> Session::sendNextQueued(const http::CancelToken* cancel) {
    std::optional<store::OutboxPost> next;
    {
        std::lock_guard lock(vault_mutex_);
        auto found = store::Outbox(vault_.database()).nextQueued();
        if (!found) return found.failure();
        next = std::move(*found);
        if (next) sending_txn_ = next->txn_id;  // discardPost leaves it alone from now on
    }
    if (!next) return next;
    struct NotSending {  // on every way out
        Session& session;
        ~NotSending() {
            std::lock_guard lock(session.vault_mutex_);
            session.sending_txn_.clear();
        }
    } not_sending{*this};
    store::OutboxPost post = std::move(*next);

    if (!post.content_uri && (post.has_media || lacksItsUpload(post.content))) {
        std::optional<store::OutboxMedia> media;
        {
            std::lock_guard lock(vault_mutex_);
            auto loaded = store::Outbox(vault_.database()).media(post.seq);
            if (!loaded) return loaded.failure();
            media = std::move(*loaded);
        }
        const bool in_doubt = post.in_doubt;  // (from an earlier PUT; an upload changes nothing)
        if (!media) {  // lost from the vault: sending the post without it would be untrue
            Error missing = makeError(ErrorKind::InvalidArgument, "the attached image is missing");
            return settleSendError(std::move(post), missing, in_doubt);
        }
        // An interrupted upload starts again from the vault's copy (no partial state).
        auto uri = withAuth([&](matrix::MatrixClient& c) {
            return c.uploadMedia(media->bytes, media->content_type, media->filename, cancel);
        });
        if (!uri) return settleSendError(std::move(post), uri.error(), in_doubt);
        {
            std::lock_guard lock(vault_mutex_);
            if (auto r = store::Outbox(vault_.database()).setContentUri(post.seq, *uri); !r) {
                return r.failure();
            }
        }
        post.content["url"] = *uri;
        post.content_uri = *uri;
    }

    const bool was_in_doubt = post.in_doubt;
    {
        // On disk before the request can reach the server: after a lost answer or a crash
        // from here on, the post is known to be possibly there (discardPost refuses it).
        std::lock_guard lock(vault_mutex_);
        if (auto r = store::Outbox(vault_.database()).markInDoubt(post.seq); !r) return r.failure();
    }
    auto sent = withAuth([&](matrix::MatrixClient& c) { return sendPost(c, post, cancel); });
    if (!sent) {
        const bool in_doubt = was_in_doubt || mayHaveReachedServer(sent.error());
        return settleSendError(std::move(post), sent.error(), in_doubt);
    }
    {
        std::lock_guard lock(vault_mutex_);
        if (auto r = store::Outbox(vault_.database()).markSent(post.seq, *sent, nowMs()); !r) {
            return r.failure();  // still queued: the retry's txn id returns the same event
        }
    }
    post.state = store::OutboxState::Sent;
    post.event_id = *sent;
    post.last_error.reset();
    ++post.attempts;
    return std::optional<store::OutboxPost>(std::move(post));
}

Result<std::vector<std::string>> Session::confirmEchoes(const matrix::SyncResponse& response,
                                                        std::int64_t request_started_ms) {
    const std::string me = userId();
    std::vector<store::OutboxEcho> echoes;
    for (const auto& [room_id, room] : response.join) {
        for (const auto& event : room.timeline.events) {
            // Posts are message events: a state event is never the echo of one.
            if (event.sender != me || event.state_key || event.event_id.empty()) continue;
            echoes.push_back({room_id, event.type, event.event_id, event.transaction_id});
        }
    }
    std::lock_guard lock(vault_mutex_);
    return store::Outbox(vault_.database()).confirm(echoes, request_started_ms);
}

bool Session::needsReauthentication() const {
    std::lock_guard lock(state_mutex_);
    return needs_reauthentication_;
}

Result<void> Session::reauthenticate(const std::string& password) {
    const std::string user = userId();
    const std::string server = homeserver();
    if (user.empty()) return fail(ErrorKind::NotLoggedIn, "no account to sign in to again");
    return login(server, user, password);
}

}  // namespace renkei::session
