// A deleted edit or reaction as the cache hands it back: the redaction emptied its content
// (room v11 drops m.relates_to), but the cache kept its relation, so the timeline un-applies
// the edit (the previous version shows, spec: "Redactions of edited events") and drops the
// reaction from its group; neither becomes a deleted post of its own.
#include <catch2/catch_test_macros.hpp>

#include "store/cache.h"
#include "store/cache_schema.h"
#include "store_test_util.h"
#include "timeline/room_timeline.h"
#include "timeline/stored_events.h"

using namespace renkei;
using namespace renkei::store::test;
using nlohmann::json;
using timeline::TimelineItem;

namespace {

constexpr const char* kRoom = "!ward:example.org";
const std::string kNurse = "@nurse.sato:example.org";

matrix::RoomEvent edit(const std::string& id, std::int64_t ts, const std::string& target, const std::string& body) {
    auto e = message(id, kNurse, ts, "* " + body);
    e.content["m.new_content"] = {{"msgtype", "m.text"}, {"body", body}};
    e.content["m.relates_to"] = {{"rel_type", "m.replace"}, {"event_id", target}};
    return e;
}

matrix::RoomEvent reaction(const std::string& id, std::int64_t ts, const std::string& target, const std::string& key) {
    matrix::RoomEvent e;
    e.event_id = id;
    e.type = "m.reaction";
    e.sender = kNurse;
    e.origin_server_ts = ts;
    e.content = {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", target}, {"key", key}}}};
    return e;
}

matrix::RoomEvent redaction(const std::string& id, std::int64_t ts, const std::string& target) {
    matrix::RoomEvent e;
    e.event_id = id;
    e.type = "m.room.redaction";
    e.sender = kNurse;
    e.origin_server_ts = ts;
    e.redacts = target;
    e.content = {{"redacts", target}};
    return e;
}

void apply(store::Cache& cache, const matrix::SyncResponse& sync) {
    auto applied = cache.applySync(sync);
    if (!applied) FAIL("applySync: " << applied.error().describe());
}

// The timeline as a freshly opened room reads it from the cache.
timeline::RoomTimeline fromCache(store::Cache& cache) {
    auto events = cache.latestEvents(kRoom, 100);
    REQUIRE(events.ok());
    timeline::RoomTimeline t;
    t.appendEvents(timeline::toRoomEvents(std::move(*events)));
    return t;
}

}  // namespace

TEST_CASE("redacted relations: a deleted edit falls back to the previous text, a deleted reaction goes") {
    TempDir dir;
    auto cache = store::Cache::open(dir.path(), keyOf(3));
    REQUIRE(cache.ok());
    apply(*cache, syncWith("s1", kRoom, {message("$bp", kNurse, 1000, "血圧 128/76"),
                                         edit("$e1", 2000, "$bp", "血圧 130/78"), edit("$e2", 3000, "$bp", "血圧 132/80"),
                                         reaction("$ok", 3500, "$bp", "確認しました")}));
    apply(*cache, syncWith("s2", kRoom, {redaction("$r1", 4000, "$e2"), redaction("$r2", 4100, "$ok")}));

    auto t = fromCache(*cache);
    REQUIRE(t.items().size() == 1);  // no "deleted post" for the edit
    const auto& item = t.items()[0];
    CHECK(item.kind == TimelineItem::Kind::Message);
    CHECK(item.content->body == "血圧 130/78");
    CHECK(item.history.size() == 2);
    CHECK(item.reactions.empty());

    // Paged in two halves (the redactions in the newer page, read first) it reads the same.
    auto newer = cache->latestEvents(kRoom, 2);
    REQUIRE(newer.ok());
    auto older = cache->eventsBefore(kRoom, newer->front().event_id, 10);
    REQUIRE(older.ok());
    timeline::RoomTimeline paged;
    paged.appendEvents(timeline::toRoomEvents(std::move(*newer)));
    paged.prependEvents(timeline::toRoomEvents(std::move(*older)));
    REQUIRE(paged.items().size() == 1);
    CHECK(paged.items()[0].content->body == "血圧 130/78");
    CHECK(paged.items()[0].reactions.empty());
}

TEST_CASE("redacted relations: events cached before the relation column get it from their content") {
    TempDir dir;
    {
        // A cache of schema version 2, as the previous release left it.
        auto db = store::Database::open(dir / "cache.db", keyOf(4));
        REQUIRE(db.ok());
        const auto& all = store::detail::cacheMigrations();
        REQUIRE(db->migrate({all[0], all[1]}).ok());
        REQUIRE(db->exec("INSERT INTO rooms (nid, room_id, membership, next_seq) VALUES (1, '!ward:example.org', "
                         "'join', 10)")
                    .ok());
        const std::string post = json{{"msgtype", "m.text"}, {"body", "血圧 128/76"}}.dump();
        const std::string fix = edit("$e", 2, "$bp", "血圧 132/80").content.dump();
        auto insert = [&](std::int64_t seq, const std::string& id, const std::string& content) {
            auto stmt = db->prepare(
                "INSERT INTO events (room_nid, seq, event_id, type, sender, origin_server_ts, content) VALUES "
                "(1, ?, ?, 'm.room.message', ?, ?, ?)");
            REQUIRE(stmt.ok());
            REQUIRE(stmt->bindInt(1, seq).bindText(2, id).bindText(3, kNurse).bindInt(4, seq).bindText(5, content)
                        .run()
                        .ok());
        };
        insert(1, "$bp", post);
        insert(2, "$e", fix);
    }
    auto cache = store::Cache::open(dir.path(), keyOf(4));
    if (!cache) FAIL("open: " << cache.error().describe());
    REQUIRE(cache->database().userVersion().value() >= 3);
    CHECK(fromCache(*cache).items()[0].content->body == "血圧 132/80");

    // Deleting that old edit now un-applies it instead of showing a deleted post.
    apply(*cache, syncWith("s1", kRoom, {redaction("$r", 3, "$e")}));
    auto t = fromCache(*cache);
    REQUIRE(t.items().size() == 1);
    CHECK(t.items()[0].content->body == "血圧 128/76");
    CHECK_FALSE(t.items()[0].edited());
}

TEST_CASE("redacted relations: an edit deleted before we first cached it never applies") {
    TempDir dir;
    auto cache = store::Cache::open(dir.path(), keyOf(4));
    REQUIRE(cache.ok());
    // The server still shows the deleted edit's content, with unsigned.redacted_because.
    auto deleted = edit("$e1", 2000, "$bp", "血圧 182/76");
    deleted.arrived_redacted = true;
    apply(*cache, syncWith("s1", kRoom, {message("$bp", kNurse, 1000, "血圧 128/76"), deleted}));

    auto t = fromCache(*cache);
    REQUIRE(t.items().size() == 1);
    CHECK(t.items()[0].content->body == "血圧 128/76");
    CHECK_FALSE(t.items()[0].edited());

    // Handed to the timeline straight from the server, too.
    timeline::RoomTimeline live;
    live.appendEvents({message("$bp", kNurse, 1000, "血圧 128/76"), deleted});
    REQUIRE(live.items().size() == 1);
    CHECK(live.items()[0].content->body == "血圧 128/76");
}
