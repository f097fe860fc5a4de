// The room list's last post (RoomSummaryRow last_body / last_post_deleted): an edit shows its
// new text, never its "* …" fallback; reactions and redactions are no posts; a deleted last
// post is said to be deleted (spec: "Event replacements", "Redactions").
#include <catch2/catch_test_macros.hpp>

#include "store/cache.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!ward:example.org";
const std::string kNurse = "@nurse.sato:example.org";
const std::string kDoctor = "@dr.tanaka:example.org";

matrix::RoomEvent editOf(const std::string& id, const std::string& sender, std::int64_t ts, const std::string& target,
                         const std::string& body) {
    auto e = message(id, sender, ts, "* " + body);
    e.content["m.new_content"] = {{"msgtype", "m.text"}, {"body", body}};
    e.content["m.relates_to"] = {{"rel_type", "m.replace"}, {"event_id", target}};
    return e;
}

matrix::RoomEvent relationEvent(const std::string& id, const std::string& type, std::int64_t ts, nlohmann::json content) {
    matrix::RoomEvent e;
    e.event_id = id;
    e.type = type;
    e.sender = kDoctor;
    e.origin_server_ts = ts;
    e.content = std::move(content);
    return e;
}

RoomSummaryRow roomRow(Cache& cache) {
    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 1);
    return rooms->front();
}

void apply(Cache& cache, const matrix::SyncResponse& sync) {
    auto applied = cache.applySync(sync);
    if (!applied) FAIL("applySync: " << applied.error().describe());
}

}  // namespace

TEST_CASE("last post: an edit shows the new text, in the same batch or a later one", "[store][last_post]") {
    TempDir dir;
    auto cache = Cache::open(dir.path(), keyOf(5));
    REQUIRE(cache.ok());
    apply(*cache, syncWith("s1", kRoom, {message("$bp", kNurse, 1000, "血圧 128/76"),
                                         editOf("$e1", kNurse, 2000, "$bp", "血圧 130/78")}));
    CHECK(roomRow(*cache).last_body == "血圧 130/78");
    apply(*cache, syncWith("s2", kRoom, {editOf("$e2", kNurse, 3000, "$bp", "血圧 132/80")}));
    auto row = roomRow(*cache);
    CHECK(row.last_body == "血圧 132/80");
    CHECK(row.last_sender == kNurse);
    CHECK_FALSE(row.last_post_deleted);
    // Another sender's "edit" is no valid replacement: the text stays.
    apply(*cache, syncWith("s3", kRoom, {editOf("$e3", kDoctor, 3500, "$bp", "血圧 99/50")}));
    CHECK(roomRow(*cache).last_body == "血圧 132/80");
    // An edit of an older post leaves the preview of the last one.
    apply(*cache, syncWith("s4", kRoom, {message("$p2", kDoctor, 4000, "往診は明日です"),
                                         editOf("$e4", kNurse, 4100, "$bp", "血圧 134/82")}));
    CHECK(roomRow(*cache).last_body == "往診は明日です");
}

TEST_CASE("last post: reactions and redactions are no posts; a deleted last post is said so", "[store][last_post]") {
    TempDir dir;
    auto cache = Cache::open(dir.path(), keyOf(6));
    REQUIRE(cache.ok());
    apply(*cache, syncWith("s1", kRoom, {message("$a", kNurse, 1000, "本日の訪問は14時"), message("$b", kNurse, 1100, "別の方の記録")}));
    apply(*cache, syncWith("s2", kRoom, {relationEvent("$r", "m.reaction", 1200,
                                                       {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", "$b"}, {"key", "確認しました"}}}})}));
    CHECK(roomRow(*cache).last_body == "別の方の記録");
    auto redaction = relationEvent("$x", "m.room.redaction", 1300, {{"redacts", "$b"}});
    redaction.redacts = "$b";
    apply(*cache, syncWith("s3", kRoom, {redaction}));
    auto row = roomRow(*cache);
    CHECK(row.last_body.empty());
    CHECK(row.last_post_deleted);
}

TEST_CASE("last post: an edit deleted before we first cached it does not apply", "[store][last_post]") {
    TempDir dir;
    auto cache = Cache::open(dir.path(), keyOf(7));
    REQUIRE(cache.ok());
    auto deleted_edit = editOf("$e1", kNurse, 2000, "$bp", "血圧 182/76");
    deleted_edit.arrived_redacted = true;  // unsigned.redacted_because, content still shown
    apply(*cache, syncWith("s1", kRoom, {message("$bp", kNurse, 1000, "血圧 128/76"), deleted_edit}));
    auto row = roomRow(*cache);
    CHECK(row.last_body == "血圧 128/76");
    CHECK_FALSE(row.last_post_deleted);
    auto events = cache->latestEvents(kRoom, 10);
    REQUIRE(events.ok());
    REQUIRE(events->size() == 2);
    CHECK((*events)[1].redacted);
    CHECK_FALSE((*events)[1].content.contains("m.new_content"));
    CHECK((*events)[1].rel_type == "m.replace");  // still known as an edit
}
