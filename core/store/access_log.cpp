#include "store/access_log.h"

#include <sodium.h>

#include <array>
#include <utility>

namespace renkei::store {
namespace {

struct KindName {
    AccessKind kind;
    std::string_view wire;
    std::string_view label_ja;
};

constexpr std::array<KindName, 9> kKinds = {{
    {AccessKind::RoomOpened, "room-opened", "部屋を開いた"},
    {AccessKind::Export, "export", "PDF書き出し"},
    {AccessKind::Print, "print", "印刷"},
    {AccessKind::FileOpened, "file-opened", "ファイルを開いた"},
    {AccessKind::FileSaved, "file-saved", "ファイルを保存"},
    {AccessKind::SignIn, "sign-in", "サインイン"},
    {AccessKind::SignOut, "sign-out", "サインアウト"},
    {AccessKind::Unlock, "unlock", "ロック解除"},
    {AccessKind::UnlockFailed, "unlock-failed", "ロック解除の失敗"},
}};

const KindName* nameOf(AccessKind kind) noexcept {
    for (const auto& k : kKinds) {
        if (k.kind == kind) return &k;
    }
    return nullptr;
}

// Bumped if the encoding below ever changes (old records keep verifying under their tag).
constexpr std::string_view kHashTag = "jp.renkei.access_log.v1";

class Hasher {
public:
    Hasher() { crypto_generichash_init(&state_, nullptr, 0, crypto_generichash_BYTES); }
    void number(std::int64_t v) {
        std::array<unsigned char, 8> be{};
        auto u = static_cast<std::uint64_t>(v);
        for (int i = 7; i >= 0; --i, u >>= 8) be[static_cast<std::size_t>(i)] = static_cast<unsigned char>(u & 0xff);
        crypto_generichash_update(&state_, be.data(), be.size());
    }
    void text(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(s.data()), s.size());
    }
    std::string hex() {
        std::array<unsigned char, crypto_generichash_BYTES> out{};
        crypto_generichash_final(&state_, out.data(), out.size());
        std::string hex(out.size() * 2 + 1, '\0');
        sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
        hex.pop_back();
        return hex;
    }

private:
    crypto_generichash_state state_{};
};

// The hash of a record whose kind is given as stored (verify reads it so, unparsed).
std::string hashOf(const AccessEntry& e, std::string_view kind_wire) {
    Hasher h;
    h.text(kHashTag);
    h.text(e.prev_hash);
    h.number(e.id);
    h.number(e.at_ms);
    h.text(e.user_id);
    h.text(kind_wire);
    h.text(e.room_id);
    h.text(e.detail);
    return h.hex();
}

bool hasControl(std::string_view s) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) return true;
    }
    return false;
}

Result<void> check(const AccessEntry& e) {
    if (nameOf(e.kind) == nullptr) return fail(ErrorKind::InvalidArgument, "access log: unknown kind");
    if (e.user_id.empty()) return fail(ErrorKind::InvalidArgument, "access log: a record needs a user");
    if (e.at_ms < 0) return fail(ErrorKind::InvalidArgument, "access log: the time is before 1970");
    if (e.room_id.size() > kMaxAccessRoomIdBytes || e.detail.size() > kMaxAccessDetailBytes) {
        return fail(ErrorKind::InvalidArgument, "access log: room id or detail too long");
    }
    if (hasControl(e.user_id) || hasControl(e.room_id) || hasControl(e.detail)) {
        return fail(ErrorKind::InvalidArgument, "access log: control characters are not allowed");
    }
    return {};
}

struct Head {
    std::int64_t last_id = 0;
    std::string last_hash{kAccessGenesisHash};
    bool present = false;
};

Result<Head> readHead(Database& db) {
    auto stmt = db.cached("SELECT last_id, last_hash FROM access_log_head WHERE id = 1");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    Head head;
    if (*row) {
        head.last_id = stmt->int64(0);
        head.last_hash = stmt->text(1);
        head.present = true;
    }
    return head;
}

constexpr const char* kColumns = "id, at_ms, user_id, kind, room_id, detail, prev_hash, hash";

// Columns 0 … 7 of kColumns, the kind left to the caller.
AccessEntry rowOf(const Statement& stmt) {
    AccessEntry e;
    e.id = stmt.int64(0);
    e.at_ms = stmt.int64(1);
    e.user_id = stmt.text(2);
    e.room_id = stmt.text(4);
    e.detail = stmt.text(5);
    e.prev_hash = stmt.text(6);
    e.hash = stmt.text(7);
    return e;
}

AccessLogCheck broken(std::int64_t records, std::int64_t id, std::string problem) {
    return AccessLogCheck{false, records, id, std::move(problem)};
}

}  // namespace

const std::vector<AccessKind>& allAccessKinds() {
    static const std::vector<AccessKind> kinds = [] {
        std::vector<AccessKind> out;
        for (const auto& k : kKinds) out.push_back(k.kind);
        return out;
    }();
    return kinds;
}

std::string_view accessKindToWire(AccessKind kind) noexcept {
    const KindName* k = nameOf(kind);
    return k != nullptr ? k->wire : std::string_view();
}

std::optional<AccessKind> accessKindFromWire(std::string_view wire) noexcept {
    for (const auto& k : kKinds) {
        if (k.wire == wire) return k.kind;
    }
    return std::nullopt;
}

std::string_view accessKindLabelJa(AccessKind kind) noexcept {
    const KindName* k = nameOf(kind);
    return k != nullptr ? k->label_ja : std::string_view();
}

std::string accessHash(const AccessEntry& entry) { return hashOf(entry, accessKindToWire(entry.kind)); }

std::string exportAccessDetail(std::string_view layout_wire, std::int64_t post_count, bool selected) {
    std::string detail = "layout=" + std::string(layout_wire) + " posts=" + std::to_string(post_count);
    if (selected) detail += " selected";
    return detail;
}

Result<AccessEntry> AccessLog::append(AccessEntry entry) {
    if (auto r = check(entry); !r) return r.failure();
    return db_.transaction([&]() -> Result<AccessEntry> {
        auto head = readHead(db_);
        if (!head) return head.failure();
        if (!head->present) {
            // Records without a head were left by tampering: appending would hide it.
            auto any = db_.cached("SELECT 1 FROM access_log LIMIT 1");
            if (!any) return any.failure();
            auto row = any->step();
            if (!row) return row.failure();
            if (*row) return fail(ErrorKind::Storage, "access log: its head is missing (the log was tampered with)");
        }
        entry.id = head->last_id + 1;
        entry.prev_hash = head->last_hash;
        entry.hash = accessHash(entry);
        auto insert = db_.cached(
            "INSERT INTO access_log (id, at_ms, user_id, kind, room_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) return insert.failure();
        insert->bindInt(1, entry.id)
            .bindInt(2, entry.at_ms)
            .bindText(3, entry.user_id)
            .bindText(4, accessKindToWire(entry.kind))
            .bindText(5, entry.room_id)
            .bindText(6, entry.detail)
            .bindText(7, entry.prev_hash)
            .bindText(8, entry.hash);
        if (auto r = insert->run(); !r) return r.failure();
        auto moved = db_.cached(
            "INSERT INTO access_log_head (id, last_id, last_hash) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash");
        if (!moved) return moved.failure();
        if (auto r = moved->bindInt(1, entry.id).bindText(2, entry.hash).run(); !r) return r.failure();
        return entry;
    });
}

Result<std::vector<AccessEntry>> AccessLog::entries(const AccessFilter& filter) const {
    if (filter.limit < 1 || filter.limit > kMaxAccessEntries) {
        return fail(ErrorKind::InvalidArgument, "access log: limit outside 1 … 100000");
    }
    auto stmt = db_.cached(
        "SELECT id, at_ms, user_id, kind, room_id, detail, prev_hash, hash FROM access_log "
        "WHERE (?1 = '' OR room_id = ?1) AND (?2 = '' OR kind = ?2) AND (?3 IS NULL OR at_ms >= ?3) "
        "AND (?4 IS NULL OR at_ms < ?4) ORDER BY id DESC LIMIT ?5");
    if (!stmt) return stmt.failure();
    stmt->bindText(1, filter.room_id)
        .bindText(2, filter.kind ? accessKindToWire(*filter.kind) : std::string_view())
        .bindOptInt(3, filter.from_ms)
        .bindOptInt(4, filter.to_ms)
        .bindInt(5, filter.limit);
    std::vector<AccessEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) return out;
        AccessEntry e = rowOf(*stmt);
        auto kind = accessKindFromWire(stmt->textView(3));
        if (!kind) return fail(ErrorKind::Storage, "access log: record " + std::to_string(e.id) + " has an unknown kind");
        e.kind = *kind;
        out.push_back(std::move(e));
    }
}

Result<AccessLogCheck> AccessLog::verify() const {
    auto head = readHead(db_);
    if (!head) return head.failure();
    auto stmt = db_.prepare(std::string("SELECT ") + kColumns + " FROM access_log ORDER BY id");
    if (!stmt) return stmt.failure();
    std::int64_t records = 0;
    std::int64_t expected_id = 1;
    std::string expected_prev{kAccessGenesisHash};
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        const AccessEntry e = rowOf(*stmt);
        const std::string id = std::to_string(e.id);
        ++records;
        if (e.id != expected_id) {
            return broken(records, expected_id,
                          "record " + std::to_string(expected_id) + " is missing (the log jumps from record " +
                              std::to_string(expected_id - 1) + " to record " + id + ")");
        }
        if (hashOf(e, stmt->textView(3)) != e.hash) {
            return broken(records, e.id, "record " + id + " does not match its hash (it was changed or moved)");
        }
        if (e.prev_hash != expected_prev) {
            return broken(records, e.id,
                          "record " + id + " does not follow the record before it (one was replaced or inserted)");
        }
        expected_prev = e.hash;
        ++expected_id;
    }
    const std::int64_t last = expected_id - 1;
    if (head->last_id > last) {
        return broken(records, last + 1,
                      "records " + std::to_string(last + 1) + " to " + std::to_string(head->last_id) +
                          " are missing (the log ends early)");
    }
    if (head->last_id < last) {
        return broken(records, head->last_id + 1,
                      "record " + std::to_string(head->last_id + 1) + " stands after the log's head (it was added "
                      "behind the log's back, or the head was changed)");
    }
    if (head->last_hash != expected_prev) {
        return broken(records, last, "record " + std::to_string(last) + " does not match the log's head");
    }
    AccessLogCheck ok;
    ok.records = records;
    return ok;
}

}  // namespace renkei::store
