// Unit tests for errorFromResponse and urlEncode (spec: "Standard error response",
// "Rate limiting", "Soft logout").
#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "matrix/client.h"
#include "fixtures.h"

using namespace renkei;
using namespace renkei::matrix;
using renkei::test::readFixture;
using std::chrono::milliseconds;

namespace {

http::Response response(long status, std::string body,
                        std::map<std::string, std::string> headers = {}) {
    http::Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

}  // namespace

TEST_CASE("wrong password is a Matrix M_FORBIDDEN error", "[matrix][errors]") {
    const Error e = errorFromResponse(response(403, readFixture("error_forbidden.json")));
    CHECK(e.kind == ErrorKind::Matrix);
    CHECK(e.http_status == 403);
    CHECK(e.errcode == "M_FORBIDDEN");
    CHECK(e.message == "Invalid username or password");
    CHECK_FALSE(e.soft_logout);
    CHECK_FALSE(e.retry_after.has_value());
    CHECK_FALSE(e.isTransient());
}

TEST_CASE("expired token with soft_logout keeps the local session", "[matrix][errors]") {
    const Error e =
        errorFromResponse(response(401, readFixture("error_unknown_token_soft_logout.json")));
    CHECK(e.kind == ErrorKind::Matrix);
    CHECK(e.errcode == "M_UNKNOWN_TOKEN");
    CHECK(e.soft_logout);

    const Error hard = errorFromResponse(response(
        401, R"({"errcode":"M_UNKNOWN_TOKEN","error":"Invalid token","soft_logout":false})"));
    CHECK_FALSE(hard.soft_logout);
    const Error wrong_type =
        errorFromResponse(response(401, R"({"errcode":"M_UNKNOWN_TOKEN","soft_logout":"true"})"));
    CHECK_FALSE(wrong_type.soft_logout);
}

TEST_CASE("429 takes the delay from Retry-After or retry_after_ms", "[matrix][errors]") {
    const std::string body = readFixture("error_limit_exceeded.json");  // retry_after_ms 2500

    SECTION("body only") {
        const Error e = errorFromResponse(response(429, body));
        CHECK(e.kind == ErrorKind::RateLimited);
        CHECK(e.errcode == "M_LIMIT_EXCEEDED");
        CHECK(e.retry_after == milliseconds(2500));
        CHECK(e.isTransient());
    }
    SECTION("header only, in seconds") {
        const Error e = errorFromResponse(
            response(429, R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too Many Requests"})",
                     {{"retry-after", "3"}}));
        CHECK(e.kind == ErrorKind::RateLimited);
        CHECK(e.retry_after == milliseconds(3000));
    }
    SECTION("both: the header wins") {
        const Error e = errorFromResponse(response(429, body, {{"retry-after", " 7 "}}));
        CHECK(e.retry_after == milliseconds(7000));
    }
    SECTION("an HTTP-date header is ignored in favour of the body") {
        const Error e = errorFromResponse(
            response(429, body, {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}}));
        CHECK(e.retry_after == milliseconds(2500));
    }
    SECTION("neither: rate limited without a delay") {
        const Error e = errorFromResponse(response(429, "Too Many Requests"));
        CHECK(e.kind == ErrorKind::RateLimited);
        CHECK(e.errcode.empty());
        CHECK_FALSE(e.retry_after.has_value());
    }
    SECTION("absurd values are capped, negative ones ignored") {
        const Error big =
            errorFromResponse(response(429, "", {{"retry-after", "99999999999999999999"}}));
        REQUIRE(big.retry_after.has_value());
        CHECK(*big.retry_after <= milliseconds(24LL * 3600 * 1000));
        const Error negative = errorFromResponse(
            response(429, R"({"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":-5})"));
        CHECK_FALSE(negative.retry_after.has_value());
    }
}

TEST_CASE("non-Matrix error bodies are Http errors", "[matrix][errors]") {
    const Error html = errorFromResponse(response(502, "<html>Bad Gateway</html>"));
    CHECK(html.kind == ErrorKind::Http);
    CHECK(html.http_status == 502);
    CHECK(html.errcode.empty());
    CHECK(html.message == "HTTP 502");
    CHECK(html.isTransient());

    const Error no_errcode = errorFromResponse(response(404, R"({"error":"Not found"})"));
    CHECK(no_errcode.kind == ErrorKind::Http);
    CHECK(no_errcode.message == "Not found");

    const Error wrong_types = errorFromResponse(response(400, R"({"errcode":5,"error":[]})"));
    CHECK(wrong_types.kind == ErrorKind::Http);
    CHECK(wrong_types.message == "HTTP 400");

    const Error bad_since =
        errorFromResponse(response(400, R"({"errcode":"M_UNKNOWN","error":"x"})"));
    CHECK(bad_since.kind == ErrorKind::Matrix);
    CHECK(bad_since.errcode == "M_UNKNOWN");
    CHECK_FALSE(bad_since.isTransient());
}

TEST_CASE("long server messages are cut on a character boundary", "[matrix][errors]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "体温";  // 3 bytes each
    const Error e =
        errorFromResponse(response(400, R"({"errcode":"M_BAD_JSON","error":")" + text + "\"}"));
    CHECK(e.message.size() < 320);
    CHECK(e.message.substr(e.message.size() - 3) == "…");
    // Every byte before the ellipsis belongs to a whole 体 or 温.
    CHECK((e.message.size() - 3) % 3 == 0);
}

TEST_CASE("urlEncode keeps ids opaque and encodes every reserved byte", "[matrix][url]") {
    CHECK(urlEncode("!abc:例え.jp") == "%21abc%3A%E4%BE%8B%E3%81%88.jp");
    CHECK(urlEncode("$ev/1+2") == "%24ev%2F1%2B2");
    CHECK(urlEncode("@sato.kango:kashiwa.example.jp") == "%40sato.kango%3Akashiwa.example.jp");
    CHECK(urlEncode("a b?c#d&e=f%") == "a%20b%3Fc%23d%26e%3Df%25");
    CHECK(urlEncode("AZaz09-._~") == "AZaz09-._~");
    CHECK(urlEncode("").empty());
    // A room version 12 id has no server part: still one opaque segment.
    CHECK(urlEncode("!Xq3fGhT0pLmNbVcZ8wYk") == "%21Xq3fGhT0pLmNbVcZ8wYk");
}
