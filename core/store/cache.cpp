#include "store/cache.h"

#include <system_error>

#include "store/backfill_applier.h"
#include "store/cache_schema.h"
#include "store/cache_stores.h"
#include "store/store_dir.h"
#include "store/sync_applier.h"
#include "store/record_store.h"
#include "store/urgent_store.h"

namespace renkei::store {

using detail::CacheStores;

struct Cache::Impl {
    explicit Impl(Database database) : db(std::move(database)), stores(db) {}
    Database db;
    CacheStores stores;  // holds references to db: Impl never moves (heap, behind unique_ptr)
};

Cache::Cache(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Cache::Cache(Cache&& other) noexcept = default;
Cache& Cache::operator=(Cache&& other) noexcept = default;
Cache::~Cache() = default;

Result<Cache> Cache::open(const std::filesystem::path& dir, const RawKey& key) {
    if (auto r = detail::ensurePrivateDir(dir); !r) return r.failure();
    auto db = Database::open(dir / "cache.db", key);
    if (!db) return db.failure();
    if (auto r = db->migrate(detail::cacheMigrations()); !r) return r.failure();
    return Cache(std::make_unique<Impl>(std::move(*db)));
}

Result<Cache> Cache::openReadOnly(const std::filesystem::path& dir, const RawKey& key) {
    auto db = Database::openReadOnly(dir / "cache.db", key);
    if (!db) return db.failure();
    auto version = db->userVersion();
    if (!version) return version.failure();
    if (*version != detail::cacheMigrations().back().version) {
        return fail(ErrorKind::Storage, "cache.db: schema version " + std::to_string(*version) +
                                            " is not the one this Renkei reads");
    }
    return Cache(std::make_unique<Impl>(std::move(*db)));
}

Result<void> Cache::erase(const std::filesystem::path& dir) {
    for (const char* name : {"cache.db", "cache.db-wal", "cache.db-shm", "cache.db-journal"}) {
        std::error_code ec;
        std::filesystem::remove(dir / name, ec);
        if (ec)
            return fail(ErrorKind::Storage,
                        std::string("cannot remove ") + name + ": " + ec.message());
    }
    return {};
}

Result<std::optional<std::string>> Cache::syncToken() const {
    return impl_->stores.meta.get(detail::kSyncTokenKey);
}

Result<ChangeSet> Cache::applySync(const matrix::SyncResponse& response) {
    return detail::SyncApplier(impl_->stores).apply(response);
}

Result<ChangeSet> Cache::applyBackfill(const Gap& gap, const matrix::MessagesResponse& page) {
    return detail::BackfillApplier(impl_->stores).apply(gap, page);
}

Result<std::vector<RoomHistory>> Cache::history() const { return impl_->stores.history.joined(); }

Result<std::optional<std::int64_t>> Cache::eventTsFrom(std::string_view room_id,
                                                       std::int64_t seq) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::optional<std::int64_t>();
    return impl_->stores.history.tsFrom(**nid, seq);
}

Result<bool> Cache::removeRoom(std::string_view room_id) {
    return impl_->db.transaction([&]() -> Result<bool> {
        auto nid = impl_->stores.rooms.find(room_id);
        if (!nid) return nid.failure();
        if (!*nid) return false;
        if (auto r = impl_->stores.rooms.remove(**nid); !r) return r.failure();
        return true;
    });
}

Result<bool> Cache::markHistoryStartIfCreate(std::string_view room_id) {
    return impl_->db.transaction([&]() -> Result<bool> {
        auto nid = impl_->stores.rooms.find(room_id);
        if (!nid) return nid.failure();
        if (!*nid) return false;
        auto lowest = impl_->stores.history.lowestSeq(**nid);
        if (!lowest) return lowest.failure();
        if (!*lowest) return false;
        auto stmt = impl_->db.cached(
            "SELECT 1 FROM events WHERE room_nid = ? AND seq = ? AND type = 'm.room.create' "
            "AND state_key = ''");
        if (!stmt) return stmt.failure();
        auto row = stmt->bindInt(1, **nid).bindInt(2, **lowest).step();
        if (!row) return row.failure();
        if (!*row) return false;
        if (auto r = impl_->stores.history.markStart(**nid); !r) return r.failure();
        return true;
    });
}

Result<std::vector<RoomSummaryRow>> Cache::rooms() const {
    auto own = impl_->stores.meta.get(detail::kOwnUserIdKey);
    if (!own) return own.failure();
    return impl_->stores.rooms.list(*own);
}

Result<std::vector<StoredEvent>> Cache::latestEvents(std::string_view room_id, int limit) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<StoredEvent>();
    return impl_->stores.timeline.page(**nid, std::nullopt, limit);
}

Result<std::vector<StoredEvent>> Cache::eventsBefore(std::string_view room_id,
                                                     std::string_view event_id, int limit) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<StoredEvent>();
    auto seq = impl_->stores.timeline.seqOf(**nid, event_id);
    if (!seq) return seq.failure();
    if (!*seq) return fail(ErrorKind::InvalidArgument, "the event is not in the cache");
    return impl_->stores.timeline.page(**nid, **seq, limit);
}

Result<std::optional<StoredEvent>> Cache::event(std::string_view room_id, std::string_view event_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::optional<StoredEvent>();
    return impl_->stores.timeline.event(**nid, event_id);
}

Result<std::vector<StoredEvent>> Cache::relatedEvents(std::string_view room_id, std::string_view target_event_id,
                                                      std::string_view rel_type, int limit) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<StoredEvent>();
    return impl_->stores.timeline.related(**nid, target_event_id, rel_type, limit);
}

Result<std::vector<StoredEvent>> Cache::recordPosts(std::string_view room_id, std::string_view kind,
                                                   int limit) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<StoredEvent>();
    return detail::RecordStore(impl_->db).posts(**nid, kind, limit);
}

Result<std::optional<Gap>> Cache::gapBefore(std::string_view room_id,
                                            std::optional<std::string> event_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::optional<Gap>();
    std::optional<std::int64_t> seq;
    if (event_id) {
        auto found = impl_->stores.timeline.seqOf(**nid, *event_id);
        if (!found) return found.failure();
        if (!*found) return fail(ErrorKind::InvalidArgument, "the event is not in the cache");
        seq = *found;
    }
    return impl_->stores.gaps.atOrBefore(**nid, room_id, seq);
}

Result<std::vector<Gap>> Cache::gaps(std::string_view room_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<Gap>();
    return impl_->stores.gaps.list(**nid, room_id);
}

Result<std::vector<UrgentPostRow>> Cache::urgentPosts(std::string_view room_type, std::int64_t since_ms,
                                                      int limit) const {
    return detail::UrgentStore(impl_->db).posts(room_type, since_ms, limit);
}

Result<std::vector<std::string>> Cache::readersOf(std::string_view room_id, std::string_view event_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<std::string>();
    auto event = impl_->stores.timeline.event(**nid, event_id);
    if (!event) return event.failure();
    if (!*event) return std::vector<std::string>();
    return detail::UrgentStore(impl_->db).readers(**nid, (*event)->seq, (*event)->origin_server_ts);
}

Result<std::vector<matrix::Receipt>> Cache::receipts(std::string_view room_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<matrix::Receipt>();
    return impl_->stores.receipts.list(**nid);
}

Result<std::optional<std::string>> Cache::displayName(std::string_view room_id,
                                                      std::string_view user_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::optional<std::string>();
    return impl_->stores.state.displayName(**nid, user_id);
}

Result<MemberName> Cache::memberName(std::string_view room_id, std::string_view user_id) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return MemberName();
    return impl_->stores.state.memberName(**nid, user_id);
}

Result<std::vector<StateEntry>> Cache::stateOfType(std::string_view room_id, std::string_view type,
                                                   int limit) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::vector<StateEntry>{};
    return impl_->stores.state.ofType(**nid, type, limit);
}

Result<std::optional<nlohmann::json>> Cache::stateContent(std::string_view room_id,
                                                          std::string_view type,
                                                          std::string_view state_key) const {
    auto nid = impl_->stores.rooms.find(room_id);
    if (!nid) return nid.failure();
    if (!*nid) return std::optional<nlohmann::json>();
    return impl_->stores.state.content(**nid, type, state_key);
}

Result<std::optional<std::string>> Cache::fullyRead(std::string_view room_id) const {
    auto stmt = impl_->db.cached("SELECT fully_read FROM rooms WHERE room_id = ?");
    if (!stmt) return stmt.failure();
    auto row = stmt->bindText(1, room_id).step();
    if (!row) return row.failure();
    if (!*row) return std::optional<std::string>();
    return stmt->optText(0);
}

Result<void> Cache::setOwnUserId(std::string_view user_id) {
    return impl_->stores.meta.set(detail::kOwnUserIdKey, user_id);
}

Result<void> Cache::checkpoint() { return impl_->db.checkpoint(); }

Database& Cache::database() noexcept { return impl_->db; }

}  // namespace renkei::store
