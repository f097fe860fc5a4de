#include "common/error.h"

namespace renkei {

const char* toString(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::Network: return "network";
        case ErrorKind::Timeout: return "timeout";
        case ErrorKind::Cancelled: return "cancelled";
        case ErrorKind::Tls: return "tls";
        case ErrorKind::Http: return "http";
        case ErrorKind::Matrix: return "matrix";
        case ErrorKind::RateLimited: return "rate-limited";
        case ErrorKind::Parse: return "parse";
        case ErrorKind::TooLarge: return "too-large";
        case ErrorKind::Storage: return "storage";
        case ErrorKind::WrongPassphrase: return "wrong-passphrase";
        case ErrorKind::NotLoggedIn: return "not-logged-in";
        case ErrorKind::InvalidArgument: return "invalid-argument";
        case ErrorKind::AccountMismatch: return "account-mismatch";
    }
    return "unknown";
}

bool Error::isTransient() const noexcept {
    switch (kind) {
        case ErrorKind::Network:
        case ErrorKind::Timeout:
        case ErrorKind::RateLimited: return true;
        case ErrorKind::Http:
        case ErrorKind::Matrix: return http_status >= 500;
        default: return false;
    }
}

std::string Error::describe() const {
    std::string out = toString(kind);
    if (http_status != 0 || !errcode.empty() || curl_code != 0) {
        out += " [";
        if (http_status != 0) out += "HTTP " + std::to_string(http_status);
        if (!errcode.empty()) out += (http_status != 0 ? " " : "") + errcode;
        if (curl_code != 0) out += " curl " + std::to_string(curl_code);
        out += "]";
    }
    if (!message.empty()) out += ": " + message;
    return out;
}

}  // namespace renkei
