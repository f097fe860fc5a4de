// Renkei core, internal to core/store: JSON <-> the TEXT columns that hold event content.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace renkei::store::detail {

/// Compact JSON text. Invalid UTF-8 in strings is replaced (U+FFFD), never thrown on.
inline std::string dumpJson(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Parses stored JSON text; nullopt if it is not valid JSON (never throws).
inline std::optional<nlohmann::json> parseJson(std::string_view text) {
    auto value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

/// The string member `key` of an object, or nullopt (absent, wrong type, not an object).
inline std::optional<std::string> stringMember(const nlohmann::json& obj, const char* key) {
    if (!obj.is_object()) return std::nullopt;
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace renkei::store::detail
