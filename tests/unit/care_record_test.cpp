// The structured-post envelope (care/care_record.h): what any Matrix client reads of a record
// (body and formatted_body) and what Renkei reads back (kind and the record object).
#include <catch2/catch_test_macros.hpp>

#include "care/care_record.h"
#include "care/care_types.h"
#include "matrix/rich_text.h"

using namespace renkei;

TEST_CASE("a record's content reads in words in any client and survives the sanitiser", "[care][record]") {
    const auto content = care::recordContent(
        care::RecordKind::Vitals, nlohmann::json{{"pulse", 72}}, "バイタル",
        {{"血圧", "132/80 mmHg"}, {"体温", ""}, {"メモ", "朝<b>は</b>\n夕方も"}});
    CHECK(content["msgtype"] == "m.text");
    CHECK(content["body"] == "【バイタル】\n血圧: 132/80 mmHg\nメモ: 朝<b>は</b>\n夕方も");
    const std::string html = content["formatted_body"];
    CHECK(content["format"] == "org.matrix.custom.html");
    CHECK(html.find("<li><strong>血圧</strong>: 132/80 mmHg</li>") != std::string::npos);
    CHECK(html.find("朝&lt;b&gt;は&lt;/b&gt;<br>夕方も") != std::string::npos);  // text, not markup
    CHECK(html.find("体温") == std::string::npos);                                   // empty left out
    CHECK(matrix::sanitizeFormattedBody(html).html == html);  // only allowlisted tags

    const auto record = care::recordOf(content);
    REQUIRE(record);
    CHECK(record->first == care::RecordKind::Vitals);
    CHECK((*record->second)["pulse"] == 72);
    CHECK((*record->second)["schema"] == care::kSchemaVersion);
}

TEST_CASE("an unknown or malformed record reads as a plain post", "[care][record]") {
    CHECK_FALSE(care::recordOf(nlohmann::json{{"body", "x"}}));
    CHECK_FALSE(care::recordOf(nlohmann::json{{care::kRecordKey, "vitals"}}));
    CHECK_FALSE(care::recordOf(nlohmann::json{{care::kRecordKey, {{"kind", 3}}}}));
    CHECK_FALSE(care::recordOf(nlohmann::json{{care::kRecordKey, {{"kind", "x-future"}}}}));
    CHECK_FALSE(care::recordOf(nlohmann::json::array()));
    for (auto kind : {care::RecordKind::Vitals, care::RecordKind::Medication, care::RecordKind::PhysicianUpdate,
                      care::RecordKind::Acp, care::RecordKind::DischargeGuidance}) {
        CHECK(care::recordKindFromWire(care::toWire(kind)) == kind);
    }
}
