// Renkei core, internal to core/store: the cache's key/value meta (sync token, own user id)
// and account data (global and per room).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"

namespace renkei::store::detail {

inline constexpr std::string_view kSyncTokenKey = "sync_token";
inline constexpr std::string_view kOwnUserIdKey = "own_user_id";

class MetaStore {
public:
    explicit MetaStore(Database& db) noexcept : db_(db) {}

    Result<std::optional<std::string>> get(std::string_view key);
    Result<void> set(std::string_view key, std::string_view value);

    /// Replaces a global account data event's content (JSON text).
    Result<void> putAccountData(std::string_view type, std::string_view content_json);
    /// Replaces a room's account data event's content (JSON text).
    Result<void> putRoomAccountData(std::int64_t room_nid, std::string_view type,
                                    std::string_view content_json);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
