// Renkei core: homeserver discovery (spec: Client-Server API, "Server Discovery",
// "GET /.well-known/matrix/client", "GET /_matrix/client/versions"). The user types a domain
// or URL; this turns it into the base URL every other call is built on.
#include <chrono>
#include <string_view>

#include "matrix/client.h"
#include "matrix/json_util.h"

namespace renkei::matrix {

namespace {

constexpr std::chrono::milliseconds kDiscoveryTimeout{30'000};

/// A typed or advertised server URL split into its parts.
struct ServerUrl {
    std::string origin;    ///< scheme://authority, scheme lower-cased
    std::string base_url;  ///< origin plus any path, without trailing slashes
};

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

/// Parses "example.org", "https://example.org:8448/" or "http://127.0.0.1:8008/base/".
/// A missing scheme becomes https:// when `default_https`, otherwise it is an error.
/// Errors: InvalidArgument for an empty string, a scheme other than http(s), no host,
/// whitespace or control characters, or a query or fragment.
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
    return out;
}

/// GET /.well-known/matrix/client on the typed origin. Returns the advertised base URL, or
/// nullopt when there is none to use (404, other statuses, network failure, bad JSON, or
/// a base_url that is not an http(s) URL): the caller then uses the URL as typed.
/// Errors: only Cancelled, which must not be swallowed.
Result<std::optional<std::string>> wellKnownBaseUrl(http::Transport& transport,
                                                    const ServerUrl& typed,
                                                    const http::CancelToken* cancel) {
    http::Request req;
    req.url = typed.origin + "/.well-known/matrix/client";
    req.total_timeout = kDiscoveryTimeout;
    auto response = transport.perform(req, cancel);
    if (!response) {
        if (response.error().kind == ErrorKind::Cancelled) return response.failure();
        return std::optional<std::string>();
    }
    if (response->status < 200 || response->status >= 300) return std::optional<std::string>();
    auto doc = detail::parseObject(response->body, "well-known");
    if (!doc) return std::optional<std::string>();
    detail::json* homeserver = detail::objectMember(doc.value(), "m.homeserver");
    auto advertised =
        homeserver == nullptr ? std::nullopt : detail::takeString(*homeserver, "base_url");
    if (!advertised) return std::optional<std::string>();
    auto url = parseServerUrl(*advertised, false);
    if (!url) return std::optional<std::string>();
    return std::optional<std::string>(std::move(url->base_url));
}

Failure notMatrix(const std::string& base_url, int status) {
    Error e =
        makeError(ErrorKind::Parse,
                  base_url + " is not a Matrix server (no versions at /_matrix/client/versions)");
    e.http_status = status;
    return fail(std::move(e));
}

}  // namespace

Result<DiscoveryResult> MatrixClient::discover(http::Transport& transport,
                                               const std::string& server,
                                               const http::CancelToken* cancel) {
    auto typed = parseServerUrl(server, true);
    if (!typed) return typed.failure();
    auto advertised = wellKnownBaseUrl(transport, *typed, cancel);
    if (!advertised) return advertised.failure();

    DiscoveryResult out;
    out.base_url = advertised->has_value() ? std::move(**advertised) : typed->base_url;

    http::Request req;
    req.url = out.base_url + "/_matrix/client/versions";
    req.total_timeout = kDiscoveryTimeout;
    auto response = transport.perform(req, cancel);
    if (!response) return response.failure();
    const int status = static_cast<int>(response->status);
    if (status < 200 || status >= 300) {
        // A busy Matrix server is still a Matrix server: keep 429 and 5xx retryable.
        if (status == 429 || status >= 500) return fail(errorFromResponse(*response));
        return notMatrix(out.base_url, status);
    }
    auto doc = detail::parseObject(response->body, "versions");
    if (!doc) return notMatrix(out.base_url, status);
    detail::json* versions = detail::arrayMember(doc.value(), "versions");
    if (versions == nullptr) return notMatrix(out.base_url, status);
    for (auto& v : *versions) {
        if (v.is_string()) out.versions.push_back(std::move(v.get_ref<std::string&>()));
    }
    return out;
}

}  // namespace renkei::matrix
