// Renkei core: the libcurl transport (multi interface, one shared connection cache).
#pragma once

#include <memory>

#include "http/transport.h"

namespace renkei::http {

/// Production Transport over libcurl. TLS peer and host verification are always on for
/// https; only http and https are allowed (also on redirects, at most 3); a proxy is taken
/// from the environment (http_proxy, https_proxy, no_proxy) as libcurl does by default.
/// Connections are reused across calls and threads through a curl share handle.
/// Cancellation: perform() polls its CancelToken every 100 ms while the transfer runs.
class CurlTransport final : public Transport {
public:
    CurlTransport();
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    /// See Transport::perform. Errors: Network (connect/reset/DNS, curl_code set), Timeout
    /// (connect_timeout or total_timeout elapsed), Tls (certificate or handshake), Cancelled.
    Result<Response> perform(const Request& request, const CancelToken* cancel) override;

private:
    struct Shared;
    std::unique_ptr<Shared> shared_;
};

}  // namespace renkei::http
