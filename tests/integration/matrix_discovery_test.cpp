// Integration tests of homeserver discovery (spec: "Server Discovery", GET
// /.well-known/matrix/client and /_matrix/client/versions) over the real CurlTransport
// against the Synapse of the "synapse" fixture, and a port nothing listens on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"

using namespace renkei;
using namespace renkei::matrix;
using renkei::test::Homeserver;
using renkei::test::loginAs;

namespace {

/// A loopback TCP port nothing listens on (bound once to find it, then closed).
int unusedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    REQUIRE(::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr) == 1);
    REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// The real CurlTransport, recording each request's URL and capping its connect timeout.
class UrlLog final : public http::Transport {
public:
    explicit UrlLog(std::chrono::milliseconds connect_timeout)
        : connect_timeout_(connect_timeout) {}
    Result<http::Response> perform(const http::Request& request,
                                   const http::CancelToken* cancel) override {
        urls_.push_back(request.url);
        http::Request capped = request;
        capped.connect_timeout = std::min(request.connect_timeout, connect_timeout_);
        return curl_.perform(capped, cancel);
    }
    const std::vector<std::string>& urls() const { return urls_; }

private:
    std::chrono::milliseconds connect_timeout_;
    std::vector<std::string> urls_;
    http::CurlTransport curl_;
};

}  // namespace

// ---------------------------------------------------------------------------------------
// Discovery

TEST_CASE("discover normalises the typed homeserver URL and lists its spec versions",
          "[matrix][discover]") {
    const auto& hs = Homeserver::get();
    http::CurlTransport transport;
    for (const std::string& typed : {hs.base_url + "/", "  " + hs.base_url + "//  ", hs.base_url}) {
        INFO("typed: '" << typed << "'");
        auto r = MatrixClient::discover(transport, typed);
        if (!r) FAIL("discover: " << r.error().describe());
        // Synapse's .well-known advertises "http://127.0.0.1:PORT/": the slash is dropped.
        CHECK(r->base_url == hs.base_url);
        bool v1 = false;
        for (const auto& v : r->versions) v1 = v1 || v.rfind("v1.", 0) == 0;
        CHECK(v1);
        // The discovered URL is one the client works with.
        MatrixClient client(std::make_shared<http::CurlTransport>(), r->base_url);
        LoginResponse login = loginAs(client, "nurse.sato");
        CHECK(login.user_id == hs.userId("nurse.sato"));
        CHECK(client.logout().ok());
    }
}

TEST_CASE("discover without a scheme uses https and never falls back to plain http",
          "[matrix][discover]") {
    const auto& hs = Homeserver::get();
    const std::string host_port = hs.base_url.substr(hs.base_url.find("://") + 3);
    // An https handshake against the plain-http listener never completes: Synapse waits for
    // an HTTP request line, so the connect timeout (which covers the TLS handshake) ends each
    // request as Timeout; another server might answer the ClientHello with garbage (Tls) or
    // a reset (Network). The seam shortens that timeout from 10 s and lists what was asked.
    UrlLog transport(std::chrono::milliseconds(1000));
    auto r = MatrixClient::discover(transport, host_port);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().describe());
    const ErrorKind kind = r.error().kind;
    CHECK((kind == ErrorKind::Timeout || kind == ErrorKind::Tls || kind == ErrorKind::Network));
    CHECK(r.error().http_status == 0);
    const std::string https = "https://" + host_port;
    CHECK(transport.urls() == std::vector<std::string>{https + "/.well-known/matrix/client",
                                                       https + "/_matrix/client/versions"});
}

TEST_CASE("discover on a port nothing listens on is a retryable network error",
          "[matrix][discover]") {
    http::CurlTransport transport;
    const std::string url = "http://127.0.0.1:" + std::to_string(unusedPort());
    auto r = MatrixClient::discover(transport, url);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().describe());
    CHECK(r.error().kind == ErrorKind::Network);
    CHECK(r.error().http_status == 0);
    CHECK(r.error().isTransient());
}
