// Renkei desktop: what an invitation to a patient room says before it is accepted: the
// patient, who invites (with profession and office) and whether consent is on record, from
// the invite's stripped state (core/care/SCHEMA.md, "Server").
#pragma once

#include <QString>

#include "session/care_records.h"

namespace renkei::ui {

/// Lines such as 「利用者: 架空 タエ（かくう たえ）」「同意記録: あり（2026-11-28・対面）」;
/// for a room that is not a patient room, empty.
QString invitationDetails(const session::PatientRecord& record);

}  // namespace renkei::ui
