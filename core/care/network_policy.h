// Renkei core: the care network's policy for its clients (SECURITY.md section 5), read from
// the homeserver's `GET /.well-known/matrix/client` (spec: Client-Server API, "Server
// Discovery"; custom keys use the Java package naming) under `jp.renkei.policy`:
//
//   {"m.homeserver": {"base_url": "https://matrix.example.jp"},
//    "jp.renkei.policy": {"max_idle_minutes": 10, "export_allowed": false,
//                         "wipe_on_device_removal": true}}
//
// Every key is optional; a missing one keeps today's behaviour. The document is the server's
// text: a key of the wrong type or out of range is ignored (its default stands) and named in
// the reading's problems, never guessed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace renkei::care {

/// The well-known key the policy lives under.
inline constexpr const char* kPolicyKey = "jp.renkei.policy";
/// max_idle_minutes' range (the lock's own settings offer the same).
inline constexpr int kMinIdleMinutes = 1;
inline constexpr int kMaxIdleMinutes = 60;

/// What the network asks of every Renkei on it.
struct NetworkPolicy {
    /// The longest idle time before the screen lock, in minutes (kMinIdleMinutes …
    /// kMaxIdleMinutes); a user's longer setting is cut to it. nullopt: the user's choice.
    std::optional<int> max_idle_minutes;
    /// Whether export to PDF, printing and saving attachments to disk are allowed.
    bool export_allowed = true;
    /// Whether this computer's copy is wiped when its device is removed from the account
    /// (the next request is refused with M_UNKNOWN_TOKEN without soft_logout). false: keep
    /// drafts and ask to sign in again.
    bool wipe_on_device_removal = false;

    bool operator==(const NetworkPolicy&) const = default;
};

/// A policy read from a document, with what was wrong in it.
struct PolicyReading {
    NetworkPolicy policy;
    bool present = false;               ///< the document had a jp.renkei.policy object
    std::vector<std::string> problems;  ///< in English, naming the key; empty when all was well
};

/// Reads `well_known` (the whole /.well-known/matrix/client document). Not an object, or
/// no jp.renkei.policy: the default policy, not present. Unknown keys are ignored.
PolicyReading readNetworkPolicy(const nlohmann::json& well_known);

/// The policy as the vault keeps it: {"max_idle_minutes": n|null, "export_allowed": b,
/// "wipe_on_device_removal": b}; policyFromJson reads it back (also a well-known's own
/// jp.renkei.policy object), the default for anything else.
nlohmann::json policyToJson(const NetworkPolicy& policy);
NetworkPolicy policyFromJson(const nlohmann::json& stored);

}  // namespace renkei::care
