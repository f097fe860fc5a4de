// The fault-injecting TCP proxy of fault_proxy.h. Threads: one accepting, one per client
// connection (loopback_listener.h); each also polls the listener's wake pipe, so no thread
// (not even one holding a stalled reply) outlives the proxy.
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace renkei::test {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

FaultProxy::FaultProxy(std::string upstream_host, int upstream_port, FaultPlan plan)
    : upstream_host_(std::move(upstream_host)),
      upstream_port_(upstream_port),
      plan_(plan),
      rng_(plan.seed),
      listener_(std::make_unique<LoopbackListener>(
          [this](int client, int wake) { serve(client, wake); })) {}

FaultProxy::~FaultProxy() { listener_->stop(); }

std::string FaultProxy::baseUrl() const { return "http://127.0.0.1:" + std::to_string(port()); }

void FaultProxy::setPlan(const FaultPlan& plan) {
    std::lock_guard lock(mutex_);
    plan_ = plan;
    rng_.seed(plan.seed);
}

FaultProxy::Stats FaultProxy::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

int FaultProxy::connectUpstream(int wake) const {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(upstream_port_);
    if (::getaddrinfo(upstream_host_.c_str(), service.c_str(), &hints, &found) != 0) return -1;
    int fd = -1;
    for (addrinfo* ai = found; ai != nullptr && fd < 0; ai = ai->ai_next) {
        fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) continue;
        // Non-blocking connect waited for with poll(): safe against EINTR (a blocking connect
        // cannot simply be repeated), at most 10 s, and over at once if the proxy stops.
        bool connected = ::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0;
        if (!connected && (errno == EINPROGRESS || errno == EINTR)) {
            pollfd fds[2] = {{wake, POLLIN, 0}, {fd, POLLOUT, 0}};
            int err = 0;
            socklen_t len = sizeof err;
            connected = pollRetry(fds, 2, 10'000) > 0 && fds[0].revents == 0 &&
                        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
        }
        if (!connected) closeFd(fd);
    }
    ::freeaddrinfo(found);
    return fd;  // non-blocking, like the client side: sendAll() handles EAGAIN
}

FaultProxy::Fault FaultProxy::decide(std::chrono::steady_clock::time_point& stall_end) {
    std::lock_guard lock(mutex_);
    ++stats_.requests;
    // One 32-bit draw scaled to [0, 1): the same on every standard library, unlike
    // std::uniform_real_distribution.
    const double u = static_cast<double>(rng_()) / 4294967296.0;
    double edge = plan_.reset_before_forward;
    if (u < edge) {
        ++stats_.resets;
        return Fault::Reset;
    }
    edge += plan_.drop_after_commit;
    if (u < edge) {
        ++stats_.drops_after_commit;
        return Fault::DropAfterCommit;
    }
    edge += plan_.stall;
    if (u < edge) {
        ++stats_.stalls;
        stall_end = Clock::now() + plan_.stall_for;
        return Fault::Stall;
    }
    return Fault::None;
}

void FaultProxy::serve(int client, int wake) {
    {
        std::lock_guard lock(mutex_);
        ++stats_.connections;
    }
    int upstream = connectUpstream(wake);
    if (upstream < 0) {  // nothing to relay to: the client sees the connection closed
        closeFd(client);
        return;
    }
    Fault fault = Fault::None;     // the fault of the current request
    bool at_boundary = true;       // the next client bytes start a new request
    bool client_eof = false, upstream_eof = false;
    Clock::time_point stall_end{};  // when a held reply is given up
    char buf[16384];

    for (;;) {
        const bool stalled = fault == Fault::Stall;
        // A negative fd is skipped by poll(): no reading from a side that has finished, and
        // none from the server while its reply is being held.
        pollfd fds[3] = {{wake, POLLIN, 0},
                         {client_eof ? -1 : client, POLLIN, 0},
                         {upstream_eof || stalled ? -1 : upstream, POLLIN, 0}};
        int timeout_ms = -1;
        if (stalled) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(stall_end - Clock::now());
            if (left.count() <= 0) break;  // held long enough: close both sides
            timeout_ms = static_cast<int>(left.count());
        }
        const int ready = pollRetry(fds, 3, timeout_ms);
        if (ready < 0 || fds[0].revents != 0) break;  // poll failure, or the proxy is stopping
        if (ready == 0) continue;                     // stall deadline: checked above

        if (fds[1].revents != 0) {
            const ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (n < 0) break;  // reset by the client
            if (n == 0) {
                if (stalled) break;  // the client gave up waiting (its timeout fired)
                client_eof = true;
                ::shutdown(upstream, SHUT_WR);  // pass the half-close on
            } else {
                if (at_boundary) {
                    at_boundary = false;
                    fault = decide(stall_end);
                    if (fault == Fault::Reset) {
                        resetFd(client);  // these bytes are dropped: nothing reaches the server
                        break;
                    }
                }
                if (!sendAll(upstream, buf, static_cast<std::size_t>(n), wake)) break;
            }
        }

        if (fds[2].revents != 0 && fault != Fault::Stall) {  // (a stall may have begun above)
            const ssize_t n = ::recv(upstream, buf, sizeof buf, 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (n < 0) break;  // reset by the server
            if (n > 0 && fault == Fault::DropAfterCommit) break;  // committed; lose the reply
            if (n == 0) {
                upstream_eof = true;
                ::shutdown(client, SHUT_WR);
            } else {
                if (!sendAll(client, buf, static_cast<std::size_t>(n), wake)) break;
                at_boundary = true;  // the server answered: further client bytes are a new request
                fault = Fault::None;
            }
        }
        if (client_eof && upstream_eof) break;
    }
    closeFd(client);
    closeFd(upstream);
}

std::pair<std::string, int> hostPort(const std::string& base_url) {
    const auto scheme_end = base_url.find("://");
    if (scheme_end == std::string::npos) throw std::invalid_argument("no scheme: " + base_url);
    const std::size_t start = scheme_end + 3;
    const std::string authority = base_url.substr(start, base_url.find('/', start) - start);
    // The port's colon is the last one, unless it is inside an IPv6 literal "[…]".
    const auto colon = authority.rfind(':');
    const bool has_port = colon != std::string::npos && authority.find(']', colon) == std::string::npos;
    std::string host = has_port ? authority.substr(0, colon) : authority;
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) throw std::invalid_argument("no host: " + base_url);
    if (!has_port) return {host, base_url.compare(0, scheme_end, "https") == 0 ? 443 : 80};
    const std::string port = authority.substr(colon + 1);
    std::size_t used = 0;
    const int number = std::stoi(port, &used);  // throws std::invalid_argument if not a number
    if (used != port.size() || number <= 0 || number > 65535)
        throw std::invalid_argument("bad port: " + base_url);
    return {host, number};
}

}  // namespace renkei::test
