#include "care/network_policy.h"

namespace renkei::care {
namespace {

void readObject(const nlohmann::json& object, PolicyReading& reading) {
    if (const auto it = object.find("max_idle_minutes"); it != object.end() && !it->is_null()) {
        if (it->is_number_integer() && it->get<std::int64_t>() >= kMinIdleMinutes &&
            it->get<std::int64_t>() <= kMaxIdleMinutes) {
            reading.policy.max_idle_minutes = it->get<int>();
        } else {
            reading.problems.push_back("max_idle_minutes must be a whole number of minutes from 1 to 60");
        }
    }
    for (const auto& [key, target] : {std::pair{"export_allowed", &reading.policy.export_allowed},
                                      std::pair{"wipe_on_device_removal", &reading.policy.wipe_on_device_removal}}) {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) continue;
        if (it->is_boolean()) {
            *target = it->get<bool>();
        } else {
            reading.problems.push_back(std::string(key) + " must be true or false");
        }
    }
}

}  // namespace

PolicyReading readNetworkPolicy(const nlohmann::json& well_known) {
    PolicyReading reading;
    if (!well_known.is_object()) return reading;
    const auto it = well_known.find(kPolicyKey);
    if (it == well_known.end()) return reading;
    if (!it->is_object()) {
        reading.problems.push_back(std::string(kPolicyKey) + " is not an object");
        return reading;
    }
    reading.present = true;
    readObject(*it, reading);
    return reading;
}

nlohmann::json policyToJson(const NetworkPolicy& policy) {
    return {{"max_idle_minutes", policy.max_idle_minutes ? nlohmann::json(*policy.max_idle_minutes) : nlohmann::json()},
            {"export_allowed", policy.export_allowed},
            {"wipe_on_device_removal", policy.wipe_on_device_removal}};
}

NetworkPolicy policyFromJson(const nlohmann::json& stored) {
    PolicyReading reading;
    if (stored.is_object()) readObject(stored, reading);
    return reading.policy;
}

}  // namespace renkei::care
