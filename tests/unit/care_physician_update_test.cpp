// The physician's update (医師からの情報共有, care/care_record_physician.h): what any client
// reads of it, what Renkei refuses to send, what it reads of a hostile member's record,
// who acknowledged it and the monthly list. Test data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "care/care_record.h"
#include "care/care_record_format.h"
#include "care/care_record_physician.h"
#include "care/care_types.h"
#include "care_record_fixtures.h"
#include "matrix/rich_text.h"
#include "timeline/timeline_item.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;
using namespace renkei::care::testing;

namespace {

PhysicianUpdate update() {
    PhysicianUpdate v;
    v.next_visit_date = "2026-12-15";
    v.policy_changed = true;
    v.change_summary = "利尿薬を増量（フロセミド 20mg → 40mg）";
    v.cautions = "体重が2日で1kg以上増えたら連絡を\n塩分は控えめに";
    return v;
}

struct Group {
    std::string key;
    std::vector<std::string> senders;
};

SharedUpdate shared(std::string id, std::int64_t ts, std::vector<std::string> acks) {
    return SharedUpdate{std::move(id), ts, "@tanaka:kashiwa.example.jp", update(), std::move(acks)};
}

}  // namespace

TEST_CASE("a physician's update reads in words in any client and keeps its shape",
          "[care][physician]") {
    const auto content = physicianUpdateContent(update());
    CHECK(content["body"] ==
          "【医師からの情報共有】\n次回訪問予定日: 2026-12-15\n治療方針の変更: あり\n"
          "変更の内容: 利尿薬を増量（フロセミド 20mg → 40mg）\n"
          "療養上の留意点: 体重が2日で1kg以上増えたら連絡を\n塩分は控えめに");
    const json record = recordObject(content, RecordKind::PhysicianUpdate);
    CHECK(record == json{{"kind", "physician_update"},
                         {"schema", kSchemaVersion},
                         {"next_visit_date", "2026-12-15"},
                         {"policy_changed", true},
                         {"change_summary", "利尿薬を増量（フロセミド 20mg → 40mg）"},
                         {"cautions", "体重が2日で1kg以上増えたら連絡を\n塩分は控えめに"}});
    CHECK(parsePhysicianUpdate(record) == update());
    const std::string html = content["formatted_body"];
    CHECK(matrix::sanitizeFormattedBody(html).html == html);
    CHECK(html.find("体重が2日で1kg以上増えたら連絡を<br>塩分は控えめに") != std::string::npos);

    PhysicianUpdate unchanged;
    unchanged.next_visit_date = "2026-12-22";
    CHECK(physicianUpdateContent(unchanged)["body"] ==
          "【医師からの情報共有】\n次回訪問予定日: 2026-12-22\n治療方針の変更: なし");
}

TEST_CASE("a physician's update is refused before sending when a field breaks its rule",
          "[care][physician]") {
    CHECK(validatePhysicianUpdate(update(), kNow));

    auto v = update();
    v.next_visit_date = "2026-12-08";  // today in Japan: still fine
    CHECK(validatePhysicianUpdate(v, kNow));
    v.next_visit_date = "2026-12-07";
    auto r = validatePhysicianUpdate(v, kNow);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message == "physician_update.next_visit_date: before today");
    // 2026-12-07 23:30 JST is 14:30 UTC: the day is Japan's, not UTC's.
    CHECK(validatePhysicianUpdate(v, 1796653800000));
    v.next_visit_date = "2026-02-30";
    CHECK(validatePhysicianUpdate(v, kNow).error().message ==
          "physician_update.next_visit_date: breaks its rule");

    v = update();
    v.change_summary = "  ";
    CHECK(validatePhysicianUpdate(v, kNow).error().message ==
          "physician_update.change_summary: breaks its rule");
    v.policy_changed = false;  // no change: no summary of one
    v.change_summary = "増量";
    CHECK_FALSE(validatePhysicianUpdate(v, kNow));
    v.change_summary.clear();
    CHECK(validatePhysicianUpdate(v, kNow));

    v = update();
    v.change_summary = std::string(kChangeSummaryBytes / 3, 'x') +
                       std::string(kChangeSummaryBytes - kChangeSummaryBytes / 3, 'y');
    CHECK(validatePhysicianUpdate(v, kNow));
    v.change_summary += "x";
    CHECK_FALSE(validatePhysicianUpdate(v, kNow));
    v = update();
    std::string cautions;
    while (cautions.size() + 3 <= kCautionsBytes) cautions += "塩";  // 3 bytes each
    v.cautions = cautions;
    CHECK(validatePhysicianUpdate(v, kNow));
    v.cautions += "塩";
    CHECK(validatePhysicianUpdate(v, kNow).error().message ==
          "physician_update.cautions: breaks its rule");
    v.cautions = "ベル\x07";
    CHECK_FALSE(validatePhysicianUpdate(v, kNow));
    v = update();
    v.extra = {{"x_broken", "\xFF"}};  // never throws, even on what no reader would keep
    CHECK_NOTHROW(validatePhysicianUpdate(v, kNow));
}

TEST_CASE("a hostile physician's update reads as absent, a newer one keeps its fields",
          "[care][physician]") {
    const json good = recordObject(physicianUpdateContent(update()), RecordKind::PhysicianUpdate);
    auto with = [&](const char* key, json value) { return withField(good, key, std::move(value)); };
    CHECK_FALSE(parsePhysicianUpdate(with("next_visit_date", 20261215)));
    CHECK_FALSE(parsePhysicianUpdate(with("next_visit_date", "2026/12/15")));
    CHECK_FALSE(parsePhysicianUpdate(with("policy_changed", "true")));
    CHECK_FALSE(parsePhysicianUpdate(with("change_summary", json::array({"x"}))));
    CHECK_FALSE(parsePhysicianUpdate(with("change_summary", std::string(1'000'000, 'a'))));
    CHECK_FALSE(parsePhysicianUpdate(with("cautions", "\xC0\xAF")));  // overlong UTF-8
    CHECK_FALSE(parsePhysicianUpdate(with("schema", 0)));
    CHECK_FALSE(parsePhysicianUpdate(with("kind", "acp")));
    CHECK_FALSE(parsePhysicianUpdate(json::array()));
    json no_date = good;
    no_date.erase("next_visit_date");
    CHECK_FALSE(parsePhysicianUpdate(no_date));
    // An old update stays readable: no check against today.
    CHECK(parsePhysicianUpdate(with("next_visit_date", "2020-01-06")));

    // A newer client's fields come back on an edit by this one.
    json newer = with("schema", 2);
    newer["visit_kind"] = "往診";
    newer["x_nested"] = {{"a", {1, 2, {{"b", "c"}}}}};
    const auto parsed = parsePhysicianUpdate(newer);
    REQUIRE(parsed);
    CHECK(parsed->extra ==
          json{{"visit_kind", "往診"}, {"x_nested", {{"a", {1, 2, {{"b", "c"}}}}}}});
    const json again = recordObject(physicianUpdateContent(*parsed), RecordKind::PhysicianUpdate);
    CHECK(again["visit_kind"] == "往診");
    CHECK(again["x_nested"] == newer["x_nested"]);
    CHECK(again["schema"] == kSchemaVersion);
    // Too much or too deep of them: dropped, the update still read.
    json deep = json::array();
    for (int k = 0; k < 50; ++k) deep = json::array({deep});
    const auto deep_parsed = parsePhysicianUpdate(with("x_deep", deep));
    REQUIRE(deep_parsed);
    CHECK(deep_parsed->extra.empty());
    const auto big = parsePhysicianUpdate(with("x_big", std::string(kMaxExtraBytes + 1, 'a')));
    REQUIRE(big);
    CHECK(big->extra.empty());
}

TEST_CASE("who acknowledged an update: 確認しました reactions, each member once, not the author",
          "[care][physician]") {
    const std::string author = "@tanaka:kashiwa.example.jp";
    const std::vector<Group> groups{
        {"👍", {"@suzuki:kashiwa.example.jp"}},
        {kAcknowledgementKey,
         {"@sato:kashiwa.example.jp", author, "@ito:kashiwa.example.jp", "@sato:kashiwa.example.jp",
          "not-a-user-id"}},
        {"確認しました ", {"@kato:kashiwa.example.jp"}},  // another key
    };
    CHECK(acknowledgers(groups, author) ==
          std::vector<std::string>{"@sato:kashiwa.example.jp", "@ito:kashiwa.example.jp"});
    CHECK(acknowledgers(std::vector<Group>{{"👍", {"@sato:kashiwa.example.jp"}}}, author).empty());
    CHECK(std::string(kAcknowledgementKey) == "確認しました");
    // The timeline's own reaction groups fit as they are.
    const std::vector<timeline::ReactionGroup> folded{
        {kAcknowledgementKey, {"@ito:kashiwa.example.jp", author}, std::nullopt}};
    CHECK(acknowledgers(folded, author) == std::vector<std::string>{"@ito:kashiwa.example.jp"});
}

TEST_CASE("updates are listed per calendar month in Japan time with who acknowledged them",
          "[care][physician]") {
    const auto months = monthlyUpdates({
        shared("$c", 1796691600000, {"@sato:kashiwa.example.jp"}),  // 2026-12-08 10:00 JST
        shared("$b", 1796050800000, {"@ito:kashiwa.example.jp"}),   // 2026-12-01 00:00 JST
        shared("$a", 1796050799000, {"@sato:kashiwa.example.jp"}),  // 2026-11-30 23:59:59 JST
        shared("$b", 1796050800000, {}),                            // the same event again
        shared("$d", 1798729200000, {}),                            // 2027-01-01 00:00 JST
    });
    REQUIRE(months.size() == 3);
    CHECK(months[0].month == "2026-11");
    REQUIRE(months[0].updates.size() == 1);
    CHECK(months[0].updates[0].event_id == "$a");
    CHECK(months[1].month == "2026-12");
    REQUIRE(months[1].updates.size() == 2);
    CHECK(months[1].updates[0].event_id == "$b");
    CHECK(months[1].updates[0].acknowledged_by ==
          std::vector<std::string>{"@ito:kashiwa.example.jp"});
    CHECK(months[1].updates[1].event_id == "$c");
    CHECK(months[1].acknowledged_by ==
          std::vector<std::string>{"@ito:kashiwa.example.jp", "@sato:kashiwa.example.jp"});
    CHECK(months[2].month == "2027-01");
    CHECK(months[2].acknowledged_by.empty());
    CHECK(monthlyUpdates({}).empty());
    CHECK(jstDate(1796050799000) == "2026-11-30");
    CHECK(jstDate(1796050800000) == "2026-12-01");
}
