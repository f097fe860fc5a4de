// Helpers of the structured-record tests: the record object a content carries, and a record
// with one field replaced (as a hostile or newer client would write it).
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <string>

#include "care/care_record.h"

namespace renkei::care::test {

/// The tests' "now": 2026-12-08 10:00 in Japan (01:00 UTC), ms since the Unix epoch.
inline constexpr std::int64_t kNow = 1796691600000;

/// content[kRecordKey], checked to be a record of `kind`.
inline nlohmann::json recordIn(const nlohmann::json& content, RecordKind kind) {
    const auto r = recordOf(content);
    REQUIRE(r);
    CHECK(r->first == kind);
    return *r->second;
}

/// `record` with `key` set to `value`.
inline nlohmann::json withField(nlohmann::json record, const std::string& key,
                                nlohmann::json value) {
    record[key] = std::move(value);
    return record;
}

}  // namespace renkei::care::test
