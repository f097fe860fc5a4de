// Integration-test support: just enough of the Matrix Client-Server API, on a HostileServer,
// for a Session to sign in and sync (discovery, login, filter, sync, send, media), with every
// request kind open to a test's own answer: deep nesting, oversized or endless bodies, gzip
// bombs, malformed events, redirects. Also the bodies such a test sends, and the process's
// peak memory (VmHWM) to check that the client stays within its caps.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "hostile_server.h"
#include "sync_json.h"

namespace renkei::test {

class HostileHomeserver {
public:
    static constexpr const char* kUser = "@nurse:hostile.test";
    static constexpr const char* kRoom = "!care:hostile.test";
    static constexpr const char* kToken = "syt_hostile_test_token";  ///< fictional

    HostileHomeserver();
    std::string baseUrl() const { return server_.baseUrl(); }

    /// The next /sync requests get these replies, in order; after them, empty batches.
    void queueSync(HttpReply reply);
    /// Requests with `method` whose path starts with `prefix` get `handler`'s reply; the
    /// newest matching route wins. `once`: only for the next such request.
    void route(std::string method, std::string prefix, HttpHandler handler, bool once = false);
    /// The requests so far whose path starts with `prefix`.
    std::vector<HttpRequest> requests(const std::string& prefix = "") const;

private:
    struct Route {
        std::string method;
        std::string prefix;
        HttpHandler handler;
        bool once = false;
    };
    HttpReply answer(const HttpRequest& request);
    HttpReply standard(const HttpRequest& request);

    mutable std::mutex mutex_;  ///< guards the fields below (the server calls from its threads)
    std::deque<HttpReply> syncs_;
    std::vector<Route> routes_;
    int idle_batches_ = 0;
    HostileServer server_;  ///< last: its threads use everything above
};

/// A /sync body with the room kRoom (named 試験 太郎 様) and `timeline` (raw event JSON each).
std::string syncBody(const std::string& next_batch, const std::vector<std::string>& timeline);
/// A streamed reply body: `prefix`, then `filler` bytes of 'a' (endless when `filler` is 0),
/// then `suffix`, produced in 64 KiB pieces.
HttpReply streamedReply(std::string prefix, std::size_t filler, std::string suffix);
/// gzip (RFC 1952) of `prefix`, `spaces` spaces and `suffix`, made piece by piece with zlib.
std::string gzipBomb(const std::string& prefix, std::size_t spaces, const std::string& suffix);

/// Resets this process's peak RSS (VmHWM) to its current RSS (Linux: /proc/self/clear_refs).
bool resetPeakRss();
/// A field of /proc/self/status in KiB ("VmHWM", "VmRSS"); 0 if unreadable.
std::size_t procStatusKb(const char* field);

}  // namespace renkei::test
