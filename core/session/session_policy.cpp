// Session: the network's policy (jp.renkei.policy in the homeserver's client well-known), kept
// in the vault, and whether this device was removed from the account. See session.h.
#include "matrix/well_known.h"
#include "session/session.h"

namespace renkei::session {
namespace {

constexpr const char* kPolicySetting = "network_policy";

}  // namespace

Result<care::PolicyReading> Session::refreshNetworkPolicy(const http::CancelToken* cancel) {
    const std::string base_url = homeserver();
    if (base_url.empty()) return fail(ErrorKind::NotLoggedIn, "network policy: nobody has signed in here");
    auto doc = matrix::fetchClientWellKnown(*config_.transport, base_url, cancel);
    if (!doc) return doc.failure();
    care::PolicyReading reading = care::readNetworkPolicy(*doc);
    std::lock_guard lock(vault_mutex_);
    if (auto r = vault_.setSetting(kPolicySetting, care::policyToJson(reading.policy).dump()); !r) return r.failure();
    return reading;
}

care::NetworkPolicy Session::networkPolicy() const {
    std::lock_guard lock(vault_mutex_);
    auto stored = vault_.setting(kPolicySetting);
    if (!stored || !*stored) return {};
    return care::policyFromJson(nlohmann::json::parse(**stored, nullptr, false));
}

bool Session::deviceRemoved() const {
    std::lock_guard lock(state_mutex_);
    return device_removed_;
}

}  // namespace renkei::session
