// Integration-test support: the socket plumbing that the fault proxy and the hostile server
// share. A listener on 127.0.0.1:<ephemeral> serves each connection on its own thread; a
// "wake" pipe that every thread polls hangs up at once when the listener stops, so no thread
// (not even one blocked in a stalled or endless reply) outlives it. POSIX and std::thread only.
#pragma once

#include <poll.h>

#include <atomic>
#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace renkei::test {

/// Closes `fd` if open and sets it to -1.
void closeFd(int& fd);
/// Closes with an RST instead of a FIN (SO_LINGER on, zero timeout).
void resetFd(int& fd);
/// poll() that retries on EINTR (with the full timeout again: good enough for tests).
int pollRetry(pollfd* fds, nfds_t n, int timeout_ms);
/// Writes all of [data, data + size) to the non-blocking `fd`, waiting while the peer's
/// window is full. False on error (e.g. the peer closed) or once `wake` hangs up.
bool sendAll(int fd, const char* data, std::size_t size, int wake);

class LoopbackListener {
public:
    /// Serves one accepted connection (non-blocking, close-on-exec) and closes it; it must
    /// return soon after `wake` (poll it with POLLIN) reports anything.
    using Serve = std::function<void(int client, int wake)>;

    /// Listens and starts accepting. Throws std::runtime_error if it cannot listen.
    explicit LoopbackListener(Serve serve);
    /// stop().
    ~LoopbackListener();
    LoopbackListener(const LoopbackListener&) = delete;
    LoopbackListener& operator=(const LoopbackListener&) = delete;

    int port() const { return port_; }
    /// Stops accepting, wakes every connection thread and joins them all. Idempotent.
    void stop();

private:
    struct Worker {
        std::thread thread;
        std::atomic<bool> done{false};
    };
    void acceptLoop();

    Serve serve_;
    int listen_fd_ = -1;
    int port_ = 0;
    int wake_read_ = -1;
    int wake_write_ = -1;
    std::once_flag stopped_;
    std::list<std::unique_ptr<Worker>> workers_;  ///< owned by the accept thread only
    std::thread acceptor_;
};

}  // namespace renkei::test
