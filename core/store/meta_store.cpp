#include "store/meta_store.h"

namespace renkei::store::detail {

Result<std::optional<std::string>> MetaStore::get(std::string_view key) {
    auto stmt = db_.cached("SELECT value FROM meta WHERE key = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, key).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>(stmt->text(0));
}

Result<void> MetaStore::set(std::string_view key, std::string_view value) {
    auto stmt = db_.cached(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, key).bindText(2, value).run();
}

Result<void> MetaStore::putAccountData(std::string_view type, std::string_view content_json) {
    auto stmt = db_.cached(
        "INSERT INTO account_data (type, content) VALUES (?, ?) "
        "ON CONFLICT (type) DO UPDATE SET content = excluded.content");
    if (!stmt) return stmt.failure();
    return stmt->bindText(1, type).bindText(2, content_json).run();
}

Result<void> MetaStore::putRoomAccountData(std::int64_t room_nid, std::string_view type,
                                           std::string_view content_json) {
    auto stmt = db_.cached(
        "INSERT INTO room_account_data (room_nid, type, content) VALUES (?, ?, ?) "
        "ON CONFLICT (room_nid, type) DO UPDATE SET content = excluded.content");
    if (!stmt) return stmt.failure();
    return stmt->bindInt(1, room_nid).bindText(2, type).bindText(3, content_json).run();
}

}  // namespace renkei::store::detail
