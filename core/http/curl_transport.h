// Renkei core: the libcurl transport (multi interface, one shared connection cache).
#pragma once

#include <memory>

#include "http/transport.h"

namespace renkei::http {

/// Production Transport over libcurl. TLS peer and host verification are always on for
/// https; plain http only to loopback hosts (see http/origin.h). Redirects: libcurl follows
/// none; perform() follows up to 3 for GET, and only within the request's origin (same
/// scheme, host and port), so the Authorization header never reaches another server. A
/// redirected POST/PUT/DELETE, or one to another origin, is an Http error (the 3xx status).
/// Response bodies are capped by Request::max_response_bytes, counted after decoding
/// (CURLOPT_MAXFILESIZE_LARGE for a declared length, the write callback for the rest), and
/// all headers of a response by 256 KiB: over a cap, the transfer stops with TooLarge, so
/// memory stays within the cap. A proxy is taken from the environment (http_proxy,
/// https_proxy, no_proxy) as libcurl does by default.
/// Connections are reused across calls and threads through a curl share handle.
/// Cancellation: perform() polls its CancelToken every 100 ms while the transfer runs.
class CurlTransport final : public Transport {
public:
    CurlTransport();
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;

    /// See Transport::perform. Errors: Network (connect/reset/DNS, curl_code set), Timeout
    /// (connect_timeout or total_timeout elapsed), Tls (certificate or handshake), Cancelled,
    /// TooLarge, InvalidArgument (URL not allowed), Http (redirect not followed).
    Result<Response> perform(const Request& request, const CancelToken* cancel) override;

private:
    struct Hop;
    /// One transfer to `url` with `request`'s method, headers, body and limits.
    Result<Hop> performOnce(const Request& request, const std::string& url,
                            const CancelToken* cancel);

    struct Shared;
    std::unique_ptr<Shared> shared_;
};

/// True when `error` from CurlTransport::perform shows that the request never left: the
/// host was not resolved, the connection was refused or not made, TLS was not established,
/// or the URL was refused. False when it may have reached the server (reset, lost answer,
/// timeout: a connect timeout and a total timeout have the same curl code).
bool requestNeverSent(const Error& error) noexcept;

}  // namespace renkei::http
