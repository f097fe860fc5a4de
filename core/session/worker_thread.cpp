#include "session/worker_thread.h"

namespace renkei::session {

WorkerThread::~WorkerThread() { stop(); }

void WorkerThread::start(std::function<void()> body) {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) {
        if (!finished_) return;
        thread_.join();  // ended on its own: start afresh
    }
    stopping_ = false;
    woken_ = false;
    finished_ = false;
    cancel_.reset();
    thread_ = std::thread([this, body = std::move(body)] {
        body();
        std::lock_guard done(mutex_);
        finished_ = true;
    });
}

void WorkerThread::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        cancel_.cancel();
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void WorkerThread::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void WorkerThread::clearWake() {
    std::lock_guard lock(mutex_);
    woken_ = false;
}

bool WorkerThread::wait(std::optional<std::chrono::milliseconds> delay, bool wakeable) {
    std::unique_lock lock(mutex_);
    auto done = [&] { return stopping_ || (wakeable && woken_); };
    if (delay) {
        wake_.wait_for(lock, *delay, done);
    } else {
        wake_.wait(lock, done);
    }
    woken_ = false;
    return !stopping_;
}

bool WorkerThread::running() const {
    std::lock_guard lock(mutex_);
    return thread_.joinable() && !stopping_ && !finished_;
}

bool WorkerThread::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

}  // namespace renkei::session
