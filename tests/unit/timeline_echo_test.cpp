// timeline::RoomTimeline: local echoes of our corrections (edits, replies, reactions,
// deletions) while they wait in the outbox, how the server's event takes their place, and
// how a discarded one is undone. The contents are those the Session queues
// (matrix::content::outgoing), so what is tested is what is sent.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "matrix/content/outgoing.h"
#include "timeline/room_timeline.h"

using namespace renkei::timeline;
using namespace renkei::matrix::content;
using renkei::matrix::RoomEvent;
using nlohmann::json;
using Kind = TimelineItem::Kind;
using Op = TimelineDiff::Op;
using State = TimelineItem::SendState;

namespace {

const std::string kNurse = "@nurse.sato:example.org";   // we
const std::string kDoctor = "@dr.tanaka:example.org";

RoomEvent event(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& type,
                json content, std::optional<std::string> txn = std::nullopt) {
    RoomEvent e;
    e.event_id = id;
    e.sender = sender;
    e.origin_server_ts = ts;
    e.type = type;
    e.content = std::move(content);
    e.transaction_id = std::move(txn);
    if (type == "m.room.redaction") e.redacts = e.content.value("redacts", "");
    return e;
}

RoomEvent post(const std::string& id, const std::string& sender, const std::string& body) {
    return event(id, sender, 1000, "m.room.message", {{"msgtype", "m.text"}, {"body", body}});
}

json editOf(const std::string& target, const std::string& body) {
    return *editContent(target, {{"msgtype", "m.text"}, {"body", body}});
}

std::vector<std::string> sendersOf(const TimelineItem& item, const std::string& key) {
    for (const auto& group : item.reactions) {
        if (group.key == key) return group.senders;
    }
    return {};
}

}  // namespace

TEST_CASE("echo: an edit shows its new text at once, marked unsent, until its event arrives") {
    RoomTimeline t;
    t.appendEvents({post("$bp", kNurse, "血圧 128/76")});
    auto diffs = t.addLocalEcho("txn-e", "m.room.message", kNurse, editOf("$bp", "血圧 132/80 訂正"), 2000,
                                State::Queued);
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Update);
    REQUIRE(t.items().size() == 1);  // no second post
    const auto& item = t.items()[0];
    CHECK(item.content->body == "血圧 132/80 訂正");
    CHECK(item.edited());
    CHECK(item.local_edit == State::Queued);
    CHECK(item.history.back().event_id.empty());

    t.updateLocalEcho("txn-e", State::Sent, "$fix");
    CHECK(t.items()[0].local_edit == State::Sent);
    CHECK(t.items()[0].history.back().event_id == "$fix");

    // Sync brings the edit with our transaction id: one Update, the same text, now sent.
    diffs = t.appendEvents({event("$fix", kNurse, 2100, "m.room.message", editOf("$bp", "血圧 132/80 訂正"), "txn-e")});
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Update);
    CHECK(t.items()[0].content->body == "血圧 132/80 訂正");
    CHECK_FALSE(t.items()[0].local_edit);
    CHECK(t.items()[0].history.size() == 2);  // the original and the one edit, not doubled
}

TEST_CASE("echo: a discarded edit is undone; another user's post takes no edit echo") {
    RoomTimeline t;
    t.appendEvents({post("$bp", kNurse, "血圧 128/76"), post("$dr", kDoctor, "降圧剤を変更")});
    t.addLocalEcho("txn-e", "m.room.message", kNurse, editOf("$bp", "誤った訂正"), 2000, State::Failed);
    CHECK(t.items()[0].content->body == "誤った訂正");
    CHECK(t.items()[0].local_edit == State::Failed);
    auto diffs = t.removeLocalEcho("txn-e");
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Update);
    CHECK(t.items()[0].content->body == "血圧 128/76");
    CHECK_FALSE(t.items()[0].edited());
    CHECK_FALSE(t.items()[0].local_edit);

    t.addLocalEcho("txn-x", "m.room.message", kNurse, editOf("$dr", "改ざん"), 2100, State::Queued);
    CHECK(t.items()[1].content->body == "降圧剤を変更");
}

TEST_CASE("echo: a deletion shows the post as being deleted; the server's redaction completes it") {
    RoomTimeline t;
    t.appendEvents({post("$p", kNurse, "別の方の記録")});
    auto diffs = t.addLocalEcho("txn-d", "m.room.redaction", kNurse, *redactionContent("$p", "別の部屋への投稿"), 2000,
                                State::Queued);
    REQUIRE(diffs.size() == 1);
    CHECK(t.items()[0].local_redaction == State::Queued);
    CHECK(t.items()[0].kind == Kind::Message);  // still readable while it is being deleted

    diffs = t.appendEvents({event("$r", kNurse, 2100, "m.room.redaction", *redactionContent("$p", "別の部屋への投稿"),
                                  "txn-d")});
    REQUIRE(diffs.size() == 1);
    CHECK(diffs[0].op == Op::Update);
    const auto& item = t.items()[0];
    CHECK(item.kind == Kind::Redacted);
    CHECK_FALSE(item.local_redaction);
    CHECK(item.redaction->reason == "別の部屋への投稿");

    // A deletion the outbox discards is undone.
    RoomTimeline u;
    u.appendEvents({post("$q", kNurse, "残す投稿")});
    u.addLocalEcho("txn-d2", "m.room.redaction", kNurse, *redactionContent("$q", ""), 2000, State::Failed);
    CHECK(u.items()[0].local_redaction == State::Failed);
    u.removeLocalEcho("txn-d2");
    CHECK_FALSE(u.items()[0].local_redaction);
    CHECK(u.items()[0].kind == Kind::Message);
}

TEST_CASE("echo: our reaction joins its key's group at once and is not counted twice when it arrives") {
    RoomTimeline t;
    t.appendEvents({post("$p", kDoctor, "明日から降圧剤を変更します"),
                    event("$d", kDoctor, 1100, "m.reaction", *reactionContent("$p", "確認しました"))});
    t.addLocalEcho("txn-r", "m.reaction", kNurse, *reactionContent("$p", "確認しました"), 2000, State::Queued);
    CHECK(sendersOf(t.items()[0], "確認しました") == std::vector<std::string>{kDoctor, kNurse});
    CHECK(t.items()[0].reactions[0].local == State::Queued);

    auto diffs = t.appendEvents({event("$mine", kNurse, 2100, "m.reaction", *reactionContent("$p", "確認しました"),
                                       "txn-r")});
    REQUIRE(diffs.size() == 1);
    CHECK(sendersOf(t.items()[0], "確認しました") == std::vector<std::string>{kDoctor, kNurse});
    CHECK_FALSE(t.items()[0].reactions[0].local);

    // Taking it back: a redaction echo of our reaction drops us at once; discarded, we are back.
    t.addLocalEcho("txn-u", "m.room.redaction", kNurse, *redactionContent("$mine", ""), 3000, State::Queued);
    CHECK(sendersOf(t.items()[0], "確認しました") == std::vector<std::string>{kDoctor});
    t.removeLocalEcho("txn-u");
    CHECK(sendersOf(t.items()[0], "確認しました") == std::vector<std::string>{kDoctor, kNurse});

    // A reaction discarded before it left goes from its group; an empty group goes too.
    t.addLocalEcho("txn-t", "m.reaction", kNurse, *reactionContent("$p", "👍"), 3100, State::Queued);
    CHECK(sendersOf(t.items()[0], "👍") == std::vector<std::string>{kNurse});
    t.removeLocalEcho("txn-t");
    CHECK(t.items()[0].reactions.size() == 1);
}

TEST_CASE("echo: a reply echo shows what it answers; echoes wait for a target not held yet") {
    RoomTimeline t;
    t.addLocalEcho("txn-a", "m.room.message", kNurse, *replyContent("$q", "132/80 でした", kDoctor), 2000,
                   State::Queued);
    REQUIRE(t.items().size() == 1);
    CHECK(t.items()[0].in_reply_to == "$q");
    CHECK(t.items()[0].content->body == "132/80 でした");
    CHECK(t.items()[0].local_echo);

    // An edit echo whose post comes later by back-pagination applies when it arrives.
    t.addLocalEcho("txn-e", "m.room.message", kNurse, editOf("$old", "追記あり"), 2100, State::Queued);
    t.prependEvents({post("$old", kNurse, "古い投稿"), post("$q", kDoctor, "血圧はいかがですか")});
    CHECK(t.items()[0].content->body == "追記あり");
    CHECK(t.items()[0].local_edit == State::Queued);

    // Sync brings the reply: it takes the echo's place (Remove then Insert at the end).
    auto reply = event("$a", kNurse, 2200, "m.room.message", *replyContent("$q", "132/80 でした", kDoctor), "txn-a");
    t.appendEvents({reply});
    REQUIRE(t.items().size() == 3);
    CHECK_FALSE(t.items()[2].local_echo);
    CHECK(t.items()[2].in_reply_to == "$q");
}
