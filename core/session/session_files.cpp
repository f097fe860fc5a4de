// Session: attachments queued as posts (images and any other file) and the content
// repository's upload limit. See session.h and store/outbox.h; spec: "Content repository".
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "matrix/event_types.h"
#include "session/session.h"
#include "session/with_auth.h"

namespace renkei::session {
namespace {

bool startsWithType(std::string_view content_type, std::string_view top) {
    if (content_type.size() <= top.size() || content_type[top.size()] != '/') return false;
    for (std::size_t i = 0; i < top.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(content_type[i])) != top[i]) return false;
    }
    return true;
}

/// "3.2 MiB" (one decimal), for messages that say how large is too large.
std::string mebibytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

}  // namespace

const char* msgTypeForFile(std::string_view content_type, bool has_dimensions) {
    if (startsWithType(content_type, "audio")) return "m.audio";
    if (startsWithType(content_type, "video")) return "m.video";
    if (has_dimensions && startsWithType(content_type, "image")) return "m.image";
    return "m.file";
}

Result<matrix::MediaConfig> Session::mediaConfig(const http::CancelToken* cancel) {
    {
        std::lock_guard lock(state_mutex_);
        if (media_config_) return *media_config_;
    }
    auto config = withAuth([&](matrix::MatrixClient& c) { return c.mediaConfig(cancel); });
    if (!config) return config.failure();
    std::lock_guard lock(state_mutex_);
    media_config_ = *config;
    return config;
}

std::uint64_t Session::uploadLimit() const {
    std::lock_guard lock(state_mutex_);
    if (!media_config_ || !media_config_->upload_size) return kUnknownUploadLimitBytes;
    return std::min(*media_config_->upload_size, kMaxUploadBytes);
}

Result<store::OutboxPost> Session::queueImage(const std::string& room_id,
                                             store::OutboxMedia media) {
    if (media.width <= 0 || media.height <= 0) {
        return fail(ErrorKind::InvalidArgument, "image: width and height must be > 0");
    }
    return queueFile(room_id, std::move(media));
}

Result<void> Session::checkFile(const store::OutboxMedia& media) const {
    if (media.bytes.empty()) return fail(ErrorKind::InvalidArgument, "file: no bytes");
    if (media.content_type.empty()) {
        return fail(ErrorKind::InvalidArgument, "file: no content type");
    }
    if (media.filename.empty()) return fail(ErrorKind::InvalidArgument, "file: no file name");
    if (const std::uint64_t limit = uploadLimit(); media.bytes.size() > limit) {
        return fail(ErrorKind::TooLarge, "file: " + std::to_string(media.bytes.size()) +
                                             " bytes, over the upload limit of " +
                                             std::to_string(limit) + " bytes (" +
                                             mebibytes(limit) + ")");
    }
    return {};
}

nlohmann::json filePostContent(const store::OutboxMedia& media, std::uint64_t size,
                               const std::string& body) {
    const bool has_dimensions = media.width > 0 && media.height > 0;
    nlohmann::json info = {{"mimetype", media.content_type}, {"size", size}};
    if (has_dimensions) {
        info["w"] = media.width;
        info["h"] = media.height;
    }
    return {
        {"msgtype", msgTypeForFile(media.content_type, has_dimensions)},
        {"body", body},
        {"filename", media.filename},
        {"info", std::move(info)},
    };
}

Result<store::OutboxPost> Session::queueFile(const std::string& room_id,
                                            store::OutboxMedia media) {
    if (auto checked = checkFile(media); !checked) return checked.failure();
    // "url" is added once the upload has returned the content URI (Outbox::setContentUri).
    const nlohmann::json content = filePostContent(media, media.bytes.size(), media.filename);
    return enqueue(room_id, matrix::kRoomMessage, content, &media, /*clear_draft=*/false);
}

}  // namespace renkei::session
