// Renkei core: a record object as the composer's forms and `renkei-cli post-record` hold it
// (the fields of jp.renkei.record, SCHEMA.md "Structured posts") checked and written into its
// m.room.message content, one function for every kind.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "care/care_record.h"
#include "care/care_record_vitals.h"
#include "common/result.h"

namespace renkei::care {

/// The content of `record` (an object; "kind" and "schema" are set here) as kind `kind`:
/// parsed by the kind's reader, checked by its validator at `now_ms` (ms since the epoch:
/// measured_at, dates not after today in Japan time), then written by its writer (body,
/// formatted_body, jp.renkei.record). Errors: InvalidArgument "<kind>.<field>: …" naming the
/// first field that breaks its rule (a wrong type, a missing required field, a range), never
/// its value; "<kind>: a required field is missing …" when no single field is to blame.
Result<nlohmann::json> recordContentFor(RecordKind kind, nlohmann::json record, std::int64_t now_ms);

/// A form's vitals read without the reader's rules, so that the rule they break can be named
/// with its value and range (vitalsProblem, problemTextJa: 「体温 368 ℃ は範囲外です」): each
/// measure a number in wire units (tenths for ℃ and kg), bowel, measured_at, note. Nullopt
/// when a field has the wrong JSON type or an unknown 排便 (then the reader names the field).
std::optional<Vitals> formVitals(const nlohmann::json& record);

}  // namespace renkei::care
