// The export document's pure parts: layouts by wire name, the range as the header says it,
// Japan days, members' text made into display-safe lines (a reply without its fallback).
#include <catch2/catch_test_macros.hpp>

#include "care/care_record_format.h"
#include "export/export_blocks.h"
#include "export/export_document.h"

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
