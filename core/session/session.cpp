#include "session/session.h"

#include <sodium.h>

#include <chrono>
#include <system_error>

#include "http/curl_transport.h"
#include "matrix/content/relation.h"
#include "matrix/display_text.h"
#include "matrix/event_types.h"
#include "session/clock.h"
#include "session/with_auth.h"
#include "store/redaction.h"

namespace renkei::session {
namespace {

using detail::nowMs;

// True when a database could not be read because its file is damaged or not a database.
bool isCorrupt(const Error& e) {
    return e.kind == ErrorKind::Storage && (e.errcode == "SQLITE_NOTADB" || e.errcode == "SQLITE_CORRUPT");
}

// A media post's body is its file name (or, with a `filename` beside it, a caption; spec:
// "Media captions"): front ends show it, so it must not reorder itself ("\u202egnp.exe").
void neutraliseFileName(store::StoredEvent& event) {
    if (event.type != matrix::kRoomMessage || !event.content.is_object()) return;
    const auto msgtype = event.content.find("msgtype");
    if (msgtype == event.content.end() || !msgtype->is_string()) return;
    const auto& kind = msgtype->get_ref<const std::string&>();
    if (kind != "m.image" && kind != "m.file" && kind != "m.video" && kind != "m.audio") return;
    const auto filename = event.content.find("filename");
    const bool captioned = filename != event.content.end() && filename->is_string() &&
                           *filename != event.content.value("body", nlohmann::json());
    if (filename != event.content.end() && filename->is_string()) {
        *filename = matrix::displayText(filename->get_ref<const std::string&>());
    }
    const auto body = event.content.find("body");
    if (body != event.content.end() && body->is_string()) {
        const auto lines = captioned ? matrix::TextLines::Multi : matrix::TextLines::Single;
        *body = matrix::displayText(body->get_ref<const std::string&>(), lines);
    }
}

// An event the server sent, shaped as the cache would hand it out (seq 0: not stored).
store::StoredEvent storedOf(matrix::RoomEvent&& event) {
    store::StoredEvent out;
    const auto relation = matrix::content::parseRelation(event.content);
    if (relation.type != matrix::content::Relation::Type::None) {
        out.rel_type = relation.rel_type;
        out.relates_to = relation.event_id;
    }
    out.event_id = std::move(event.event_id);
    out.type = std::move(event.type);
    out.sender = std::move(event.sender);
    out.origin_server_ts = event.origin_server_ts;
    out.state_key = std::move(event.state_key);
    out.transaction_id = std::move(event.transaction_id);
    out.redacts = std::move(event.redacts);
    out.redacted = event.arrived_redacted;
    // A server may still show a redacted event's content (e.g. to its admins): keep only
    // what the redaction rules keep, as the cache does.
    out.content = out.redacted ? store::detail::redactContent(out.type, event.content)
                               : std::move(event.content);
    return out;
}

// A refresh the server will not do ends the session: the password is needed again. The spec
// answers an unknown or already used refresh token with 401 M_UNKNOWN_TOKEN ("POST
// /_matrix/client/v3/refresh"); Synapse answers a superseded or expired one with 403
// M_FORBIDDEN, which callers would take for a missing permission (a post marked failed, "no
// permission" shown). Both become M_UNKNOWN_TOKEN (isAuthError); network errors, 429 and 5xx
// stay as they are: a later refresh may succeed.
constexpr std::string_view kRefusedRefresh = "the server refused the refresh token";

Error refusedRefresh(Error e) {
    const bool answered = e.kind == ErrorKind::Matrix || e.kind == ErrorKind::Http;
    if (!answered || (e.http_status != 401 && e.http_status != 403)) return e;
    e.message = std::string(kRefusedRefresh) + " (" +
                (e.errcode.empty() ? "HTTP " + std::to_string(e.http_status) : e.errcode) +
                "): " + e.message;
    e.kind = ErrorKind::Matrix;
    e.errcode = "M_UNKNOWN_TOKEN";
    e.soft_logout = false;
    return e;
}

}  // namespace

std::string newTransactionId() {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string id = "rk";
    for (int i = 0; i < 24; ++i) id += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
    return id;
}

Session::Session(SessionConfig config, store::Vault vault, store::Cache cache,
                 store::Cache reader)
    : config_(std::move(config)),
      vault_(std::move(vault)),
      cache_(std::move(cache)),
      reader_(std::move(reader)) {}

Session::~Session() { (void)checkpoint(); }

Result<std::unique_ptr<Session>> Session::open(SessionConfig config, store::KeyProvider& keys) {
    if (sodium_init() < 0) return fail(ErrorKind::Storage, "libsodium could not be initialised");
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool created = fs::create_directories(config.data_dir, ec);
    if (ec) return fail(ErrorKind::Storage, "cannot create the data directory: " + ec.message());
    // Private to its owner. An existing directory keeps its owner's bits: one made read-only
    // is not made writable behind the user's back (opening the vault then fails, clearly).
    if (created) {
        fs::permissions(config.data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    } else {
        fs::permissions(config.data_dir, fs::perms::group_all | fs::perms::others_all,
                        fs::perm_options::remove, ec);
    }
    auto account_keys = keys.loadOrCreate();
    if (!account_keys) return account_keys.failure();
    auto vault = store::Vault::open(config.data_dir, account_keys->vault);
    if (!vault) return vault.failure();
    auto cache = store::Cache::open(config.data_dir, account_keys->cache);
    if (!cache && isCorrupt(cache.error())) {
        // The vault unlocked with the same passphrase, so the cache is damaged, not foreign:
        // everything in it can be rebuilt by an initial sync. Drafts and session live in
        // the vault and are kept.
        if (auto erased = store::Cache::erase(config.data_dir); !erased) return erased.failure();
        cache = store::Cache::open(config.data_dir, account_keys->cache);
    }
    // The GUI's reads: same key, opened only once the writer has created and migrated it.
    Result<store::Cache> reader =
        cache ? store::Cache::openReadOnly(config.data_dir, account_keys->cache)
              : Result<store::Cache>(cache.failure());
    sodium_memzero(account_keys->vault.data(), account_keys->vault.size());
    sodium_memzero(account_keys->cache.data(), account_keys->cache.size());
    if (!cache) return cache.failure();
    if (!reader) return reader.failure();
    if (!config.transport) config.transport = std::make_shared<http::CurlTransport>();

    std::unique_ptr<Session> session(
        new Session(std::move(config), std::move(*vault), std::move(*cache), std::move(*reader)));
    auto stored = session->vault_.loadSession();
    if (!stored) return stored.failure();
    if (*stored) {
        session->stored_ = **stored;
        session->client_ = std::make_shared<matrix::MatrixClient>(session->config_.transport,
                                                                  (*stored)->homeserver);
        session->client_->setAccessToken((*stored)->access_token);
        if (auto r = session->cache_.setOwnUserId((*stored)->user_id); !r) return r.failure();
    }
    if (auto r = session->loadBinding(); !r) return r.failure();
    return session;
}

bool Session::loggedIn() const {
    std::lock_guard lock(state_mutex_);
    return stored_.has_value();
}

std::string Session::userId() const {
    std::lock_guard lock(state_mutex_);
    return stored_ ? stored_->user_id : std::string();
}

std::string Session::homeserver() const {
    std::lock_guard lock(state_mutex_);
    return stored_ ? stored_->homeserver : std::string();
}

std::string Session::deviceId() const {
    std::lock_guard lock(state_mutex_);
    return stored_ ? stored_->device_id : std::string();
}

std::shared_ptr<matrix::MatrixClient> Session::clientOrNull() const {
    std::lock_guard lock(state_mutex_);
    return client_;
}

Result<void> Session::refreshAccessToken() {
    std::optional<std::string> refresh_token;
    std::shared_ptr<matrix::MatrixClient> client;
    {
        std::lock_guard lock(state_mutex_);
        if (!stored_) return fail(ErrorKind::NotLoggedIn, "not logged in");
        refresh_token = stored_->refresh_token;
        client = client_;
    }
    if (!refresh_token) return fail(ErrorKind::NotLoggedIn, "the access token expired and there is no refresh token");
    auto refreshed = client->refresh(*refresh_token);
    if (!refreshed) return fail(refusedRefresh(refreshed.error()));
    store::StoredSession updated;
    {
        std::lock_guard lock(state_mutex_);
        if (!stored_) return fail(ErrorKind::NotLoggedIn, "logged out during refresh");
        stored_->access_token = refreshed->access_token;
        if (refreshed->refresh_token) stored_->refresh_token = refreshed->refresh_token;
        stored_->access_token_expires_at_ms =
            refreshed->expires_in_ms ? std::optional(nowMs() + *refreshed->expires_in_ms) : std::nullopt;
        updated = *stored_;
    }
    client->setAccessToken(updated.access_token);
    std::lock_guard lock(vault_mutex_);
    return vault_.saveSession(updated);
}

void Session::noteAuthFailure(const Error& error) {
    const bool rejected = isAuthError(error) && error.kind != ErrorKind::NotLoggedIn;
    // A refresh without a refresh token: the server wants the password again.
    const bool no_refresh = error.kind == ErrorKind::NotLoggedIn && loggedIn();
    if (!rejected && !no_refresh) return;
    // The device is gone (deleted from another computer): the token was refused outright,
    // not for its age (soft_logout) and not as a refresh token that may only have expired.
    const bool removed = error.kind == ErrorKind::Matrix && error.errcode == "M_UNKNOWN_TOKEN" &&
                         !error.soft_logout && !error.message.starts_with(kRefusedRefresh);
    std::lock_guard lock(state_mutex_);
    if (stored_) needs_reauthentication_ = true;
    if (stored_ && removed) device_removed_ = true;
}

Result<void> Session::ensureFilter() {
    {
        std::lock_guard lock(state_mutex_);
        if (!filter_id_.empty()) return {};
    }
    const std::string user = userId();
    auto id = withAuth([&](matrix::MatrixClient& c) { return c.uploadFilter(user, config_.timeline_limit); });
    if (!id) return id.failure();
    std::lock_guard lock(state_mutex_);
    filter_id_ = *id;
    return {};
}

Result<store::ChangeSet> Session::syncOnce(int timeout_ms, const http::CancelToken* cancel) {
    if (auto r = ensureFilter(); !r) return r.failure();
    matrix::SyncRequest request;
    request.timeout_ms = timeout_ms;
    {
        std::lock_guard lock(state_mutex_);
        request.filter = filter_id_;
    }
    {
        std::lock_guard lock(store_mutex_);
        auto token = cache_.syncToken();
        if (!token) return token.failure();
        request.since = *token;
    }
    const std::int64_t started_ms = nowMs();
    auto response = withAuth([&](matrix::MatrixClient& c) { return c.sync(request, cancel); });
    if (!response) return response.failure();
    Result<store::ChangeSet> changes = [&] {
        std::lock_guard lock(store_mutex_);
        return cache_.applySync(*response);
    }();
    if (!changes) return changes;
    // The batch is stored: the outbox may forget the posts it contains (their echoes).
    auto confirmed = confirmEchoes(*response, started_ms);
    if (!confirmed) return confirmed.failure();
    changes->confirmed_txn_ids = std::move(*confirmed);
    // Another member closed a patient room: leave it too; it stays cached, archived.
    (void)archiveClosedRooms();
    return changes;
}

Result<std::vector<store::RoomSummaryRow>> Session::rooms() const {
    auto rows = allRooms();
    if (!rows) return rows;
    if (auto r = splitArchived(*rows, nullptr); !r) return r.failure();  // archivedRooms()
    return rows;
}

Result<std::vector<store::RoomSummaryRow>> Session::allRooms() const {
    auto rows = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.rooms();
    }();
    if (!rows) return rows;
    for (auto& row : *rows) {
        row.name = matrix::displayText(row.name);
        row.topic = matrix::displayText(row.topic, matrix::TextLines::Multi);
        row.last_body = matrix::displayText(row.last_body);
        if (row.inviter) row.inviter = matrix::displayText(*row.inviter);
    }
    return rows;
}

Result<std::vector<store::StoredEvent>> Session::timeline(
    const std::string& room_id, int limit, const std::optional<std::string>& before_event_id) const {
    auto events = [&] {
        std::lock_guard lock(reader_mutex_);
        if (before_event_id) return reader_.eventsBefore(room_id, *before_event_id, limit);
        return reader_.latestEvents(room_id, limit);
    }();
    if (!events) return events;
    for (auto& event : *events) neutraliseFileName(event);
    return events;
}

Result<std::optional<store::StoredEvent>> Session::cachedEvent(const std::string& room_id,
                                                               const std::string& event_id) const {
    auto found = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.event(room_id, event_id);
    }();
    if (found && *found) neutraliseFileName(**found);
    return found;
}

Result<std::vector<store::StoredEvent>> Session::relatedEvents(const std::string& room_id,
                                                               const std::string& target_event_id,
                                                               const std::string& rel_type) const {
    auto related = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.relatedEvents(room_id, target_event_id, rel_type);
    }();
    if (related) {
        for (auto& event : *related) neutraliseFileName(event);
    }
    return related;
}

Result<store::StoredEvent> Session::fetchEvent(const std::string& room_id, const std::string& event_id,
                                               const http::CancelToken* cancel) {
    auto cached = cachedEvent(room_id, event_id);
    if (!cached) return cached.failure();
    if (*cached) return std::move(**cached);
    auto fetched = withAuth([&](matrix::MatrixClient& c) { return c.roomEvent(room_id, event_id, cancel); });
    if (!fetched) return fetched.failure();
    store::StoredEvent event = storedOf(std::move(*fetched));
    neutraliseFileName(event);
    return event;
}

std::string Session::displayName(const std::string& room_id, const std::string& user_id) const {
    auto name = [&] {
        std::lock_guard lock(reader_mutex_);
        return reader_.memberName(room_id, user_id);
    }();
    if (!name) return matrix::displayText(user_id);
    return matrix::memberDisplayName(user_id, name->displayname, name->shared);
}

Result<std::optional<nlohmann::json>> Session::stateContent(const std::string& room_id,
                                                           const std::string& type,
                                                           const std::string& state_key) const {
    std::lock_guard lock(reader_mutex_);
    return reader_.stateContent(room_id, type, state_key);
}

Result<std::vector<matrix::Receipt>> Session::receipts(const std::string& room_id) const {
    std::lock_guard lock(reader_mutex_);
    return reader_.receipts(room_id);
}

Result<std::vector<store::Gap>> Session::gaps(const std::string& room_id) const {
    std::lock_guard lock(reader_mutex_);
    return reader_.gaps(room_id);
}

Result<std::size_t> Session::fillGap(const std::string& room_id,
                                     const std::optional<std::string>& before_event_id, int limit) {
    std::optional<store::Gap> gap;
    {
        std::lock_guard lock(store_mutex_);
        auto found = cache_.gapBefore(room_id, before_event_id);
        if (!found) return found.failure();
        gap = *found;
    }
    if (!gap) return std::size_t{0};
    matrix::MessagesRequest request;
    request.room_id = room_id;
    request.from = gap->prev_batch;
    request.dir = 'b';
    request.limit = limit;
    auto page = withAuth([&](matrix::MatrixClient& c) { return c.messages(request); });
    if (!page) return page.failure();
    std::lock_guard lock(store_mutex_);
    auto changes = cache_.applyBackfill(*gap, *page);
    if (!changes) return changes.failure();
    return changes->events_added;
}

Result<std::string> Session::sendText(const std::string& room_id, const std::string& body) {
    const nlohmann::json content = {{"msgtype", "m.text"}, {"body", body}};
    const std::string txn = newTransactionId();
    return withAuth([&](matrix::MatrixClient& c) {
        return c.sendMessageEvent(room_id, matrix::kRoomMessage, txn, content);
    });
}

Result<std::string> Session::sendImage(const std::string& room_id, std::string bytes,
                                       const std::string& content_type,
                                       const std::string& filename, int width, int height) {
    if (bytes.empty()) return fail(ErrorKind::InvalidArgument, "image: no bytes");
    if (content_type.empty()) return fail(ErrorKind::InvalidArgument, "image: no content type");
    if (width <= 0 || height <= 0) {
        return fail(ErrorKind::InvalidArgument, "image: width and height must be > 0");
    }
    const auto size = bytes.size();
    // withAuth may call twice (after a token refresh): upload from a copy each time.
    auto uri = withAuth([&](matrix::MatrixClient& c) {
        return c.uploadMedia(bytes, content_type, filename);
    });
    if (!uri) return uri.failure();
    const nlohmann::json content = {
        {"msgtype", "m.image"},
        {"body", filename},
        {"url", *uri},
        {"info", {{"mimetype", content_type}, {"size", size}, {"w", width}, {"h", height}}},
    };
    const std::string txn = newTransactionId();
    return withAuth([&](matrix::MatrixClient& c) {
        return c.sendMessageEvent(room_id, matrix::kRoomMessage, txn, content);
    });
}

Result<matrix::DownloadedMedia> Session::fetchMedia(const std::string& mxc_uri,
                                                    const http::CancelToken* cancel) {
    return withAuth([&](matrix::MatrixClient& c) { return c.downloadMedia(mxc_uri, cancel); });
}

Result<matrix::DownloadedMedia> Session::fetchThumbnail(const std::string& mxc_uri, int width,
                                                        int height,
                                                        const http::CancelToken* cancel) {
    return withAuth([&](matrix::MatrixClient& c) {
        return c.downloadThumbnail(mxc_uri, width, height, cancel);
    });
}

Result<std::string> Session::createRoom(const std::string& name, const std::vector<std::string>& invite,
                                        const std::optional<std::string>& room_type) {
    matrix::CreateRoomRequest request;
    request.name = name;
    request.invite = invite;
    request.room_type = room_type;
    return withAuth([&](matrix::MatrixClient& c) { return c.createRoom(request); });
}

Result<std::string> Session::joinRoom(const std::string& room_id) {
    auto joined = withAuth([&](matrix::MatrixClient& c) { return c.join(room_id); });
    if (joined) introduceIn(*joined);
    return joined;
}

Result<void> Session::leaveRoom(const std::string& room_id) {
    return withAuth([&](matrix::MatrixClient& c) { return c.leave(room_id); });
}

Result<void> Session::invite(const std::string& room_id, const std::string& user_id) {
    return withAuth([&](matrix::MatrixClient& c) { return c.invite(room_id, user_id); });
}

Result<void> Session::sendReadReceipt(const std::string& room_id, const std::string& event_id) {
    return withAuth([&](matrix::MatrixClient& c) { return c.sendReceipt(room_id, event_id); });
}

Result<void> Session::checkpoint() {
    {
        std::lock_guard lock(vault_mutex_);
        if (auto r = vault_.checkpoint(); !r) return r;
    }
    std::lock_guard lock(store_mutex_);
    return cache_.checkpoint();
}

}  // namespace renkei::session
