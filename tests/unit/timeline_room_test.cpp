// timeline::RoomTimeline: what a reader sees of a room's events once edits, redactions,
// replies, reactions and local echoes are folded in (spec: "Event replacements",
// "Redactions", "Rich replies", "Event annotations and reactions").
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "timeline/room_timeline.h"

using namespace renkei::timeline;
using renkei::matrix::RoomEvent;
using nlohmann::json;
using Kind = TimelineItem::Kind;
using Op = TimelineDiff::Op;

namespace {

const std::string kNurse = "@nurse.sato:example.org";
const std::string kDoctor = "@dr.tanaka:example.org";

RoomEvent event(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& type,
                json content) {
    RoomEvent e;
    e.event_id = id;
    e.sender = sender;
    e.origin_server_ts = ts;
    e.type = type;
    e.content = std::move(content);
    return e;
}

RoomEvent post(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& body) {
    return event(id, sender, ts, "m.room.message", {{"msgtype", "m.text"}, {"body", body}});
}

RoomEvent edit(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& target,
               const std::string& body) {
    return event(id, sender, ts, "m.room.message",
                 {{"msgtype", "m.text"}, {"body", "* " + body},
                  {"m.new_content", {{"msgtype", "m.text"}, {"body", body}}},
                  {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", target}}}});
}

RoomEvent reaction(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& target,
                   const std::string& key) {
    return event(id, sender, ts, "m.reaction",
                 {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", target}, {"key", key}}}});
}

RoomEvent redaction(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& target,
                    std::optional<std::string> reason = std::nullopt) {
    auto e = event(id, sender, ts, "m.room.redaction", json::object());
    e.redacts = target;
    if (reason) e.content["reason"] = *reason;
    return e;
}

std::string bodyAt(const RoomTimeline& t, std::size_t i) {
    const auto& item = t.items().at(i);
    return item.content ? item.content->body : "<" + std::to_string(static_cast<int>(item.kind)) + ">";
}

}  // namespace

TEST_CASE("timeline: an edit by the sender replaces the text and keeps the history") {
    RoomTimeline t;
    auto diffs = t.appendEvents({post("$bp", kNurse, 1000, "血圧 128/76"),
                                 edit("$fix", kNurse, 2000, "$bp", "血圧 132/80 訂正")});
    REQUIRE(t.items().size() == 1);  // the edit is no post of its own
    const auto& item = t.items()[0];
    CHECK(item.content->body == "血圧 132/80 訂正");
    CHECK(item.edited());
    REQUIRE(item.history.size() == 2);
    CHECK(item.history[0].content.body == "血圧 128/76");
    CHECK(item.history[1].event_id == "$fix");
    CHECK(item.history[1].origin_server_ts == 2000);
    REQUIRE(diffs.size() == 2);
    CHECK(diffs[0].op == Op::Insert);
    CHECK(diffs[1].op == Op::Update);
}

TEST_CASE("timeline: edits by another sender, of another type or without new content are ignored") {
    RoomTimeline t;
    auto bad_new = edit("$nonew", kNurse, 4000, "$bp", "x");
    bad_new.content.erase("m.new_content");
    auto as_notice_type = edit("$state", kNurse, 5000, "$bp", "状態");
    as_notice_type.state_key = "";
    t.appendEvents({post("$bp", kNurse, 1000, "血圧 128/76"), edit("$other", kDoctor, 3000, "$bp", "改ざん"),
                    bad_new, as_notice_type});
    REQUIRE(t.items().size() == 1);
    CHECK(t.items()[0].content->body == "血圧 128/76");
    CHECK_FALSE(t.items()[0].edited());
}

TEST_CASE("timeline: the newest edit wins, an edit before its original waits, a redacted edit falls back") {
    RoomTimeline t;
    // Back-pagination brings the original after the edits were synced.
    t.appendEvents({edit("$e2", kNurse, 3000, "$bp", "三回目"), edit("$e1", kNurse, 2000, "$bp", "二回目")});
    CHECK(t.items().empty());
    auto diffs = t.prependEvents({post("$bp", kNurse, 1000, "一回目")});
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Insert);
    CHECK(bodyAt(t, 0) == "三回目");
    CHECK(t.items()[0].history.size() == 3);

    // An edit of an edit is not an edit of the post.
    t.appendEvents({edit("$e3", kNurse, 4000, "$e2", "編集の編集")});
    CHECK(bodyAt(t, 0) == "三回目");

    diffs = t.appendEvents({redaction("$r", kNurse, 5000, "$e2")});
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Update);
    CHECK(bodyAt(t, 0) == "二回目");
    CHECK(t.items()[0].history.size() == 2);
}

TEST_CASE("timeline: a redacted post becomes a placeholder with who, when and why") {
    RoomTimeline t;
    t.appendEvents({post("$p", kNurse, 1000, "誤って投稿"), reaction("$re", kDoctor, 1500, "$p", "👍"),
                    edit("$e", kNurse, 1600, "$p", "修正")});
    t.appendEvents({redaction("$r", kNurse, 2000, "$p", std::string("別の部屋への投稿"))});
    REQUIRE(t.items().size() == 1);
    const auto& item = t.items()[0];
    CHECK(item.kind == Kind::Redacted);
    CHECK_FALSE(item.content);
    CHECK(item.history.empty());
    CHECK(item.reactions.empty());
    REQUIRE(item.redaction);
    CHECK(item.redaction->redacted_by == kNurse);
    CHECK(item.redaction->origin_server_ts == 2000);
    CHECK(item.redaction->reason == "別の部屋への投稿");

    // A redaction seen before its post (the post comes by back-pagination) still applies,
    // and the server's already-redacted copy (empty content) is a placeholder too.
    RoomTimeline late;
    late.appendEvents({redaction("$r2", kDoctor, 3000, "$old")});
    late.prependEvents({event("$gone", kDoctor, 900, "m.room.message", json::object()),
                        post("$old", kDoctor, 1000, "古い投稿")});
    REQUIRE(late.items().size() == 2);
    CHECK(late.items()[0].kind == Kind::Redacted);
    CHECK(late.items()[0].redaction->redacted_by.empty());  // the server did not say who
    CHECK(late.items()[1].kind == Kind::Redacted);
    CHECK(late.items()[1].redaction->redacted_by == kDoctor);
    CHECK_FALSE(late.items()[1].redaction->reason);
}

TEST_CASE("timeline: reactions count once per sender and key, a redacted one is taken back") {
    RoomTimeline t;
    t.appendEvents({post("$p", kDoctor, 1000, "明日から降圧剤を変更します"),
                    reaction("$a", kNurse, 1100, "$p", "確認しました"),
                    reaction("$b", kNurse, 1200, "$p", "確認しました"),
                    reaction("$c", kDoctor, 1300, "$p", "確認しました"),
                    reaction("$d", kNurse, 1400, "$p", "👍"),
                    reaction("$x", kNurse, 1500, "$missing", "👍")});
    REQUIRE(t.items().size() == 1);
    const auto& r = t.items()[0].reactions;
    REQUIRE(r.size() == 2);
    CHECK(r[0].key == "確認しました");
    CHECK(r[0].senders == std::vector<std::string>{kNurse, kDoctor});
    CHECK(r[1].key == "👍");
    CHECK(r[1].senders == std::vector<std::string>{kNurse});

    t.appendEvents({redaction("$ra", kNurse, 2000, "$a")});
    // $b, the nurse's second identical reaction, still counts for her.
    CHECK(t.items()[0].reactions[0].senders == std::vector<std::string>{kNurse, kDoctor});
    t.appendEvents({redaction("$rb", kNurse, 2100, "$b")});
    CHECK(t.items()[0].reactions[0].senders == std::vector<std::string>{kDoctor});
}

TEST_CASE("timeline: a reply keeps the id it answers and loses its quoted fallback") {
    RoomTimeline t;
    t.appendEvents({event("$reply", kNurse, 1000, "m.room.message",
                          {{"msgtype", "m.text"},
                           {"body", "> <@dr.tanaka:example.org> 血圧はいかがですか\n\n132/80 でした"},
                           {"m.relates_to", {{"m.in_reply_to", {{"event_id", "$uncached"}}}}}})});
    REQUIRE(t.items().size() == 1);
    CHECK(t.items()[0].in_reply_to == "$uncached");
    CHECK(t.items()[0].content->body == "132/80 でした");
}

TEST_CASE("timeline: encrypted and unreadable events are items, state and unknown types are not") {
    RoomTimeline t;
    auto member = event("$m", kNurse, 900, "m.room.member", {{"membership", "join"}});
    member.state_key = kNurse;
    t.appendEvents({member, event("$enc", kDoctor, 1000, "m.room.encrypted", {{"algorithm", "m.megolm.v1.aes-sha2"}}),
                    event("$bad", kDoctor, 1100, "m.room.message", {{"msgtype", "m.text"}, {"body", 5}}),
                    event("$poll", kDoctor, 1200, "org.example.poll", {{"body", "?"}})});
    REQUIRE(t.items().size() == 2);
    CHECK(t.items()[0].kind == Kind::Encrypted);
    CHECK(t.items()[1].kind == Kind::Unreadable);
}

TEST_CASE("timeline: a local echo stays last until sync brings the event that carries its txn id") {
    RoomTimeline t;
    t.appendEvents({post("$a", kDoctor, 1000, "訪問は 14 時です")});
    auto diffs = t.addLocalEcho("txn-1", "m.room.message", kNurse, {{"msgtype", "m.text"}, {"body", "了解しました"}}, 1500,
                                TimelineItem::SendState::Queued);
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].index == 1);
    CHECK(t.items()[1].local_echo);

    // Another member's post arrives first: it goes above the echo.
    diffs = t.appendEvents({post("$b", kDoctor, 1600, "よろしくお願いします")});
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].index == 1);
    CHECK(bodyAt(t, 2) == "了解しました");

    t.updateLocalEcho("txn-1", TimelineItem::SendState::Sent, "$mine");
    CHECK(t.items()[2].local_echo);
    CHECK(t.items()[2].send_state == TimelineItem::SendState::Sent);

    auto mine = post("$mine", kNurse, 1700, "了解しました");
    mine.transaction_id = "txn-1";
    diffs = t.appendEvents({mine});
    REQUIRE(t.items().size() == 3);
    CHECK_FALSE(t.items()[2].local_echo);
    CHECK(t.items()[2].event_id == "$mine");
    CHECK(t.indexOf("$mine") == 2);
    REQUIRE(diffs.size() == 2);
    CHECK(diffs[0].op == Op::Remove);
    CHECK(diffs[1].op == Op::Insert);

    // Events seen twice (a sync overlapping a page) are not doubled.
    CHECK(t.appendEvents({post("$a", kDoctor, 1000, "訪問は 14 時です")}).empty());
    CHECK(t.items().size() == 3);

    t.addLocalEcho("txn-2", "m.room.message", kNurse, {{"msgtype", "m.text"}, {"body", "取り消す投稿"}}, 1800,
                   TimelineItem::SendState::Failed);
    diffs = t.removeLocalEcho("txn-2");
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Remove);
    CHECK(t.items().size() == 3);
}

TEST_CASE("timeline: one post's relations are capped") {
    RoomTimeline t;
    std::vector<RoomEvent> flood{post("$p", kNurse, 1, "x")};
    for (std::size_t i = 0; i < RoomTimeline::kMaxRelationsPerEvent + 50; ++i) {
        flood.push_back(edit("$e" + std::to_string(i), kNurse, static_cast<std::int64_t>(10 + i), "$p",
                             "v" + std::to_string(i)));
    }
    t.appendEvents(flood);
    CHECK(t.items()[0].history.size() == RoomTimeline::kMaxRelationsPerEvent + 1);
}
