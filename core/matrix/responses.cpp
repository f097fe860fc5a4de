// Renkei core: parsers of the 2xx answers of login, refresh, whoami, /messages, the
// well-known document and /versions (see responses.h for the shapes). Strings are moved out
// of the parsed document, never copied; /messages events are captured in the same single
// pass as /sync events (event_sax.cpp).
#include "matrix/responses.h"

#include <exception>

#include "matrix/json_util.h"
#include "matrix/server_url.h"

namespace renkei::matrix {

using detail::json;

namespace {

Failure malformed(std::string_view endpoint, std::string_view problem) {
    std::string message;
    message.reserve(endpoint.size() + 2 + problem.size());
    message.append(endpoint).append(": ").append(problem);
    return fail(ErrorKind::Parse, std::move(message));
}

/// Moves the required string member `key` out of `doc`; it must be non-empty.
/// Errors: Parse "<endpoint>: <key> is missing, empty or not a string".
Result<std::string> requireString(json& doc, std::string_view endpoint, std::string_view key) {
    auto value = detail::takeString(doc, key);
    if (!value || value->empty()) {
        return malformed(endpoint, std::string(key) + " is missing, empty or not a string");
    }
    return std::move(*value);
}

}  // namespace

Result<LoginResponse> parseLoginResponse(std::string_view body) {
    constexpr const char* kEndpoint = "login";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    auto user_id = requireString(*doc, kEndpoint, "user_id");
    if (!user_id) return user_id.failure();
    auto token = requireString(*doc, kEndpoint, "access_token");
    if (!token) return token.failure();
    auto device_id = requireString(*doc, kEndpoint, "device_id");
    if (!device_id) return device_id.failure();
    LoginResponse out;
    out.user_id = std::move(*user_id);
    out.access_token = std::move(*token);
    out.device_id = std::move(*device_id);
    out.refresh_token = detail::takeString(*doc, "refresh_token");
    out.expires_in_ms = detail::getInt64(*doc, "expires_in_ms");
    return out;
}

Result<RefreshResponse> parseRefreshResponse(std::string_view body) {
    constexpr const char* kEndpoint = "refresh";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    auto token = requireString(*doc, kEndpoint, "access_token");
    if (!token) return token.failure();
    RefreshResponse out;
    out.access_token = std::move(*token);
    out.refresh_token = detail::takeString(*doc, "refresh_token");
    out.expires_in_ms = detail::getInt64(*doc, "expires_in_ms");
    return out;
}

Result<WhoAmI> parseWhoAmI(std::string_view body) {
    constexpr const char* kEndpoint = "whoami";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    auto user_id = requireString(*doc, kEndpoint, "user_id");
    if (!user_id) return user_id.failure();
    WhoAmI out;
    out.user_id = std::move(*user_id);
    out.device_id = detail::takeString(*doc, "device_id");
    return out;
}

Result<MessagesResponse> parseMessagesResponse(std::string_view body) {
    constexpr const char* kEndpoint = "messages";
    auto parsed = detail::parseWithEvents(body, detail::EventArrays::Messages, kEndpoint);
    if (!parsed) return parsed.failure();
    try {
        json& doc = parsed->doc;
        MessagesResponse out;
        auto start = detail::takeString(doc, "start");
        if (!start) return malformed(kEndpoint, "start is missing or not a string");
        json* chunk = detail::arrayMember(doc, "chunk");
        if (chunk == nullptr) return malformed(kEndpoint, "chunk is missing or not an array");
        out.start = std::move(*start);
        out.end = detail::takeString(doc, "end");
        if (out.end && out.end->empty()) out.end.reset();
        out.chunk = detail::takeRoomEvents(chunk, parsed->table, detail::StateKey::Optional);
        out.state = detail::takeRoomEvents(detail::member(doc, "state"), parsed->table,
                                           detail::StateKey::Required);
        out.skipped_events = parsed->table.skipped;
        return out;
    } catch (const std::exception&) {
        // Only allocation failure is expected here; never quote e.what().
        return malformed(kEndpoint, "body could not be mapped");
    }
}

Result<RoomEvent> parseRoomEventResponse(std::string_view body, std::string_view room_id,
                                         std::string_view event_id) {
    constexpr const char* kEndpoint = "event";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    // A server answering for another room or event must not slip it in as the one asked.
    if (detail::getString(*doc, "event_id") != event_id) {
        return malformed(kEndpoint, "event_id is missing or not the event asked for");
    }
    if (detail::getString(*doc, "room_id") != room_id) {
        return malformed(kEndpoint, "room_id is missing or not the room asked for");
    }
    auto type = requireString(*doc, kEndpoint, "type");
    if (!type) return type.failure();
    auto sender = requireString(*doc, kEndpoint, "sender");
    if (!sender) return sender.failure();
    RoomEvent out;
    out.event_id = std::string(event_id);
    out.type = std::move(*type);
    out.sender = std::move(*sender);
    out.origin_server_ts = detail::getInt64(*doc, "origin_server_ts").value_or(0);
    out.state_key = detail::takeString(*doc, "state_key");
    if (json* content = detail::objectMember(*doc, "content")) out.content = std::move(*content);
    out.redacts = detail::takeString(*doc, "redacts");
    // Room versions 1-10 put redacts at the top level, v11 inside content.
    if (!out.redacts) out.redacts = detail::getString(out.content, "redacts");
    if (json* unsigned_data = detail::objectMember(*doc, "unsigned")) {
        out.transaction_id = detail::takeString(*unsigned_data, "transaction_id");
        out.arrived_redacted = detail::objectMember(*unsigned_data, "redacted_because") != nullptr;
    }
    return out;
}

Result<std::optional<std::string>> parseWellKnown(std::string_view body) {
    constexpr const char* kEndpoint = "well-known";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    json* homeserver = detail::member(*doc, "m.homeserver");
    if (homeserver == nullptr) return std::optional<std::string>();
    if (!homeserver->is_object()) return malformed(kEndpoint, "m.homeserver is not an object");
    auto advertised = detail::takeString(*homeserver, "base_url");
    if (!advertised) {
        return malformed(kEndpoint, "m.homeserver.base_url is missing or not a string");
    }
    auto url = detail::parseServerUrl(*advertised, false);
    if (!url) {
        return malformed(kEndpoint, "m.homeserver.base_url is not an http(s) URL with a host");
    }
    if (auto secure = detail::requireSecure(*url, "well-known: m.homeserver.base_url"); !secure) {
        return secure.failure();
    }
    return std::optional<std::string>(std::move(url->base_url));
}

Result<std::vector<std::string>> parseVersions(std::string_view body) {
    constexpr const char* kEndpoint = "versions";
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    json* versions = detail::arrayMember(*doc, "versions");
    if (versions == nullptr) return malformed(kEndpoint, "versions is missing or not an array");
    std::vector<std::string> out;
    out.reserve(versions->size());
    for (json& v : *versions) {
        if (v.is_string()) out.push_back(std::move(v.get_ref<std::string&>()));
    }
    return out;
}

Result<MediaConfig> parseMediaConfig(std::string_view body) {
    auto doc = detail::parseObject(body, "media config");
    if (!doc) return doc.failure();
    MediaConfig out;
    // Only a JSON integer is a size: 5e7, "50M" or true are a server saying nothing usable.
    constexpr std::uint64_t kMaxExactInteger = std::uint64_t{1} << 53;
    const auto* size = detail::member(*doc, "m.upload.size");
    if (size != nullptr && size->is_number_integer()) {
        const auto value = detail::asInt64(*size);  // nullopt above INT64_MAX
        if (value && *value > 0 && static_cast<std::uint64_t>(*value) <= kMaxExactInteger) {
            out.upload_size = static_cast<std::uint64_t>(*value);
        }
    }
    return out;
}

Result<std::vector<std::string>> parseJoinedRooms(std::string_view body) {
    constexpr const char* kEndpoint = "joined_rooms";
    constexpr std::size_t kMaxRooms = 100'000;
    constexpr std::size_t kMaxIdBytes = 255;
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    json* rooms = detail::arrayMember(*doc, "joined_rooms");
    if (rooms == nullptr) return malformed(kEndpoint, "joined_rooms is missing or not an array");
    if (rooms->size() > kMaxRooms) return malformed(kEndpoint, "too many rooms");
    std::vector<std::string> out;
    out.reserve(rooms->size());
    for (json& r : *rooms) {
        if (!r.is_string()) continue;
        auto& id = r.get_ref<std::string&>();
        if (id.size() < 2 || id.size() > kMaxIdBytes || id.front() != '!') continue;
        out.push_back(std::move(id));
    }
    return out;
}

}  // namespace renkei::matrix
