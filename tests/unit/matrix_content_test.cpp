// matrix::content: typed m.room.message content, relations and the reply fallback, on the
// shapes other Matrix clients really send (Element-style edits, replies, reactions, files).
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "matrix/content/message_content.h"
#include "matrix/content/relation.h"
#include "matrix/content/reply_fallback.h"

using namespace renkei::matrix::content;
using nlohmann::json;

TEST_CASE("content: each msgtype parses by kind, an unknown one keeps its body") {
    auto text = parseMessageContent(json{{"msgtype", "m.text"}, {"body", "血圧 128/76"}});
    REQUIRE(text);
    CHECK(text->type == MsgType::Text);
    CHECK(text->body == "血圧 128/76");
    CHECK_FALSE(text->formatted_body);

    auto emote = parseMessageContent(json{{"msgtype", "m.emote"}, {"body", "訪問に向かいます"}});
    REQUIRE(emote);
    CHECK(emote->type == MsgType::Emote);
    CHECK(parseMessageContent(json{{"msgtype", "m.notice"}, {"body", "定時連絡"}})->type == MsgType::Notice);

    auto custom = parseMessageContent(json{{"msgtype", "org.example.poll"}, {"body", "どちらの日程が良いですか"}});
    REQUIRE(custom);
    CHECK(custom->type == MsgType::Unknown);
    CHECK(custom->msgtype == "org.example.poll");
    CHECK(custom->body == "どちらの日程が良いですか");

    auto location = parseMessageContent(
        json{{"msgtype", "m.location"}, {"body", "訪問先"}, {"geo_uri", "geo:35.68,139.76"}});
    REQUIRE(location);
    CHECK(location->geo_uri == "geo:35.68,139.76");
}

TEST_CASE("content: formatted_body only with the Matrix HTML format; required fields enforced") {
    auto html = parseMessageContent(json{{"msgtype", "m.text"}, {"body", "*重要*"},
                                         {"format", "org.matrix.custom.html"},
                                         {"formatted_body", "<b>重要</b>"}});
    REQUIRE(html);
    CHECK(html->formatted_body == "<b>重要</b>");
    auto other = parseMessageContent(json{{"msgtype", "m.text"}, {"body", "x"},
                                          {"format", "text/markdown"}, {"formatted_body", "**x**"}});
    REQUIRE(other);
    CHECK_FALSE(other->formatted_body);

    CHECK_FALSE(parseMessageContent(json{{"msgtype", "m.text"}}));
    CHECK_FALSE(parseMessageContent(json{{"body", "no msgtype"}}));
    CHECK_FALSE(parseMessageContent(json{{"msgtype", "m.text"}, {"body", 42}}));
    CHECK_FALSE(parseMessageContent(json::array({1, 2})));
}

TEST_CASE("content: a file carries its name, caption, source and a range-checked size") {
    auto file = parseMessageContent(json{
        {"msgtype", "m.file"}, {"body", "紹介状です"}, {"filename", "紹介状.pdf"},
        {"url", "mxc://example.org/abc"},
        {"info", {{"mimetype", "application/pdf"}, {"size", 48213}}}});
    REQUIRE(file);
    CHECK(file->type == MsgType::File);
    CHECK(file->isAttachment());
    CHECK(file->displayFilename() == "紹介状.pdf");
    CHECK(file->caption() == "紹介状です");
    REQUIRE(file->media);
    CHECK(file->media->url == "mxc://example.org/abc");
    CHECK_FALSE(file->media->encrypted);
    REQUIRE(file->info);
    CHECK(file->info->mimetype == "application/pdf");
    CHECK(file->info->size == 48213u);

    // Before spec v1.10 the body is the file name and there is no caption.
    auto old = parseMessageContent(json{{"msgtype", "m.file"}, {"body", "紹介状.pdf"},
                                        {"url", "mxc://example.org/abc"}});
    REQUIRE(old);
    CHECK(old->displayFilename() == "紹介状.pdf");
    CHECK_FALSE(old->caption());

    // Hostile numbers read as absent; an encrypted attachment is marked, not guessed at.
    auto hostile = parseMessageContent(json{
        {"msgtype", "m.image"}, {"body", "photo.png"}, {"file", {{"url", "mxc://example.org/enc"}}},
        {"info", {{"size", -5}, {"w", 1e12}, {"h", "100"}, {"duration", 1.5e300}}}});
    REQUIRE(hostile);
    REQUIRE(hostile->media);
    CHECK(hostile->media->encrypted);
    REQUIRE(hostile->info);
    CHECK_FALSE(hostile->info->size);
    CHECK_FALSE(hostile->info->width);
    CHECK_FALSE(hostile->info->height);
    CHECK_FALSE(hostile->info->duration);
}

TEST_CASE("relation: edits, reactions, replies and threads as other clients send them") {
    const json edit = {{"msgtype", "m.text"}, {"body", "* 血圧 132/80 訂正"},
                       {"m.new_content", {{"msgtype", "m.text"}, {"body", "血圧 132/80 訂正"}}},
                       {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", "$original"}}}};
    auto r = parseRelation(edit);
    CHECK(r.type == Relation::Type::Replace);
    CHECK(r.event_id == "$original");
    auto replacement = newContentOf(edit);
    REQUIRE(replacement);
    CHECK((*replacement)["body"] == "血圧 132/80 訂正");

    auto reaction = parseRelation(json{{"m.relates_to", {{"rel_type", "m.annotation"},
                                                         {"event_id", "$post"}, {"key", "確認しました"}}}});
    CHECK(reaction.type == Relation::Type::Annotation);
    CHECK(reaction.key == "確認しました");

    auto reply = parseRelation(json{{"m.relates_to", {{"m.in_reply_to", {{"event_id", "$asked"}}}}}});
    CHECK(reply.type == Relation::Type::None);
    CHECK(reply.in_reply_to == "$asked");

    auto thread = parseRelation(json{{"m.relates_to", {{"rel_type", "m.thread"}, {"event_id", "$root"},
                                                       {"is_falling_back", true},
                                                       {"m.in_reply_to", {{"event_id", "$last"}}}}}});
    CHECK(thread.type == Relation::Type::Thread);
    CHECK(thread.is_falling_back);
    CHECK(thread.in_reply_to == "$last");
}

TEST_CASE("relation: malformed relations read as none") {
    CHECK(parseRelation(json{{"body", "x"}}).type == Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", "m.replace"}}).type == Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", 7}}}}).type ==
          Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", "not-an-id"}}}}).type ==
          Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$p"}}}}).type ==
          Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$p"},
                                               {"key", std::string(300, 'x')}}}}).type == Relation::Type::None);
    CHECK(parseRelation(json{{"m.relates_to", {{"m.in_reply_to", {{"event_id", std::string(300, '$')}}}}}})
              .in_reply_to == std::nullopt);
    CHECK(parseRelation(json{{"m.relates_to", {{"rel_type", "org.example.custom"}, {"event_id", "$p"}}}}).type ==
          Relation::Type::Other);
    CHECK_FALSE(newContentOf(json{{"m.new_content", "text"}}));
}

TEST_CASE("reply fallback: the quoted original is stripped, a user's own quote stays") {
    CHECK(stripReplyFallback("> <@tanaka:example.org> 血圧はいかがですか\n> 朝の値で\n\n132/80 でした") ==
          "132/80 でした");
    CHECK(stripReplyFallback("> * <@tanaka:example.org> 訪問します\n\n了解です") == "了解です");
    CHECK(stripReplyFallback("> <@tanaka:example.org> 一行\n>\n> 二行目\n\n返信") == "返信");
    CHECK(stripReplyFallback("> 前回の記録より\n今回は改善") == "> 前回の記録より\n今回は改善");
    CHECK(stripReplyFallback("血圧 128/76") == "血圧 128/76");
    CHECK(stripReplyFallback("> <@tanaka:example.org> only a fallback") == "");
    CHECK(stripReplyFallback("") == "");
}
