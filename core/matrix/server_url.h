// Renkei core, internal to core/matrix: splitting a typed or advertised homeserver URL
// (spec: "Server Discovery"). Shared by discover() and parseWellKnown().
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace renkei::matrix::detail {

/// A typed or advertised server URL split into its parts.
struct ServerUrl {
    std::string origin;    ///< scheme://authority, scheme lower-cased
    std::string base_url;  ///< origin plus any path, without trailing slashes
    bool insecure = false;  ///< plain http to a host that is not loopback: see requireSecure
};

/// Parses "example.org", "https://example.org:8448/" or "http://127.0.0.1:8008/base/".
/// Surrounding whitespace is ignored. A missing scheme becomes https:// when
/// `default_https`, otherwise it is an error. Errors: InvalidArgument for an empty string,
/// a scheme other than http(s), no host, whitespace or control characters, or a query or
/// fragment. Messages never quote the text.
Result<ServerUrl> parseServerUrl(std::string_view text, bool default_https);

/// Refuses a URL that would send tokens and patient data unencrypted: plain http is allowed
/// only to loopback hosts (127.0.0.0/8, ::1, localhost; see http::isLoopbackHost), whether
/// typed by the user or advertised by a well-known document. Errors: InvalidArgument
/// ("<what>: plain http:// is allowed only …").
Result<void> requireSecure(const ServerUrl& url, std::string_view what);

}  // namespace renkei::matrix::detail
