// A post's clinical context (場面, 至急) as the outbox will send it, in a real account
// directory with real SQLCipher files and no server: a reply carries its own scene and 至急
// beside its m.in_reply_to relation and readable body, as a new post does (SCHEMA.md "Post
// keys"); without a context the keys are absent; a refused reply queues nothing.
#include <catch2/catch_test_macros.hpp>
#include <memory>
#include <string>

#include "care/care_record.h"
#include "care/care_record_medication.h"
#include "care/care_types.h"
#include "session/session.h"
#include "store/accounts.h"
#include "store/keys.h"
#include "store_test_util.h"

using namespace renkei;
using renkei::store::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr char kPassphrase[] = "至急-返信-5521";
constexpr char kRoom[] = "!patient-yamamoto:example.org";
constexpr char kOriginal[] = "$urgent-fever:example.org";  // not cached: no mention

std::unique_ptr<session::Session> openSession(const TempDir& root) {
    auto account = store::createAccount(root.path());
    REQUIRE(account.ok());
    store::PassphraseKeyProvider keys(store::keyFileOf(account->dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    session::SessionConfig config;
    config.data_dir = account->dir;
    auto opened = session::Session::open(std::move(config), keys);
    REQUIRE(opened.ok());
    return std::move(*opened);
}

}  // namespace

TEST_CASE("a reply carries its own scene and 至急 beside its relation", "[session][care]") {
    TempDir root;
    auto s = openSession(root);
    const std::string body = "了解しました。15時に臨時往診します。";
    REQUIRE(s->saveDraft(kRoom, body).ok());
    auto queued = s->queueReply(kRoom, kOriginal, body, care::PostContext{care::Scene::AcuteChange, true});
    REQUIRE(queued.ok());

    const nlohmann::json& content = queued->content;
    CHECK(queued->event_type == "m.room.message");
    CHECK(content.at("msgtype") == "m.text");
    CHECK(content.at("body") == body);  // unchanged: any Matrix client reads the reply
    CHECK(content.at("m.relates_to").at("m.in_reply_to").at("event_id") == kOriginal);
    CHECK(content.at(care::kSceneKey) == "acute_change");
    CHECK(content.at(care::kUrgentKey) == true);
    CHECK(care::parsePostContext(content) == care::PostContext{care::Scene::AcuteChange, true});
    // The vault holds what will be sent, and the draft went with it.
    auto outbox = s->outbox(kRoom);
    REQUIRE(outbox.ok());
    REQUIRE(outbox->size() == 1);
    CHECK(outbox->front().content == content);
    auto draft = s->draft(kRoom);
    REQUIRE(draft.ok());
    CHECK_FALSE(draft->has_value());
}

TEST_CASE("a reply without a context has no scene or 至急 keys; a refused one queues nothing", "[session][care]") {
    TempDir root;
    auto s = openSession(root);
    auto plain = s->queueReply(kRoom, kOriginal, "確認しました。");
    REQUIRE(plain.ok());
    CHECK_FALSE(plain->content.contains(care::kSceneKey));
    CHECK_FALSE(plain->content.contains(care::kUrgentKey));
    CHECK(plain->content.at("m.relates_to").at("m.in_reply_to").at("event_id") == kOriginal);

    // Only the scene: no 至急 key at all (not false).
    auto daily = s->queueReply(kRoom, kOriginal, "次回は金曜です。", care::PostContext{care::Scene::DailyCare, false});
    REQUIRE(daily.ok());
    CHECK(daily->content.at(care::kSceneKey) == "daily_care");
    CHECK_FALSE(daily->content.contains(care::kUrgentKey));

    CHECK_FALSE(s->queueReply(kRoom, kOriginal, "", care::PostContext{std::nullopt, true}).ok());
    CHECK_FALSE(s->queueReply(kRoom, "not-an-event-id", "x", care::PostContext{std::nullopt, true}).ok());
    auto outbox = s->outbox(kRoom);
    REQUIRE(outbox.ok());
    CHECK(outbox->size() == 2);
}

TEST_CASE("a structured post is queued once with its record, scene and 至急; the draft stays", "[session][care][records]") {
    TempDir root;
    auto s = openSession(root);
    REQUIRE(s->saveDraft(kRoom, "書きかけ").ok());
    care::Medication m;
    m.drug = "架空錠5mg";
    m.change = care::MedicationChange::Start;
    auto content = care::medicationContent(m);
    REQUIRE(content.ok());
    auto queued = s->queueRecord(kRoom, *content, care::PostContext{care::Scene::DailyCare, true});
    REQUIRE(queued.ok());
    CHECK(queued->event_type == "m.room.message");
    CHECK_FALSE(queued->txn_id.empty());
    CHECK(queued->content.at("body") == content->at("body"));
    CHECK(care::parseMedication(queued->content.at(care::kRecordKey)) == m);
    CHECK(care::parsePostContext(queued->content) == care::PostContext{care::Scene::DailyCare, true});
    auto outbox = s->outbox(kRoom);
    REQUIRE(outbox.ok());
    REQUIRE(outbox->size() == 1);
    CHECK(outbox->front().txn_id == queued->txn_id);
    CHECK(outbox->front().content == queued->content);
    auto draft = s->draft(kRoom);
    REQUIRE(draft.ok());
    CHECK(draft->value_or("") == "書きかけ");

    // A content without a known record, or with no room, queues nothing.
    CHECK_FALSE(s->queueRecord(kRoom, {{"msgtype", "m.text"}, {"body", "x"}}).ok());
    CHECK_FALSE(s->queueRecord("", *content).ok());
    // A number the homeserver would refuse (canonical JSON takes integers only): refused here,
    // naming where it is, never its value.
    auto with_float = *content;
    with_float[care::kRecordKey]["dose_mg"] = 2.5;
    auto refused = s->queueRecord(kRoom, with_float);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
    CHECK(refused.error().message.find("jp.renkei.record.dose_mg") != std::string::npos);
    CHECK(refused.error().message.find("2.5") == std::string::npos);
    auto after = s->outbox(kRoom);
    REQUIRE(after.ok());
    CHECK(after->size() == 1);
}
