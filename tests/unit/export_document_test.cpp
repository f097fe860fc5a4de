// The export document's pure parts: layouts by wire name, the range as the header says it,
// Japan days, members' text made into display-safe lines (a reply without its fallback), image
// posts with the picture to fetch (only well-formed, unencrypted mxc:// URIs; each once).
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "care/care_record_format.h"
#include "export/export_blocks.h"
#include "export/export_document.h"
#include "timeline/room_timeline.h"

using namespace renkei;
using namespace renkei::exporting;
using renkei::care::jstDayStartMs;

TEST_CASE("export: layouts by their wire names", "[export]") {
    for (Layout l : {Layout::Timeline, Layout::SupportRecord, Layout::PhysicianUpdates}) {
        CHECK(layoutFromWire(toWire(l)) == l);
    }
    CHECK_FALSE(layoutFromWire("fax").has_value());
    CHECK(layoutTitle(Layout::SupportRecord) == "支援経過記録");
}

TEST_CASE("export: days in Japan time and the range's text", "[export]") {
    const auto day = jstDayStartMs("2026-04-01");
    REQUIRE(day.has_value());
    CHECK(*day == 1'774'969'200'000LL);  // 2026-03-31T15:00:00Z
    CHECK_FALSE(jstDayStartMs("2026-02-30").has_value());
    CHECK_FALSE(jstDayStartMs("2026-4-01").has_value());
    CHECK_FALSE(jstDayStartMs("2026-04-0x").has_value());
    CHECK(care::jstMinuteMs("2026-04-01 09:30") == *day + (9 * 60 + 30) * 60'000LL);
    CHECK_FALSE(care::jstMinuteMs("2026-04-01 24:00").has_value());
    ExportRequest r;
    CHECK(rangeText(r) == "全期間");
    r.from_ms = day;
    CHECK(rangeText(r) == "2026-04-01 〜");
    r.to_ms = *jstDayStartMs("2026-05-01");
    CHECK(rangeText(r) == "2026-04-01 〜 2026-04-30");
    r.event_ids = {"$a", "$b"};
    CHECK(rangeText(r) == "2026-04-01 〜 2026-04-30（選択した 2 件）");
    CHECK(jstTime(*day) == "00:00");
}

TEST_CASE("export: a member's text as display-safe lines", "[export]") {
    CHECK(textLines("一行目\r\n二行目\n\n") == std::vector<std::string>{"一行目", "二行目"});
    CHECK(textLines("> <@a:x> 元の投稿\n> 続き\n\n返信です", true) == std::vector<std::string>{"返信です"});
    CHECK(textLines("> 引用ではない", false) == std::vector<std::string>{"> 引用ではない"});
    CHECK(textLines("\xE2\x80\xAE" "逆順") == std::vector<std::string>{"逆順"});  // no bidi override
    std::string many;
    for (int i = 0; i < 500; ++i) many += "行\n";
    const auto lines = textLines(many);
    CHECK(lines.size() == kMaxLinesPerBlock);
    CHECK(lines.back() == "…");
    CHECK(authorLabel("佐藤", "訪問看護師", "みなと") == "佐藤（訪問看護師・みなと）");
    CHECK(authorLabel("佐藤", "", "みなと") == "佐藤");
    CHECK(cardLines({{"血圧", "120/70 mmHg"}, {"メモ", ""}, {"所見", "a\nb"}}) ==
          std::vector<std::string>{"血圧: 120/70 mmHg", "所見: a", "　b"});
}

TEST_CASE("export: an image post keeps its line and names the picture to fetch, each once", "[export]") {
    auto image = [](const std::string& id, nlohmann::json content) {
        matrix::RoomEvent e;
        e.event_id = id;
        e.sender = "@nurse.sato:example.org";
        e.origin_server_ts = 1796085000000;
        e.type = "m.room.message";
        e.content = std::move(content);
        return e;
    };
    using nlohmann::json;
    timeline::RoomTimeline timeline;
    timeline.appendEvents({
        image("$photo", {{"msgtype", "m.image"}, {"body", "褥瘡の様子"}, {"filename", "wound.jpg"},
                         {"url", "mxc://example.org/AbC_1-2"}}),
        image("$again", {{"msgtype", "m.image"}, {"body", "same.jpg"}, {"url", "mxc://example.org/AbC_1-2"}}),
        image("$steer", {{"msgtype", "m.image"}, {"body", "x.png"}, {"url", "mxc://example.org/../../admin"}}),
        image("$other", {{"msgtype", "m.image"}, {"body", "x.png"}, {"url", "https://example.org/x.png"}}),
        image("$sealed", {{"msgtype", "m.image"}, {"body", "x.png"},
                          {"file", {{"url", "mxc://example.org/enc"}, {"v", "v2"}}}}),
        image("$file", {{"msgtype", "m.file"}, {"body", "plan.pdf"}, {"url", "mxc://example.org/pdf"}}),
    });
    ExportDocument doc;
    for (const auto& item : timeline.items()) {
        auto block = blockOf(item);
        REQUIRE(block.has_value());
        doc.blocks.push_back(std::move(*block));
    }
    REQUIRE(doc.blocks.size() == 6);
    CHECK(doc.blocks[0].lines == std::vector<std::string>{"［画像］ wound.jpg", "褥瘡の様子"});
    CHECK(doc.blocks[0].image_mxc == "mxc://example.org/AbC_1-2");
    CHECK(doc.blocks[2].image_mxc.empty());  // a URI that could steer a download
    CHECK(doc.blocks[3].image_mxc.empty());
    CHECK(doc.blocks[4].image_mxc.empty());  // encrypted: cannot be decrypted yet
    CHECK(doc.blocks[5].image_mxc.empty());  // a file is no picture
    CHECK(doc.blocks[5].lines.front() == "［ファイル］ plan.pdf");
    CHECK(imageSources(doc) == std::vector<std::string>{"mxc://example.org/AbC_1-2"});
    for (std::size_t i = 0; i < kMaxExportImages + 5; ++i) {
        ExportBlock b;
        b.image_mxc = "mxc://example.org/m" + std::to_string(i);
        doc.blocks.push_back(b);
    }
    const auto sources = imageSources(doc);
    CHECK(sources.size() == kMaxExportImages);
    CHECK(sources.back() == "mxc://example.org/m" + std::to_string(kMaxExportImages - 2));
}
