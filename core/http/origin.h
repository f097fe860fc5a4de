// Renkei core: which URLs the transport may talk to. Plain http is for this computer only
// (a test server or a local reverse proxy); everything else goes over https.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace renkei::http {

/// True for a host that names this computer: "localhost", an IPv4 address in 127.0.0.0/8,
/// or the IPv6 loopback ::1 (also written out, or as ::ffff:127.x.y.z). `host` has no port;
/// IPv6 may be in brackets. Anything else, including names that merely start with
/// "127." or end in ".localhost", is false.
bool isLoopbackHost(std::string_view host);

/// The origin of an absolute URL (RFC 6454): scheme and host lower-cased, port explicit.
struct Origin {
    std::string scheme;  ///< "http" or "https"
    std::string host;    ///< as in the URL, lower-cased; IPv6 with brackets
    int port = 0;        ///< the given port, else 80 / 443

    bool operator==(const Origin&) const = default;
};

/// Parses `url` with libcurl's URL parser. Errors: InvalidArgument if it is not an absolute
/// http(s) URL with a host, or if it is plain http to a host other than loopback
/// (see isLoopbackHost). Messages never quote the URL (it may carry tokens in a query).
Result<Origin> allowedOrigin(const std::string& url);

}  // namespace renkei::http
