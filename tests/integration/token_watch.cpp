#include "token_watch.h"

#include <memory>
#include <thread>

#include "matrix/client.h"
#include "support.h"

namespace renkei::test {

bool waitUntilExpired(const std::string& access_token, std::chrono::seconds deadline) {
    matrix::MatrixClient probe(std::make_shared<http::CurlTransport>(), Homeserver::get().base_url);
    probe.setAccessToken(access_token);
    const auto until = std::chrono::steady_clock::now() + deadline;
    for (;;) {
        auto who = probe.whoami();
        if (!who && who.error().errcode == "M_UNKNOWN_TOKEN" && who.error().soft_logout) {
            return true;
        }
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a deadline loop's poll
    }
}

}  // namespace renkei::test
