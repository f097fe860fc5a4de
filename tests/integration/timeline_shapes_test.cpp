// The one timeline in core against the real Synapse: another account posts, through the plain
// Client-Server API, the content shapes other Matrix clients send (Element-style edits,
// replies with fallbacks, reactions, redactions, files, emotes, notices, encrypted events),
// and Renkei's RoomTimeline over its cache shows each as it was meant.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::TempDir;
using timeline::TimelineItem;
using nlohmann::json;

namespace {

// The other client: a plain MatrixClient logged in as the harness user `name`.
struct OtherClient {
    matrix::MatrixClient client{std::make_shared<http::CurlTransport>(), Homeserver::get().base_url};
    int txn = 0;

    explicit OtherClient(const std::string& name) { test::loginAs(client, name); }
    ~OtherClient() { static_cast<void>(client.logout()); }

    std::string send(const std::string& room, const std::string& type, const json& content) {
        auto id = client.sendMessageEvent(room, type, test::uniqueMarker("txn") + std::to_string(++txn), content);
        if (!id) FAIL("send " << type << ": " << id.error().describe());
        return *id;
    }
};

const TimelineItem* itemFor(const timeline::RoomTimeline& t, const std::string& event_id) {
    const std::size_t at = t.indexOf(event_id);
    return at == timeline::RoomTimeline::npos ? nullptr : &t.items()[at];
}

}  // namespace

TEST_CASE("timeline: edits, replies, reactions, redactions, files and encrypted posts from another client") {
    const auto& hs = Homeserver::get();
    OtherClient doctor("dr.tanaka");
    TempDir dir("timeline-shapes");
    Client nurse(dir.path());
    nurse.login("nurse.sato");

    const std::string doctor_id = hs.userId("dr.tanaka");
    const std::string server = doctor_id.substr(doctor_id.find(':') + 1);
    matrix::CreateRoomRequest create;
    create.name = "木村 ハル 様（表示テスト）";
    create.invite = {hs.userId("nurse.sato")};
    auto room = doctor.client.createRoom(create);
    REQUIRE(room.ok());
    REQUIRE(test::syncUntil(*nurse, [&] { return nurse->joinRoom(*room).ok(); }));

    const std::string bp = doctor.send(*room, "m.room.message", {{"msgtype", "m.text"}, {"body", "血圧 128/76"}});
    const std::string fix = doctor.send(
        *room, "m.room.message",
        {{"msgtype", "m.text"}, {"body", "* 血圧 132/80 訂正"},
         {"m.new_content", {{"msgtype", "m.text"}, {"body", "血圧 132/80 訂正"}}},
         {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", bp}}}});
    const std::string reply = doctor.send(
        *room, "m.room.message",
        {{"msgtype", "m.text"},
         {"body", "> <" + hs.userId("dr.tanaka") + "> 血圧 128/76\n\n朝の値です"},
         {"format", "org.matrix.custom.html"},
         {"formatted_body", "<mx-reply><blockquote><a href=\"https://matrix.to/#/" + *room + "/" + bp +
                                "\">In reply to</a> 血圧 128/76</blockquote></mx-reply>朝の値です"},
         {"m.relates_to", {{"m.in_reply_to", {{"event_id", bp}}}}}});
    doctor.send(*room, "m.reaction",
                {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", bp}, {"key", "確認しました"}}}});
    const std::string emote = doctor.send(*room, "m.room.message", {{"msgtype", "m.emote"}, {"body", "訪問に向かいます"}});
    const std::string notice = doctor.send(*room, "m.room.message", {{"msgtype", "m.notice"}, {"body", "定時連絡"}});
    const std::string file = doctor.send(
        *room, "m.room.message",
        {{"msgtype", "m.file"}, {"body", "紹介状.pdf"}, {"url", "mxc://" + server + "/fictional"},
         {"info", {{"mimetype", "application/pdf"}, {"size", 48213}}}});
    const std::string encrypted = doctor.send(
        *room, "m.room.encrypted",
        {{"algorithm", "m.megolm.v1.aes-sha2"}, {"ciphertext", "AwgAEn..."}, {"session_id", "x"},
         {"sender_key", "y"}, {"device_id", "Z"}});
    const std::string mistake = doctor.send(*room, "m.room.message", {{"msgtype", "m.text"}, {"body", "別の方の記録"}});
    auto redaction = doctor.client.redactEvent(*room, mistake, test::uniqueMarker("redact"), "別の部屋への投稿");
    REQUIRE(redaction.ok());

    // Renkei reads its own cache after sync, as the app and the CLI do.
    timeline::RoomTimeline t;
    REQUIRE(test::syncUntil(*nurse, [&] {
        auto events = nurse->timeline(*room, 200, std::nullopt);
        if (!events) return false;
        t = timeline::RoomTimeline();
        t.appendEvents(timeline::toRoomEvents(std::move(*events)));
        const auto* gone = itemFor(t, mistake);
        return gone != nullptr && gone->kind == TimelineItem::Kind::Redacted;
    }));

    const auto* edited = itemFor(t, bp);
    REQUIRE(edited != nullptr);
    CHECK(edited->content->body == "血圧 132/80 訂正");  // the current value, not the old one
    CHECK(edited->edited());
    REQUIRE(edited->history.size() == 2);
    CHECK(edited->history[0].content.body == "血圧 128/76");
    CHECK(edited->history[1].event_id == fix);
    CHECK(itemFor(t, fix) == nullptr);  // the correction is no second post
    REQUIRE(edited->reactions.size() == 1);
    CHECK(edited->reactions[0].key == "確認しました");
    CHECK(edited->reactions[0].senders == std::vector<std::string>{hs.userId("dr.tanaka")});

    const auto* answer = itemFor(t, reply);
    REQUIRE(answer != nullptr);
    CHECK(answer->in_reply_to == bp);
    CHECK(answer->content->body == "朝の値です");

    REQUIRE(itemFor(t, emote) != nullptr);
    CHECK(itemFor(t, emote)->content->type == matrix::content::MsgType::Emote);
    CHECK(itemFor(t, emote)->sender == hs.userId("dr.tanaka"));
    CHECK(itemFor(t, notice)->content->type == matrix::content::MsgType::Notice);

    const auto* letter = itemFor(t, file);
    REQUIRE(letter != nullptr);
    CHECK(letter->content->type == matrix::content::MsgType::File);
    CHECK(letter->content->displayFilename() == "紹介状.pdf");
    CHECK(letter->content->info->size == 48213u);

    REQUIRE(itemFor(t, encrypted) != nullptr);
    CHECK(itemFor(t, encrypted)->kind == TimelineItem::Kind::Encrypted);

    const auto* gone = itemFor(t, mistake);
    REQUIRE(gone->redaction);
    CHECK(gone->redaction->redacted_by == hs.userId("dr.tanaka"));
    CHECK(gone->redaction->reason == "別の部屋への投稿");
    CHECK_FALSE(gone->content);

    static_cast<void>(nurse->leaveRoom(*room));
    static_cast<void>(doctor.client.leave(*room));
}
