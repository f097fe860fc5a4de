// Integration tests of file posts (spec: "m.file", "Content repository") through Session
// against the real Synapse: a PDF queued through the outbox is sent once and the other
// member downloads the same bytes; a file over the server's upload limit is never queued.
#include <catch2/catch_test_macros.hpp>
#include <optional>
#include <string>

#include "matrix/content/message_content.h"
#include "matrix/media.h"
#include "support.h"

using namespace renkei;
using renkei::test::Client;
using renkei::test::Homeserver;
using renkei::test::TempDir;

namespace {

/// About `size` bytes shaped like a PDF (header, filler that differs per run, trailer).
std::string pdfLike(std::size_t size, const std::string& marker) {
    std::string pdf = "%PDF-1.4\n% " + marker + "\n";
    std::uint32_t x = 2463534242u;
    while (pdf.size() + 7 < size) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        pdf += static_cast<char>(x & 0xff);
    }
    return pdf + "\n%%EOF\n";
}

}  // namespace

TEST_CASE("a 3 MB PDF queued as a file post is sent once; the other member gets the same bytes") {
    const auto& hs = Homeserver::get();
    TempDir nurse_dir{"files-nurse"}, doctor_dir{"files-doctor"};
    Client nurse{nurse_dir.path()}, doctor{doctor_dir.path()};
    nurse.login("nurse.sato");
    doctor.login("dr.tanaka");
    auto room = nurse->createRoom("松本 トメ 様（紹介状テスト）", {hs.userId("dr.tanaka")},
                                  "jp.renkei.patient_room");
    REQUIRE(room.ok());
    REQUIRE(
        test::syncUntil(*doctor, [&] { return test::membership(*doctor, *room) == "invite"; }));
    REQUIRE(doctor->joinRoom(*room).ok());

    REQUIRE(nurse->mediaConfig().ok());  // the limit is known before the file is queued
    const std::string pdf = pdfLike(3'000'000, test::uniqueMarker("referral"));
    const std::string name = "紹介状_松本トメ様 (2026-12-01).pdf";
    auto queued = nurse->queueFile(*room, store::OutboxMedia{pdf, "application/pdf", name});
    if (!queued) FAIL("queueFile: " << queued.error().describe());

    // The send queue's steps until nothing is left: upload, then one PUT.
    int sent = 0;
    for (int step = 0; step < 5; ++step) {
        auto out = nurse->sendNextQueued();
        if (!out) FAIL("sendNextQueued: " << out.error().describe());
        if (!*out) break;
        CHECK((*out)->state == store::OutboxState::Sent);
        ++sent;
    }
    CHECK(sent == 1);
    const auto on_server = test::serverMessages(*room);
    REQUIRE(on_server.size() == 1);
    const std::string event_id = on_server[0].value("event_id", "");

    std::optional<store::StoredEvent> event;
    REQUIRE(test::syncUntil(*doctor, [&] {
        event = test::cachedEvent(*doctor, *room, event_id);
        return event.has_value();
    }));
    CHECK(event->sender == hs.userId("nurse.sato"));
    auto content = matrix::content::parseMessageContent(event->content);
    REQUIRE(content.has_value());
    CHECK(content->type == matrix::content::MsgType::File);
    CHECK(content->displayFilename() == name);
    CHECK_FALSE(content->caption().has_value());
    REQUIRE(content->info.has_value());
    CHECK(content->info->mimetype == "application/pdf");
    CHECK(content->info->size == pdf.size());
    REQUIRE(content->media.has_value());
    CHECK_FALSE(content->media->encrypted);

    auto media = doctor->fetchMedia(content->media->url);
    if (!media) FAIL("fetchMedia: " << media.error().describe());
    CHECK(media->bytes == pdf);
    CHECK(media->content_type == "application/pdf");
}

TEST_CASE("a file over the server's upload limit is refused before anything is queued") {
    TempDir dir{"files-too-large"};
    Client nurse{dir.path()};
    nurse.login("nurse.sato");
    auto room = nurse->createRoom("上限テスト", {});
    REQUIRE(room.ok());

    auto config = nurse->mediaConfig();
    if (!config) FAIL("mediaConfig: " << config.error().describe());
    REQUIRE(config->upload_size.has_value());  // Synapse says its max_upload_size
    const std::uint64_t limit = nurse->uploadLimit();
    CHECK(limit == std::min(*config->upload_size, session::kMaxUploadBytes));

    const std::string over(limit + 1, 'x');
    auto refused = nurse->queueFile(*room, store::OutboxMedia{over, "application/pdf", "大.pdf"});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::TooLarge);
    CHECK(refused.error().message.find(std::to_string(limit)) != std::string::npos);
    CHECK(nurse->outbox().value().empty());
    CHECK_FALSE(nurse->sendNextQueued().value().has_value());
    CHECK(test::serverMessages(*room).empty());
}
