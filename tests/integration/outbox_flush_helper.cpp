// Test helper of outbox_kill_test (not installed): flushes one account's outbox through the
// app's SendQueue and stops, on purpose, inside the window a crash makes dangerous. The PUT
// number PAUSE_AT (counting this run's PUTs /send/ that the server answered 200) is held
// after its answer arrived and before the session commits it to the vault: the helper prints
// "paused <txn id>" and blocks there until it is killed. Every PUT is printed first as
// "put <txn id> <status>". Exits 0 once the outbox is flushed (PAUSE_AT 0: never pauses).
//   usage: outbox_flush_helper ACCOUNT_DIR PAUSE_AT    (passphrase in RENKEI_PASSPHRASE)
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

#include "http/curl_transport.h"
#include "session/send_queue.h"
#include "session/session.h"
#include "store/accounts.h"
#include "store/keys.h"

using namespace renkei;

namespace {

/// The transport seam: the real CurlTransport, then a pause after the chosen PUT's answer.
class PauseAfterPut final : public http::Transport {
public:
    explicit PauseAfterPut(int pause_at) : pause_at_(pause_at) {}
    Result<http::Response> perform(const http::Request& request,
                                   const http::CancelToken* cancel) override {
        auto result = curl_.perform(request, cancel);
        const bool send = request.method == "PUT" && request.url.find("/send/") != std::string::npos;
        if (!send) return result;
        const std::string txn = request.url.substr(request.url.rfind('/') + 1);
        const int status = result ? static_cast<int>(result->status) : 0;
        bool pause = false;
        {
            std::lock_guard lock(mutex_);
            std::cout << "put " << txn << ' ' << status << '\n' << std::flush;
            pause = status == 200 && ++answered_ == pause_at_;
            if (pause) std::cout << "paused " << txn << '\n' << std::flush;
        }
        // The server has the event; the session has not recorded it. Wait here to be killed
        // (bounded, so that a helper whose test died does not linger).
        if (pause) {
            std::this_thread::sleep_for(std::chrono::minutes(2));
            std::_Exit(3);
        }
        return result;
    }

private:
    http::CurlTransport curl_;
    std::mutex mutex_;
    const int pause_at_;
    int answered_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const char* passphrase = std::getenv("RENKEI_PASSPHRASE");
    if (argc != 3 || passphrase == nullptr) {
        std::cerr << "usage: outbox_flush_helper ACCOUNT_DIR PAUSE_AT (RENKEI_PASSPHRASE set)\n";
        return 2;
    }
    session::SessionConfig config;
    config.data_dir = argv[1];
    config.transport = std::make_shared<PauseAfterPut>(std::atoi(argv[2]));
    store::PassphraseKeyProvider keys(store::keyFileOf(config.data_dir), passphrase);
    auto opened = session::Session::open(std::move(config), keys);
    if (!opened) {
        std::cerr << "outbox_flush_helper: " << opened.error().describe() << '\n';
        return 1;
    }
    std::mutex mutex;
    std::condition_variable changed;
    bool idle = false, failed = false;
    session::SendQueue sender(
        **opened,
        [&](const session::SendNotification& note) {
            std::lock_guard lock(mutex);
            idle = idle || note.kind == session::SendNotification::Kind::Idle;
            failed = failed || note.kind == session::SendNotification::Kind::Failed ||
                     note.kind == session::SendNotification::Kind::NeedsLogin;
            changed.notify_all();
        },
        session::Backoff(std::chrono::milliseconds(100), std::chrono::seconds(2)));
    sender.start();
    {
        std::unique_lock lock(mutex);
        const bool ended = changed.wait_for(lock, std::chrono::minutes(2), [&] { return idle || failed; });
        if (!ended) return 4;
    }
    sender.stop();
    return failed ? 1 : 0;
}
