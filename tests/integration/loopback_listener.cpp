#include "loopback_listener.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace renkei::test {

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

void resetFd(int& fd) {
    const linger lg{1, 0};  // l_onoff, l_linger
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    closeFd(fd);
}

int pollRetry(pollfd* fds, nfds_t n, int timeout_ms) {
    int r = 0;
    do r = ::poll(fds, n, timeout_ms);
    while (r < 0 && errno == EINTR);
    return r;
}

bool sendAll(int fd, const char* data, std::size_t size, int wake) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n >= 0) {
            data += n;
            size -= static_cast<std::size_t>(n);
            continue;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
        // The peer's window is full: wait until it drains, unless we are stopping.
        pollfd fds[2] = {{wake, POLLIN, 0}, {fd, POLLOUT, 0}};
        if (pollRetry(fds, 2, -1) < 0 || fds[0].revents != 0) return false;
    }
    return true;
}

LoopbackListener::LoopbackListener(Serve serve) : serve_(std::move(serve)) {
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC) != 0) throw std::runtime_error("LoopbackListener: pipe2 failed");
    wake_read_ = wake[0];
    wake_write_ = wake[1];

    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};  // 127.0.0.1, port 0: an ephemeral one
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
        ::listen(listen_fd_, SOMAXCONN) != 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        for (int* fd : {&listen_fd_, &wake_read_, &wake_write_}) closeFd(*fd);
        throw std::runtime_error("LoopbackListener: cannot listen on 127.0.0.1");
    }
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

LoopbackListener::~LoopbackListener() { stop(); }

void LoopbackListener::stop() {
    std::call_once(stopped_, [this] {
        closeFd(wake_write_);  // every poll() on wake_read_ now reports a hang-up
        acceptor_.join();      // the accept thread joins all connection threads first
        closeFd(listen_fd_);
        closeFd(wake_read_);
    });
}

void LoopbackListener::acceptLoop() {
    for (;;) {
        pollfd fds[2] = {{wake_read_, POLLIN, 0}, {listen_fd_, POLLIN, 0}};
        if (pollRetry(fds, 2, -1) < 0 || fds[0].revents != 0) break;
        // Reap finished connections so that a long test does not pile up joinable threads.
        workers_.remove_if([](const std::unique_ptr<Worker>& w) {
            if (!w->done.load()) return false;
            w->thread.join();
            return true;
        });
        if (fds[1].revents == 0) continue;
        int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (client < 0) continue;  // EINTR, EAGAIN, ECONNABORTED: try again
        Worker* w = workers_.emplace_back(std::make_unique<Worker>()).get();
        w->thread = std::thread([this, client, w] {
            serve_(client, wake_read_);
            w->done.store(true);
        });
    }
    for (auto& w : workers_) w->thread.join();  // they all saw the hang-up too
    workers_.clear();
}

}  // namespace renkei::test
