// Integration-test support: a small HTTP/1.1 server on loopback for the tests that need a
// server misbehaving on purpose (a hostile or broken homeserver; Synapse never does these
// things). It speaks just enough HTTP (request line, headers, a Content-Length body,
// 100-continue, keep-alive) and answers each request with what the test's handler returns:
// a fixed reply, or a body produced piece by piece, chunked or with a declared length, so a
// reply of hundreds of megabytes, or one that never ends, costs the test no memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "loopback_listener.h"

namespace renkei::test {

struct HttpRequest {
    std::string method;
    std::string target;                          ///< path and query as sent
    std::map<std::string, std::string> headers;  ///< names lower-cased
    std::string body;

    [[nodiscard]] std::string path() const { return target.substr(0, target.find('?')); }
    /// The raw (still percent-encoded) value of query parameter `key`, if present.
    [[nodiscard]] std::optional<std::string> query(const std::string& key) const;
};

struct HttpReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  ///< Content-Type: JSON unless given
    std::string body;
    /// When set, the body is produced by calling this until it returns false; each call puts
    /// the next piece into its (cleared) argument. Sent chunked unless declared_length is set.
    std::function<bool(std::string& piece)> stream;
    std::optional<std::uint64_t> declared_length;  ///< Content-Length sent with a stream
    std::chrono::milliseconds delay{0};            ///< wait before answering (ends at stop)
};

using HttpHandler = std::function<HttpReply(const HttpRequest&)>;

/// A JSON reply.
HttpReply jsonReply(int status, std::string body);
/// A redirect to `location` (absolute or relative), with a small JSON body.
HttpReply redirectReply(int status, std::string location);

/// Listens on 127.0.0.1:<ephemeral>; the handler runs on the connection's thread (one per
/// connection), so it must be thread-safe.
class HostileServer {
public:
    explicit HostileServer(HttpHandler handler);
    /// Ends every connection (endless replies included) and joins all threads.
    ~HostileServer();
    HostileServer(const HostileServer&) = delete;
    HostileServer& operator=(const HostileServer&) = delete;

    int port() const { return listener_->port(); }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port()); }
    /// Every request so far, in arrival order (a copy; thread-safe).
    std::vector<HttpRequest> requests() const;

private:
    void serve(int client, int wake);
    /// Writes `reply` to `client`; false if the connection is to be closed.
    bool answer(int client, int wake, const HttpReply& reply);

    HttpHandler handler_;
    mutable std::mutex mutex_;  ///< guards log_
    std::vector<HttpRequest> log_;
    std::unique_ptr<LoopbackListener> listener_;  ///< last: its threads use everything above
};

}  // namespace renkei::test
