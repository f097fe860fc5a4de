// Helpers of the structured-record tests: a fixed "now", the record object a content carries,
// and a sound record with one field changed the way a hostile or newer client might write it.
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <string>
#include <utility>

#include "care/care_record.h"

namespace renkei::care::testing {

/// The tests' "now": 2026-12-08 10:00 in Japan (01:00 UTC), ms since the Unix epoch.
inline constexpr std::int64_t kNow = 1796691600000;

/// content[kRecordKey], required to be a record of `kind`.
inline nlohmann::json recordObject(const nlohmann::json& content, RecordKind kind) {
    const auto rec = recordOf(content);
    REQUIRE(rec);
    REQUIRE(rec->first == kind);
    return *rec->second;
}

/// `record` with `key` set to `value`.
inline nlohmann::json withField(nlohmann::json record, const std::string& key,
                                nlohmann::json value) {
    record[key] = std::move(value);
    return record;
}

}  // namespace renkei::care::testing
