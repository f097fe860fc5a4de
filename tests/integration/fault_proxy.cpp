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

#include <cctype>
#include <cerrno>
#include <cstdlib>
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

bool FaultProxy::released(int generation) const {
    std::lock_guard lock(mutex_);
    return releases_ > generation;
}

void FaultProxy::addRule(FaultRule rule) {
    std::lock_guard lock(mutex_);
    rules_.push_back({std::move(rule), 0});
}

void FaultProxy::release() {
    std::lock_guard lock(mutex_);
    ++releases_;
}

std::vector<SeenRequest> FaultProxy::requests() const {
    std::lock_guard lock(mutex_);
    return log_;
}

std::vector<SeenRequest> FaultProxy::requests(std::string_view method,
                                              std::string_view path_contains) const {
    std::vector<SeenRequest> out;
    for (auto& r : requests()) {
        if (r.method == method && r.target.find(path_contains) != std::string::npos) {
            out.push_back(std::move(r));
        }
    }
    return out;
}

bool FaultProxy::waitFor(const std::function<bool(const std::vector<SeenRequest>&)>& done,
                         std::chrono::milliseconds deadline) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, deadline, [&] { return done(log_); });
}

void FaultProxy::note(std::size_t log, const std::function<void(SeenRequest&)>& update) {
    {
        std::lock_guard lock(mutex_);
        update(log_.at(log));
    }
    changed_.notify_all();
}

FaultProxy::Decision FaultProxy::decide(std::string_view request_line,
                                        std::chrono::steady_clock::time_point& stall_end) {
    SeenRequest seen;
    seen.received = Clock::now();
    // "METHOD SP target SP version": anything else is logged with an empty method.
    const auto sp1 = request_line.find(' ');
    const auto sp2 = sp1 == std::string_view::npos ? sp1 : request_line.find(' ', sp1 + 1);
    if (sp2 != std::string_view::npos) {
        seen.method = request_line.substr(0, sp1);
        seen.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    }
    Decision d;
    {
        std::lock_guard lock(mutex_);
        ++stats_.requests;
        d.log = log_.size();
        // Every rule counts every request it matches, applied or not: "skip 2" means the
        // third such request, whatever the rules before it did.
        bool applied = false;
        for (auto& r : rules_) {
            if (!r.rule.method.empty() && r.rule.method != seen.method) continue;
            if (seen.target.find(r.rule.path_contains) == std::string::npos) continue;
            ++r.matched;
            const bool in_range = r.matched > r.rule.skip && r.matched <= r.rule.skip + r.rule.times;
            if (applied || !in_range) continue;
            applied = true;
            d.rule = r.rule;
            d.fault = r.rule.action == FaultRule::Action::Answer ? Fault::Answer
                      : r.rule.action == FaultRule::Action::Hold ? Fault::Hold
                                                                 : Fault::AnswerAfterCommit;
            d.release_generation = releases_;
        }
        if (d.fault == Fault::None) {
            // One 32-bit draw scaled to [0, 1): the same on every standard library, unlike
            // std::uniform_real_distribution.
            const double u = static_cast<double>(rng_()) / 4294967296.0;
            double edge = plan_.reset_before_forward;
            if (u < edge) {
                ++stats_.resets;
                d.fault = Fault::Reset;
            } else if (u < (edge += plan_.drop_after_commit)) {
                ++stats_.drops_after_commit;
                d.fault = Fault::DropAfterCommit;
            } else if (u < (edge += plan_.stall)) {
                ++stats_.stalls;
                stall_end = Clock::now() + plan_.stall_for;
                d.fault = Fault::Stall;
            }
        }
        seen.injected = d.fault != Fault::None;
        log_.push_back(std::move(seen));
    }
    changed_.notify_all();
    return d;
}

namespace {

/// True once `request` holds a whole request: its head and Content-Length bytes of body.
bool wholeRequest(const std::string& request) {
    const auto head_end = request.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    std::size_t length = 0;
    std::size_t line = request.find("\r\n") + 2;
    while (line < head_end) {
        const auto next = request.find("\r\n", line);
        const std::string_view header(request.data() + line, next - line);
        constexpr std::string_view kName = "content-length:";
        if (header.size() > kName.size()) {
            std::string lower(header.substr(0, kName.size()));
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == kName) {
                length = std::strtoul(std::string(header.substr(kName.size())).c_str(), nullptr, 10);
            }
        }
        line = next + 2;
    }
    return request.size() >= head_end + 4 + length;
}

/// The reply of an Answer or AnswerAfterCommit rule, closing the connection after it.
std::string cannedReply(const FaultRule& rule) {
    std::string out = "HTTP/1.1 " + std::to_string(rule.status) + " Injected\r\n";
    out += "Content-Type: application/json\r\nContent-Length: " + std::to_string(rule.body.size()) +
           "\r\nConnection: close\r\n";
    for (const auto& [name, value] : rule.headers) out += name + ": " + value + "\r\n";
    return out + "\r\n" + rule.body;
}

/// The status of a reply from its first bytes ("HTTP/1.1 200 OK…"), or 0.
int replyStatus(std::string_view reply) {
    if (!reply.starts_with("HTTP/")) return 0;
    const auto sp = reply.find(' ');
    if (sp == std::string_view::npos || reply.size() < sp + 4) return 0;
    int status = 0;
    for (std::size_t i = sp + 1; i < sp + 4; ++i) {
        if (reply[i] < '0' || reply[i] > '9') return 0;
        status = status * 10 + (reply[i] - '0');
    }
    return status;
}

}  // namespace

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
    Decision current;               // the current request's fault and log entry
    bool at_boundary = true;        // the next client bytes start a new request
    bool reading_line = false;      // a new request's bytes are kept until its request line is in
    std::string pending;            // client bytes not forwarded (yet): reading_line, Hold, Answer
    bool client_eof = false, upstream_eof = false;
    Clock::time_point stall_end{};  // when a held reply is given up
    char buf[16384];

    // Answers in place of the server and ends the connection (Answer, AnswerAfterCommit).
    auto answer = [&] {
        const std::string reply = cannedReply(current.rule);
        note(current.log, [&](SeenRequest& r) {
            r.answered = Clock::now();
            r.status = current.rule.status;
        });
        (void)sendAll(client, reply.data(), reply.size(), wake);
        ::shutdown(client, SHUT_WR);
    };
    auto forwardPending = [&] {
        note(current.log, [](SeenRequest& r) { r.forwarded = true; });
        const bool sent = sendAll(upstream, pending.data(), pending.size(), wake);
        pending.clear();
        return sent;
    };

    for (;;) {
        const bool stalled = current.fault == Fault::Stall;
        const bool holding = current.fault == Fault::Hold;
        if (holding && released(current.release_generation)) {
            current.fault = Fault::None;
            if (!forwardPending()) break;
            continue;
        }
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
        if (holding) timeout_ms = 5;  // looks for release() (a held request is rare and short)
        const int ready = pollRetry(fds, 3, timeout_ms);
        if (ready < 0 || fds[0].revents != 0) break;  // poll failure, or the proxy is stopping
        if (ready == 0) continue;                     // stall deadline or release: checked above

        if (fds[1].revents != 0) {
            const ssize_t n = ::recv(client, buf, sizeof buf, 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (n < 0) break;  // reset by the client
            if (n == 0) {
                // The client gave up waiting (its timeout fired) on a request not forwarded.
                if (stalled || holding || reading_line || current.fault == Fault::Answer) break;
                client_eof = true;
                ::shutdown(upstream, SHUT_WR);  // pass the half-close on
            } else {
                if (at_boundary) {
                    at_boundary = false;
                    reading_line = true;
                }
                const bool keep = reading_line || holding || current.fault == Fault::Answer;
                if (keep) {
                    pending.append(buf, static_cast<std::size_t>(n));
                } else if (!sendAll(upstream, buf, static_cast<std::size_t>(n), wake)) {
                    break;
                }
                const auto eol = pending.find("\r\n");
                if (reading_line && (eol != std::string::npos || pending.size() > sizeof buf)) {
                    reading_line = false;
                    current = decide(std::string_view(pending).substr(0, eol), stall_end);
                    if (current.fault == Fault::Reset) {
                        resetFd(client);  // these bytes are dropped: nothing reaches the server
                        break;
                    }
                    if (current.fault != Fault::Hold && current.fault != Fault::Answer &&
                        !forwardPending()) {
                        break;
                    }
                }
                if (current.fault == Fault::Answer && !reading_line && wholeRequest(pending)) {
                    answer();
                    break;
                }
            }
        }

        if (fds[2].revents != 0 && current.fault != Fault::Stall) {  // (a stall may have begun above)
            const ssize_t n = ::recv(upstream, buf, sizeof buf, 0);
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (n < 0) break;  // reset by the server
            if (n > 0 && current.fault == Fault::DropAfterCommit) break;  // committed; lose the reply
            if (n > 0 && current.fault == Fault::AnswerAfterCommit) {  // committed; answer instead
                answer();
                break;
            }
            if (n == 0) {
                upstream_eof = true;
                ::shutdown(client, SHUT_WR);
            } else {
                if (!at_boundary && !reading_line) {  // the first bytes of the reply
                    const int status =
                        replyStatus(std::string_view(buf, static_cast<std::size_t>(n)));
                    note(current.log, [&](SeenRequest& r) {
                        r.answered = Clock::now();
                        r.status = status;
                    });
                }
                if (!sendAll(client, buf, static_cast<std::size_t>(n), wake)) break;
                at_boundary = true;  // the server answered: further client bytes are a new request
                current.fault = Fault::None;
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
