// Renkei core, internal to core/matrix: type-checked JSON getters and the event mappings that
// /sync and /messages share. Nothing here throws on wrong JSON types: a key of the wrong type
// reads as absent. The take*() functions move strings and objects out of a parsed document
// (the document is left with nulls behind), so each body is parsed once and copied never.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "matrix/events.h"

namespace renkei::matrix::detail {

using json = nlohmann::json;

/// Deepest nesting of containers built from a server's JSON (an event's content counts from
/// its own object). Real documents nest a handful of levels; the cap keeps every recursive
/// walk over parsed values (dump(), copies, comparisons) shallow.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// The member `key` of `obj`, or nullptr if `obj` is not an object or lacks the key.
json* member(json& obj, std::string_view key);
const json* member(const json& obj, std::string_view key);

/// The member `key` if it is an object / array; nullptr otherwise (absent or wrong type).
json* objectMember(json& obj, std::string_view key);
json* arrayMember(json& obj, std::string_view key);

/// Moves the string member `key` out of `obj`; nullopt if absent or not a string.
std::optional<std::string> takeString(json& obj, std::string_view key);
/// Copies the string member `key`; nullopt if absent or not a string.
std::optional<std::string> getString(const json& obj, std::string_view key);

/// A JSON number as int64: integers as is, finite floats truncated; nullopt for non-numbers,
/// unsigned values above INT64_MAX and floats outside the int64 range.
std::optional<std::int64_t> asInt64(const json& value);
/// The number member `key` as int64 (see asInt64); nullopt if absent or not a number.
std::optional<std::int64_t> getInt64(const json& obj, std::string_view key);
/// The number member `key` clamped to the int range; nullopt if absent or not a number.
std::optional<int> getInt(const json& obj, std::string_view key);
/// The boolean member `key`, or `fallback` if absent or not a boolean.
bool getBool(const json& obj, std::string_view key, bool fallback);

/// Parses `body` as a JSON object without throwing. Errors: Parse ("<what>: …") if the body
/// is not JSON, not an object, or nests deeper than kMaxJsonDepth. The message never quotes
/// the body (it may hold tokens).
Result<json> parseObject(std::string_view body, const char* what);

/// Events captured during parsing, in document order. The document holds a binary
/// placeholder (which JSON text can never produce) where each event object was. The take*()
/// mappers count in `skipped` every element of the arrays they map that they leave out.
struct EventTable {
    std::vector<RoomEvent> events;
    std::size_t skipped = 0;  ///< malformed elements left out (see takeRoomEvents)
};

/// A parsed body: the document without its event objects, and the events themselves.
struct ParsedBody {
    json doc;
    EventTable table;
};

/// Which arrays hold events: every array under a key "events" (/sync: timeline, state,
/// ephemeral, account_data, invite_state…), or the top-level "chunk" and "state" of a
/// /messages answer.
enum class EventArrays { Sync, Messages };

/// Parses `body` in one pass, capturing each object element of an event array as a
/// RoomEvent (spec: "ClientEvent"): event_id, type, sender, state_key, origin_server_ts (ms),
/// content (a non-object reads as {}), unsigned.transaction_id, unsigned.redacted_because (as
/// RoomEvent::arrived_redacted), and redacts (top-level, else
/// content.redacts). Fields of the wrong type read as empty. Hostile input is contained per
/// event: content nested deeper than 64 levels, or a token that is not valid JSON inside an
/// event (a number out of range such as 1e400, a lone surrogate, invalid UTF-8), leaves that
/// event empty (the mappers then skip and count it) while the rest is parsed; up to 32 such
/// events per body (each costs one more pass). Other containers deeper than 64 levels read
/// as null. Errors: Parse ("<what>: …") if the body is not JSON (outside events, or more
/// bad events than that) or not an object; the message never quotes the body.
Result<ParsedBody> parseWithEvents(std::string_view body, EventArrays arrays, const char* what);

/// The captured event an array element stands for, or nullptr if the element is anything
/// else (a string, number or array that the server put into an event array).
RoomEvent* capturedEvent(json& element, EventTable& table);

/// Whether an event must carry a state_key to be kept (state blocks) or may lack one
/// (timelines, /messages chunks).
enum class StateKey { Optional, Required };

/// Moves the usable room events of `array` out of `table`: an element is skipped (and
/// counted in table.skipped) if it was not an object, was malformed (see parseWithEvents),
/// if event_id, type or sender is empty, or if `state_key` is Required and absent. Empty if
/// `array` is null or not an array.
std::vector<RoomEvent> takeRoomEvents(json* array, EventTable& table, StateKey state_key);

/// Maps `container.events` as stripped state (spec: "StrippedStateEvent"); elements without
/// a type and a state_key are skipped and counted; sender may be empty.
std::vector<StrippedStateEvent> takeStrippedState(json* container, EventTable& table);

/// Maps `container.events` as account data (spec: "Client Config"); elements without a
/// type are skipped and counted.
std::vector<AccountDataEvent> takeAccountData(json* container, EventTable& table);

/// Flattens the content of an m.receipt event, {eventId: {receiptType: {userId: {ts,
/// thread_id}}}}, into `out` (spec: "Receipts"). Only m.read and m.read.private are kept;
/// a missing or non-numeric ts reads as 0; entries of the wrong type are skipped.
void appendReceipts(json& content, std::vector<Receipt>& out);

}  // namespace renkei::matrix::detail
