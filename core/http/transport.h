// Renkei core: the HTTP transport seam. Production uses CurlTransport; tests may wrap it to
// inject faults, but always talk to a real server.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace renkei::http {

/// Cooperative cancellation: set from any thread; a running request stops within ~100 ms
/// and returns ErrorKind::Cancelled.
class CancelToken {
public:
    void cancel() noexcept { cancelled_.store(true); }
    void reset() noexcept { cancelled_.store(false); }
    [[nodiscard]] bool cancelled() const noexcept { return cancelled_.load(); }

private:
    std::atomic<bool> cancelled_{false};
};

/// Default cap on a response body (after gzip/deflate/br decoding): ordinary API answers are
/// a few kilobytes; /sync, /messages and media raise it per request.
inline constexpr std::size_t kDefaultMaxResponseBytes = std::size_t{16} << 20;  // 16 MiB

struct Request {
    std::string method = "GET";  ///< GET, POST, PUT, DELETE
    std::string url;             ///< absolute http(s) URL, already percent-encoded
    std::vector<std::pair<std::string, std::string>> headers;  ///< e.g. {"Authorization", "Bearer …"}
    std::string body;            ///< raw bytes; empty for none
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};  ///< whole request, including body transfer
    /// Largest response body accepted, in bytes as delivered to the caller (decoded, so a
    /// gzip bomb counts at its expanded size). A larger one is cut off: ErrorKind::TooLarge.
    std::size_t max_response_bytes = kDefaultMaxResponseBytes;
};

struct Response {
    long status = 0;                            ///< HTTP status code
    std::map<std::string, std::string> headers;  ///< header names lower-cased; last one wins
    std::string body;                           ///< raw response body
};

/// Performs one HTTP request, blocking the calling thread. Thread-safe: several threads may
/// call perform() at once. Errors: Network, Timeout, Tls, Cancelled, TooLarge (body or
/// headers over the cap), InvalidArgument (not http(s), or plain http to a host other than
/// loopback), Http only for a redirect that is not followed (http_status = the 3xx); any
/// other status that arrives is a Response (mapping to Matrix errors is matrix/'s job).
class Transport {
public:
    virtual ~Transport() = default;
    virtual Result<Response> perform(const Request& request, const CancelToken* cancel) = 0;
};

}  // namespace renkei::http
