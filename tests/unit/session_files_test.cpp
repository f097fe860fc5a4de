// Files queued as posts through a real (offline) Session and its SQLCipher vault: the
// msgtype follows the MIME type, the user's file name is kept, and a file over the upload
// limit is refused with nothing queued.
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "session/session.h"
#include "store/accounts.h"
#include "store/keys.h"
#include "store_test_util.h"

using namespace renkei;
using renkei::store::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr char kRoom[] = "!patient-kobayashi:example.org";

struct OfflineSession {
    TempDir root;
    std::unique_ptr<session::Session> session;

    OfflineSession() {
        store::PassphraseKeyProvider keys(store::keyFileOf(root.path()),
                                          "訪問看護-合言葉-2291",
                                          store::KdfLimits::minimumForTests());
        session::SessionConfig config;
        config.data_dir = root.path();
        auto opened = session::Session::open(std::move(config), keys);
        REQUIRE(opened.ok());
        session = std::move(*opened);
    }
};

}  // namespace

TEST_CASE("files: the msgtype follows the MIME type", "[session][files]") {
    using session::msgTypeForFile;
    CHECK(std::string(msgTypeForFile("application/pdf", false)) == "m.file");
    CHECK(std::string(msgTypeForFile("audio/ogg", false)) == "m.audio");
    CHECK(std::string(msgTypeForFile("Video/MP4", false)) == "m.video");
    CHECK(std::string(msgTypeForFile("image/png", true)) == "m.image");
    CHECK(std::string(msgTypeForFile("image/png", false)) == "m.file");  // no size: a file
    CHECK(std::string(msgTypeForFile("audiox/ogg", false)) == "m.file");
    CHECK(std::string(msgTypeForFile("audio", false)) == "m.file");
}

TEST_CASE("files: a PDF is queued as m.file with the user's file name, type and size",
          "[session][files]") {
    OfflineSession s;
    const std::string name = "紹介状 (訪問看護) 2026-12.pdf";
    const std::string pdf = "%PDF-1.4\n" + std::string(40'000, 'x');
    auto queued = s.session->queueFile(kRoom, store::OutboxMedia{pdf, "application/pdf", name});
    REQUIRE(queued.ok());
    CHECK(queued->has_media);
    const auto& content = queued->content;
    CHECK(content.value("msgtype", "") == "m.file");
    CHECK(content.value("body", "") == name);
    CHECK(content.value("filename", "") == name);
    CHECK(content["info"].value("mimetype", "") == "application/pdf");
    CHECK(content["info"].value("size", 0u) == pdf.size());
    CHECK_FALSE(content.contains("url"));  // added once uploaded
    CHECK_FALSE(content["info"].contains("w"));
    auto posts = s.session->outbox(kRoom);
    REQUIRE(posts.ok());
    REQUIRE(posts->size() == 1);
    CHECK(posts->front().txn_id == queued->txn_id);
}

TEST_CASE("files: over the upload limit nothing is queued, and the error says so",
          "[session][files]") {
    OfflineSession s;
    // Offline from the start: the server's limit is unknown, so the safe default applies.
    CHECK(s.session->uploadLimit() == session::kUnknownUploadLimitBytes);
    const std::string at_limit(session::kUnknownUploadLimitBytes, 'a');
    const std::string over = at_limit + "b";
    auto refused =
        s.session->queueFile(kRoom, store::OutboxMedia{over, "application/pdf", "大.pdf"});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::TooLarge);
    CHECK(refused.error().message ==
          "file: 20971521 bytes, over the upload limit of 20971520 bytes (20.0 MiB)");
    CHECK(s.session->outbox().value().empty());
    CHECK(s.session->queuedCount().value() == 0);
    CHECK(s.session->queueFile(kRoom, store::OutboxMedia{at_limit, "application/pdf", "丁度.pdf"})
              .ok());
}

TEST_CASE("files: no bytes, type or name is refused", "[session][files]") {
    OfflineSession s;
    CHECK(s.session->queueFile(kRoom, {"", "application/pdf", "a.pdf"}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(s.session->queueFile(kRoom, {"x", "", "a.pdf"}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(s.session->queueFile(kRoom, {"x", "application/pdf", ""}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(s.session->queueImage(kRoom, {"x", "image/png", "a.png", 0, 10}).error().kind ==
          ErrorKind::InvalidArgument);
    CHECK(s.session->outbox().value().empty());
}
