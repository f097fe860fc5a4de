// Renkei core: homeserver URL normalisation (spec: "Server Discovery"). Only the scheme and
// the trailing slashes are normalised; host and path are kept as given.
#include "matrix/server_url.h"

#include "http/origin.h"

namespace renkei::matrix::detail {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto ca = static_cast<unsigned char>(a[i]);
        const auto cb = static_cast<unsigned char>(b[i]);
        const auto la = (ca >= 'A' && ca <= 'Z') ? ca + 32U : ca;
        const auto lb = (cb >= 'A' && cb <= 'Z') ? cb + 32U : cb;
        if (la != lb) return false;
    }
    return true;
}

/// The host of "host[:port]" or "[v6][:port]".
std::string_view hostOf(std::string_view authority) {
    if (authority.front() == '[') return authority.substr(0, authority.find(']') + 1);
    return authority.substr(0, authority.find(':'));
}

}  // namespace

Result<ServerUrl> parseServerUrl(std::string_view text, bool default_https) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return fail(ErrorKind::InvalidArgument, "empty server");
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '?' || c == '#') {
            return fail(ErrorKind::InvalidArgument, "server URL has spaces, a query or fragment");
        }
    }
    std::string scheme = "https";
    std::string_view rest = text;
    if (const auto sep = text.find("://"); sep != std::string_view::npos) {
        const auto given = text.substr(0, sep);
        if (equalsIgnoreCase(given, "https")) {
            scheme = "https";
        } else if (equalsIgnoreCase(given, "http")) {
            scheme = "http";
        } else {
            return fail(ErrorKind::InvalidArgument, "server URL must use http or https");
        }
        rest = text.substr(sep + 3);
    } else if (!default_https) {
        return fail(ErrorKind::InvalidArgument, "server URL has no scheme");
    }
    const auto slash = rest.find('/');
    const auto authority = rest.substr(0, slash);
    if (authority.empty() || authority.front() == ':' ||
        authority.find('@') != std::string_view::npos) {
        return fail(ErrorKind::InvalidArgument, "server URL has no host");
    }
    auto path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);

    ServerUrl out;
    out.origin = scheme + "://" + std::string(authority);
    out.base_url = out.origin + std::string(path);
    out.insecure = scheme == "http" && !http::isLoopbackHost(hostOf(authority));
    return out;
}

Result<void> requireSecure(const ServerUrl& url, std::string_view what) {
    if (!url.insecure) return {};
    return fail(ErrorKind::InvalidArgument,
                std::string(what) +
                    ": plain http:// is allowed only for this computer (loopback); use https://");
}

}  // namespace renkei::matrix::detail
