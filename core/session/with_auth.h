// Renkei core, internal to core/session: Session::withAuth, shared by the Session's
// source files. Runs a call with the current access token; on a soft logout refreshes the
// token once (one refresh at a time across threads) and runs the call again.
#pragma once

#include "session/session.h"

namespace renkei::session {

/// True when the access token is no longer accepted but a refresh may revive the session.
inline bool needsRefresh(const Error& e) {
    return e.kind == ErrorKind::Matrix && e.errcode == "M_UNKNOWN_TOKEN" && e.soft_logout;
}

template <class F>
auto Session::withAuth(F&& call) -> decltype(call(std::declval<matrix::MatrixClient&>())) {
    auto client = clientOrNull();
    if (!client) return fail(ErrorKind::NotLoggedIn, "not logged in");
    const std::string token_used = client->accessToken();
    auto result = call(*client);
    if (result.ok()) return result;
    if (!needsRefresh(result.error())) {
        noteAuthFailure(result.error());
        return result;
    }
    {
        // Sync and send threads may both meet the expired token: one refreshes, the other
        // finds a new token already in place and just retries.
        std::lock_guard lock(refresh_mutex_);
        if (client->accessToken() == token_used) {
            if (auto refreshed = refreshAccessToken(); !refreshed) {
                noteAuthFailure(refreshed.error());
                return refreshed.failure();
            }
        }
    }
    result = call(*client);
    if (!result) noteAuthFailure(result.error());
    return result;
}

}  // namespace renkei::session
