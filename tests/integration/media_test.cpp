// Integration tests of image posts and the authenticated media API (spec v1.11:
// "Content repository") through Session against the real Synapse started by the harness.
#include <catch2/catch_test_macros.hpp>
#include <optional>
#include <string>

#include "matrix/media.h"
#include "support.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

const std::string kPng = std::string(RENKEI_FIXTURES_DIR) + "/media_diagram_120x90.png";

bool isPng(const std::string& bytes) { return bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0; }
bool isJpeg(const std::string& bytes) { return bytes.rfind("\xff\xd8\xff", 0) == 0; }

void checkInvalidArgument(const Error& e) {
    INFO(e.describe());
    CHECK(e.kind == ErrorKind::InvalidArgument);
}

}  // namespace

TEST_CASE("an image post reaches the other member, who downloads the same bytes") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir{"media-nurse"}, doctor_dir{"media-doctor"};
    Client nurse{nurse_dir.path()}, doctor{doctor_dir.path()};
    nurse.login("nurse.sato");
    doctor.login("dr.tanaka");

    auto room = nurse->createRoom("松本 トメ 様（画像テスト）", {hs.userId("dr.tanaka")},
                                  "jp.renkei.patient_room");
    REQUIRE(room.ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "invite"; }));
    REQUIRE(doctor->joinRoom(*room).ok());
    REQUIRE(test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "join"; }));

    const std::string png = test::readFile(kPng);
    REQUIRE(isPng(png));
    const std::string filename = "仙骨部_創計測図.png";
    auto sent = nurse->sendImage(*room, png, "image/png", filename, 120, 90);
    if (!sent) FAIL("sendImage: " << sent.error().describe());

    std::optional<store::StoredEvent> event;
    REQUIRE(test::syncUntil(*doctor, [&] {
        event = test::cachedEvent(*doctor, *room, *sent);
        return event.has_value();
    }));
    CHECK(event->type == "m.room.message");
    CHECK(event->sender == hs.userId("nurse.sato"));
    const auto& content = event->content;
    CHECK(content.value("msgtype", "") == "m.image");
    CHECK(content.value("body", "") == filename);
    const std::string url = content.value("url", "");
    REQUIRE(matrix::parseMxcUri(url).ok());
    REQUIRE(content.contains("info"));
    CHECK(content["info"].value("mimetype", "") == "image/png");
    CHECK(content["info"].value("size", 0U) == png.size());
    CHECK(content["info"].value("w", 0) == 120);
    CHECK(content["info"].value("h", 0) == 90);

    // Read-only checks on the one upload, in turn (sections would repeat the whole setup).
    // The full image comes back byte for byte.
    auto media = doctor->fetchMedia(url);
    if (!media) FAIL("fetchMedia: " << media.error().describe());
    CHECK(media->bytes == png);
    CHECK(media->content_type == "image/png");  // as declared at upload

    // A thumbnail comes back as an image.
    auto thumb = doctor->fetchThumbnail(url, 96, 96);
    if (!thumb) FAIL("fetchThumbnail: " << thumb.error().describe());
    CHECK((isPng(thumb->bytes) || isJpeg(thumb->bytes)));
    CHECK(thumb->content_type == (isPng(thumb->bytes) ? "image/png" : "image/jpeg"));

    // Media that does not exist is M_NOT_FOUND.
    auto uri = matrix::parseMxcUri(url);
    REQUIRE(uri.ok());
    auto missing = doctor->fetchMedia("mxc://" + uri->server + "/renkeiNoSuchMedia0000");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().http_status == 404);
    CHECK(missing.error().errcode == "M_NOT_FOUND");
}

TEST_CASE("the media calls reject what is not an mxc URI without asking the server") {
    TempDir dir{"media-invalid"};
    Client nurse{dir.path()};
    nurse.login("nurse.sato");

    for (const char* bad : {"", "https://example.org/media/abc", "mxc://", "mxc://localhost",
                            "mxc://localhost/", "mxc:///abc", "mxc://localhost/abc/def",
                            "mxc://localhost/../../admin", "mxc://localhost/abc?x=1",
                            "mxc://local host/abc", "MXC://localhost/abc",
                            "mxc://localhost:port/abc"}) {
        INFO(bad);
        auto media = nurse->fetchMedia(bad);
        REQUIRE_FALSE(media.ok());
        checkInvalidArgument(media.error());
        auto thumb = nurse->fetchThumbnail(bad, 96, 96);
        REQUIRE_FALSE(thumb.ok());
        checkInvalidArgument(thumb.error());
    }
    auto size = nurse->fetchThumbnail("mxc://localhost/abc", 0, 96);
    REQUIRE_FALSE(size.ok());
    checkInvalidArgument(size.error());
    auto empty = nurse->sendImage("!room:localhost", "", "image/png", "a.png", 1, 1);
    REQUIRE_FALSE(empty.ok());
    checkInvalidArgument(empty.error());

    auto parsed = matrix::parseMxcUri("mxc://localhost:8448/AbC_12-z");
    REQUIRE(parsed.ok());
    CHECK(parsed->server == "localhost:8448");
    CHECK(parsed->media_id == "AbC_12-z");
    CHECK(parsed->toString() == "mxc://localhost:8448/AbC_12-z");
    CHECK(matrix::parseMxcUri("mxc://[::1]:8448/abc").ok());
}
