// Renkei core, internal to core/matrix: type-checked JSON getters and the event mappings that
// /sync and /messages share. Nothing here throws on wrong JSON types: a key of the wrong type
// reads as absent. The take*() functions move strings and objects out of a parsed document
// (the document is left with nulls behind), so each body is parsed once and copied never.
#pragma once

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
/// is not JSON or not an object. The message never quotes the body (it may hold tokens).
Result<json> parseObject(std::string_view body, const char* what);

/// Events captured during parsing, in document order. The document holds a binary
/// placeholder (which JSON text can never produce) where each event object was.
using EventTable = std::vector<RoomEvent>;

/// A parsed body: the document without its event objects, and the events themselves.
struct ParsedBody {
    json doc;
    EventTable events;
};

/// Which arrays hold events: every array under a key "events" (/sync: timeline, state,
/// ephemeral, account_data, invite_state…), or the top-level "chunk" and "state" of a
/// /messages answer.
enum class EventArrays { Sync, Messages };

/// Parses `body` in one pass, capturing each object element of an event array as a
/// RoomEvent (spec: "ClientEvent"): event_id, type, sender, state_key, origin_server_ts (ms),
/// content (a non-object reads as {}), unsigned.transaction_id, and redacts (top-level, else
/// content.redacts). Fields of the wrong type read as empty. Errors: Parse ("<what>: …")
/// if the body is not JSON or not an object; the message never quotes the body.
Result<ParsedBody> parseWithEvents(std::string_view body, EventArrays arrays, const char* what);

/// The captured event an array element stands for, or nullptr if the element is anything
/// else (a string, number or array that the server put into an event array).
RoomEvent* capturedEvent(json& element, EventTable& table);

/// Whether an event must carry a state_key to be kept (state blocks) or may lack one
/// (timelines, /messages chunks).
enum class StateKey { Optional, Required };

/// Moves the usable room events of `array` out of `table`: an element is skipped if it
/// was not an object, if event_id, type or sender is empty, or if `state_key` is Required
/// and absent. Empty if `array` is null or not an array.
std::vector<RoomEvent> takeRoomEvents(json* array, EventTable& table, StateKey state_key);

/// Maps `container.events` as stripped state (spec: "StrippedStateEvent"); elements without
/// a type and a state_key are skipped; sender may be empty.
std::vector<StrippedStateEvent> takeStrippedState(json* container, EventTable& table);

/// Maps `container.events` as account data (spec: "Client Config"); elements without a
/// type are skipped.
std::vector<AccountDataEvent> takeAccountData(json* container, EventTable& table);

/// Flattens the content of an m.receipt event, {eventId: {receiptType: {userId: {ts,
/// thread_id}}}}, into `out` (spec: "Receipts"). Only m.read and m.read.private are kept;
/// a missing or non-numeric ts reads as 0; entries of the wrong type are skipped.
void appendReceipts(json& content, std::vector<Receipt>& out);

}  // namespace renkei::matrix::detail
