// timeline::RoomTimeline and threads (spec: "Threading"): thread posts stay in the main
// timeline with a marker, and their root counts them. Events in the shapes Element sends
// (m.thread with the is_falling_back reply to the thread's latest post).
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "timeline/room_timeline.h"

using namespace renkei::timeline;
using renkei::matrix::RoomEvent;
using nlohmann::json;
using Op = TimelineDiff::Op;

namespace {

const std::string kNurse = "@nurse.sato:example.org";
const std::string kDoctor = "@dr.tanaka:example.org";

RoomEvent fromJson(const json& e) {
    RoomEvent out;
    out.event_id = e.at("event_id");
    out.type = e.at("type");
    out.sender = e.at("sender");
    out.origin_server_ts = e.at("origin_server_ts");
    out.content = e.at("content");
    if (e.contains("redacts")) out.redacts = e.at("redacts");
    return out;
}

RoomEvent post(const std::string& id, std::int64_t ts, const std::string& body) {
    return fromJson({{"event_id", id}, {"type", "m.room.message"}, {"sender", kDoctor}, {"origin_server_ts", ts},
                     {"content", {{"msgtype", "m.text"}, {"body", body}}}});
}

// A post in the thread of `root`, as Element sends it: the fallback reply to `latest`.
RoomEvent inThread(const std::string& id, std::int64_t ts, const std::string& root, const std::string& latest,
                   const std::string& body) {
    return fromJson({{"event_id", id}, {"type", "m.room.message"}, {"sender", kNurse}, {"origin_server_ts", ts},
                     {"content",
                      {{"msgtype", "m.text"},
                       {"body", body},
                       {"m.relates_to",
                        {{"rel_type", "m.thread"},
                         {"event_id", root},
                         {"is_falling_back", true},
                         {"m.in_reply_to", {{"event_id", latest}}}}}}}});
}

RoomEvent editOf(const std::string& id, std::int64_t ts, const std::string& target, const std::string& body) {
    return fromJson({{"event_id", id}, {"type", "m.room.message"}, {"sender", kNurse}, {"origin_server_ts", ts},
                     {"content",
                      {{"msgtype", "m.text"},
                       {"body", "* " + body},
                       {"m.new_content", {{"msgtype", "m.text"}, {"body", body}}},
                       {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", target}}}}}});
}

RoomEvent reactionTo(const std::string& id, std::int64_t ts, const std::string& target) {
    return fromJson({{"event_id", id}, {"type", "m.reaction"}, {"sender", kDoctor}, {"origin_server_ts", ts},
                     {"content", {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", target}, {"key", "👍"}}}}}});
}

RoomEvent redactionOf(const std::string& id, std::int64_t ts, const std::string& target) {
    return fromJson({{"event_id", id}, {"type", "m.room.redaction"}, {"sender", kNurse}, {"origin_server_ts", ts},
                     {"content", json::object()}, {"redacts", target}});
}

const TimelineItem& itemOf(const RoomTimeline& t, const std::string& id) {
    const std::size_t at = t.indexOf(id);
    REQUIRE(at != RoomTimeline::npos);
    return t.items()[at];
}

}  // namespace

TEST_CASE("threads: replies stay in the main timeline, marked, and their root counts them", "[timeline][thread]") {
    RoomTimeline t;
    t.appendEvents({post("$root", 1000, "褥瘡の処置について"), post("$other", 1500, "本日の訪問は14時")});
    auto diffs = t.appendEvents({inThread("$t1", 2000, "$root", "$root", "ガーゼを交換しました")});
    REQUIRE(t.items().size() == 3);
    CHECK(t.items()[2].thread_root == "$root");
    CHECK(t.items()[2].content->body == "ガーゼを交換しました");
    // The fallback reply is for thread-less clients only: no quote above a thread post.
    CHECK_FALSE(t.items()[2].in_reply_to.has_value());
    CHECK(itemOf(t, "$root").thread_replies == 1);
    CHECK_FALSE(itemOf(t, "$root").thread_root.has_value());
    CHECK(itemOf(t, "$other").thread_replies == 0);
    // The new post is inserted, its root updated in place.
    REQUIRE(diffs.size() == 2);
    CHECK(diffs[0].op == Op::Insert);
    CHECK(diffs[0].index == 2);
    CHECK(diffs[1].op == Op::Update);
    CHECK(diffs[1].index == 0);

    // Edits and reactions in the thread are no new thread posts; a second post is.
    t.appendEvents({editOf("$t1e", 2100, "$t1", "ガーゼを交換しました（2枚）"), reactionTo("$r1", 2200, "$t1"),
                    inThread("$t2", 2300, "$root", "$t1", "明日も確認します")});
    CHECK(itemOf(t, "$root").thread_replies == 2);
    CHECK(itemOf(t, "$t1").content->body == "ガーゼを交換しました（2枚）");
    CHECK(itemOf(t, "$t1").thread_root == "$root");

    // A deleted thread post no longer counts; the root gets an Update.
    diffs = t.appendEvents({redactionOf("$x1", 2400, "$t2")});
    CHECK(itemOf(t, "$root").thread_replies == 1);
    CHECK(itemOf(t, "$t2").kind == TimelineItem::Kind::Redacted);
    bool root_updated = false;
    for (const auto& d : diffs) root_updated |= d.op == Op::Update && d.index == t.indexOf("$root");
    CHECK(root_updated);
}

TEST_CASE("threads: replies that arrive before their root are counted when it comes", "[timeline][thread]") {
    RoomTimeline t;
    // The newest page first (sync), the root back-paginated later.
    t.appendEvents({inThread("$t1", 2000, "$root", "$root", "血圧 130/82"),
                    inThread("$t2", 2100, "$root", "$t1", "脈拍 72"),
                    inThread("$t2", 2100, "$root", "$t1", "脈拍 72")});  // a duplicate counts once
    REQUIRE(t.items().size() == 2);
    CHECK(t.items()[0].thread_root == "$root");
    auto diffs = t.prependEvents({post("$root", 1000, "バイタルの記録")});
    REQUIRE(t.items().size() == 3);
    CHECK(t.items()[0].event_id == "$root");
    CHECK(t.items()[0].thread_replies == 2);
    REQUIRE_FALSE(diffs.empty());
    CHECK(diffs[0].op == Op::Insert);
    CHECK(diffs[0].index == 0);
}
