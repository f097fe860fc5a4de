// timeline::RoomTimeline and the care record (issue 11): a change of jp.renkei.* state is a
// readable line of the timeline (who changed what, with the state's own body); a forged
// jp.renkei.member (state key ≠ sender) and other state (topic, members) are not shown; a
// post's scene and 至急 come from the original's content.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "care/care_types.h"
#include "timeline/room_timeline.h"

using namespace renkei::timeline;
using renkei::matrix::RoomEvent;
using nlohmann::json;

namespace {

const std::string kNurse = "@nurse.sato:example.org";
const std::string kDoctor = "@dr.tanaka:example.org";

RoomEvent stateEvent(const std::string& id, const std::string& type, const std::string& key,
                     const std::string& sender, const json& content) {
    RoomEvent out;
    out.event_id = id;
    out.type = type;
    out.state_key = key;
    out.sender = sender;
    out.origin_server_ts = 1000;
    out.content = content;
    return out;
}

RoomEvent post(const std::string& id, const json& content) {
    RoomEvent out;
    out.event_id = id;
    out.type = "m.room.message";
    out.sender = kDoctor;
    out.origin_server_ts = 2000;
    out.content = content;
    return out;
}

}  // namespace

TEST_CASE("care state changes are readable lines; forged profiles and other state are not", "[timeline][care]") {
    RoomTimeline t;
    t.appendEvents({
        stateEvent("$consent", "jp.renkei.consent", "", kNurse,
                   {{"schema", 1}, {"body", "利用者同意: 2026-11-28 対面で取得（本人）"}, {"date", "2026-11-28"}}),
        stateEvent("$forged", "jp.renkei.member", kDoctor, kNurse, {{"body", "主治医・偽クリニック"}}),
        stateEvent("$own", "jp.renkei.member", kNurse, kNurse, {{"body", "訪問看護師・みなと訪問看護ステーション"}}),
        stateEvent("$topic", "m.room.topic", "", kNurse, {{"topic", "週2回訪問"}}),
        stateEvent("$closure", "jp.renkei.closure", "", kDoctor, {{"body", std::string(3000, 'x') + "\u202e"}}),
    });
    REQUIRE(t.items().size() == 3);
    CHECK(t.items()[0].kind == TimelineItem::Kind::CareState);
    CHECK(t.items()[0].state_type == "jp.renkei.consent");
    CHECK(t.items()[0].state_body == "利用者同意: 2026-11-28 対面で取得（本人）");
    CHECK(t.items()[0].sender == kNurse);
    CHECK(t.items()[1].event_id == "$own");
    // A long hostile body is cut to the cap (with an ellipsis), bidi controls gone.
    CHECK(t.items()[2].state_type == "jp.renkei.closure");
    CHECK(t.items()[2].state_body.size() == TimelineItem::kStateBodyMaxBytes + std::string("…").size());
    CHECK(t.items()[2].state_body.find("\u202e") == std::string::npos);
}

TEST_CASE("a post's scene and 至急 are read from its content; malformed ones read as none", "[timeline][care]") {
    RoomTimeline t;
    t.appendEvents({
        post("$urgent", {{"msgtype", "m.text"}, {"body", "発熱 38.6℃"}, {"jp.renkei.urgent", true}, {"jp.renkei.scene", "acute_change"}}),
        post("$plain", {{"msgtype", "m.text"}, {"body", "訪問しました"}, {"jp.renkei.urgent", "yes"}, {"jp.renkei.scene", 3}}),
    });
    REQUIRE(t.items().size() == 2);
    CHECK(t.items()[0].context.urgent);
    CHECK(t.items()[0].context.scene == renkei::care::Scene::AcuteChange);
    CHECK_FALSE(t.items()[1].context.urgent);
    CHECK_FALSE(t.items()[1].context.scene.has_value());
}
