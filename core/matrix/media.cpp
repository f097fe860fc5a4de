// Renkei core: parsing content URIs (spec: "Matrix Content (mxc://) URIs", "Server Name").
#include "matrix/media.h"

namespace renkei::matrix {

namespace {

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// port = 1*5DIGIT, at most 65535.
bool validPort(std::string_view s) {
    if (s.empty() || s.size() > 5) return false;
    unsigned value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value <= 65535;
}

/// dns-name = 1*255dns-char (spec appendix "Server Name"), read as dot-separated labels that
/// are each non-empty: "..", "." or "a..b" would turn into path segments that a URL
/// normaliser resolves ("/download/../config" is /config).
bool validDnsName(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    std::size_t label = 0;
    for (char c : host) {
        if (c == '.') {
            if (label == 0) return false;
            label = 0;
        } else if (isAlnum(c) || c == '-') {
            ++label;
        } else {
            return false;
        }
    }
    return label > 0;
}

/// server_name = hostname [ ":" port ]; hostname = IPv4address / "[" IPv6address "]" /
/// dns-name, IPv6address = 2*45IPv6char of hex digits, ':' and '.' (spec appendix "Server
/// Name"). An IPv4 address is a dns-name of digits and dots.
bool validServerName(std::string_view s) {
    std::string_view host = s;
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos || close < 3 || close > 46) return false;
        for (char c : s.substr(1, close - 1)) {
            if (!(isHex(c) || c == ':' || c == '.')) return false;
        }
        const std::string_view rest = s.substr(close + 1);
        return rest.empty() || (rest.front() == ':' && validPort(rest.substr(1)));
    }
    if (const auto colon = s.find(':'); colon != std::string_view::npos) {
        if (!validPort(s.substr(colon + 1))) return false;
        host = s.substr(0, colon);
    }
    return validDnsName(host);
}

bool validMediaId(std::string_view s) {
    if (s.empty() || s.size() > 255) return false;
    for (char c : s) {
        if (!(isAlnum(c) || c == '-' || c == '_')) return false;
    }
    return true;
}

}  // namespace

Result<MxcUri> parseMxcUri(std::string_view uri) {
    constexpr std::string_view kScheme = "mxc://";
    if (uri.substr(0, kScheme.size()) != kScheme) {
        return fail(ErrorKind::InvalidArgument, "media: not an mxc:// URI");
    }
    const std::string_view rest = uri.substr(kScheme.size());
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) {
        return fail(ErrorKind::InvalidArgument, "media: mxc URI without a media id");
    }
    const std::string_view server = rest.substr(0, slash);
    const std::string_view media_id = rest.substr(slash + 1);
    if (!validServerName(server)) {
        return fail(ErrorKind::InvalidArgument, "media: mxc URI with a malformed server name");
    }
    if (!validMediaId(media_id)) {
        return fail(ErrorKind::InvalidArgument, "media: mxc URI with a malformed media id");
    }
    return MxcUri{std::string(server), std::string(media_id)};
}

}  // namespace renkei::matrix
