#include "matrix/content/message_content.h"

#include <array>
#include <utility>

#include "matrix/display_text.h"
#include "matrix/json_util.h"

namespace renkei::matrix::content {
namespace {

using detail::getInt64;
using detail::getString;
using detail::member;

constexpr std::array<std::pair<MsgType, std::string_view>, 8> kNames{{
    {MsgType::Text, "m.text"},
    {MsgType::Notice, "m.notice"},
    {MsgType::Emote, "m.emote"},
    {MsgType::Image, "m.image"},
    {MsgType::File, "m.file"},
    {MsgType::Audio, "m.audio"},
    {MsgType::Video, "m.video"},
    {MsgType::Location, "m.location"},
}};

// JSON's largest exactly representable integer: sizes and durations beyond it are not real.
constexpr std::int64_t kMaxExactInteger = std::int64_t{1} << 53;

MsgType typeOf(std::string_view msgtype) {
    for (const auto& [type, name] : kNames) {
        if (name == msgtype) return type;
    }
    return MsgType::Unknown;
}

std::optional<std::int64_t> inRange(const nlohmann::json& obj, std::string_view key,
                                    std::int64_t low, std::int64_t high) {
    const auto value = getInt64(obj, key);
    if (!value || *value < low || *value > high) return std::nullopt;
    return value;
}

/// A media type as RFC 6838 names it ("type/subtype", restricted-name characters, each part
/// at most 127): a sender's "text/html\r\nX: y", "../../x" or a kilobyte of text is none.
bool isMediaType(std::string_view s) {
    const auto slash = s.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash > 127) return false;
    const std::string_view subtype = s.substr(slash + 1);
    if (subtype.empty() || subtype.size() > 127) return false;
    const auto restricted = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '!' || c == '#' || c == '$' || c == '&' || c == '-' || c == '^' ||
               c == '_' || c == '.' || c == '+';
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i != slash && !restricted(s[i])) return false;
    }
    return true;
}

/// At most kMaxFilenameBytes of `name`, cut before a UTF-8 sequence, then "…".
std::string capFilename(std::string name) {
    return capUtf8(std::move(name), kMaxFilenameBytes, "\xE2\x80\xA6");  // U+2026
}

MediaInfo parseInfo(const nlohmann::json& info) {
    MediaInfo out;
    out.mimetype = getString(info, "mimetype").value_or("");
    if (!isMediaType(out.mimetype)) out.mimetype.clear();
    if (auto size = inRange(info, "size", 0, kMaxExactInteger)) out.size = static_cast<std::uint64_t>(*size);
    if (auto w = inRange(info, "w", 1, 65535)) out.width = static_cast<int>(*w);
    if (auto h = inRange(info, "h", 1, 65535)) out.height = static_cast<int>(*h);
    out.duration = inRange(info, "duration", 0, kMaxExactInteger);
    return out;
}

std::optional<MediaSource> parseSource(const nlohmann::json& content) {
    if (auto url = getString(content, "url")) return MediaSource{std::move(*url), false};
    const auto* file = member(content, "file");
    if (file != nullptr && file->is_object()) {
        return MediaSource{getString(*file, "url").value_or(""), true};
    }
    return std::nullopt;
}

}  // namespace

std::string_view msgTypeName(MsgType type) noexcept {
    for (const auto& [known, name] : kNames) {
        if (known == type) return name;
    }
    return {};
}

std::optional<std::string> MessageContent::caption() const {
    if (!isAttachment() || !filename || *filename == body || body.empty()) return std::nullopt;
    return body;
}

std::optional<MessageContent> parseMessageContent(const nlohmann::json& content) {
    if (!content.is_object()) return std::nullopt;
    auto msgtype = getString(content, "msgtype");
    auto body = getString(content, "body");
    if (!msgtype || !body) return std::nullopt;

    MessageContent out;
    out.type = typeOf(*msgtype);
    out.msgtype = std::move(*msgtype);
    out.body = std::move(*body);
    if (getString(content, "format").value_or("") == "org.matrix.custom.html") {
        out.formatted_body = getString(content, "formatted_body");
    }
    if (out.isAttachment()) {
        if (auto name = getString(content, "filename")) {
            // The same cut for a body that is the name: it stays "no caption" (caption()).
            if (*name == out.body) out.body = capFilename(std::move(out.body));
            out.filename = capFilename(std::move(*name));
        }
        out.media = parseSource(content);
        const auto* info = member(content, "info");
        if (info != nullptr && info->is_object()) out.info = parseInfo(*info);
    } else if (out.type == MsgType::Location) {
        out.geo_uri = getString(content, "geo_uri");
    }
    return out;
}

}  // namespace renkei::matrix::content
