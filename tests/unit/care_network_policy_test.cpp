// The network's policy (care/network_policy.h) read from a well-known document as a hostile
// server might write it: the keys it may set, wrong types and ranges ignored with a reason,
// the default when it is absent, and the vault's form round-tripping.
#include <catch2/catch_test_macros.hpp>

#include "care/network_policy.h"

using namespace renkei::care;
using nlohmann::json;

TEST_CASE("network policy: each key read from the well-known", "[care][policy]") {
    const auto reading = readNetworkPolicy(json::parse(R"({
        "m.homeserver": {"base_url": "https://matrix.example.jp"},
        "jp.renkei.policy": {"max_idle_minutes": 10, "export_allowed": false,
                             "wipe_on_device_removal": true, "future_key": [1, 2]}})"));
    CHECK(reading.present);
    CHECK(reading.problems.empty());
    CHECK(reading.policy.max_idle_minutes == 10);
    CHECK_FALSE(reading.policy.export_allowed);
    CHECK(reading.policy.wipe_on_device_removal);
}

TEST_CASE("network policy: absent, or not an object, keeps today's behaviour", "[care][policy]") {
    for (const char* doc : {R"({})", R"({"m.homeserver": {"base_url": "https://x.example"}})", R"([])", R"("text")",
                            R"({"jp.renkei.policy": null})", R"({"jp.renkei.policy": "strict"})"}) {
        INFO(doc);
        const auto reading = readNetworkPolicy(json::parse(doc));
        CHECK_FALSE(reading.present);
        CHECK(reading.policy == NetworkPolicy{});
        CHECK(reading.policy.export_allowed);
        CHECK_FALSE(reading.policy.wipe_on_device_removal);
        CHECK_FALSE(reading.policy.max_idle_minutes.has_value());
    }
    CHECK(readNetworkPolicy(json::parse(R"({"jp.renkei.policy": "strict"})")).problems.size() == 1);
}

TEST_CASE("network policy: a wrong type or range is ignored and named, the rest still read", "[care][policy]") {
    for (const char* idle : {"0", "61", "-5", "2.5", "\"10\"", "true", "1e9", "9223372036854775807"}) {
        INFO(idle);
        const auto reading = readNetworkPolicy(json::parse(std::string(R"({"jp.renkei.policy": {"max_idle_minutes": )") +
                                                           idle + R"(, "export_allowed": false}})"));
        CHECK(reading.present);
        CHECK_FALSE(reading.policy.max_idle_minutes.has_value());
        CHECK_FALSE(reading.policy.export_allowed);
        REQUIRE(reading.problems.size() == 1);
        CHECK(reading.problems.front().find("max_idle_minutes") != std::string::npos);
    }
    const auto reading = readNetworkPolicy(
        json::parse(R"({"jp.renkei.policy": {"export_allowed": "no", "wipe_on_device_removal": 1, "max_idle_minutes": 60}})"));
    CHECK(reading.policy.export_allowed);  // "no" is not false: the default stands
    CHECK_FALSE(reading.policy.wipe_on_device_removal);
    CHECK(reading.policy.max_idle_minutes == 60);
    CHECK(reading.problems.size() == 2);
}

TEST_CASE("network policy: the vault's form round-trips", "[care][policy]") {
    NetworkPolicy strict;
    strict.max_idle_minutes = 3;
    strict.export_allowed = false;
    strict.wipe_on_device_removal = true;
    CHECK(policyFromJson(policyToJson(strict)) == strict);
    CHECK(policyFromJson(policyToJson(NetworkPolicy{})) == NetworkPolicy{});
    CHECK(policyFromJson(json::parse("[]")) == NetworkPolicy{});
    CHECK(policyToJson(NetworkPolicy{})["max_idle_minutes"].is_null());
}
