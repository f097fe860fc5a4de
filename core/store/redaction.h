// Renkei core, internal to core/store: the content a redacted event keeps.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace renkei::store::detail {

/// The content left after redaction (spec: "Redactions", room version 11 rules): the keys
/// that room state needs survive, everything else (for posts: all of it) is removed.
nlohmann::json redactContent(std::string_view type, const nlohmann::json& content);

}  // namespace renkei::store::detail
