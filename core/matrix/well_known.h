// Renkei core: the homeserver's client well-known document as a whole (spec: Client-Server
// API, "Server Discovery", "GET /.well-known/matrix/client"), for the keys beside
// m.homeserver that a network adds (care/network_policy.h). Discovery itself
// (MatrixClient::discover) reads only m.homeserver.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "http/transport.h"

namespace renkei::matrix {

/// The largest document read, in bytes; a larger one counts as none.
inline constexpr std::size_t kMaxWellKnownBytes = 64 * 1024;

/// GET <origin of `server`>/.well-known/matrix/client with a 30 s limit (`server`: a URL or
/// host as MatrixClient::discover takes it). The document as parsed JSON; an empty object
/// when there is none to read (404 or another status, not JSON, not an object, too large).
/// Errors: InvalidArgument (`server` is not a URL), Network / Timeout / Tls (no answer),
/// Cancelled.
Result<nlohmann::json> fetchClientWellKnown(http::Transport& transport, const std::string& server,
                                            const http::CancelToken* cancel = nullptr);

}  // namespace renkei::matrix
