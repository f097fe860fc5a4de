#include "matrix/power_levels.h"

#include "matrix/json_util.h"

namespace renkei::matrix {
namespace {

using detail::member;

// An integer level (spec: "m.room.power_levels" values are integers), or nullopt.
std::optional<std::int64_t> level(const nlohmann::json* value) {
    if (value == nullptr || !value->is_number_integer()) return std::nullopt;
    return detail::asInt64(*value);
}

// Room version 12 ("Creators"): the creator and additional_creators outrank every level.
bool isCreatorV12(const RoomCreation& creation, std::string_view user_id) {
    const auto version = detail::getString(creation.content, "room_version");
    if (version != "12") return false;
    if (creation.sender == user_id) return true;
    const nlohmann::json* more = member(creation.content, "additional_creators");
    if (more == nullptr || !more->is_array()) return false;
    for (const auto& id : *more) {
        if (id.is_string() && id.get_ref<const std::string&>() == user_id) return true;
    }
    return false;
}

}  // namespace

std::int64_t userPowerLevel(const std::optional<nlohmann::json>& power_levels,
                            const RoomCreation& creation, std::string_view user_id) {
    if (isCreatorV12(creation, user_id)) return kCreatorPowerLevel;
    if (!power_levels || !power_levels->is_object()) return creation.sender == user_id ? 100 : 0;
    if (const nlohmann::json* users = member(*power_levels, "users"); users != nullptr && users->is_object()) {
        if (auto own = level(member(*users, user_id))) return *own;
    }
    return level(member(*power_levels, "users_default")).value_or(0);
}

std::int64_t statePowerLevel(const std::optional<nlohmann::json>& power_levels,
                             std::string_view event_type) {
    if (!power_levels || !power_levels->is_object()) return 0;
    if (const nlohmann::json* events = member(*power_levels, "events"); events != nullptr && events->is_object()) {
        if (auto needed = level(member(*events, event_type))) return *needed;
    }
    return level(member(*power_levels, "state_default")).value_or(50);
}

}  // namespace renkei::matrix
