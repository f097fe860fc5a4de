// Renkei core: typed m.room.message content (spec: Client-Server API, "m.room.message
// msgtypes": m.text, m.notice, m.emote, m.image, m.file, m.audio, m.video, m.location).
// Parsed once from the event's raw content; no other layer reads content JSON. Everything
// here comes from a room member and is untrusted: strings are kept as given (UTF-8, never
// interpreted), numbers are range-checked, and a field of the wrong type reads as absent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace renkei::matrix::content {

/// The msgtypes Renkei shows by kind; any other (including custom ones) is Unknown and shown
/// by its `body`, as the spec asks of clients that do not know a msgtype.
enum class MsgType { Text, Notice, Emote, Image, File, Audio, Video, Location, Unknown };

/// The spec's name of a known msgtype ("m.text", …); "" for Unknown.
std::string_view msgTypeName(MsgType type) noexcept;

/// The longest `filename` kept whole, in bytes (file systems allow 255; a name is shown on
/// one line): 1,024.
inline constexpr std::size_t kMaxFilenameBytes = 1024;

/// Size and shape of an attachment (the content's `info` object; spec: ImageInfo, FileInfo,
/// AudioInfo, VideoInfo). Absent or out-of-range values are nullopt.
struct MediaInfo {
    /// As declared by the sender (not trusted for decoding); "" unless a well-formed media
    /// type ("type/subtype", RFC 6838 characters, each part ≤ 127).
    std::string mimetype;
    std::optional<std::uint64_t> size;     ///< bytes, 0 … 2^53
    std::optional<int> width, height;      ///< pixels, 1 … 65,535
    std::optional<std::int64_t> duration;  ///< ms, 0 … 2^53 (audio, video)
};

/// One attachment: a plain `url` (mxc://…) or an encrypted `file` (spec: "Sending encrypted
/// attachments"; Renkei cannot decrypt those yet, so only `encrypted` is set).
struct MediaSource {
    std::string url;         ///< mxc:// URI as sent; validated by matrix/media before any use
    bool encrypted = false;  ///< `file` (an EncryptedFile) instead of `url`
};

/// What a message says, by kind. `body` is always set (the spec requires it of every
/// msgtype); a message without a string `body` does not parse.
struct MessageContent {
    MsgType type = MsgType::Unknown;
    std::string msgtype;   ///< the raw msgtype string (for Unknown: what the sender wrote)
    std::string body;      ///< plain text; for files the caption or, pre-v1.10, the file name
    /// `formatted_body` when `format` is "org.matrix.custom.html" (still unsanitised HTML:
    /// matrix/rich_text is the only way to show it).
    std::optional<std::string> formatted_body;
    /// Files, images, audio, video: the file's name. Spec v1.10: `filename`, and then `body`
    /// is a caption when it differs; without `filename`, `body` is the name. Longer than
    /// kMaxFilenameBytes: cut there (at a character boundary) and ended with "…".
    std::optional<std::string> filename;
    std::optional<MediaSource> media;      ///< attachments only
    std::optional<MediaInfo> info;         ///< attachments only, when `info` is an object
    std::optional<std::string> geo_uri;    ///< m.location: "geo:lat,lon" as sent

    [[nodiscard]] bool isAttachment() const noexcept {
        return type == MsgType::Image || type == MsgType::File || type == MsgType::Audio ||
               type == MsgType::Video;
    }
    /// The name to show for an attachment: `filename`, else `body`.
    [[nodiscard]] const std::string& displayFilename() const noexcept {
        return filename ? *filename : body;
    }
    /// The caption of an attachment (spec v1.10: `body` when `filename` is set and differs).
    [[nodiscard]] std::optional<std::string> caption() const;
};

/// Parses an m.room.message `content` object. Returns nullopt when it is not an object or has
/// no string `body` or `msgtype` (the spec's required fields; such an event is shown as
/// unreadable, not guessed at). Never throws.
std::optional<MessageContent> parseMessageContent(const nlohmann::json& content);

}  // namespace renkei::matrix::content
