// Integration-test support: a fault-injecting TCP proxy on loopback, placed between the HTTP
// client (libcurl) and the real homeserver. It forwards bytes unchanged, and at each request
// boundary draws (from a seeded RNG) whether to break that request in one of the ways a real
// network or a dying server breaks it. POSIX sockets and std::thread only (no Qt).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// A scripted fault for particular requests, matched by method and a part of the request
/// target, checked before the random plan (a matched request draws nothing from its RNG):
/// for tests that need, say, the second PUT …/send/… rate limited and nothing else.
struct FaultRule {
    enum class Action {
        /// Once the whole request has arrived, answer `status`, `headers` and `body` (then
        /// close the connection); nothing reaches the server. Models a server or gateway that
        /// refuses the request: 429 with Retry-After, 503, 408, 413.
        Answer,
        /// Forward the request, wait until the server's reply starts (the server has done the
        /// work), and answer `status`/`headers`/`body` in its place. Models a gateway failing
        /// after the fact (502) or a reply mangled on the way (a 200 that is not JSON).
        AnswerAfterCommit,
        /// Forward nothing until release(), then forward the request: meanwhile the client has
        /// sent it and waits for the answer, and the server has not seen it.
        Hold,
    };
    std::string method;         ///< "PUT", …; empty matches every method
    std::string path_contains;  ///< a part of the request target, e.g. "/send/"; empty: any
    int skip = 0;               ///< matching requests let through untouched first
    int times = 1;              ///< then the rule applies to this many matching requests
    Action action = Action::Answer;
    int status = 500;           ///< Answer, AnswerAfterCommit: the reply
    std::vector<std::pair<std::string, std::string>> headers;  ///< e.g. {"Retry-After", "1"}
    std::string body;           ///< sent as application/json with its Content-Length
};

/// One request as the proxy saw it: the server's side of the wire, with its own clock.
struct SeenRequest {
    std::string method;  ///< "PUT"; empty if the request line could not be read
    std::string target;  ///< path and query, e.g. "/_matrix/client/v3/rooms/…/send/…"
    std::chrono::steady_clock::time_point received;                 ///< its first bytes arrived
    /// When a reply started to go to the client (nullopt: none did).
    std::optional<std::chrono::steady_clock::time_point> answered;
    int status = 0;          ///< the status of that reply; 0 if no reply reached the client
    bool forwarded = false;  ///< the request went on to the server
    bool injected = false;   ///< a FaultRule or the plan handled it (the reply, if any, is ours)
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

    /// Thread-safe. Appends a rule. Each rule counts the requests it matches (for `skip` and
    /// `times`) whether or not it applies; of the rules that apply, the first added wins.
    void addRule(FaultRule rule);
    /// Forwards every request that a Hold rule is holding now (later ones wait for the next
    /// release()).
    void release();
    /// Every request seen since construction, in order of arrival.
    std::vector<SeenRequest> requests() const;
    /// The requests whose method is `method` and whose target contains `path_contains`.
    std::vector<SeenRequest> requests(std::string_view method,
                                      std::string_view path_contains) const;
    /// Waits until `done(requests())` holds or `deadline` passes; returns done(). Woken
    /// whenever a request arrives or is answered, never by polling.
    bool waitFor(const std::function<bool(const std::vector<SeenRequest>&)>& done,
                 std::chrono::milliseconds deadline) const;

private:
    enum class Fault { None, Reset, DropAfterCommit, Stall, Answer, AnswerAfterCommit, Hold };
    /// What to do with one request, and where it is in the log.
    struct Decision {
        Fault fault = Fault::None;
        FaultRule rule;  ///< Answer, AnswerAfterCommit, Hold
        std::size_t log = 0;
        int release_generation = 0;  ///< Hold: forwarded once release() has moved past this
    };
    struct Rule {
        FaultRule rule;
        int matched = 0;
    };

    void serve(int client, int wake);
    int connectUpstream(int wake) const;
    /// At a request boundary, from its request line: a rule, else one draw of the plan; for a
    /// Stall, sets when the held reply is given up. Logs the request.
    Decision decide(std::string_view request_line,
                    std::chrono::steady_clock::time_point& stall_end);
    /// Updates the log entry of a request and wakes waitFor().
    void note(std::size_t log, const std::function<void(SeenRequest&)>& update);
    bool released(int generation) const;

    std::string upstream_host_;
    int upstream_port_;

    mutable std::mutex mutex_;  ///< guards plan_, rng_, stats_, rules_, log_, releases_
    mutable std::condition_variable changed_;  ///< log_ changed
    FaultPlan plan_;
    std::mt19937 rng_;
    Stats stats_;
    std::vector<Rule> rules_;
    std::vector<SeenRequest> log_;
    int releases_ = 0;

    std::unique_ptr<LoopbackListener> listener_;  ///< last: its threads use everything above
};

/// Splits "http://host:port[/...]" into host and port (for the FaultProxy constructor).
/// Without a port: 80 for http, 443 for https. Throws std::invalid_argument if malformed.
std::pair<std::string, int> hostPort(const std::string& base_url);

}  // namespace renkei::test
