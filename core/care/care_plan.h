// Renkei core: a patient room plan as JSON, kept in the vault until its room is opened
// (store/pending_rooms.h, Session::queuePatientRoom). Local, not a wire shape.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "care/care_types.h"
#include "common/result.h"

namespace renkei::care {

/// {creation_id, patient, consent?, opener (state contents as toContent writes them), team:
/// [{user_id, team_role, attending_physician}], no_physician_reason?}.
/// Errors: InvalidArgument naming the field that breaks its rule (toContent).
Result<nlohmann::json> planToJson(const PatientRoomPlan& plan);
/// The plan planToJson wrote; nullopt when any part breaks its rule (a damaged row).
std::optional<PatientRoomPlan> parsePlan(const nlohmann::json& doc);

}  // namespace renkei::care
