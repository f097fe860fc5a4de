// matrix::content outgoing builders: the edits, replies, reactions and redactions Renkei
// sends read back as other clients (and our own parser) read them (spec: "Event
// replacements", "Rich replies", "Event annotations and reactions", "Redactions").
#include <catch2/catch_test_macros.hpp>

#include "matrix/content/message_content.h"
#include "matrix/content/outgoing.h"
#include "matrix/content/relation.h"

using namespace renkei::matrix::content;
using nlohmann::json;

TEST_CASE("outgoing: an edit carries the new text, a '* ' fallback and the m.replace relation") {
    const json fresh = {{"msgtype", "m.text"}, {"body", "血圧 132/80 訂正"},
                        {"m.relates_to", {{"m.in_reply_to", {{"event_id", "$other"}}}}}};
    auto edit = editContent("$bp:example.org", fresh);
    REQUIRE(edit.ok());
    // Clients without edits show the fallback: the new text, marked as a correction.
    auto fallback = parseMessageContent(*edit);
    REQUIRE(fallback);
    CHECK(fallback->body == "* 血圧 132/80 訂正");
    CHECK(fallback->type == MsgType::Text);
    const Relation relation = parseRelation(*edit);
    CHECK(relation.type == Relation::Type::Replace);
    CHECK(relation.event_id == "$bp:example.org");
    CHECK_FALSE(relation.in_reply_to);  // an edit of a reply does not repeat the reply
    auto replacement = newContentOf(*edit);
    REQUIRE(replacement);
    CHECK(parseMessageContent(*replacement)->body == "血圧 132/80 訂正");
    CHECK_FALSE(replacement->contains("m.relates_to"));  // the original's relation stays
    CHECK((*edit)["m.mentions"] == json::object());       // an edit notifies nobody again

    // An emote stays an emote.
    auto emote = editContent("$e", {{"msgtype", "m.emote"}, {"body", "訪問しました"}});
    REQUIRE(emote.ok());
    CHECK((*emote)["msgtype"] == "m.emote");

    CHECK(editContent("bp", fresh).error().kind == renkei::ErrorKind::InvalidArgument);
    CHECK_FALSE(editContent("$bp", {{"msgtype", "m.text"}, {"body", ""}}).ok());
    CHECK_FALSE(editContent("$bp", {{"body", "x"}}).ok());
    CHECK_FALSE(editContent("$" + std::string(300, 'a'), fresh).ok());
}

TEST_CASE("outgoing: a reply names the post it answers, has no fallback and mentions its author") {
    auto reply = replyContent("$q", "132/80 でした", std::string("@dr.tanaka:example.org"));
    REQUIRE(reply.ok());
    CHECK(parseRelation(*reply).in_reply_to == "$q");
    CHECK(parseRelation(*reply).type == Relation::Type::None);
    CHECK(parseMessageContent(*reply)->body == "132/80 でした");  // no "> <@…>" quote
    CHECK_FALSE(reply->contains("formatted_body"));
    CHECK((*reply)["m.mentions"]["user_ids"] == json::array({"@dr.tanaka:example.org"}));

    auto own = replyContent("$q", "追記です", std::nullopt);
    REQUIRE(own.ok());
    CHECK((*own)["m.mentions"] == json::object());
    CHECK_FALSE(replyContent("$q", "", std::nullopt).ok());
    CHECK_FALSE(replyContent("", "x", std::nullopt).ok());
}

TEST_CASE("outgoing: a reaction is an m.annotation with its key; a redaction keeps its reason") {
    auto reaction = reactionContent("$p", "確認しました");
    REQUIRE(reaction.ok());
    const Relation relation = parseRelation(*reaction);
    CHECK(relation.type == Relation::Type::Annotation);
    CHECK(relation.event_id == "$p");
    CHECK(relation.key == "確認しました");
    CHECK_FALSE(reactionContent("$p", "").ok());
    CHECK_FALSE(reactionContent("$p", std::string(257, 'k')).ok());
    CHECK_FALSE(reactionContent("p", "👍").ok());

    auto redaction = redactionContent("$p", "別の部屋への投稿");
    REQUIRE(redaction.ok());
    CHECK(*redaction == json{{"redacts", "$p"}, {"reason", "別の部屋への投稿"}});
    CHECK(*redactionContent("$p", "") == json{{"redacts", "$p"}});
    CHECK_FALSE(redactionContent("", "x").ok());
}
