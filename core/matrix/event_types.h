// Renkei core: the event types the client reads and sends, named once (spec: Client-Server
// API, "Instant Messaging", "Redactions", "Event annotations and reactions", "Sticker
// Messages", "End-to-End Encryption").
#pragma once

namespace renkei::matrix {

inline constexpr const char* kRoomMessage = "m.room.message";      ///< a post (any msgtype)
inline constexpr const char* kReaction = "m.reaction";             ///< an m.annotation
inline constexpr const char* kRedaction = "m.room.redaction";      ///< deletes `redacts`
inline constexpr const char* kRoomEncrypted = "m.room.encrypted";  ///< a post we cannot read yet
inline constexpr const char* kSticker = "m.sticker";

}  // namespace renkei::matrix
