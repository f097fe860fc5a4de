// Renkei core: HTTP error responses to Error (spec: Client-Server API, "Standard error
// response", "Rate limiting", "Soft logout"), and percent-encoding for URL building.
#include <chrono>
#include <cstdint>
#include <limits>
#include <utility>

#include "matrix/client.h"
#include "matrix/display_text.h"
#include "matrix/json_util.h"

namespace renkei::matrix {

namespace {

/// Server-supplied error text is kept short in logs; cut on a UTF-8 boundary.
constexpr std::size_t kMaxMessageBytes = 300;
/// Upper bound for a retry delay: a day. Protects the arithmetic from absurd values.
constexpr std::int64_t kMaxRetryAfterMs = 24LL * 3600 * 1000;

std::string truncateUtf8(std::string s) {
    return capUtf8(std::move(s), kMaxMessageBytes, "…");
}

/// Retry-After in delta-seconds (RFC 9110 §10.2.3). The HTTP-date form is not used by
/// Matrix servers and reads as absent, as does anything that is not a plain number.
std::optional<std::chrono::milliseconds> parseRetryAfterHeader(const http::Response& r) {
    auto it = r.headers.find("retry-after");
    if (it == r.headers.end()) return std::nullopt;
    const std::string& v = it->second;
    std::size_t i = v.find_first_not_of(" \t");
    if (i == std::string::npos) return std::nullopt;
    std::int64_t seconds = 0;
    bool any = false;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) {
        any = true;
        seconds = seconds * 10 + (v[i] - '0');
        if (seconds * 1000 > kMaxRetryAfterMs) seconds = kMaxRetryAfterMs / 1000;
    }
    if (!any || v.find_first_not_of(" \t", i) != std::string::npos) return std::nullopt;
    return std::chrono::milliseconds(seconds * 1000);
}

std::optional<std::chrono::milliseconds> parseRetryAfterBody(const detail::json& body) {
    auto ms = detail::getInt64(body, "retry_after_ms");
    if (!ms || *ms < 0) return std::nullopt;
    return std::chrono::milliseconds(*ms > kMaxRetryAfterMs ? kMaxRetryAfterMs : *ms);
}

int statusAsInt(long status) {
    if (status < 0 || status > std::numeric_limits<int>::max()) return 0;
    return static_cast<int>(status);
}

}  // namespace

Error errorFromResponse(const http::Response& response) {
    Error e;
    e.http_status = statusAsInt(response.status);
    e.kind = ErrorKind::Http;

    auto body = detail::parseObject(response.body, "error response");
    const detail::json* doc = body ? &body.value() : nullptr;
    std::optional<std::string> errcode;
    std::optional<std::string> text;
    if (doc != nullptr) {
        errcode = detail::getString(*doc, "errcode");
        text = detail::getString(*doc, "error");
    }
    if (errcode && !errcode->empty()) {
        e.kind = ErrorKind::Matrix;
        e.errcode = std::move(*errcode);
        e.soft_logout = detail::getBool(*doc, "soft_logout", false);
    }
    if (response.status == 429 || e.errcode == "M_LIMIT_EXCEEDED") {
        e.kind = ErrorKind::RateLimited;
        // Spec v1.10+ prefers the header and deprecates retry_after_ms; take whichever is
        // present, the header first.
        e.retry_after = parseRetryAfterHeader(response);
        if (!e.retry_after && doc != nullptr) e.retry_after = parseRetryAfterBody(*doc);
    }
    if (text && !text->empty()) {
        e.message = truncateUtf8(std::move(*text));
    } else {
        e.message = "HTTP " + std::to_string(response.status);
    }
    return e;
}

std::string urlEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3);
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
                                (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' ||
                                b == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4U];
            out += kHex[b & 0x0FU];
        }
    }
    return out;
}

}  // namespace renkei::matrix
