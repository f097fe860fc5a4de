// Renkei core: the Client-Server API endpoints (spec v1.11, paths under /_matrix/client/v3;
// media under /_matrix/media/v3 (upload) and /_matrix/client/v1/media (authenticated download)).
// Every path segment that carries an id is percent-encoded whole: ids are opaque and never
// parsed. Tokens travel only in the Authorization header, never in URLs or Error::message.
#include "matrix/client.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <chrono>
#include <exception>

#include "matrix/json_util.h"

namespace renkei::matrix {

using detail::json;

namespace {

constexpr std::string_view kClientPrefix = "/_matrix/client/v3";
/// /sync long-polls for timeout_ms; the transport may take this much longer before giving up.
constexpr std::chrono::milliseconds kSyncGrace{30'000};

/// /sync and /messages answers larger than this are cut off (TooLarge): a filtered sync of
/// 50 events per room stays far below it, and nothing larger may be held in memory.
constexpr std::size_t kSyncMaxBytes = std::size_t{64} << 20;
/// Media downloads while the server has not said its limit (m.upload.size): Synapse's
/// default max_upload_size. Whatever it says, at most kMediaCeiling: the bytes stay in memory.
constexpr std::size_t kMediaDefaultBytes = std::size_t{50} << 20;
constexpr std::size_t kMediaFloor = std::size_t{1} << 20;
constexpr std::size_t kMediaCeiling = std::size_t{200} << 20;

constexpr std::string_view kMediaUploadPrefix = "/_matrix/media/v3";
constexpr std::string_view kMediaPrefix = "/_matrix/client/v1/media";
/// Media transfers may be several megabytes over a clinic's uplink.
constexpr std::chrono::milliseconds kMediaTimeout{300'000};

/// One request to the homeserver. `path` starts with '/', is relative to `prefix` and
/// is already percent-encoded (query included).
struct Call {
    const char* label;  ///< endpoint name for error messages, e.g. "login"
    const char* method;
    std::string path;
    const json* body = nullptr;  ///< serialised as the JSON body; nullptr: no body
    bool auth = true;            ///< send the access token; fail if there is none
    std::chrono::milliseconds total_timeout{60'000};
    std::size_t max_response_bytes = http::kDefaultMaxResponseBytes;
    const http::CancelToken* cancel = nullptr;
    std::string_view prefix = kClientPrefix;
    std::string raw_body{};           ///< sent as is when `body` is null and content_type is set
    std::string content_type{};       ///< Content-Type of raw_body
};

/// Appends `key=value` to a query string, percent-encoding the value.
void addQuery(std::string& path, std::string_view key, std::string_view value) {
    path += path.find('?') == std::string::npos ? '?' : '&';
    path += key;
    path += '=';
    path += urlEncode(value);
}

/// Sends `call`; a non-2xx answer becomes an Error via errorFromResponse. Errors: the
/// transport's, NotLoggedIn (auth needed, no token), InvalidArgument (body not UTF-8),
/// Matrix / RateLimited / Http.
Result<http::Response> perform(http::Transport& transport, const std::string& base_url,
                               const std::string& token, const Call& call) {
    if (call.auth && token.empty()) {
        return fail(ErrorKind::NotLoggedIn, std::string(call.label) + ": no access token");
    }
    http::Request req;
    req.method = call.method;
    req.url.reserve(base_url.size() + call.prefix.size() + call.path.size());
    req.url.append(base_url).append(call.prefix).append(call.path);
    req.total_timeout = call.total_timeout;
    req.max_response_bytes = call.max_response_bytes;
    if (call.auth) req.headers.emplace_back("Authorization", "Bearer " + token);
    if (call.body != nullptr) {
        try {
            req.body = call.body->dump();
        } catch (const json::exception&) {
            // dump() throws on invalid UTF-8 in a string; never quote what it was.
            return fail(ErrorKind::InvalidArgument,
                        std::string(call.label) + ": request body is not valid UTF-8");
        }
        req.headers.emplace_back("Content-Type", "application/json");
    } else if (!call.content_type.empty()) {
        req.body = call.raw_body;
        req.headers.emplace_back("Content-Type", call.content_type);
    }
    auto response = transport.perform(req, call.cancel);
    if (!response) return response.failure();
    if (response->status < 200 || response->status >= 300) {
        Error e = errorFromResponse(*response);
        e.message = std::string(call.label) + ": " + e.message;
        return fail(std::move(e));
    }
    return response;
}

/// A media answer: the body and its declared type (Content-Type without parameters, lower case).
DownloadedMedia mediaOf(http::Response&& response) {
    DownloadedMedia media;
    media.bytes = std::move(response.body);
    if (auto type = response.headers.find("content-type"); type != response.headers.end()) {
        std::string_view value = type->second;
        value = value.substr(0, value.find(';'));
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
            value.remove_suffix(1);
        }
        media.content_type.reserve(value.size());
        for (char c : value) {
            media.content_type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return media;
}

/// Parse error for a 2xx body of the wrong shape.
Failure malformed(const Call& call, long status, const char* what) {
    Error e = makeError(ErrorKind::Parse, std::string(call.label) + ": " + what);
    e.http_status = static_cast<int>(status);
    return fail(std::move(e));
}

/// A parsed 2xx answer.
struct Answer {
    long status = 0;
    json doc;
};

/// perform() and parse the 2xx body as a JSON object. Errors: perform()'s, Parse.
Result<Answer> performJson(http::Transport& transport, const std::string& base_url,
                           const std::string& token, const Call& call) {
    auto response = perform(transport, base_url, token, call);
    if (!response) return response.failure();
    auto doc = detail::parseObject(response->body, call.label);
    if (!doc) {
        Error e = doc.error();
        e.http_status = static_cast<int>(response->status);
        return fail(std::move(e));
    }
    return Answer{response->status, std::move(doc).value()};
}

/// performJson() and take the non-empty string `key` from the answer (e.g. event_id).
Result<std::string> performForString(http::Transport& transport, const std::string& base_url,
                                     const std::string& token, const Call& call,
                                     std::string_view key) {
    auto answer = performJson(transport, base_url, token, call);
    if (!answer) return answer.failure();
    auto value = detail::takeString(answer->doc, key);
    if (!value || value->empty()) return malformed(call, answer->status, "answer lacks an id");
    return std::move(*value);
}

/// perform() and parse the 2xx body with `parse` (a responses.h parser, or parseSyncResponse);
/// a parse error gets the response's HTTP status. Errors: perform()'s, Parse.
template <class Parse>
auto performParsed(http::Transport& transport, const std::string& base_url, const std::string& token,
                   const Call& call, Parse&& parse) -> decltype(parse(std::string_view{})) {
    auto response = perform(transport, base_url, token, call);
    if (!response) return response.failure();
    auto parsed = parse(response->body);
    if (!parsed) {
        Error e = std::move(parsed).error();
        e.http_status = static_cast<int>(response->status);
        return fail(std::move(e));
    }
    return parsed;
}

/// "/{serverName}/{mediaId}" of a content URI, percent-encoded. Errors: InvalidArgument.
Result<std::string> mediaPath(const std::string& mxc_uri) {
    auto mxc = parseMxcUri(mxc_uri);
    if (!mxc) return mxc.failure();
    return "/" + urlEncode(mxc->server) + "/" + urlEncode(mxc->media_id);
}

std::string roomPath(const std::string& room_id, std::string_view rest) {
    std::string path = "/rooms/" + urlEncode(room_id);
    path += rest;
    return path;
}

}  // namespace

MatrixClient::MatrixClient(std::shared_ptr<http::Transport> transport, std::string base_url)
    : transport_(std::move(transport)), base_url_(std::move(base_url)) {
    assert(transport_ != nullptr);
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

void MatrixClient::setAccessToken(std::string token) {
    std::lock_guard lock(token_mutex_);
    access_token_ = std::move(token);
}

std::string MatrixClient::token() const {
    std::lock_guard lock(token_mutex_);
    return access_token_;
}

Result<LoginResponse> MatrixClient::login(const LoginRequest& request) {
    json body = {
        {"type", "m.login.password"},
        {"identifier", {{"type", "m.id.user"}, {"user", request.user}}},
        {"password", request.password},
        {"refresh_token", request.refresh_token},
    };
    if (request.device_id) body["device_id"] = *request.device_id;
    if (!request.initial_device_display_name.empty()) {
        body["initial_device_display_name"] = request.initial_device_display_name;
    }
    Call call{"login", "POST", "/login", &body, false};
    return performParsed(*transport_, base_url_, token(), call, &parseLoginResponse);
}

Result<RefreshResponse> MatrixClient::refresh(const std::string& refresh_token) {
    const json body = {{"refresh_token", refresh_token}};
    // No Authorization: the access token is typically the expired one being replaced.
    Call call{"refresh", "POST", "/refresh", &body, false};
    return performParsed(*transport_, base_url_, token(), call, &parseRefreshResponse);
}

Result<WhoAmI> MatrixClient::whoami() {
    Call call{"whoami", "GET", "/account/whoami"};
    return performParsed(*transport_, base_url_, token(), call, &parseWhoAmI);
}

Result<void> MatrixClient::logout() {
    const json body = json::object();
    auto r =
        perform(*transport_, base_url_, token(), Call{"logout", "POST", "/logout", &body});
    if (!r) return r.failure();
    return {};
}

Result<std::string> MatrixClient::uploadFilter(const std::string& user_id, int timeline_limit) {
    if (timeline_limit <= 0) return fail(ErrorKind::InvalidArgument, "filter: limit must be > 0");
    // Synapse reads lazy_load_members only under room.state (PROTOCOL.md).
    const json body = {
        {"room",
         {{"state", {{"lazy_load_members", true}}}, {"timeline", {{"limit", timeline_limit}}}}},
    };
    Call call{"filter", "POST", "/user/" + urlEncode(user_id) + "/filter", &body};
    return performForString(*transport_, base_url_, token(), call, "filter_id");
}

Result<SyncResponse> MatrixClient::sync(const SyncRequest& request,
                                        const http::CancelToken* cancel) {
    if (request.timeout_ms < 0) return fail(ErrorKind::InvalidArgument, "sync: timeout < 0");
    Call call{"sync", "GET", "/sync"};
    addQuery(call.path, "timeout", std::to_string(request.timeout_ms));
    if (request.since) addQuery(call.path, "since", *request.since);
    if (request.filter) addQuery(call.path, "filter", *request.filter);
    if (request.full_state) addQuery(call.path, "full_state", "true");
    call.total_timeout = std::chrono::milliseconds(request.timeout_ms) + kSyncGrace;
    call.max_response_bytes = kSyncMaxBytes;
    call.cancel = cancel;
    return performParsed(*transport_, base_url_, token(), call, &parseSyncResponse);
}

Result<std::string> MatrixClient::createRoom(const CreateRoomRequest& request) {
    if (!request.initial_state.is_array()) {
        return fail(ErrorKind::InvalidArgument, "createRoom: initial_state must be an array");
    }
    if (request.power_level_content_override &&
        !request.power_level_content_override->is_object()) {
        return fail(ErrorKind::InvalidArgument, "createRoom: power levels must be an object");
    }
    json body = {{"preset", request.preset}, {"invite", request.invite}};
    if (!request.name.empty()) body["name"] = request.name;
    if (request.topic) body["topic"] = *request.topic;
    if (!request.creation_content.is_object()) {
        return fail(ErrorKind::InvalidArgument, "createRoom: creation_content must be an object");
    }
    json creation = request.creation_content;
    if (request.room_type) creation["type"] = *request.room_type;
    if (!creation.empty()) body["creation_content"] = std::move(creation);
    if (!request.initial_state.empty()) body["initial_state"] = request.initial_state;
    if (request.power_level_content_override) {
        body["power_level_content_override"] = *request.power_level_content_override;
    }
    Call call{"createRoom", "POST", "/createRoom", &body};
    return performForString(*transport_, base_url_, token(), call, "room_id");
}

Result<void> MatrixClient::invite(const std::string& room_id, const std::string& user_id) {
    const json body = {{"user_id", user_id}};
    Call call{"invite", "POST", roomPath(room_id, "/invite"), &body};
    auto r = perform(*transport_, base_url_, token(), call);
    if (!r) return r.failure();
    return {};
}

Result<std::string> MatrixClient::join(const std::string& room_id_or_alias) {
    const json body = json::object();
    // /rooms/{roomId}/join takes ids only; an alias (sigil '#') needs /join/{roomIdOrAlias}.
    // The sigil is the only thing looked at: ids stay opaque.
    const bool alias = !room_id_or_alias.empty() && room_id_or_alias.front() == '#';
    Call call{"join", "POST",
              alias ? "/join/" + urlEncode(room_id_or_alias) : roomPath(room_id_or_alias, "/join"),
              &body};
    return performForString(*transport_, base_url_, token(), call, "room_id");
}

Result<void> MatrixClient::leave(const std::string& room_id) {
    const json body = json::object();
    auto r = perform(*transport_, base_url_, token(),
                     Call{"leave", "POST", roomPath(room_id, "/leave"), &body});
    if (!r) return r.failure();
    return {};
}

Result<std::string> MatrixClient::sendStateEvent(const std::string& room_id,
                                                 const std::string& type,
                                                 const std::string& state_key,
                                                 const nlohmann::json& content) {
    if (!content.is_object())
        return fail(ErrorKind::InvalidArgument, "state: content not an object");
    // An empty state key leaves a trailing slash, which the spec allows.
    Call call{"state", "PUT",
              roomPath(room_id, "/state/" + urlEncode(type) + "/" + urlEncode(state_key)),
              &content};
    return performForString(*transport_, base_url_, token(), call, "event_id");
}

Result<MessagesResponse> MatrixClient::messages(const MessagesRequest& request,
                                                const http::CancelToken* cancel) {
    if (request.dir != 'b' && request.dir != 'f') {
        return fail(ErrorKind::InvalidArgument, "messages: dir must be 'b' or 'f'");
    }
    if (request.limit <= 0) return fail(ErrorKind::InvalidArgument, "messages: limit must be > 0");
    Call call{"messages", "GET", roomPath(request.room_id, "/messages")};
    addQuery(call.path, "dir", std::string(1, request.dir));
    // No `from` (spec v1.3+): start at the newest (dir=b) or oldest (dir=f) event.
    if (!request.from.empty()) addQuery(call.path, "from", request.from);
    addQuery(call.path, "limit", std::to_string(request.limit));
    if (request.filter) addQuery(call.path, "filter", *request.filter);
    call.max_response_bytes = kSyncMaxBytes;
    call.cancel = cancel;
    return performParsed(*transport_, base_url_, token(), call, &parseMessagesResponse);
}

Result<RoomEvent> MatrixClient::roomEvent(const std::string& room_id, const std::string& event_id,
                                          const http::CancelToken* cancel) {
    if (room_id.empty() || event_id.empty()) {
        return fail(ErrorKind::InvalidArgument, "event: empty room or event id");
    }
    Call call{"event", "GET", roomPath(room_id, "/event/" + urlEncode(event_id))};
    call.cancel = cancel;
    auto response = perform(*transport_, base_url_, token(), call);
    if (!response) return response.failure();
    auto parsed = parseRoomEventResponse(response->body, room_id, event_id);
    if (!parsed) {
        Error e = std::move(parsed).error();
        e.http_status = static_cast<int>(response->status);
        return fail(std::move(e));
    }
    return parsed;
}

Result<std::vector<std::string>> MatrixClient::joinedRooms(const http::CancelToken* cancel) {
    Call call{"joined_rooms", "GET", "/joined_rooms"};
    call.cancel = cancel;
    return performParsed(*transport_, base_url_, token(), call, &parseJoinedRooms);
}

Result<DirectorySearchResult> MatrixClient::searchUserDirectory(const std::string& term, int limit,
                                                              const http::CancelToken* cancel) {
    if (term.empty()) return fail(ErrorKind::InvalidArgument, "user directory: empty search term");
    const int asked = std::clamp(limit, 1, kMaxDirectoryResults);
    const json body = {{"search_term", term}, {"limit", asked}};
    Call call{"user directory", "POST", "/user_directory/search", &body};
    call.cancel = cancel;
    call.max_response_bytes = 1 << 20;  // 50 users fit in far less
    return performParsed(*transport_, base_url_, token(), call,
                         [asked](std::string_view answer) { return parseUserDirectory(answer, asked); });
}

Result<json> MatrixClient::roomStateContent(const std::string& room_id, const std::string& type,
                                            const std::string& state_key,
                                            const http::CancelToken* cancel) {
    if (room_id.empty() || type.empty()) {
        return fail(ErrorKind::InvalidArgument, "state: empty room id or type");
    }
    Call call{"state", "GET", roomPath(room_id, "/state/" + urlEncode(type) + "/" + urlEncode(state_key))};
    call.cancel = cancel;
    call.max_response_bytes = 1 << 20;  // an event is at most 64 KiB (spec: "Size limits")
    auto answer = performJson(*transport_, base_url_, token(), call);
    if (!answer) return answer.failure();
    return std::move(answer->doc);
}

Result<std::string> MatrixClient::sendMessageEvent(const std::string& room_id,
                                                   const std::string& type,
                                                   const std::string& txn_id,
                                                   const nlohmann::json& content,
                                                   const http::CancelToken* cancel) {
    if (!content.is_object())
        return fail(ErrorKind::InvalidArgument, "send: content not an object");
    if (txn_id.empty()) return fail(ErrorKind::InvalidArgument, "send: empty transaction id");
    Call call{"send", "PUT",
              roomPath(room_id, "/send/" + urlEncode(type) + "/" + urlEncode(txn_id)), &content};
    call.cancel = cancel;
    return performForString(*transport_, base_url_, token(), call, "event_id");
}

Result<std::string> MatrixClient::redactEvent(const std::string& room_id, const std::string& event_id,
                                              const std::string& txn_id, const std::string& reason,
                                              const http::CancelToken* cancel) {
    if (event_id.empty()) return fail(ErrorKind::InvalidArgument, "redact: empty event id");
    if (txn_id.empty()) return fail(ErrorKind::InvalidArgument, "redact: empty transaction id");
    json body = json::object();
    if (!reason.empty()) body["reason"] = reason;
    Call call{"redact", "PUT",
              roomPath(room_id, "/redact/" + urlEncode(event_id) + "/" + urlEncode(txn_id)), &body};
    call.cancel = cancel;
    return performForString(*transport_, base_url_, token(), call, "event_id");
}

Result<void> MatrixClient::sendReceipt(const std::string& room_id, const std::string& event_id,
                                       const std::string& receipt_type) {
    const json body = json::object();
    Call call{"receipt", "POST",
              roomPath(room_id, "/receipt/" + urlEncode(receipt_type) + "/" + urlEncode(event_id)),
              &body};
    auto r = perform(*transport_, base_url_, token(), call);
    if (!r) return r.failure();
    return {};
}

Result<std::string> MatrixClient::uploadMedia(std::string bytes, const std::string& content_type,
                                              const std::string& filename,
                                              const http::CancelToken* cancel) {
    if (content_type.empty()) {
        return fail(ErrorKind::InvalidArgument, "upload: empty content type");
    }
    Call call{"upload", "POST", "/upload"};
    if (!filename.empty()) addQuery(call.path, "filename", filename);
    call.prefix = kMediaUploadPrefix;
    call.raw_body = std::move(bytes);
    call.content_type = content_type;
    call.total_timeout = kMediaTimeout;
    call.cancel = cancel;
    auto answer = performJson(*transport_, base_url_, token(), call);
    if (!answer) return answer.failure();
    auto uri = detail::takeString(answer->doc, "content_uri");
    if (!uri || !parseMxcUri(*uri).ok()) {
        return malformed(call, answer->status, "answer lacks a valid content_uri");
    }
    return std::move(*uri);
}

Result<DownloadedMedia> MatrixClient::downloadMedia(const std::string& mxc_uri,
                                                    const http::CancelToken* cancel) {
    auto path = mediaPath(mxc_uri);
    if (!path) return path.failure();
    Call call{"download", "GET", "/download" + *path};
    call.prefix = kMediaPrefix;
    call.total_timeout = kMediaTimeout;
    call.cancel = cancel;
    call.max_response_bytes = mediaSizeLimit(cancel);
    auto response = perform(*transport_, base_url_, token(), call);
    if (!response) return response.failure();
    return mediaOf(std::move(*response));
}

Result<DownloadedMedia> MatrixClient::downloadThumbnail(const std::string& mxc_uri, int width,
                                                        int height,
                                                        const http::CancelToken* cancel) {
    if (width <= 0 || height <= 0) {
        return fail(ErrorKind::InvalidArgument, "thumbnail: width and height must be > 0");
    }
    auto path = mediaPath(mxc_uri);
    if (!path) return path.failure();
    Call call{"thumbnail", "GET", "/thumbnail" + *path};
    addQuery(call.path, "width", std::to_string(width));
    addQuery(call.path, "height", std::to_string(height));
    addQuery(call.path, "method", "scale");
    call.prefix = kMediaPrefix;
    call.total_timeout = kMediaTimeout;
    call.cancel = cancel;
    call.max_response_bytes = mediaSizeLimit(cancel);
    auto response = perform(*transport_, base_url_, token(), call);
    if (!response) return response.failure();
    return mediaOf(std::move(*response));
}

Result<MediaConfig> MatrixClient::mediaConfig(const http::CancelToken* cancel) {
    Call call{"media config", "GET", "/config"};
    call.prefix = kMediaPrefix;
    call.cancel = cancel;
    auto config = performParsed(*transport_, base_url_, token(), call, &parseMediaConfig);
    if (config) return config;
    const Error& e = config.error();
    // A server older than v1.11 has only the endpoint of the unauthenticated media era.
    const bool unknown_endpoint =
        e.http_status == 404 ||
        ((e.http_status == 400 || e.http_status == 405) && e.errcode == "M_UNRECOGNIZED");
    if (!unknown_endpoint) return config;
    call.prefix = kMediaUploadPrefix;
    return performParsed(*transport_, base_url_, token(), call, &parseMediaConfig);
}

std::size_t MatrixClient::mediaSizeLimit(const http::CancelToken* cancel) {
    {
        std::lock_guard lock(media_mutex_);
        if (media_limit_) return *media_limit_;
    }
    auto config = mediaConfig(cancel);  // the download it serves may be cancelled meanwhile
    if (!config) {
        // A network failure may pass: ask again next time. A server without the endpoint
        // (or refusing it) keeps the default.
        if (config.error().isTransient() || config.error().kind == ErrorKind::Cancelled) {
            return kMediaDefaultBytes;
        }
        std::lock_guard lock(media_mutex_);
        media_limit_ = kMediaDefaultBytes;
        return kMediaDefaultBytes;
    }
    std::size_t limit = kMediaDefaultBytes;
    if (config->upload_size) {
        limit = static_cast<std::size_t>(
            std::clamp<std::uint64_t>(*config->upload_size, kMediaFloor, kMediaCeiling));
    }
    std::lock_guard lock(media_mutex_);
    media_limit_ = limit;
    return limit;
}

}  // namespace renkei::matrix
