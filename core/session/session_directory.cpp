// Session: the user directory, for finding the people to invite into a care team.
#include <algorithm>

#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {

Result<matrix::DirectorySearchResult> Session::searchUsers(const std::string& term) {
    constexpr int kLimit = 20;
    const auto first = term.find_first_not_of(" \t");
    if (first == std::string::npos) return matrix::DirectorySearchResult{};
    const auto last = term.find_last_not_of(" \t");
    const std::string trimmed = term.substr(first, last - first + 1);
    auto found = withAuth([&](matrix::MatrixClient& c) { return c.searchUserDirectory(trimmed, kLimit + 1); });
    if (!found) return found;
    const std::string own = userId();
    std::erase_if(found->results, [&](const matrix::DirectoryUser& u) { return u.user_id == own; });
    if (found->results.size() > static_cast<std::size_t>(kLimit)) {
        found->results.resize(kLimit);
        found->limited = true;
    }
    return found;
}

}  // namespace renkei::session
