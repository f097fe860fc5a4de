// Issue 13, the network's policy: a Synapse that serves jp.renkei.policy in its client
// well-known (the synapse_policy fixture: a 2-minute idle lock, no export, a wipe when a
// device is removed) gives a signed-in Session that policy, kept across a restart; the main
// Synapse serves none: the default stands. An administrator deleting this device from
// another computer (the admin API) is told apart from a token that merely expired: the next
// request is refused with M_UNKNOWN_TOKEN without soft_logout, and deviceRemoved() says so.
#include <catch2/catch_test_macros.hpp>

#include "care/network_policy.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;

TEST_CASE("network policy: read from the homeserver's well-known at sign-in, kept in the vault", "[policy]") {
    TempDir dir("policy");
    Client nurse(dir.path() / "nurse");
    CHECK(nurse->networkPolicy() == care::NetworkPolicy{});  // before any sign-in: today's behaviour
    nurse.login("nurse.sato");
    const care::NetworkPolicy policy = nurse->networkPolicy();
    CHECK(policy.max_idle_minutes == 2);
    CHECK_FALSE(policy.export_allowed);
    CHECK(policy.wipe_on_device_removal);
    nurse.reopen();
    CHECK(nurse->networkPolicy() == policy);
    auto again = nurse->refreshNetworkPolicy();
    REQUIRE(again.ok());
    CHECK(again->present);
    CHECK(again->problems.empty());
    CHECK(again->policy == policy);
}

TEST_CASE("network policy: a device deleted by the administrator is known as removed", "[policy]") {
    TempDir dir("policy-removed");
    Client nurse(dir.path() / "nurse");
    nurse.login("nurse.sato");
    REQUIRE(nurse->syncOnce(0).ok());
    CHECK_FALSE(nurse->deviceRemoved());
    const auto& hs = Homeserver::get();
    adminRequest("DELETE", "/_synapse/admin/v2/users/" + hs.userId("nurse.sato") + "/devices/" + nurse->deviceId(),
                 nlohmann::json::object());
    auto refused = nurse->syncOnce(0);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().errcode == "M_UNKNOWN_TOKEN");
    CHECK(nurse->deviceRemoved());
    CHECK(nurse->needsReauthentication());
    // Signing in again (a new device) clears it.
    nurse.login("nurse.sato");
    CHECK_FALSE(nurse->deviceRemoved());
}
