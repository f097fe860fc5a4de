// Renkei's corrections against the real Synapse: an edit, a reply, a reaction, a reaction taken
// back and a deletion, queued through the outbox and sent, as a SECOND account reads them through
// the plain Client-Server API (/rooms/{id}/event/{id}, /relations); the sync echoes confirm
// every one, and Renkei's own timeline shows the result.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

using namespace renkei;
using namespace renkei::test;
using nlohmann::json;
using timeline::TimelineItem;

namespace {

// The other account: a plain MatrixClient, and GETs with its own access token.
struct Doctor {
    matrix::MatrixClient client{std::make_shared<http::CurlTransport>(), Homeserver::get().base_url};
    std::string token;

    Doctor() { token = loginAs(client, "dr.tanaka").access_token; }
    ~Doctor() { static_cast<void>(client.logout()); }

    json get(const std::string& path) const {
        http::CurlTransport transport;
        http::Request request;
        request.method = "GET";
        request.url = Homeserver::get().base_url + path;
        request.headers.emplace_back("Authorization", "Bearer " + token);
        auto response = transport.perform(request, nullptr);
        if (!response) FAIL("GET: " << response.error().describe());
        if (response->status != 200) FAIL("GET answered HTTP " << response->status << ": " << response->body);
        return json::parse(response->body);
    }
    json event(const std::string& room, const std::string& id) const {
        return get("/_matrix/client/v3/rooms/" + room + "/event/" + id);
    }
    json relations(const std::string& room, const std::string& id, const std::string& rel_type) const {
        return get("/_matrix/client/v1/rooms/" + room + "/relations/" + id + "/" + rel_type)["chunk"];
    }
};

const store::OutboxPost& byTxn(const std::vector<store::OutboxPost>& posts, const std::string& txn) {
    auto it = std::find_if(posts.begin(), posts.end(), [&](const auto& p) { return p.txn_id == txn; });
    REQUIRE(it != posts.end());
    return *it;
}

}  // namespace

TEST_CASE("corrections: another account reads Renkei's edit, reply, reaction, un-reaction and deletion") {
    const auto& hs = Homeserver::get();
    Doctor doctor;
    TempDir dir("corrections");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    const std::string me = hs.userId("nurse.sato");

    matrix::CreateRoomRequest create;
    create.name = "木村 ハル 様（訂正テスト）";
    create.invite = {me};
    auto room = doctor.client.createRoom(create);
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return nurse->joinRoom(*room).ok(); }));
    auto question = doctor.client.sendMessageEvent(*room, "m.room.message", uniqueMarker("q"),
                                                  {{"msgtype", "m.text"}, {"body", "血圧はいかがですか"}});
    REQUIRE(question.ok());
    auto bp = nurse->queueText(*room, "血圧 128/76");
    auto mistake = nurse->queueText(*room, "別の方の記録");
    REQUIRE((bp.ok() && mistake.ok()));
    const auto posted = flushOutbox(*nurse);
    const std::string bp_id = *byTxn(posted, bp->txn_id).event_id;
    const std::string mistake_id = *byTxn(posted, mistake->txn_id).event_id;
    REQUIRE(syncUntil(*nurse, [&] { return cachedEvent(*nurse, *room, *question).has_value() &&
                                           cachedEvent(*nurse, *room, bp_id).has_value(); }));

    // Core refuses to edit another user's post, before anything is queued.
    auto foreign = nurse->queueEdit(*room, *question, "改ざん");
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().kind == ErrorKind::InvalidArgument);
    CHECK(foreign.error().message.find("own posts") != std::string::npos);

    auto edit = nurse->queueEdit(*room, bp_id, "血圧 132/80 訂正");
    auto reply = nurse->queueReply(*room, *question, "132/80 でした");
    auto ack = nurse->queueReaction(*room, *question, "確認しました");
    auto thumbs = nurse->queueReaction(*room, *question, "👍");
    auto deletion = nurse->queueRedaction(*room, mistake_id, "別の部屋への投稿");
    REQUIRE((edit.ok() && reply.ok() && ack.ok() && thumbs.ok() && deletion.ok()));
    CHECK_FALSE(nurse->queueReaction(*room, *question, "確認しました").ok());  // once per key
    // Taken back before it left: discarded, never sent.
    auto unthumb = nurse->removeReaction(*room, *question, "👍");
    REQUIRE(unthumb.ok());
    CHECK(unthumb->discarded_txn_id == thumbs->txn_id);
    CHECK(unthumb->redactions.empty());
    // A reaction taken back after it was sent: a redaction of it.
    auto noted = nurse->queueReaction(*room, bp_id, "了解");
    REQUIRE(noted.ok());
    auto sent = flushOutbox(*nurse);
    REQUIRE(sent.size() == 5);
    auto unnoted = nurse->removeReaction(*room, bp_id, "了解");
    REQUIRE(unnoted.ok());
    REQUIRE(unnoted->redactions.size() == 1);
    CHECK(unnoted->redactions[0].content["redacts"] == *byTxn(sent, noted->txn_id).event_id);
    sent.push_back(flushOutbox(*nurse).at(0));

    // The second account's view, through the plain Client-Server API.
    const std::string edit_id = *byTxn(sent, edit->txn_id).event_id;
    const json edit_event = doctor.event(*room, edit_id);
    CHECK(edit_event["sender"] == me);
    CHECK(edit_event["content"]["m.relates_to"] == json{{"rel_type", "m.replace"}, {"event_id", bp_id}});
    CHECK(edit_event["content"]["m.new_content"]["body"] == "血圧 132/80 訂正");
    CHECK(edit_event["content"]["body"] == "* 血圧 132/80 訂正");
    const json edits = doctor.relations(*room, bp_id, "m.replace");
    REQUIRE(edits.size() == 1);
    CHECK(edits[0]["event_id"] == edit_id);

    const json reply_event = doctor.event(*room, *byTxn(sent, reply->txn_id).event_id);
    CHECK(reply_event["content"]["m.relates_to"]["m.in_reply_to"]["event_id"] == *question);
    CHECK(reply_event["content"]["body"] == "132/80 でした");  // no quoted fallback
    CHECK(reply_event["content"]["m.mentions"]["user_ids"] == json::array({hs.userId("dr.tanaka")}));

    const json reactions = doctor.relations(*room, *question, "m.annotation");
    REQUIRE(reactions.size() == 1);  // 確認しました once; 👍 never left
    CHECK(reactions[0]["sender"] == me);
    CHECK(reactions[0]["content"]["m.relates_to"]["key"] == "確認しました");
    CHECK(doctor.relations(*room, bp_id, "m.annotation").empty());  // 了解 was taken back
    const json taken_back = doctor.event(*room, *byTxn(sent, noted->txn_id).event_id);
    CHECK(taken_back["content"] == json::object());

    const json gone = doctor.event(*room, mistake_id);
    CHECK(gone["content"] == json::object());
    CHECK(gone["unsigned"]["redacted_because"]["sender"] == me);
    CHECK(gone["unsigned"]["redacted_because"]["content"]["reason"] == "別の部屋への投稿");

    // The sync echoes confirm every kind (m.room.message, m.reaction, m.room.redaction), and
    // Renkei's own timeline shows the result.
    REQUIRE(syncUntil(*nurse, [&] { return nurse->outbox(*room)->empty(); }));
    auto events = nurse->timeline(*room, 200, std::nullopt);
    REQUIRE(events.ok());
    timeline::RoomTimeline t;
    t.appendEvents(timeline::toRoomEvents(std::move(*events)));
    const auto& corrected = t.items().at(t.indexOf(bp_id));
    CHECK(corrected.content->body == "血圧 132/80 訂正");
    CHECK(corrected.edited());
    CHECK(corrected.reactions.empty());
    const auto& answered = t.items().at(t.indexOf(*question));
    REQUIRE(answered.reactions.size() == 1);
    CHECK(answered.reactions[0].senders == std::vector<std::string>{me});
    const auto& reply_item = t.items().at(t.indexOf(*byTxn(sent, reply->txn_id).event_id));
    CHECK(reply_item.in_reply_to == *question);
    const auto& deleted = t.items().at(t.indexOf(mistake_id));
    CHECK(deleted.kind == TimelineItem::Kind::Redacted);
    CHECK(deleted.redaction->reason == "別の部屋への投稿");
    CHECK(t.indexOf(edit_id) == timeline::RoomTimeline::npos);

    static_cast<void>(nurse->leaveRoom(*room));
    static_cast<void>(doctor.client.leave(*room));
}

TEST_CASE("corrections: another client's deleted edit and reaction, read back after a restart") {
    const auto& hs = Homeserver::get();
    Doctor doctor;
    TempDir dir("corrections-redacted");
    Client nurse(dir.path());
    nurse.login("nurse.sato");
    matrix::CreateRoomRequest create;
    create.name = "木村 ハル 様（削除された訂正）";
    create.invite = {hs.userId("nurse.sato")};
    auto room = doctor.client.createRoom(create);
    REQUIRE(room.ok());
    REQUIRE(syncUntil(*nurse, [&] { return nurse->joinRoom(*room).ok(); }));
    auto send = [&](const std::string& type, const json& content) {
        auto id = doctor.client.sendMessageEvent(*room, type, uniqueMarker("txn"), content);
        REQUIRE(id.ok());
        return *id;
    };
    const std::string bp = send("m.room.message", {{"msgtype", "m.text"}, {"body", "血圧 128/76"}});
    const std::string fix = send("m.room.message", {{"msgtype", "m.text"}, {"body", "* 血圧 182/76"},
                                                    {"m.new_content", {{"msgtype", "m.text"}, {"body", "血圧 182/76"}}},
                                                    {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", bp}}}});
    const std::string ack = send("m.reaction", {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", bp},
                                                                  {"key", "確認しました"}}}});
    // Renkei, online, stores the edit and the reaction before they are deleted.
    REQUIRE(syncUntil(*nurse, [&] { return cachedEvent(*nurse, *room, ack).has_value(); }));
    redactAs("dr.tanaka", *room, fix, "誤入力");
    const std::string last = redactAs("dr.tanaka", *room, ack, "");
    REQUIRE(syncUntil(*nurse, [&] { return cachedEvent(*nurse, *room, last).has_value(); }));

    nurse.reopen();  // a restart: everything is read back from the cache
    auto events = nurse->timeline(*room, 200, std::nullopt);
    REQUIRE(events.ok());
    timeline::RoomTimeline t;
    t.appendEvents(timeline::toRoomEvents(std::move(*events)));
    // The deleted edit un-applies (the previous version shows) and is no deleted post of its
    // own; the deleted reaction leaves its group.
    CHECK(t.indexOf(fix) == timeline::RoomTimeline::npos);
    for (const auto& item : t.items()) CHECK(item.kind != TimelineItem::Kind::Redacted);
    const auto& post = t.items().at(t.indexOf(bp));
    CHECK(post.content->body == "血圧 128/76");
    CHECK_FALSE(post.edited());
    CHECK(post.reactions.empty());

    static_cast<void>(nurse->leaveRoom(*room));
    static_cast<void>(doctor.client.leave(*room));
}
