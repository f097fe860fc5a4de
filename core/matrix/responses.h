// Renkei core: the answers of the Client-Server API endpoints other than /sync (spec v1.11),
// as structs and pure parsers of a 2xx response body. MatrixClient and discover() call these
// after the transport; the unit tests call them on recorded bodies (tests/fixtures/).
//
// Common rules: each parser reads the body once and never throws. A body that is not JSON
// or not a JSON object, or that lacks a required key or has it with the wrong type, is
// ErrorKind::Parse with a message "<endpoint>: <what is wrong>" that names the key but never
// quotes the body (it holds tokens and patient text). http_status is left 0: the caller
// knows the status and sets it. Optional keys of the wrong type read as absent; unknown
// keys are ignored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "matrix/events.h"

namespace renkei::matrix {

struct LoginResponse {
    std::string user_id;
    std::string access_token;
    std::string device_id;
    std::optional<std::string> refresh_token;
    std::optional<std::int64_t> expires_in_ms;  ///< access token lifetime in ms, if limited
};

struct RefreshResponse {
    std::string access_token;
    std::optional<std::string> refresh_token;   ///< absent: keep using the old one
    std::optional<std::int64_t> expires_in_ms;
};

struct WhoAmI {
    std::string user_id;
    std::optional<std::string> device_id;
};

/// The content repository's configuration (spec v1.11: "GET /_matrix/client/v1/media/config").
struct MediaConfig {
    /// m.upload.size: the largest upload the server takes, in bytes (1 … 2^53); nullopt when
    /// the server does not say, or says something that is not a positive integer.
    std::optional<std::uint64_t> upload_size;
};

struct MessagesResponse {
    std::string start;
    std::optional<std::string> end;         ///< absent: no more events in that direction
    std::vector<RoomEvent> chunk;           ///< in the requested direction (dir=b: newest first)
    std::vector<RoomEvent> state;
    std::size_t skipped_events = 0;         ///< malformed chunk/state elements left out
};

/// POST /_matrix/client/v3/login (spec: "Login"), 200 body:
///   {"user_id", "access_token", "device_id": non-empty strings (required);
///    "refresh_token": string, "expires_in_ms": number (optional)}.
/// "home_server" (deprecated) and "well_known" are ignored. Errors: Parse ("login: …").
Result<LoginResponse> parseLoginResponse(std::string_view body);

/// POST /_matrix/client/v3/refresh (spec: "Refreshing access tokens"), 200 body:
///   {"access_token": non-empty string (required); "refresh_token": string (optional,
///    absent: the old refresh token stays valid); "expires_in_ms": number (optional)}.
/// Errors: Parse ("refresh: …").
Result<RefreshResponse> parseRefreshResponse(std::string_view body);

/// GET /_matrix/client/v3/account/whoami (spec: "Current account information"), 200 body:
///   {"user_id": non-empty string (required); "device_id": string (optional: absent for
///    application services)}. "is_guest" is ignored. Errors: Parse ("whoami: …").
Result<WhoAmI> parseWhoAmI(std::string_view body);

/// GET /_matrix/client/v3/rooms/{roomId}/messages (spec: "Syncing", "Getting events for a
/// room"), 200 body: {"start": string (required), "chunk": array of ClientEvent (required),
///            "end": string (optional; absent or empty: no more events that way),
///            "state": array of state ClientEvent (optional)}.
/// Events are captured while parsing, as for /sync (one pass, nothing copied). A chunk
/// element that is not an object, is malformed (see parseSyncResponse) or lacks event_id,
/// type or sender is skipped and counted; a state element also needs a state_key.
/// Errors: Parse ("messages: …").
Result<MessagesResponse> parseMessagesResponse(std::string_view body);

/// GET /_matrix/client/v3/rooms/{roomId}/event/{eventId} (spec: "GET
/// /_matrix/client/v3/rooms/{roomId}/event/{eventId}"), 200 body: one ClientEvent
///   {"event_id", "room_id": the ids asked for; "type", "sender": non-empty strings
///    (required); "origin_server_ts": ms, "state_key", "content": object, "redacts",
///    "unsigned": {"transaction_id", "redacted_because"} (optional)}.
/// Content that is not an object reads as {}; unsigned.redacted_because sets
/// RoomEvent::arrived_redacted. Errors: Parse ("event: …"): not a JSON object, another
/// room's or another event's id, type or sender missing.
Result<RoomEvent> parseRoomEventResponse(std::string_view body, std::string_view room_id,
                                         std::string_view event_id);

/// GET /.well-known/matrix/client (spec: "Server Discovery", "Well-known URIs"), 200 body:
///   {"m.homeserver": {"base_url": http(s) URL (required)}, …}.
/// Returns m.homeserver.base_url normalised (scheme lower-cased, trailing slashes dropped),
/// or nullopt if the document has no "m.homeserver" at all (spec: IGNORE, use the server as
/// typed). Errors: Parse ("well-known: …") if the body is not a JSON object, m.homeserver is
/// not an object, base_url is missing or not a string, or base_url is not an http(s) URL
/// with a host; InvalidArgument if base_url is plain http:// to a host that is not loopback
/// (see requireSecure in server_url.h). discover() fails on InvalidArgument and treats every
/// other error like nullopt (keeps the typed URL).
Result<std::optional<std::string>> parseWellKnown(std::string_view body);

/// GET /_matrix/client/versions (spec: "API Versions"), 200 body:
///   {"versions": array of strings (required), "unstable_features": object (ignored)}.
/// Returns the versions in document order, e.g. {"r0.6.1", "v1.1", …, "v1.11"}; elements
/// that are not strings are skipped, so the list may be empty. Errors: Parse
/// ("versions: …") if the body is not a JSON object or "versions" is not an array.
Result<std::vector<std::string>> parseVersions(std::string_view body);

/// GET /_matrix/client/v1/media/config (spec v1.11: "GET /_matrix/client/v1/media/config"),
/// 200 body: {"m.upload.size": integer (optional)}. A size that is not a JSON integer (a
/// float, string, boolean), not positive or above 2^53 reads as unknown (nullopt), never as
/// a limit. Errors: Parse ("media config: …") if the body is not a JSON object.
Result<MediaConfig> parseMediaConfig(std::string_view body);
/// GET /joined_rooms (spec: "GET /_matrix/client/v3/joined_rooms"): {"joined_rooms": [ids]}.
/// Entries that are not room ids ('!', at most 255 bytes) are skipped; more than 100,000 is
/// refused. Errors: Parse ("joined_rooms is missing or not an array", "too many rooms").
Result<std::vector<std::string>> parseJoinedRooms(std::string_view body);


}  // namespace renkei::matrix
