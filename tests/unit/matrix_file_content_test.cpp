// Typed content of file posts from hostile senders (spec: "m.file"): the media type is taken
// only when well-formed, and a file name longer than kMaxFilenameBytes is cut at a character
// boundary, so that what a card shows and a save dialog offers stays bounded.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "matrix/content/message_content.h"

using namespace renkei::matrix::content;
using nlohmann::json;

namespace {

MessageContent fileWith(const json& info, const std::string& name, const std::string& body) {
    json content = {{"msgtype", "m.file"}, {"body", body}, {"filename", name},
                    {"url", "mxc://example.org/abc"}, {"info", info}};
    auto parsed = parseMessageContent(content);
    REQUIRE(parsed.has_value());
    return *parsed;
}

}  // namespace

TEST_CASE("file content: only a well-formed media type is kept", "[matrix][content]") {
    for (const char* good : {"application/pdf", "image/svg+xml", "application/vnd.ms-excel",
                             "audio/x-m4a"}) {
        INFO(good);
        CHECK(fileWith({{"mimetype", good}}, "a", "a").info->mimetype == good);
    }
    for (const std::string& bad : {std::string("text/html\r\nX-Evil: 1"), std::string("pdf"),
                                  std::string("/pdf"), std::string("application/"),
                                  std::string("application/pdf; charset=x"),
                                  std::string("../../etc/passwd"), std::string("画像/png"),
                                  "application/" + std::string(200, 'x')}) {
        INFO(bad);
        CHECK(fileWith({{"mimetype", bad}}, "a", "a").info->mimetype.empty());
    }
}

TEST_CASE("file content: a very long file name is cut at a character boundary",
          "[matrix][content]") {
    std::string name;
    while (name.size() < 5000) name += "紹介状";
    name += ".pdf";
    const auto parsed = fileWith(json::object(), name, name);
    REQUIRE(parsed.filename.has_value());
    const std::string& shown = *parsed.filename;
    CHECK(shown.size() <= kMaxFilenameBytes + 3);
    CHECK(shown.size() > kMaxFilenameBytes - 4);
    CHECK(shown.substr(shown.size() - 3) == "\xE2\x80\xA6");
    CHECK(name.compare(0, shown.size() - 3, shown, 0, shown.size() - 3) == 0);  // a prefix
    CHECK(json(shown).dump().size() > 0);  // still valid UTF-8 (dump throws otherwise)
    CHECK_FALSE(parsed.caption().has_value());  // the body was the name: still no caption

    const auto captioned = fileWith(json::object(), name, "退院時の紹介状です");
    CHECK(captioned.caption() == std::string("退院時の紹介状です"));
    const auto short_name = fileWith(json::object(), "紹介状.pdf", "紹介状.pdf");
    CHECK(short_name.filename == std::string("紹介状.pdf"));
}
