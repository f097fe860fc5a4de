// renkei-cli: the 至急 view — urgent posts with who of the care team has read them and who
// has not yet, from the cache (run `sync` first). Same core as the app's view.
#include <iostream>

#include "care/care_labels.h"
#include "care/care_types.h"
#include "cli.h"
#include "session/session.h"

namespace renkei::cli {
namespace {

// 「name（profession・office）」, as post headers show a member; the name alone without a profile.
std::string memberLabel(const std::string& name, const std::optional<care::MemberProfile>& profile) {
    if (!profile) return printable(name);
    std::string label = printable(name) + "（" + care::labelJa(profile->profession);
    if (!profile->office.empty()) label += "・" + printable(profile->office);
    return label + "）";
}

nlohmann::json memberJson(const std::string& user_id, const std::string& name,
                          const std::optional<care::MemberProfile>& profile) {
    nlohmann::json out = {{"user_id", user_id}, {"name", name}};
    if (profile) {
        out["profession"] = care::toWire(profile->profession);
        out["office"] = profile->office;
    }
    return out;
}

nlohmann::json postJson(const session::UrgentPost& post) {
    nlohmann::json out = {{"room_id", post.room_id}, {"room_name", post.room_name}, {"event_id", post.event_id},
                          {"sender", memberJson(post.sender, post.sender_name, post.sender_profile)},
                          {"ts", post.ts_ms}, {"body", post.body}, {"urgent", true},
                          {"read_by", nlohmann::json::array()}, {"unread_by", nlohmann::json::array()}};
    out["scene"] = post.scene ? nlohmann::json(care::toWire(*post.scene)) : nlohmann::json();
    for (const auto& m : post.team) {
        out[m.read ? "read_by" : "unread_by"].push_back(memberJson(m.user_id, m.name, m.profile));
    }
    return out;
}

void printPost(const session::UrgentPost& post) {
    std::cout << "【至急】" << formatTime(post.ts_ms) << '\t' << printable(post.room_name) << '\t'
              << memberLabel(post.sender_name, post.sender_profile);
    if (post.scene) std::cout << "\t[" << care::labelJa(*post.scene) << ']';
    std::cout << '\t' << printable(post.event_id) << '\n' << "  " << printable(post.body) << '\n';
    std::string read;
    std::string unread;
    for (const auto& m : post.team) {
        std::string& list = m.read ? read : unread;
        if (!list.empty()) list += "、";
        list += memberLabel(m.name, m.profile);
    }
    std::cout << "  既読: " << (read.empty() ? "なし" : read) << '\n'
              << "  未読: " << (unread.empty() ? "なし" : unread) << '\n';
}

}  // namespace

int cmdUrgent(session::Session& s, const Args& args) {
    auto posts = s.urgentPosts();
    if (!posts) return reportError("cannot read the urgent posts", posts.error());
    for (const auto& post : *posts) {
        if (args.has("--json")) {
            std::cout << jsonLine(postJson(post)) << '\n';
        } else {
            printPost(post);
        }
    }
    return kOk;
}

}  // namespace renkei::cli
