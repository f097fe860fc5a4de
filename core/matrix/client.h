// Renkei core: the Matrix Client-Server API endpoints Renkei uses, as blocking calls over a
// Transport. One MatrixClient per account; not thread-safe for set*() while calls run, but
// several calls may run concurrently (e.g. /sync on the worker and /send elsewhere).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "http/transport.h"
#include "matrix/events.h"
#include "matrix/media.h"
#include "matrix/responses.h"
#include "matrix/sync.h"
#include "matrix/user_directory.h"

namespace renkei::matrix {

/// spec: "Server Discovery" (/.well-known/matrix/client) and "GET /_matrix/client/versions".
struct DiscoveryResult {
    std::string base_url;               ///< normalised: scheme://host[:port], no trailing slash
    std::vector<std::string> versions;  ///< e.g. "v1.11"
};

struct LoginRequest {
    std::string user;                   ///< localpart or full user id
    std::string password;
    std::optional<std::string> device_id;   ///< reuse the persisted device id when known
    std::string initial_device_display_name = "Renkei";
    bool refresh_token = true;          ///< ask for a refresh token (spec v1.3+)
};

struct SyncRequest {
    std::optional<std::string> since;       ///< next_batch of the previous sync
    std::optional<std::string> filter;      ///< filter id from uploadFilter()
    int timeout_ms = 30'000;                ///< long-poll duration; 0 returns at once
    bool full_state = false;
};

struct CreateRoomRequest {
    std::string name;
    std::optional<std::string> topic;
    std::string preset = "private_chat";
    std::vector<std::string> invite;            ///< user ids
    std::optional<std::string> room_type;       ///< creation_content.type
    nlohmann::json creation_content = nlohmann::json::object();  ///< other creation_content keys
    nlohmann::json initial_state = nlohmann::json::array();  ///< [{type,state_key,content}]
    std::optional<nlohmann::json> power_level_content_override;
};

struct MessagesRequest {
    std::string room_id;
    std::string from;                       ///< pagination token (e.g. a gap's prev_batch)
    char dir = 'b';                         ///< 'b' backwards, 'f' forwards
    int limit = 100;                        ///< events per page
    std::optional<std::string> filter;      ///< JSON RoomEventFilter, inline
};

/// Blocking client for one homeserver. Errors everywhere: the Transport's (Network, Timeout,
/// Tls, Cancelled); Matrix (errcode set), RateLimited (retry_after set), Http (non-JSON
/// error body), Parse (malformed 2xx body; see responses.h for the shapes and messages).
/// Soft logout sets Error::soft_logout.
class MatrixClient {
public:
    MatrixClient(std::shared_ptr<http::Transport> transport, std::string base_url);

    /// Resolves a user-typed homeserver ("example.org", "https://example.org:8448/") via
    /// /.well-known/matrix/client (404 or unreachable: use as typed), then checks /versions.
    /// A well-known document that parseWellKnown() rejects is ignored too. A bare domain gets
    /// https://. Plain http:// only to loopback hosts, typed or advertised. Errors:
    /// InvalidArgument (malformed, or plain http elsewhere), Network…, Parse ("not a Matrix
    /// server" when parseVersions() rejects the /versions answer).
    static Result<DiscoveryResult> discover(http::Transport& transport, const std::string& server,
                                            const http::CancelToken* cancel = nullptr);

    const std::string& baseUrl() const { return base_url_; }
    /// Thread-safe: a token refresh on one thread while requests run on others.
    void setAccessToken(std::string token);
    [[nodiscard]] std::string accessToken() const { return token(); }

    /// POST /login, m.login.password with an m.id.user identifier (spec: "Login").
    /// Does not store the token: the caller decides. Wrong password: Matrix M_FORBIDDEN.
    Result<LoginResponse> login(const LoginRequest& request);
    /// POST /refresh (spec: "Refreshing access tokens").
    Result<RefreshResponse> refresh(const std::string& refresh_token);
    /// GET /account/whoami.
    Result<WhoAmI> whoami();
    /// POST /logout: invalidates the access token and deletes the device on the server.
    Result<void> logout();

    /// POST /user/{userId}/filter with lazy-loaded members and the given timeline limit;
    /// returns the filter id (spec: "Filtering", "Lazy-loading room members").
    Result<std::string> uploadFilter(const std::string& user_id, int timeline_limit);
    /// GET /sync. The transport's total timeout is timeout_ms + 30 s; an answer over 64 MiB
    /// (decoded) is cut off with TooLarge. Malformed events are skipped and counted
    /// (SyncResponse::skipped_events).
    Result<SyncResponse> sync(const SyncRequest& request, const http::CancelToken* cancel = nullptr);

    /// POST /createRoom; returns the room id.
    Result<std::string> createRoom(const CreateRoomRequest& request);
    Result<void> invite(const std::string& room_id, const std::string& user_id);
    /// POST /rooms/{roomId}/join; returns the room id.
    Result<std::string> join(const std::string& room_id_or_alias);
    Result<void> leave(const std::string& room_id);
    /// GET /joined_rooms: the ids of the rooms the user has joined (see parseJoinedRooms).
    Result<std::vector<std::string>> joinedRooms(const http::CancelToken* cancel = nullptr);
    /// POST /user_directory/search {search_term, limit} (spec: "POST
    /// /_matrix/client/v3/user_directory/search"): users whose id or display name matches
    /// `term`, at most `limit` (clamped to 1 … kMaxDirectoryResults; see parseUserDirectory).
    /// Errors: InvalidArgument (empty term), Matrix (e.g. M_LIMIT_EXCEEDED), Parse, the transport's.
    Result<DirectorySearchResult> searchUserDirectory(const std::string& term, int limit,
                                                      const http::CancelToken* cancel = nullptr);
    /// GET /rooms/{roomId}/state/{type}/{stateKey} (spec: "GET
    /// /_matrix/client/v3/rooms/{roomId}/state/{eventType}/{stateKey}"): the content of the
    /// current state event. Errors: Matrix M_NOT_FOUND (no such state), M_FORBIDDEN (not a
    /// member), Parse (not a JSON object), InvalidArgument (empty room id or type), the
    /// transport's.
    Result<nlohmann::json> roomStateContent(const std::string& room_id, const std::string& type,
                                            const std::string& state_key,
                                            const http::CancelToken* cancel = nullptr);
    /// PUT /rooms/{roomId}/state/{type}/{stateKey}; returns the event id.
    Result<std::string> sendStateEvent(const std::string& room_id, const std::string& type,
                                       const std::string& state_key, const nlohmann::json& content);
    /// GET /rooms/{roomId}/messages (spec: "Syncing: /messages"). At most 64 MiB, as sync.
    /// `cancel` ends the request early (Cancelled).
    Result<MessagesResponse> messages(const MessagesRequest& request,
                                      const http::CancelToken* cancel = nullptr);
    /// GET /rooms/{roomId}/event/{eventId} (spec: "GET
    /// /_matrix/client/v3/rooms/{roomId}/event/{eventId}"): one event, e.g. the original of a
    /// reply that is not cached. Errors: Matrix M_NOT_FOUND (unknown, or not visible to us),
    /// M_FORBIDDEN, Parse (see parseRoomEventResponse: another room's or event's id, no type
    /// or sender), InvalidArgument (empty ids), the transport's.
    Result<RoomEvent> roomEvent(const std::string& room_id, const std::string& event_id,
                                const http::CancelToken* cancel = nullptr);
    /// PUT /rooms/{roomId}/send/{type}/{txnId}; returns the event id. Retrying with the same
    /// txn_id from the same device returns the first event id (spec: "Transaction identifiers").
    Result<std::string> sendMessageEvent(const std::string& room_id, const std::string& type,
                                         const std::string& txn_id, const nlohmann::json& content,
                                         const http::CancelToken* cancel = nullptr);
    /// PUT /rooms/{roomId}/redact/{eventId}/{txnId} (spec: "Redactions"), with `reason` when
    /// not empty; returns the redaction's event id. The same txn_id from the same device
    /// returns the first redaction (spec: "Transaction identifiers").
    Result<std::string> redactEvent(const std::string& room_id, const std::string& event_id,
                                    const std::string& txn_id, const std::string& reason = {},
                                    const http::CancelToken* cancel = nullptr);
    /// POST /rooms/{roomId}/receipt/{receiptType}/{eventId} with an empty body.
    Result<void> sendReceipt(const std::string& room_id, const std::string& event_id,
                             const std::string& receipt_type = "m.read");

    /// POST /_matrix/media/v3/upload?filename= with the raw bytes as the body and
    /// `content_type` as Content-Type (spec: "POST /_matrix/media/v3/upload"). Returns the
    /// content URI ("mxc://server/mediaId"), checked with parseMxcUri(). The filename may be
    /// empty (then no query). Errors: InvalidArgument (empty content type), as above;
    /// Matrix M_TOO_LARGE when the server's m.upload.size is exceeded.
    Result<std::string> uploadMedia(std::string bytes, const std::string& content_type,
                                    const std::string& filename,
                                    const http::CancelToken* cancel = nullptr);
    /// GET /_matrix/client/v1/media/download/{serverName}/{mediaId} with the access token
    /// (authenticated media, spec v1.11: "GET /_matrix/client/v1/media/download"). Returns the
    /// bytes as stored (at most mediaSizeLimit()), with their declared Content-Type; the URI
    /// is checked before any request. `cancel` stops it within ~100 ms (Cancelled).
    /// Errors: InvalidArgument (see parseMxcUri), TooLarge, Matrix M_NOT_FOUND, as above.
    Result<DownloadedMedia> downloadMedia(const std::string& mxc_uri,
                                          const http::CancelToken* cancel = nullptr);
    /// GET /_matrix/client/v1/media/thumbnail/{serverName}/{mediaId}?width=&height=&method=scale
    /// with the access token (spec v1.11: "GET /_matrix/client/v1/media/thumbnail"). The
    /// server picks a thumbnail at least as large as asked where it can (usually JPEG or PNG);
    /// the bytes and their Content-Type are returned as they are; `cancel` as for
    /// downloadMedia. Errors: InvalidArgument (bad URI, width or height not positive),
    /// Matrix M_NOT_FOUND, as above.
    Result<DownloadedMedia> downloadThumbnail(const std::string& mxc_uri, int width, int height,
                                              const http::CancelToken* cancel = nullptr);

    /// GET /_matrix/client/v1/media/config with the access token (spec v1.11: "GET
    /// /_matrix/client/v1/media/config"); a server that does not know it (404, or 400/405
    /// M_UNRECOGNIZED) is asked the legacy GET /_matrix/media/v3/config instead. Not cached.
    /// Errors: as above, Parse (see parseMediaConfig).
    Result<MediaConfig> mediaConfig(const http::CancelToken* cancel = nullptr);
    /// The cap on a downloaded media body or thumbnail, in bytes: the server's m.upload.size
    /// (GET /_matrix/client/v1/media/config, spec v1.11, asked once) clamped to 1-200 MiB,
    /// or 50 MiB while the server does not say. A larger download fails with TooLarge.
    /// `cancel` stops the config request too (the default applies then).
    std::size_t mediaSizeLimit(const http::CancelToken* cancel = nullptr);

private:
    std::shared_ptr<http::Transport> transport_;
    std::string base_url_;
    [[nodiscard]] std::string token() const;
    mutable std::mutex token_mutex_;
    std::string access_token_;
    std::mutex media_mutex_;                  // guards media_limit_
    std::optional<std::size_t> media_limit_;  // from the media config, once known
};

/// Maps a non-2xx response to an Error (spec: "Standard error response", "Rate limiting").
/// 429: RateLimited with retry_after from Retry-After (seconds) or retry_after_ms.
Error errorFromResponse(const http::Response& response);

/// Percent-encodes one path segment or query value (RFC 3986 unreserved kept).
std::string urlEncode(std::string_view s);

}  // namespace renkei::matrix
