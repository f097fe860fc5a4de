// Unit tests for content URIs: checked against the spec's grammar ("Matrix Content (mxc://)
// URIs", "Server Name") before any request, so a hostile URI cannot steer a download.
#include <catch2/catch_test_macros.hpp>
#include <memory>

#include "counting_transport.h"
#include "matrix/client.h"
#include "matrix/media.h"

using namespace renkei;
using namespace renkei::matrix;

using renkei::test::CountingTransport;

TEST_CASE("content URIs of the spec's grammar parse into server name and media id",
          "[matrix][media]") {
    for (const char* uri :
         {"mxc://kashiwa.example.jp/AbC_123-x", "mxc://localhost:8448/m", "mxc://127.0.0.1/m",
          "mxc://[::1]:8448/m", "mxc://[2001:db8::7]/m", "mxc://a-b.example/m"}) {
        INFO(uri);
        auto parsed = parseMxcUri(uri);
        REQUIRE(parsed.ok());
        CHECK(parsed->toString() == uri);
    }
}

TEST_CASE("content URIs that could steer a request elsewhere are refused", "[matrix][media]") {
    for (const char* uri :
         {"mxc://../config", "mxc://./config", "mxc://a..b/m",  "mxc://.a/m",      "mxc://a./m",
          "mxc://a/b/c",     "mxc://a/%2e%2e", "mxc://a%2F/m",  "mxc://a/m%00",    "mxc:///m",
          "mxc://a/",        "mxc://a",        "mxc://",        "mxc://a:99999/m", "mxc://a:/m",
          "mxc://[zz::1]/m", "mxc://[::1/m",   "mxc://a/m?x=1", "mxc://a/m#f",     "mxc://user@a/m",
          "https://a/m",     "MXC://a/m",      "mxc://a b/m"}) {
        INFO(uri);
        auto parsed = parseMxcUri(uri);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().kind == ErrorKind::InvalidArgument);
    }
}

TEST_CASE("a bad content URI is refused before any request is made", "[matrix][media]") {
    auto transport = std::make_shared<CountingTransport>();
    MatrixClient client(transport, "https://kashiwa.example.jp");
    client.setAccessToken("syt_not_a_real_token");
    auto download = client.downloadMedia("mxc://../config");
    REQUIRE_FALSE(download.ok());
    CHECK(download.error().kind == ErrorKind::InvalidArgument);
    auto thumbnail = client.downloadThumbnail("mxc://a/b/c", 96, 96);
    REQUIRE_FALSE(thumbnail.ok());
    CHECK(thumbnail.error().kind == ErrorKind::InvalidArgument);
    CHECK(transport->requests == 0);
}
