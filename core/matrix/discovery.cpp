// Renkei core: homeserver discovery (spec: Client-Server API, "Server Discovery",
// "GET /.well-known/matrix/client", "GET /_matrix/client/versions"). The user types a domain
// or URL; this turns it into the base URL every other call is built on.
#include <chrono>
#include <string_view>

#include "matrix/client.h"
#include "matrix/responses.h"
#include "matrix/server_url.h"

namespace renkei::matrix {

namespace {

constexpr std::chrono::milliseconds kDiscoveryTimeout{30'000};

/// GET /.well-known/matrix/client on the typed origin. Returns the advertised base URL, or
/// nullopt when there is none to use (404, other statuses, network failure, or a document
/// that parseWellKnown() rejects as malformed or that has no m.homeserver): the caller then
/// uses the URL as typed. Errors: Cancelled, which must not be swallowed; InvalidArgument for
/// a document that advertises plain http to a host that is not loopback.
Result<std::optional<std::string>> wellKnownBaseUrl(http::Transport& transport,
                                                    const detail::ServerUrl& typed,
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
    auto advertised = parseWellKnown(response->body);
    // A document that points to plain http elsewhere is a downgrade: say so, never fall back.
    if (!advertised && advertised.error().kind == ErrorKind::InvalidArgument) {
        return advertised.failure();
    }
    if (!advertised) return std::optional<std::string>();
    return advertised;
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
    auto typed = detail::parseServerUrl(server, true);
    if (!typed) return typed.failure();
    if (auto secure = detail::requireSecure(*typed, "homeserver"); !secure) return secure.failure();
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
    auto versions = parseVersions(response->body);
    if (!versions) return notMatrix(out.base_url, status);
    out.versions = std::move(versions).value();
    return out;
}

}  // namespace renkei::matrix
