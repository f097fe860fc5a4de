#include "store/redaction.h"

#include <initializer_list>

namespace renkei::store::detail {
namespace {

nlohmann::json keep(const nlohmann::json& content, std::initializer_list<const char*> keys) {
    nlohmann::json out = nlohmann::json::object();
    if (!content.is_object()) return out;
    for (const char* key : keys) {
        auto it = content.find(key);
        if (it != content.end()) out[key] = *it;
    }
    return out;
}

}  // namespace

nlohmann::json redactContent(std::string_view type, const nlohmann::json& content) {
    if (type == "m.room.create") return content.is_object() ? content : nlohmann::json::object();
    if (type == "m.room.member") {
        nlohmann::json out = keep(content, {"membership", "join_authorised_via_users_server"});
        if (content.is_object()) {
            auto invite = content.find("third_party_invite");
            if (invite != content.end() && invite->is_object() && invite->contains("signed")) {
                out["third_party_invite"] = {{"signed", *invite->find("signed")}};
            }
        }
        return out;
    }
    if (type == "m.room.join_rules") return keep(content, {"join_rule", "allow"});
    if (type == "m.room.power_levels") {
        return keep(content, {"ban", "events", "events_default", "invite", "kick", "redact",
                              "state_default", "users", "users_default"});
    }
    if (type == "m.room.history_visibility") return keep(content, {"history_visibility"});
    if (type == "m.room.redaction") return keep(content, {"redacts"});
    return nlohmann::json::object();
}

}  // namespace renkei::store::detail
