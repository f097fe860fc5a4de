// Display names as members see them, against the real Synapse: two members who give
// themselves the same name in a room are told apart by their user ids (spec: "Calculating
// the display name for a user"), and a name with a bidi override cannot reorder itself.
#include <catch2/catch_test_macros.hpp>

#include "http/curl_transport.h"
#include "matrix/client.h"
#include "support.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

// Sets `name`'s display name in one room (its own m.room.member state event), as another
// client would, from a device of its own that is logged out again.
void setRoomDisplayName(const std::string& name, const std::string& room_id,
                        const std::string& displayname) {
    const auto& hs = Homeserver::get();
    matrix::MatrixClient client(std::make_shared<http::CurlTransport>(), hs.base_url);
    matrix::LoginRequest request;
    request.user = name;
    request.password = hs.password(name);
    auto login = client.login(request);
    if (!login) FAIL("login as " << name << ": " << login.error().describe());
    client.setAccessToken(login->access_token);
    auto sent = client.sendStateEvent(room_id, "m.room.member", login->user_id,
                                      {{"membership", "join"}, {"displayname", displayname}});
    static_cast<void>(client.logout());
    if (!sent) FAIL("m.room.member: " << sent.error().describe());
}

}  // namespace

TEST_CASE("display names: two members who take the same name both show their user ids") {
    const auto& hs = Homeserver::get();
    const std::string sato = test::registerFreshUser("names-sato");
    const std::string fake = test::registerFreshUser("names-fake");
    const std::string sato_id = hs.userId(sato);
    const std::string fake_id = hs.userId(fake);
    TempDir sato_dir("names-sato"), fake_dir("names-fake");
    Client nurse(sato_dir.path());
    Client other(fake_dir.path());
    nurse.login(sato);
    other.login(fake);

    auto room = nurse->createRoom("松本 トメ 様 " + test::uniqueMarker("names"), {fake_id});
    REQUIRE(room.ok());
    REQUIRE(test::syncUntil(*other, [&] { return test::membership(*other, *room) == "invite"; }));
    REQUIRE(other->joinRoom(*room).ok());

    setRoomDisplayName(sato, *room, "佐藤 花子");
    REQUIRE(test::syncUntil(*nurse, [&] { return nurse->displayName(*room, sato_id) == "佐藤 花子"; }));

    // The other member takes the same name in this room: both are disambiguated.
    setRoomDisplayName(fake, *room, "佐藤 花子");
    REQUIRE(test::syncUntil(*nurse, [&] {
        return nurse->displayName(*room, fake_id) == "佐藤 花子 (" + fake_id + ")";
    }));
    CHECK(nurse->displayName(*room, sato_id) == "佐藤 花子 (" + sato_id + ")");

    // A look-alike with a bidi override is shown without it, and with its user id.
    setRoomDisplayName(fake, *room, "佐藤\u202e 花子");
    REQUIRE(test::syncUntil(*nurse, [&] {
        return nurse->displayName(*room, fake_id) == "佐藤 花子 (" + fake_id + ")" &&
               nurse->displayName(*room, sato_id) == "佐藤 花子";
    }));

    // A name of their own again: no clash, both show their chosen names.
    setRoomDisplayName(fake, *room, "田中 一郎");
    REQUIRE(test::syncUntil(*nurse, [&] { return nurse->displayName(*room, fake_id) == "田中 一郎"; }));
    CHECK(nurse->displayName(*room, sato_id) == "佐藤 花子");

    static_cast<void>(other->leaveRoom(*room));
    static_cast<void>(nurse->leaveRoom(*room));
}
