// Helpers of the structured-record tests: the record object of a content, and a sound record
// with one field changed the way a hostile member's client might.
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <utility>

#include "care/care_record.h"

namespace renkei::care::testing {

/// content[kRecordKey], required to be a record of `kind`.
inline nlohmann::json recordObject(const nlohmann::json& content, RecordKind kind) {
    const auto rec = recordOf(content);
    REQUIRE(rec);
    REQUIRE(rec->first == kind);
    return *rec->second;
}

/// `record` with `key` set to `value`.
inline nlohmann::json withField(nlohmann::json record, const char* key, nlohmann::json value) {
    record[key] = std::move(value);
    return record;
}

}  // namespace renkei::care::testing
