// Renkei core: the user directory's answer (see user_directory.h).
#include "matrix/user_directory.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "matrix/display_text.h"
#include "matrix/json_util.h"

namespace renkei::matrix {

using detail::json;

namespace {

// "@localpart:server" of printable ASCII (spec: "User Identifiers"); the grammar's details
// are the server's business, the shape is ours: it goes into invites and the UI.
bool userIdShapeOk(std::string_view id) {
    if (id.size() < 4 || id.size() > kMaxUserIdBytes || id.front() != '@') return false;
    const auto colon = id.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 1 == id.size()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

// The display name as shown: controls become spaces, and a name over the cap is cut at a
// code point boundary (the parser has checked that the JSON string is valid UTF-8).
std::string shownName(std::string name) {
    name = capUtf8(std::move(name), kMaxDisplayNameBytes);
    for (char& c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) c = ' ';
    }
    return name;
}

}  // namespace

Result<DirectorySearchResult> parseUserDirectory(std::string_view body, int max_results) {
    constexpr const char* kEndpoint = "user directory";
    const auto cap = static_cast<std::size_t>(std::clamp(max_results, 1, kMaxDirectoryResults));
    auto doc = detail::parseObject(body, kEndpoint);
    if (!doc) return doc.failure();
    json* results = detail::arrayMember(*doc, "results");
    if (results == nullptr) return fail(ErrorKind::Parse, "user directory: results is missing or not an array");
    DirectorySearchResult out;
    out.limited = detail::getBool(*doc, "limited", false);
    for (json& entry : *results) {
        if (!entry.is_object()) continue;
        auto id = detail::takeString(entry, "user_id");
        if (!id || !userIdShapeOk(*id)) continue;
        const bool seen = std::any_of(out.results.begin(), out.results.end(),
                                      [&](const DirectoryUser& u) { return u.user_id == *id; });
        if (seen) continue;
        if (out.results.size() == cap) {
            out.limited = true;
            break;
        }
        DirectoryUser user;
        user.user_id = std::move(*id);
        user.display_name = shownName(detail::takeString(entry, "display_name").value_or(""));
        auto avatar = detail::takeString(entry, "avatar_url").value_or("");
        if (avatar.size() <= kMaxAvatarUrlBytes && avatar.starts_with("mxc://")) user.avatar_url = std::move(avatar);
        out.results.push_back(std::move(user));
    }
    return out;
}

}  // namespace renkei::matrix
