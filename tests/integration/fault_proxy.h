// Integration-test support: a fault-injecting TCP proxy on loopback, placed between the HTTP
// client (libcurl) and the real homeserver. It forwards bytes unchanged, and at each request
// boundary draws (from a seeded RNG) whether to break that request in one of the ways a real
// network or a dying server breaks it. POSIX sockets and std::thread only (no Qt).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>

#include "loopback_listener.h"

namespace renkei::test {

/// What the proxy does to each request. The probabilities are per request and cumulative in
/// the order listed (one uniform draw u: u < reset → reset, u < reset + drop → drop, …); the
/// rest are forwarded untouched.
struct FaultPlan {
    /// RST the client connection (SO_LINGER 0) as soon as the request's first bytes arrive;
    /// nothing reaches the server. Models a connection reset before the request was sent
    /// (NAT timeout, a dropped Wi-Fi link): the server never saw it, a retry is always safe.
    double reset_before_forward = 0;
    /// Forward the request, wait until the server's reply starts arriving (the server has
    /// committed it), then close the client connection without forwarding any of the reply.
    /// Models "the request went through but the answer was lost": a blind retry duplicates it.
    double drop_after_commit = 0;
    /// Forward the request, then hold the reply (forward nothing) for `stall_for`, then close
    /// both sides. Models a hung server or a black-holed link: the client's timeout must fire.
    double stall = 0;
    std::chrono::milliseconds stall_for{5000};
    std::uint32_t seed = 1;  ///< seeds the schedule (std::mt19937): same plan, same faults
};

/// Listens on 127.0.0.1:<ephemeral>; each accepted connection gets its own upstream
/// connection and one thread relaying both directions with poll(). A "request" starts with
/// the first client bytes on a connection, and again whenever client bytes arrive after the
/// server has sent bytes since the previous request (HTTP/1.1 keep-alive).
class FaultProxy {
public:
    /// Throws std::runtime_error if the listening socket cannot be set up. An unreachable
    /// upstream is not an error here: each client connection is then simply closed.
    FaultProxy(std::string upstream_host, int upstream_port, FaultPlan plan = {});
    /// Stops accepting, ends every connection (stalls included, at once) and joins all threads.
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return listener_->port(); }
    std::string baseUrl() const;  ///< "http://127.0.0.1:<port>"

    /// Thread-safe. Applies to requests decided after the call; the RNG is reseeded with
    /// plan.seed, so the schedule from here on depends only on the plan.
    void setPlan(const FaultPlan& plan);

    /// Counts since construction. Faults are counted when they are decided.
    struct Stats {
        int connections = 0, requests = 0, resets = 0, drops_after_commit = 0, stalls = 0;
    };
    Stats stats() const;

private:
    enum class Fault { None, Reset, DropAfterCommit, Stall };

    void serve(int client, int wake);
    int connectUpstream(int wake) const;
    /// One draw at a request boundary; for a Stall, sets when the held reply is given up.
    Fault decide(std::chrono::steady_clock::time_point& stall_end);

    std::string upstream_host_;
    int upstream_port_;

    mutable std::mutex mutex_;  ///< guards plan_, rng_ and stats_
    FaultPlan plan_;
    std::mt19937 rng_;
    Stats stats_;

    std::unique_ptr<LoopbackListener> listener_;  ///< last: its threads use everything above
};

/// Splits "http://host:port[/...]" into host and port (for the FaultProxy constructor).
/// Without a port: 80 for http, 443 for https. Throws std::invalid_argument if malformed.
std::pair<std::string, int> hostPort(const std::string& base_url);

}  // namespace renkei::test
