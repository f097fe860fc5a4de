// Unit tests for the homeserver URLs the client accepts: plain http is for loopback only,
// typed or advertised by .well-known, and refused before any request.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "counting_transport.h"
#include "matrix/client.h"
#include "matrix/responses.h"
#include "matrix/server_url.h"

using namespace renkei;
using namespace renkei::matrix;

using renkei::test::CountingTransport;

TEST_CASE("plain http is accepted for loopback hosts only", "[matrix][url]") {
    for (const char* ok : {"http://127.0.0.1:8008", "http://127.8.9.10/", "http://localhost:8008/",
                           "http://LOCALHOST", "http://[::1]:8008", "https://kashiwa.example.jp",
                           "kashiwa.example.jp", "https://203.0.113.5:8448/base/"}) {
        INFO(ok);
        auto url = detail::parseServerUrl(ok, true);
        REQUIRE(url.ok());
        CHECK(detail::requireSecure(*url, "homeserver").ok());
    }
    for (const char* insecure :
         {"http://kashiwa.example.jp", "HTTP://kashiwa.example.jp:8008/", "http://203.0.113.5",
          "http://127.0.0.1.nip.io", "http://localhost.example.jp", "http://128.0.0.1",
          "http://[::2]", "http://127.1"}) {
        INFO(insecure);
        auto url = detail::parseServerUrl(insecure, true);
        REQUIRE(url.ok());
        auto secure = detail::requireSecure(*url, "homeserver");
        REQUIRE_FALSE(secure.ok());
        CHECK(secure.error().kind == ErrorKind::InvalidArgument);
        CHECK(secure.error().message.find("loopback") != std::string::npos);
    }
}

TEST_CASE("a typed plain-http server elsewhere is refused before any request", "[matrix][url]") {
    CountingTransport transport;
    auto r = MatrixClient::discover(transport, "http://kashiwa.example.jp");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(transport.requests == 0);
}

TEST_CASE("a well-known document pointing to plain http elsewhere is a clear error",
          "[matrix][url]") {
    auto downgrade = parseWellKnown(R"({"m.homeserver":{"base_url":"http://matrix.example.jp"}})");
    REQUIRE_FALSE(downgrade.ok());
    CHECK(downgrade.error().kind == ErrorKind::InvalidArgument);
    CHECK(downgrade.error().message.find("well-known") != std::string::npos);

    auto local = parseWellKnown(R"({"m.homeserver":{"base_url":"http://127.0.0.1:8008/"}})");
    REQUIRE(local.ok());
    CHECK(**local == "http://127.0.0.1:8008");
}
