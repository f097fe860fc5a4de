// Unit tests for parseUserDirectory (POST /user_directory/search): what the care-team step
// of the room wizard lists when a hostile server answers. Pure function on bodies.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "matrix/user_directory.h"

using namespace renkei;
using namespace renkei::matrix;

TEST_CASE("user directory: a Synapse-shaped answer reads as users", "[matrix][directory]") {
    auto found = parseUserDirectory(R"({"limited":false,"results":[
        {"user_id":"@dr.tanaka:kashiwa.example.jp","display_name":"田中 誠","avatar_url":"mxc://kashiwa.example.jp/abc"},
        {"user_id":"@pharm.suzuki:kashiwa.example.jp"}]})",
                                    10);
    REQUIRE(found.ok());
    CHECK_FALSE(found->limited);
    REQUIRE(found->results.size() == 2);
    CHECK(found->results[0] == DirectoryUser{"@dr.tanaka:kashiwa.example.jp", "田中 誠", "mxc://kashiwa.example.jp/abc"});
    CHECK(found->results[1] == DirectoryUser{"@pharm.suzuki:kashiwa.example.jp", "", ""});
}

TEST_CASE("user directory: malformed entries are skipped, strings capped, the count capped",
          "[matrix][directory]") {
    nlohmann::json body = {{"limited", "yes"}, {"results", nlohmann::json::array()}};
    auto& results = body["results"];
    results.push_back(7);
    results.push_back(nullptr);
    results.push_back({{"display_name", "no id"}});
    results.push_back({{"user_id", 42}});
    results.push_back({{"user_id", "dr.tanaka:x"}});                        // no sigil
    results.push_back({{"user_id", "@nocolon"}});                           // no server
    results.push_back({{"user_id", "@a b:x"}});                             // a space
    results.push_back({{"user_id", "@" + std::string(300, 'a') + ":x"}});   // over 255 bytes
    results.push_back({{"user_id", "@ok:x"},
                       {"display_name", "改行\n入り" + std::string(400, 'x')},
                       {"avatar_url", "https://tracker.example/pixel"}});
    results.push_back({{"user_id", "@ok:x"}, {"display_name", "二度目"}});  // repeated id
    results.push_back({{"user_id", "@long:x"}, {"display_name", std::string(255, 'a') + "あ"}});
    for (int i = 0; i < 100; ++i) results.push_back({{"user_id", "@u" + std::to_string(i) + ":x"}});

    auto found = parseUserDirectory(body.dump(), 5);
    REQUIRE(found.ok());
    CHECK(found->limited);  // entries were left out by the cap ("yes" is no boolean)
    REQUIRE(found->results.size() == 5);
    CHECK(found->results[0].user_id == "@ok:x");
    CHECK(found->results[0].display_name.size() == kMaxDisplayNameBytes);
    CHECK(found->results[0].display_name.starts_with("改行 入り"));
    CHECK(found->results[0].avatar_url.empty());
    CHECK(found->results[1].user_id == "@long:x");
    CHECK(found->results[1].display_name == std::string(255, 'a'));  // あ cut whole, not split
    CHECK(found->results[2].user_id == "@u0:x");
    CHECK(found->results[4].user_id == "@u2:x");
    // A limit beyond the cap keeps kMaxDirectoryResults.
    auto many = parseUserDirectory(body.dump(), 10'000);
    REQUIRE(many.ok());
    CHECK(many->results.size() == static_cast<std::size_t>(kMaxDirectoryResults));
}

TEST_CASE("user directory: a body without results is a parse error", "[matrix][directory]") {
    for (const char* body : {R"({"limited":false})", R"({"results":{}})", "[]", "not json"}) {
        auto found = parseUserDirectory(body, 10);
        REQUIRE_FALSE(found.ok());
        CHECK(found.error().kind == ErrorKind::Parse);
    }
    CHECK(parseUserDirectory(R"({"results":7})", 10).error().message ==
          "user directory: results is missing or not an array");
    CHECK(parseUserDirectory(R"({"results":[]})", 10)->results.empty());
}
