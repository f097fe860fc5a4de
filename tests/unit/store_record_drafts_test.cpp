// Record drafts in the vault (store/record_drafts.h, vault migration 5): one form per room and
// kind, replaced as the clinician types, listed newest first, removed when emptied, encrypted
// on disk like the text drafts.
#include <catch2/catch_test_macros.hpp>

#include "store/record_drafts.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

TEST_CASE("record drafts: per room and kind, replaced, listed, removed, unreadable on disk",
          "[store][drafts]") {
    TempDir dir;
    const nlohmann::json first = {{"hospital", "架空総合病院"}, {"diagnosis", "心不全増悪"}};
    const nlohmann::json later = {{"hospital", "架空総合病院"}, {"diagnosis", "心不全増悪"},
                                  {"follow_up", "退院後1週間は毎日の体重測定"}};
    {
        auto vault = Vault::open(dir.path(), keyOf(5));
        REQUIRE(vault.ok());
        RecordDrafts drafts(vault->database());
        REQUIRE(drafts.save("!a:x", "discharge_guidance", first, 10).ok());
        REQUIRE(drafts.save("!a:x", "discharge_guidance", later, 20).ok());
        REQUIRE(drafts.save("!a:x", "vitals", {{"pulse_per_min", 72}}, 15).ok());
        REQUIRE(drafts.save("!b:x", "medication", {{"drug", "架空錠"}}, 30).ok());
        REQUIRE(drafts.save("!b:x", "medication", nlohmann::json::object(), 31).ok());  // emptied
        CHECK_FALSE(drafts.save("!a:x", "acp", nlohmann::json::array(), 40).ok());
        CHECK_FALSE(drafts.save("", "acp", {{"x", 1}}, 40).ok());
        REQUIRE(vault->checkpoint().ok());
    }
    CHECK(readFile(dir / "vault.db").find("毎日の体重測定") == std::string::npos);
    CHECK(readFile(dir / "vault.db").find("follow_up") == std::string::npos);

    auto vault = Vault::open(dir.path(), keyOf(5));
    REQUIRE(vault.ok());
    RecordDrafts drafts(vault->database());
    const auto loaded = drafts.load("!a:x", "discharge_guidance");
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->record == later);
    CHECK((*loaded)->updated_ms == 20);
    CHECK_FALSE(drafts.load("!b:x", "medication")->has_value());
    CHECK_FALSE(drafts.load("!a:x", "acp")->has_value());

    const auto listed = drafts.list("!a:x");
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 2);
    CHECK(listed->at(0).kind == "discharge_guidance");  // newest first
    CHECK(listed->at(1).kind == "vitals");

    REQUIRE(drafts.remove("!a:x", "vitals").ok());
    CHECK(drafts.list("!a:x")->size() == 1);
}
