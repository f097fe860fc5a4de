// Renkei core: who may write a state event in a room, from its m.room.power_levels and
// m.room.create (spec: Client-Server API, "m.room.power_levels"; room version 12, "Creators").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace renkei::matrix {

/// The room's m.room.create as the power rules need it.
struct RoomCreation {
    std::string sender;    ///< who created the room
    nlohmann::json content = nlohmann::json::object();  ///< room_version, additional_creators
};

/// A level above every integer one: the creators of a room version 12 room.
inline constexpr std::int64_t kCreatorPowerLevel = INT64_MAX;

/// The power level of `user_id`: users[user_id], else users_default (0). Without a
/// power_levels content (nullopt), 100 for the creator and 0 for others. In room version 12
/// the creator and content.additional_creators hold kCreatorPowerLevel. A value that is not
/// an integer reads as absent (spec: "m.room.power_levels").
std::int64_t userPowerLevel(const std::optional<nlohmann::json>& power_levels,
                            const RoomCreation& creation, std::string_view user_id);

/// The level a state event of `event_type` needs: events[type], else state_default (50;
/// 0 when the room has no power_levels content).
std::int64_t statePowerLevel(const std::optional<nlohmann::json>& power_levels,
                             std::string_view event_type);

}  // namespace renkei::matrix
