// Renkei core: parsing content URIs (spec: "Matrix Content (mxc://) URIs", "Server Name").
#include "matrix/media.h"

namespace renkei::matrix {

namespace {

bool isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool allDigits(std::string_view s) {
    if (s.empty() || s.size() > 5) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

/// server_name = hostname [ ":" port ]; hostname = IPv4 / "[" IPv6 "]" / DNS name
/// (spec appendix "Server Name"). Checked only as far as a URL path needs.
bool validServerName(std::string_view s) {
    std::string_view host = s;
    if (!s.empty() && s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos || close < 3) return false;
        for (char c : s.substr(1, close - 1)) {
            if (!(isAlnum(c) || c == ':' || c == '.')) return false;
        }
        const std::string_view rest = s.substr(close + 1);
        return rest.empty() || (rest.front() == ':' && allDigits(rest.substr(1)));
    }
    if (const auto colon = s.find(':'); colon != std::string_view::npos) {
        if (!allDigits(s.substr(colon + 1))) return false;
        host = s.substr(0, colon);
    }
    if (host.empty() || host.size() > 255) return false;
    for (char c : host) {
        if (!(isAlnum(c) || c == '-' || c == '.')) return false;
    }
    return true;
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
