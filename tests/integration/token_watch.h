// Integration-test support for token refresh: a transport seam that watches one Session's
// token traffic to the real homeserver, and a wait for the server to call a token expired.
// Tokens seen here stay in memory: never print them (compare them in bools, not in CHECKs).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/curl_transport.h"
#include "http/transport.h"

namespace renkei::test {

/// Real requests through a CurlTransport, watched: counts POST /refresh requests (and keeps
/// the refresh token each one carried), counts 401 answers, keeps the tokens the server
/// issued at login and refresh, and can hold each /refresh until a number of requests have
/// been answered 401, so that threads meeting an expired token meet it at the same moment.
class TokenWatch final : public http::Transport {
public:
    struct Tokens {
        std::string access_token;
        std::optional<std::string> refresh_token;
    };

    Result<http::Response> perform(const http::Request& request,
                                   const http::CancelToken* cancel) override {
        const bool refresh = request.url.ends_with("/refresh");
        if (refresh) {
            std::unique_lock lock(mutex_);
            refresh_tokens_sent_.push_back(field(request.body, "refresh_token").value_or(""));
            changed_.wait_for(lock, hold_at_most_, [&] { return unauthorized_ >= hold_until_; });
        }
        auto response = curl_.perform(request, cancel);
        if (!response) return response;
        std::lock_guard lock(mutex_);
        if (response->status == 401) {
            ++unauthorized_;
            changed_.notify_all();
        }
        if (response->status == 200 && (refresh || request.url.ends_with("/login"))) {
            issued_.push_back({field(response->body, "access_token").value_or(""),
                               field(response->body, "refresh_token")});
        }
        return response;
    }

    /// From now on, each /refresh waits (at most `at_most`) until `answers` requests in all
    /// have been answered 401.
    void holdRefreshesUntilUnauthorized(int answers, std::chrono::milliseconds at_most) {
        std::lock_guard lock(mutex_);
        hold_until_ = answers;
        hold_at_most_ = at_most;
    }
    int unauthorized() const {
        std::lock_guard lock(mutex_);
        return unauthorized_;
    }
    /// The refresh token of each /refresh request so far, in order.
    std::vector<std::string> refreshTokensSent() const {
        std::lock_guard lock(mutex_);
        return refresh_tokens_sent_;
    }
    /// The tokens of each successful login and refresh so far, in order.
    std::vector<Tokens> issued() const {
        std::lock_guard lock(mutex_);
        return issued_;
    }

private:
    static std::optional<std::string> field(const std::string& json_text, const char* key) {
        const auto doc = nlohmann::json::parse(json_text, nullptr, false);
        if (!doc.is_object() || !doc.contains(key) || !doc[key].is_string()) return std::nullopt;
        return doc[key].get<std::string>();
    }

    http::CurlTransport curl_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int unauthorized_ = 0;
    int hold_until_ = 0;
    std::chrono::milliseconds hold_at_most_{0};
    std::vector<std::string> refresh_tokens_sent_;
    std::vector<Tokens> issued_;
};

/// Waits (polling whoami every 100 ms, at most `deadline`) until the homeserver answers
/// `access_token` with a soft logout (M_UNKNOWN_TOKEN, soft_logout: true): it has expired.
bool waitUntilExpired(const std::string& access_token,
                      std::chrono::seconds deadline = std::chrono::seconds(30));

}  // namespace renkei::test
