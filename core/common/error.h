// Renkei core: the one structured error type that every core operation returns.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace renkei {

/// What went wrong, coarsely, so callers can decide whether to retry, re-login or give up.
enum class ErrorKind {
    Network,          ///< connection refused/reset, DNS failure, transfer broken off (retryable)
    Timeout,          ///< connect or total timeout elapsed (retryable)
    Cancelled,        ///< the caller cancelled the request
    Tls,              ///< certificate or handshake failure (not retryable without user action)
    Http,             ///< non-2xx HTTP status with no Matrix error body
    Matrix,           ///< Matrix error body: see errcode (spec: "Standard error response")
    RateLimited,      ///< 429 M_LIMIT_EXCEEDED; see Error::retry_after
    Parse,            ///< malformed or truncated JSON, or a required key missing
    TooLarge,         ///< the answer was larger than the request allows (see http::Request)
    Storage,          ///< SQLCipher/SQLite or file-system failure (e.g. disk full, read-only)
    WrongPassphrase,  ///< the key file could not be unwrapped with the given passphrase
    NotLoggedIn,      ///< the operation needs a session and there is none
    InvalidArgument,  ///< the caller passed something malformed (e.g. a URL without a host)
    AccountMismatch,  ///< local data of one account asked to sign in as another (store/accounts.h)
};

/// Human-readable English name of an ErrorKind, for logs and CLI output (never translated here).
const char* toString(ErrorKind kind) noexcept;

/// One error with structured fields; only ui/ turns it into translated text.
/// Never put tokens, passwords or patient data into `message`.
struct Error {
    ErrorKind kind = ErrorKind::Network;
    int http_status = 0;        ///< HTTP status, 0 if no response arrived
    std::string errcode;        ///< Matrix errcode such as "M_FORBIDDEN", empty if none
    int curl_code = 0;          ///< CURLcode, 0 if libcurl reported success
    std::string message;        ///< short English diagnostic, safe to log
    std::optional<std::chrono::milliseconds> retry_after;  ///< from Retry-After / retry_after_ms
    bool soft_logout = false;   ///< M_UNKNOWN_TOKEN with soft_logout: true (spec: "Soft logout")

    /// True for failures that a later retry may fix: network, timeout, 5xx, 429.
    [[nodiscard]] bool isTransient() const noexcept;
    /// One line for logs: "kind [status errcode curl]: message".
    [[nodiscard]] std::string describe() const;
};

inline Error makeError(ErrorKind kind, std::string message) {
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
}

}  // namespace renkei
