// timeline::RoomTimeline and the care record (issue 11): a change of jp.renkei.* state is a
// readable line of the timeline (who changed what, with the state's own body); a forged
// jp.renkei.member (state key ≠ sender) and other state (topic, members) are not shown; a
// post's scene and 至急 come from the original's content.
#include <algorithm>
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

TEST_CASE("an edit of the patient profile says which fields changed when the previous state is held",
          "[timeline][care]") {
    renkei::care::Patient patient{"架空 花子", "かくう はなこ", "1938-04-12", renkei::care::Sex::Female,
                                  renkei::care::CareLevel::Care2, {"慢性心不全"}, "柏市"};
    auto first = renkei::care::toContent(patient);
    patient.care_level = renkei::care::CareLevel::Care3;
    patient.conditions.push_back("2型糖尿病");
    auto second = renkei::care::toContent(patient);
    REQUIRE((first.ok() && second.ok()));
    using renkei::care::FieldChange;
    const std::vector<FieldChange> expected{{"care_level", "care_2", "care_3"},
                                            {"conditions", "慢性心不全", "慢性心不全、2型糖尿病"}};

    SECTION("both in one page") {
        RoomTimeline t;
        t.appendEvents({stateEvent("$p1", "jp.renkei.patient", "", kNurse, *first)});
        CHECK_FALSE(t.items()[0].state_changes.has_value());  // the room's first: nothing to compare
        auto diffs = t.appendEvents({post("$post", {{"msgtype", "m.text"}, {"body", "訪問"}}),
                                     stateEvent("$p2", "jp.renkei.patient", "", kNurse, *second)});
        REQUIRE(t.items().size() == 3);
        REQUIRE(t.items()[2].state_changes.has_value());
        CHECK(*t.items()[2].state_changes == expected);
        CHECK(diffs.size() == 2);  // two inserts, the first item untouched
    }
    SECTION("the previous state arrives later, with back-pagination") {
        RoomTimeline t;
        t.appendEvents({stateEvent("$p2", "jp.renkei.patient", "", kNurse, *second)});
        CHECK_FALSE(t.items()[0].state_changes.has_value());
        auto diffs = t.prependEvents({stateEvent("$p1", "jp.renkei.patient", "", kNurse, *first)});
        REQUIRE(t.items().size() == 2);
        REQUIRE(t.items()[1].state_changes.has_value());
        CHECK(*t.items()[1].state_changes == expected);
        CHECK(std::any_of(diffs.begin(), diffs.end(), [](const TimelineDiff& d) {
            return d.op == TimelineDiff::Op::Update && d.index == 1;
        }));
    }
    SECTION("a hostile previous state tells no change") {
        RoomTimeline t;
        t.appendEvents({stateEvent("$bad", "jp.renkei.patient", "", kNurse, {{"body", "利用者: ?"}, {"name", 3}}),
                        stateEvent("$p2", "jp.renkei.patient", "", kNurse, *second)});
        CHECK_FALSE(t.items()[1].state_changes.has_value());
    }
}

TEST_CASE("a member's changed office and a rule exception's new reason are told too; a closure is not",
          "[timeline][care]") {
    renkei::care::MemberProfile profile{renkei::care::Profession::VisitingNurse, "みなと訪問看護ステーション",
                                        "訪問看護ステーション", "柏市", "訪問看護"};
    auto first = renkei::care::toContent(profile);
    profile.office = "かしわ訪問看護ステーション";
    auto second = renkei::care::toContent(profile);
    auto reason1 = renkei::care::toContent(renkei::care::RuleException{"no_attending_physician", "調整中"});
    auto reason2 = renkei::care::toContent(renkei::care::RuleException{"no_attending_physician", "主治医が退職"});
    REQUIRE((first.ok() && second.ok() && reason1.ok() && reason2.ok()));
    RoomTimeline t;
    t.appendEvents({stateEvent("$m1", "jp.renkei.member", kNurse, kNurse, *first),
                    stateEvent("$r1", "jp.renkei.rule_exception", "no_attending_physician", kNurse, *reason1),
                    stateEvent("$c1", "jp.renkei.closure", "", kNurse, {{"reason", "moved"}, {"date", "2026-12-01"}}),
                    stateEvent("$m2", "jp.renkei.member", kNurse, kNurse, *second),
                    stateEvent("$r2", "jp.renkei.rule_exception", "no_attending_physician", kNurse, *reason2),
                    stateEvent("$c2", "jp.renkei.closure", "", kNurse, {{"reason", "death"}, {"date", "2026-12-02"}})});
    REQUIRE(t.items().size() == 6);
    using renkei::care::FieldChange;
    REQUIRE(t.items()[3].state_changes.has_value());
    CHECK(*t.items()[3].state_changes ==
          std::vector<FieldChange>{{"office", "みなと訪問看護ステーション", "かしわ訪問看護ステーション"}});
    REQUIRE(t.items()[4].state_changes.has_value());
    CHECK(*t.items()[4].state_changes == std::vector<FieldChange>{{"reason", "調整中", "主治医が退職"}});
    CHECK_FALSE(t.items()[5].state_changes.has_value());
}
