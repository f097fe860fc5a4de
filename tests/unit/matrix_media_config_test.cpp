// Unit tests for parseMediaConfig (spec v1.11: "GET /_matrix/client/v1/media/config"): only a
// positive JSON integer is an upload limit; anything else a server sends reads as unknown.
#include <catch2/catch_test_macros.hpp>
#include <string>

#include "matrix/responses.h"

using namespace renkei;
using namespace renkei::matrix;

TEST_CASE("media config: Synapse's answer gives its upload limit in bytes", "[matrix][media]") {
    auto config = parseMediaConfig(R"({"m.upload.size":52428800})");
    REQUIRE(config.ok());
    CHECK(config->upload_size == 52428800u);
}

TEST_CASE("media config: a size that is not a positive integer is unknown, never a limit",
          "[matrix][media]") {
    for (const char* body : {
             R"({})",
             R"({"m.upload.size":null})",
             R"({"m.upload.size":0})",
             R"({"m.upload.size":-1})",
             R"({"m.upload.size":5e7})",
             R"({"m.upload.size":1048576.5})",
             R"({"m.upload.size":"50M"})",
             R"({"m.upload.size":true})",
             R"({"m.upload.size":[1048576]})",
             R"({"m.upload.size":{"bytes":1048576}})",
             R"({"m.upload.size":18446744073709551615})",
             R"({"m.upload.size":9007199254740993})",  // 2^53 + 1: not a real size
         }) {
        INFO(body);
        auto config = parseMediaConfig(body);
        REQUIRE(config.ok());
        CHECK_FALSE(config->upload_size.has_value());
    }
    auto largest = parseMediaConfig(R"({"m.upload.size":9007199254740992})");
    REQUIRE(largest.ok());
    CHECK(largest->upload_size == (std::uint64_t{1} << 53));
}

TEST_CASE("media config: a body that is not a JSON object is a parse error", "[matrix][media]") {
    for (const char* body : {"", "[]", "52428800", "<html>404</html>", R"({"m.upload.size":)"}) {
        INFO(body);
        auto config = parseMediaConfig(body);
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().kind == ErrorKind::Parse);
        CHECK(config.error().message.rfind("media config: ", 0) == 0);
    }
}
