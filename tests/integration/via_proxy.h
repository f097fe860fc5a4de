// Test support: the transport seam that routes every request for the homeserver through a
// FaultProxy in front of it (same paths, real libcurl, real server behind). The server's
// .well-known names its own address, so discovery alone would bypass the proxy.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "http/curl_transport.h"
#include "http/transport.h"

namespace renkei::test {

class ViaProxy final : public http::Transport {
public:
    /// `server`: the homeserver's base URL; `proxy`: the proxy's (FaultProxy::baseUrl()).
    /// `max_timeout`: caps every request's total timeout (a stalled reply then fails fast).
    ViaProxy(std::string server, std::string proxy,
             std::optional<std::chrono::milliseconds> max_timeout = std::nullopt)
        : server_(std::move(server)), proxy_(std::move(proxy)), max_timeout_(max_timeout) {}

    Result<http::Response> perform(const http::Request& request,
                                   const http::CancelToken* cancel) override {
        http::Request routed = request;
        if (routed.url.starts_with(server_)) routed.url.replace(0, server_.size(), proxy_);
        if (max_timeout_) routed.total_timeout = std::min(request.total_timeout, *max_timeout_);
        return curl_.perform(routed, cancel);
    }

private:
    std::string server_;
    std::string proxy_;
    std::optional<std::chrono::milliseconds> max_timeout_;
    http::CurlTransport curl_;
};

}  // namespace renkei::test
