// Unit tests for the transport's URL policy: which hosts are loopback, and the origin a
// request (or a redirect) goes to.
#include <catch2/catch_test_macros.hpp>

#include "http/origin.h"

using namespace renkei;
using namespace renkei::http;

TEST_CASE("loopback hosts are localhost, 127.0.0.0/8 and ::1 only", "[http]") {
    for (const char* host : {"localhost", "LocalHost", "127.0.0.1", "127.255.0.9", "::1", "[::1]",
                             "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
        INFO(host);
        CHECK(isLoopbackHost(host));
    }
    for (const char* host : {"", "example.org", "127.0.0.1.nip.io", "localhost.example.org",
                             "128.0.0.1", "127.1", "0177.0.0.1", "0x7f.0.0.1", "::2", "[::2]",
                             "::ffff:10.0.0.1", "10.0.0.1", "[::1", "loca lhost"}) {
        INFO(host);
        CHECK_FALSE(isLoopbackHost(host));
    }
}

TEST_CASE("a request's origin: https anywhere, plain http to loopback only", "[http]") {
    auto a = allowedOrigin("https://Kashiwa.Example.JP/_matrix/client/v3/sync?since=x");
    REQUIRE(a.ok());
    CHECK(a->scheme == "https");
    CHECK(a->host == "kashiwa.example.jp");
    CHECK(a->port == 443);
    CHECK(*a == *allowedOrigin("https://kashiwa.example.jp:443/other"));
    CHECK_FALSE(*a == *allowedOrigin("https://kashiwa.example.jp:8448/"));

    auto local = allowedOrigin("http://127.0.0.1:8008/_matrix");
    REQUIRE(local.ok());
    CHECK(local->port == 8008);
    CHECK(allowedOrigin("http://[::1]:9/").ok());

    for (const char* bad : {"http://kashiwa.example.jp/", "ftp://127.0.0.1/", "file:///etc/passwd",
                            "/relative/path", "", "https://"}) {
        INFO(bad);
        auto r = allowedOrigin(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::InvalidArgument);
    }
}
