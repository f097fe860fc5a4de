// Cache::memberName: which members share a displayname (spec: "Calculating the display name
// for a user"), and the room names made of members' names.
#include <catch2/catch_test_macros.hpp>

#include "matrix/display_text.h"
#include "store/cache.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr const char* kRoom = "!patient1:example.org";
constexpr const char* kOther = "!patient2:example.org";
constexpr const char* kUser1 = "@user1:matrix.org";
constexpr const char* kUser2 = "@user2:example.com";

Cache openCache(const TempDir& dir) {
    auto cache = Cache::open(dir.path(), keyOf(42));
    REQUIRE(cache.ok());
    return std::move(*cache);
}

// What a front end shows for the member, computed from the cache as Session does.
std::string shown(const Cache& cache, const std::string& room, const std::string& user) {
    auto name = cache.memberName(room, user);
    REQUIRE(name.ok());
    return matrix::memberDisplayName(user, name->displayname, name->shared);
}

matrix::SyncResponse stateSync(const std::string& batch, const std::string& room,
                               std::vector<matrix::RoomEvent> events) {
    matrix::SyncResponse r;
    r.next_batch = batch;
    r.join[room].state = std::move(events);
    return r;
}

}  // namespace

TEST_CASE("member names: a second Alice joining renames both, a rename frees both",
          "[store][members]") {
    // The spec's example: @user1:matrix.org is Alice; @user2:example.com joins, also Alice.
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(stateSync("s1", kRoom, {member("$m1", kUser1, "Alice")})).ok());
    CHECK(shown(cache, kRoom, kUser1) == "Alice");
    auto alone = cache.memberName(kRoom, kUser1);
    CHECK(alone->displayname == "Alice");
    CHECK_FALSE(alone->shared);

    REQUIRE(cache.applySync(stateSync("s2", kRoom, {member("$m2", kUser2, "Alice")})).ok());
    CHECK(shown(cache, kRoom, kUser1) == "Alice (@user1:matrix.org)");
    CHECK(shown(cache, kRoom, kUser2) == "Alice (@user2:example.com)");

    // One of them changes the name: no clash any more, both get their chosen name.
    REQUIRE(cache.applySync(stateSync("s3", kRoom, {member("$m3", kUser2, "Alicia")})).ok());
    CHECK(shown(cache, kRoom, kUser1) == "Alice");
    CHECK(shown(cache, kRoom, kUser2) == "Alicia");
}

TEST_CASE("member names: invited members count, members who left or were banned do not",
          "[store][members]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(stateSync("s1", kRoom,
                                      {member("$a", "@sato:a", "佐藤 花子"),
                                       member("$b", "@sato:b", "佐藤 花子", "invite"),
                                       member("$c", "@tanaka:a", "田中 一郎"),
                                       member("$d", "@tanaka:b", "田中 一郎", "leave"),
                                       member("$e", "@suzuki:a", "鈴木"),
                                       member("$f", "@suzuki:b", "鈴木", "ban")}))
                .ok());
    CHECK(shown(cache, kRoom, "@sato:a") == "佐藤 花子 (@sato:a)");
    CHECK(shown(cache, kRoom, "@sato:b") == "佐藤 花子 (@sato:b)");
    CHECK(shown(cache, kRoom, "@tanaka:a") == "田中 一郎");
    CHECK(shown(cache, kRoom, "@suzuki:a") == "鈴木");
    // The one who left still posted under that name: their old posts show the user id, so
    // they cannot pass for the member who uses it now.
    CHECK(shown(cache, kRoom, "@tanaka:b") == "田中 一郎 (@tanaka:b)");
    CHECK(shown(cache, kRoom, "@suzuki:b") == "鈴木 (@suzuki:b)");
}

TEST_CASE("member names: the same name in another room is no clash", "[store][members]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(stateSync("s1", kRoom, {member("$a", kUser1, "Alice")})).ok());
    REQUIRE(cache.applySync(stateSync("s2", kOther, {member("$b", kUser2, "Alice")})).ok());
    CHECK(shown(cache, kRoom, kUser1) == "Alice");
    CHECK(shown(cache, kOther, kUser2) == "Alice");
}

TEST_CASE("member names: no name, an empty or non-text name, unknown members and rooms",
          "[store][members]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(stateSync("s1", kRoom,
                                      {member("$a", "@a:x", ""),
                                       member("$b", "@b:x", ""),
                                       stateEvent("$c", "m.room.member", "@c:x",
                                                  {{"membership", "join"}, {"displayname", 7}}),
                                       stateEvent("$d", "m.room.member", "@d:x",
                                                  {{"membership", "join"}, {"displayname", 7}}),
                                       stateEvent("$e", "m.room.member", "@e:x",
                                                  {{"membership", "join"},
                                                   {"displayname", nullptr}})}))
                .ok());
    CHECK(shown(cache, kRoom, "@a:x") == "@a:x");
    CHECK(shown(cache, kRoom, "@c:x") == "@c:x");
    CHECK_FALSE(cache.memberName(kRoom, "@c:x")->displayname.has_value());
    CHECK(shown(cache, kRoom, "@e:x") == "@e:x");
    CHECK(shown(cache, kRoom, "@nobody:x") == "@nobody:x");
    CHECK(shown(cache, "!unknown:x", "@a:x") == "@a:x");
}

TEST_CASE("member names: a member posing as another gets the user id shown", "[store][members]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.applySync(stateSync("s1", kRoom,
                                      {member("$a", "@alice:example.org", "Alice"),
                                       member("$m", "@mallory:evil.example", "Alice\u200b"),
                                       member("$n", "@nemo:evil.example", "@alice:example.org"),
                                       member("$o", "@oscar:evil.example", "\u202eecilA")}))
                .ok());
    CHECK(shown(cache, kRoom, "@alice:example.org") == "Alice");
    CHECK(shown(cache, kRoom, "@mallory:evil.example") == "Alice\u200b (@mallory:evil.example)");
    CHECK(shown(cache, kRoom, "@nemo:evil.example") == "@alice:example.org (@nemo:evil.example)");
    CHECK(shown(cache, kRoom, "@oscar:evil.example") == "ecilA (@oscar:evil.example)");
}

TEST_CASE("member names: a room named after its members disambiguates them", "[store][members]") {
    TempDir dir;
    Cache cache = openCache(dir);
    REQUIRE(cache.setOwnUserId("@me:x").ok());
    auto sync = stateSync("s1", kRoom,
                          {member("$me", "@me:x", "Me"), member("$a", kUser1, "Alice"),
                           member("$b", kUser2, "Alice")});
    sync.join[kRoom].summary.heroes = std::vector<std::string>{kUser1, kUser2};
    REQUIRE(cache.applySync(sync).ok());
    // Without heroes, from the members (own user left out).
    REQUIRE(cache.applySync(stateSync("s2", kOther,
                                      {member("$me2", "@me:x", "Me"),
                                       member("$c", "@carol:x", "Carol\u202e"),
                                       member("$d", "@dave:x", "Dave")}))
                .ok());
    auto rooms = cache.rooms();
    REQUIRE(rooms.ok());
    REQUIRE(rooms->size() == 2);
    for (const auto& row : *rooms) {
        if (row.room_id == kRoom) {
            CHECK(row.name == "Alice (@user1:matrix.org), Alice (@user2:example.com)");
        } else {
            CHECK(row.name == "Carol (@carol:x), Dave");
        }
    }
}

