#include "matrix/well_known.h"

#include <chrono>

#include "matrix/server_url.h"

namespace renkei::matrix {

Result<nlohmann::json> fetchClientWellKnown(http::Transport& transport, const std::string& server,
                                            const http::CancelToken* cancel) {
    auto typed = detail::parseServerUrl(server, true);
    if (!typed) return typed.failure();
    http::Request req;
    req.url = typed->origin + "/.well-known/matrix/client";
    req.total_timeout = std::chrono::milliseconds(30'000);
    auto response = transport.perform(req, cancel);
    if (!response) return response.failure();
    const auto none = nlohmann::json::object();
    if (response->status < 200 || response->status >= 300 || response->body.size() > kMaxWellKnownBytes) return none;
    auto doc = nlohmann::json::parse(response->body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return none;
    return doc;
}

}  // namespace renkei::matrix
