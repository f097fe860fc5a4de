// Shared helpers for the store unit tests (tests/unit/store_*.cpp): temporary directories,
// fixed keys and hand-built Matrix structs.
#pragma once

#include <sodium.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/error.h"
#include "matrix/client.h"
#include "matrix/events.h"
#include "matrix/sync.h"
#include "store/database.h"
#include "store/keys.h"

namespace renkei::store::test {

/// A fresh directory under the system temp dir, removed (with its contents) on destruction.
class TempDir {
public:
    TempDir() {
        if (sodium_init() < 0) throw std::runtime_error("sodium_init failed");
        path_ = std::filesystem::temp_directory_path() /
                ("renkei-store-test-" + std::to_string(randombytes_random()) + "-" +
                 std::to_string(randombytes_random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

/// A 403 M_FORBIDDEN as the homeserver answers it: an error retrying cannot fix.
inline Error forbidden() {
    Error e = makeError(ErrorKind::Matrix, "You are not allowed here");
    e.http_status = 403;
    e.errcode = "M_FORBIDDEN";
    return e;
}

inline RawKey keyOf(unsigned char fill) {
    RawKey key{};
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(fill + i);
    return key;
}

inline std::string readFile(const std::filesystem::path& file) {
    // stdio rather than istreambuf_iterator: the latter trips -Wnull-dereference at -O2 (g++ 12).
    std::string out;
    if (std::FILE* f = std::fopen(file.c_str(), "rb")) {
        char buf[65536];
        std::size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
    }
    return out;
}

/// The first column of the first row a PRAGMA (or any query) returns, as text: what the
/// connection really uses, e.g. pragma(db, "PRAGMA synchronous") == "2". Throws if none.
inline std::string pragma(Database& db, const char* sql) {
    auto stmt = db.prepare(sql);
    if (!stmt) throw std::runtime_error(std::string("cannot prepare ") + sql);
    auto row = stmt->step();
    if (!row || !*row) throw std::runtime_error(std::string("no answer to ") + sql);
    return stmt->text(0);
}

inline void writeFile(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline matrix::RoomEvent message(const std::string& id, const std::string& sender, std::int64_t ts,
                                 const std::string& body) {
    matrix::RoomEvent e;
    e.event_id = id;
    e.type = "m.room.message";
    e.sender = sender;
    e.origin_server_ts = ts;
    e.content = {{"msgtype", "m.text"}, {"body", body}};
    return e;
}

inline matrix::RoomEvent stateEvent(const std::string& id, const std::string& type,
                                    const std::string& state_key, nlohmann::json content,
                                    std::int64_t ts = 1,
                                    const std::string& sender = "@admin:example.org") {
    matrix::RoomEvent e;
    e.event_id = id;
    e.type = type;
    e.sender = sender;
    e.origin_server_ts = ts;
    e.state_key = state_key;
    e.content = std::move(content);
    return e;
}

inline matrix::RoomEvent member(const std::string& id, const std::string& user,
                                const std::string& display_name,
                                const std::string& membership = "join") {
    nlohmann::json content = {{"membership", membership}};
    if (!display_name.empty()) content["displayname"] = display_name;
    return stateEvent(id, "m.room.member", user, std::move(content), 1, user);
}

/// A sync response with one joined room holding `events` as its (non-limited) timeline.
inline matrix::SyncResponse syncWith(const std::string& next_batch, const std::string& room_id,
                                     std::vector<matrix::RoomEvent> events) {
    matrix::SyncResponse r;
    r.next_batch = next_batch;
    r.join[room_id].timeline.events = std::move(events);
    return r;
}

/// syncWith, but the timeline is `limited` with `prev_batch`: the cache records a gap.
inline matrix::SyncResponse limitedSyncWith(const std::string& next_batch,
                                            const std::string& room_id,
                                            const std::string& prev_batch,
                                            std::vector<matrix::RoomEvent> events) {
    auto r = syncWith(next_batch, room_id, std::move(events));
    r.join[room_id].timeline.limited = true;
    r.join[room_id].timeline.prev_batch = prev_batch;
    return r;
}

/// A /messages page (dir=b) holding `oldest_first` reversed, as servers send it; `end`
/// nullopt: the start of the room.
inline matrix::MessagesResponse messagesPage(std::vector<matrix::RoomEvent> oldest_first,
                                             std::optional<std::string> end) {
    matrix::MessagesResponse p;
    p.start = "start";
    p.end = std::move(end);
    p.chunk.assign(oldest_first.rbegin(), oldest_first.rend());
    return p;
}

/// `count` messages "$<prefix><i>" with ts = base_ts + i, oldest first.
inline std::vector<matrix::RoomEvent> messages(const std::string& prefix, int count,
                                               std::int64_t base_ts = 1000) {
    std::vector<matrix::RoomEvent> out;
    for (int i = 0; i < count; ++i) {
        out.push_back(message("$" + prefix + std::to_string(i), "@alice:example.org", base_ts + i,
                              "post " + prefix + std::to_string(i)));
    }
    return out;
}

}  // namespace renkei::store::test
