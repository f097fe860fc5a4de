// Renkei core: JSON mappings for Matrix events (spec: Client-Server API, "Events", "Room
// Events", "Receipts", "Client Config"). Lenient by design: a server or a room member can put
// anything into an event, so wrong types read as absent and unusable events are skipped.
#include <cmath>
#include <exception>
#include <limits>

#include "matrix/json_util.h"

namespace renkei::matrix::detail {

json* member(json& obj, std::string_view key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

const json* member(const json& obj, std::string_view key) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

json* objectMember(json& obj, std::string_view key) {
    json* m = member(obj, key);
    return m != nullptr && m->is_object() ? m : nullptr;
}

json* arrayMember(json& obj, std::string_view key) {
    json* m = member(obj, key);
    return m != nullptr && m->is_array() ? m : nullptr;
}

std::optional<std::string> takeString(json& obj, std::string_view key) {
    json* m = member(obj, key);
    if (m == nullptr || !m->is_string()) return std::nullopt;
    return std::move(m->get_ref<std::string&>());
}

std::optional<std::string> getString(const json& obj, std::string_view key) {
    const json* m = member(obj, key);
    if (m == nullptr || !m->is_string()) return std::nullopt;
    return m->get_ref<const std::string&>();
}

std::optional<std::int64_t> asInt64(const json& value) {
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is exactly representable; anything at or beyond it would overflow the cast.
        constexpr double kLimit = 9223372036854775808.0;
        if (!std::isfinite(d) || d >= kLimit || d < -kLimit) return std::nullopt;
        return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

std::optional<std::int64_t> getInt64(const json& obj, std::string_view key) {
    const json* m = member(obj, key);
    return m == nullptr ? std::nullopt : asInt64(*m);
}

std::optional<int> getInt(const json& obj, std::string_view key) {
    const auto v = getInt64(obj, key);
    if (!v) return std::nullopt;
    constexpr auto kMin = static_cast<std::int64_t>(std::numeric_limits<int>::min());
    constexpr auto kMax = static_cast<std::int64_t>(std::numeric_limits<int>::max());
    return static_cast<int>(*v < kMin ? kMin : (*v > kMax ? kMax : *v));
}

bool getBool(const json& obj, std::string_view key, bool fallback) {
    const json* m = member(obj, key);
    return m != nullptr && m->is_boolean() ? m->get<bool>() : fallback;
}

Result<json> parseObject(std::string_view body, const char* what) {
    try {
        // Containers beyond the depth cap are never built (the callback discards them) and
        // make the body an error.
        bool too_deep = false;
        const json::parser_callback_t limit = [&too_deep](int depth, json::parse_event_t event,
                                                          json& /*parsed*/) {
            const bool opens = event == json::parse_event_t::object_start ||
                               event == json::parse_event_t::array_start;
            if (opens && static_cast<std::size_t>(depth) >= kMaxJsonDepth) too_deep = true;
            return !too_deep;
        };
        // allow_exceptions = false: a syntax error yields a discarded value, not a throw.
        json doc = json::parse(body.begin(), body.end(), limit, false);
        if (too_deep) {
            return fail(ErrorKind::Parse, std::string(what) + ": body nests too deep");
        }
        if (doc.is_discarded()) {
            return fail(ErrorKind::Parse, std::string(what) + ": body is not valid JSON");
        }
        if (!doc.is_object()) {
            return fail(ErrorKind::Parse, std::string(what) + ": body is not a JSON object");
        }
        return doc;
    } catch (const std::exception&) {
        // Only allocation failure can get here; report it as a parse failure, never throw.
        return fail(ErrorKind::Parse, std::string(what) + ": body could not be parsed");
    }
}

std::vector<RoomEvent> takeRoomEvents(json* array, EventTable& table, StateKey state_key) {
    std::vector<RoomEvent> out;
    if (array == nullptr || !array->is_array()) return out;
    out.reserve(array->size());
    for (json& element : *array) {
        RoomEvent* ev = capturedEvent(element, table);
        if (ev == nullptr || ev->event_id.empty() || ev->type.empty() || ev->sender.empty() ||
            (state_key == StateKey::Required && !ev->state_key)) {
            ++table.skipped;
            continue;
        }
        out.push_back(std::move(*ev));
    }
    return out;
}

std::vector<StrippedStateEvent> takeStrippedState(json* container, EventTable& table) {
    std::vector<StrippedStateEvent> out;
    json* events = container == nullptr ? nullptr : arrayMember(*container, "events");
    if (events == nullptr) return out;
    out.reserve(events->size());
    for (json& element : *events) {
        RoomEvent* ev = capturedEvent(element, table);
        if (ev == nullptr || ev->type.empty() || !ev->state_key) {
            ++table.skipped;
            continue;
        }
        StrippedStateEvent stripped;
        stripped.type = std::move(ev->type);
        stripped.state_key = std::move(*ev->state_key);
        stripped.sender = std::move(ev->sender);
        stripped.content = std::move(ev->content);
        out.push_back(std::move(stripped));
    }
    return out;
}

std::vector<AccountDataEvent> takeAccountData(json* container, EventTable& table) {
    std::vector<AccountDataEvent> out;
    json* events = container == nullptr ? nullptr : arrayMember(*container, "events");
    if (events == nullptr) return out;
    out.reserve(events->size());
    for (json& element : *events) {
        RoomEvent* ev = capturedEvent(element, table);
        if (ev == nullptr || ev->type.empty()) {
            ++table.skipped;
            continue;
        }
        out.push_back(AccountDataEvent{std::move(ev->type), std::move(ev->content)});
    }
    return out;
}

void appendReceipts(json& content, std::vector<Receipt>& out) {
    if (!content.is_object()) return;
    for (auto& [event_id, by_type] : content.items()) {
        if (event_id.empty() || !by_type.is_object()) continue;
        for (auto& [receipt_type, by_user] : by_type.items()) {
            if (receipt_type != "m.read" && receipt_type != "m.read.private") continue;
            if (!by_user.is_object()) continue;
            for (auto& [user_id, info] : by_user.items()) {
                if (user_id.empty() || !info.is_object()) continue;
                Receipt r;
                r.event_id = event_id;
                r.receipt_type = receipt_type;
                r.user_id = user_id;
                r.ts = getInt64(info, "ts").value_or(0);
                r.thread_id = takeString(info, "thread_id");
                out.push_back(std::move(r));
            }
        }
    }
}

}  // namespace renkei::matrix::detail
