// The access log (store/access_log.h, vault migration 7) on real SQLCipher files: the hash
// chain, its filters, and what verify() finds after raw SQL edits a record, removes one in
// the middle or at the end, moves one, or slips one in. Fictional ids only.
#include <catch2/catch_test_macros.hpp>

#include "store/access_log.h"
#include "store/export_log.h"
#include "store/vault.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using namespace renkei::store::test;

namespace {

constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01 00:00 UTC (09:00 in Japan)

AccessEntry record(AccessKind kind, std::string room, std::string detail, std::int64_t at_ms,
                   std::string user = "@nurse.sato:example.org") {
    AccessEntry e;
    e.at_ms = at_ms;
    e.user_id = std::move(user);
    e.kind = kind;
    e.room_id = std::move(room);
    e.detail = std::move(detail);
    return e;
}

// A vault with five records: sign-in, room-opened, export, print, sign-out.
Vault withFiveRecords(const TempDir& dir) {
    auto vault = Vault::open(dir.path(), keyOf(7));
    REQUIRE(vault.ok());
    AccessLog log(vault->database());
    REQUIRE(log.append(record(AccessKind::SignIn, "", "", kT0)).ok());
    REQUIRE(log.append(record(AccessKind::RoomOpened, "!a:example.org", "", kT0 + 1000)).ok());
    REQUIRE(log.append(record(AccessKind::Export, "!a:example.org", "layout=timeline posts=12", kT0 + 2000)).ok());
    REQUIRE(log.append(record(AccessKind::Print, "!b:example.org", "layout=support-record posts=3", kT0 + 3000)).ok());
    REQUIRE(log.append(record(AccessKind::SignOut, "", "", kT0 + 4000)).ok());
    return std::move(*vault);
}

AccessLogCheck verified(Vault& vault) {
    auto check = AccessLog(vault.database()).verify();
    REQUIRE(check.ok());
    return *check;
}

void sql(Vault& vault, const char* statement) { REQUIRE(vault.database().exec(statement).ok()); }

// verify() finds the chain broken at `id`, saying `problem` when that is given.
void expectBroken(Vault& vault, std::int64_t id, const std::string& problem = {}) {
    const AccessLogCheck check = verified(vault);
    CHECK_FALSE(check.ok);
    CHECK(check.broken_id == id);
    if (!problem.empty()) CHECK(check.problem == problem);
}

}  // namespace

TEST_CASE("access log: appended records chain, filter newest first, and survive reopening",
          "[store][access]") {
    TempDir dir;
    {
        Vault vault = withFiveRecords(dir);
        auto all = AccessLog(vault.database()).entries();
        REQUIRE(all.ok());
        REQUIRE(all->size() == 5);
        CHECK(all->front().kind == AccessKind::SignOut);
        CHECK(all->back().id == 1);
        CHECK(all->back().prev_hash == kAccessGenesisHash);
        for (std::size_t i = 0; i + 1 < all->size(); ++i) CHECK(all->at(i).prev_hash == all->at(i + 1).hash);
        CHECK(all->at(2).hash == accessHash(all->at(2)));
        CHECK(all->at(2).hash.size() == 64);
        REQUIRE(vault.checkpoint().ok());
    }
    CHECK(readFile(dir / "vault.db").find("layout=timeline") == std::string::npos);

    auto vault = Vault::open(dir.path(), keyOf(7));
    REQUIRE(vault.ok());
    AccessLog log(vault->database());
    const AccessLogCheck check = verified(*vault);
    CHECK(check.ok);
    CHECK(check.records == 5);

    AccessFilter room;
    room.room_id = "!a:example.org";
    auto of_room = log.entries(room);
    REQUIRE(of_room.ok());
    REQUIRE(of_room->size() == 2);
    CHECK(of_room->front().kind == AccessKind::Export);
    CHECK(of_room->front().detail == "layout=timeline posts=12");

    AccessFilter kind;
    kind.kind = AccessKind::Print;
    auto prints = log.entries(kind);
    REQUIRE(prints.ok());
    REQUIRE(prints->size() == 1);
    CHECK(prints->front().room_id == "!b:example.org");

    AccessFilter window;
    window.from_ms = kT0 + 1000;
    window.to_ms = kT0 + 3000;  // exclusive
    window.limit = 1;
    auto newest_in_window = log.entries(window);
    REQUIRE(newest_in_window.ok());
    REQUIRE(newest_in_window->size() == 1);
    CHECK(newest_in_window->front().id == 3);

    AccessFilter bad;
    bad.limit = 0;
    CHECK(log.entries(bad).error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("access log: append refuses what is not a short plain record", "[store][access]") {
    TempDir dir;
    auto vault = Vault::open(dir.path(), keyOf(7));
    REQUIRE(vault.ok());
    AccessLog log(vault->database());
    CHECK(log.append(record(AccessKind::SignIn, "", "", kT0, "")).error().kind == ErrorKind::InvalidArgument);
    CHECK(log.append(record(AccessKind::SignIn, "", "", -1)).error().kind == ErrorKind::InvalidArgument);
    CHECK(log.append(record(AccessKind::Export, "!a:x", "two\nlines", kT0)).error().kind == ErrorKind::InvalidArgument);
    CHECK(log.append(record(AccessKind::Export, "!a:x", std::string(kMaxAccessDetailBytes + 1, 'x'), kT0))
              .error()
              .kind == ErrorKind::InvalidArgument);
    CHECK(log.append(record(static_cast<AccessKind>(99), "", "", kT0)).error().kind == ErrorKind::InvalidArgument);
    const AccessLogCheck check = verified(*vault);
    CHECK(check.ok);
    CHECK(check.records == 0);
    for (AccessKind k : allAccessKinds()) CHECK(accessKindFromWire(accessKindToWire(k)) == k);
    CHECK_FALSE(accessKindFromWire("Export").has_value());
}

TEST_CASE("access log: verify names the first record edited, removed, moved or slipped in",
          "[store][access]") {
    TempDir dir;
    Vault vault = withFiveRecords(dir);
    REQUIRE(verified(vault).ok);

    SECTION("a detail edited") {
        sql(vault, "UPDATE access_log SET detail = 'layout=timeline posts=1' WHERE id = 3");
        expectBroken(vault, 3, "record 3 does not match its hash (it was changed or moved)");
    }
    SECTION("a time edited") {
        sql(vault, "UPDATE access_log SET at_ms = at_ms + 1 WHERE id = 2");
        expectBroken(vault, 2);
    }
    SECTION("a record in the middle removed") {
        sql(vault, "DELETE FROM access_log WHERE id = 3");
        expectBroken(vault, 3, "record 3 is missing (the log jumps from record 2 to record 4)");
    }
    SECTION("a removed record's gap closed by renumbering") {
        sql(vault, "DELETE FROM access_log WHERE id = 3; UPDATE access_log SET id = id - 1 WHERE id > 3;"
                   "UPDATE access_log_head SET last_id = 4");
        expectBroken(vault, 3);
    }
    SECTION("the last records removed: the head shows it, and later appends keep the gap") {
        sql(vault, "DELETE FROM access_log WHERE id >= 4");
        expectBroken(vault, 4, "records 4 to 5 are missing (the log ends early)");
        REQUIRE(AccessLog(vault.database()).append(record(AccessKind::SignIn, "", "", kT0 + 9000)).ok());
        expectBroken(vault, 4, "record 4 is missing (the log jumps from record 3 to record 6)");
    }
    SECTION("two records swapped") {
        sql(vault,
            "UPDATE access_log SET id = -2 WHERE id = 2; UPDATE access_log SET id = 2 WHERE id = 3;"
            "UPDATE access_log SET id = 3 WHERE id = -2");
        expectBroken(vault, 2, "record 2 does not match its hash (it was changed or moved)");
    }
    SECTION("a record replaced by one with a good hash of its own") {
        auto all = AccessLog(vault.database()).entries();
        REQUIRE(all.ok());
        AccessEntry forged = all->at(2);  // id 3
        forged.detail = "layout=timeline posts=1";
        forged.hash = accessHash(forged);
        auto stmt = vault.database().prepare("UPDATE access_log SET detail = ?, hash = ? WHERE id = 3");
        REQUIRE(stmt.ok());
        REQUIRE(stmt->bindText(1, forged.detail).bindText(2, forged.hash).run().ok());
        expectBroken(vault, 4, "record 4 does not follow the record before it (one was replaced or inserted)");
    }
    SECTION("a record slipped in behind the head") {
        auto all = AccessLog(vault.database()).entries();
        REQUIRE(all.ok());
        AccessEntry extra = record(AccessKind::Export, "!a:example.org", "layout=timeline posts=2", kT0 + 5000);
        extra.id = 6;
        extra.prev_hash = all->front().hash;
        extra.hash = accessHash(extra);
        auto stmt = vault.database().prepare(
            "INSERT INTO access_log (id, at_ms, user_id, kind, room_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, 'export', ?, ?, ?, ?)");
        REQUIRE(stmt.ok());
        REQUIRE(stmt->bindInt(1, extra.id).bindInt(2, extra.at_ms).bindText(3, extra.user_id)
                    .bindText(4, extra.room_id).bindText(5, extra.detail).bindText(6, extra.prev_hash)
                    .bindText(7, extra.hash).run().ok());
        expectBroken(vault, 6, "record 6 stands after the log's head (it was added behind the log's back, or "
                               "the head was changed)");
    }
    SECTION("the head removed: verify says so, and append refuses to hide it") {
        sql(vault, "DELETE FROM access_log_head");
        expectBroken(vault, 1);
        CHECK(AccessLog(vault.database()).append(record(AccessKind::SignIn, "", "", kT0)).error().kind ==
              ErrorKind::Storage);
    }
}

TEST_CASE("access log: CSV for Excel in Japan (BOM, Japanese header, RFC 4180 quoting)", "[store][access]") {
    std::vector<AccessEntry> rows = {
        record(AccessKind::Export, "!a:example.org", "a, b", kT0 + 61'000),
        record(AccessKind::FileSaved, "", "say \"hi\"\r\nnext", kT0),
        record(AccessKind::SignIn, "", "=1+1", kT0),
    };
    rows[0].hash = "ab";
    const std::string csv = toCsv(rows);
    const std::string bom = "\xEF\xBB\xBF";
    REQUIRE(csv.rfind(bom, 0) == 0);
    const std::string expected = bom +
                                 "日時（日本時間）,利用者,種類,患者の部屋,内容,ハッシュ\r\n"
                                 "2026-01-01 09:01:01,\"'@nurse.sato:example.org\",PDF書き出し,!a:example.org,\"a, b\",ab\r\n"
                                 "2026-01-01 09:00:00,\"'@nurse.sato:example.org\",ファイルを保存,,\"say \"\"hi\"\"\r\nnext\",\r\n"
                                 "2026-01-01 09:00:00,\"'@nurse.sato:example.org\",サインイン,,\"'=1+1\",\r\n";
    CHECK(csv == expected);
    CHECK(toCsv({}) == bom + "日時（日本時間）,利用者,種類,患者の部屋,内容,ハッシュ\r\n");
}

TEST_CASE("access log: migration 7 on a vault at version 6 keeps the export log and chains it",
          "[store][access][migration]") {
    TempDir dir;
    {
        auto db = Database::open(dir / "vault.db", keyOf(7));
        REQUIRE(db.ok());
        const std::vector<Migration> six(vaultMigrations().begin(), vaultMigrations().begin() + 6);
        REQUIRE(db->migrate(six).ok());
        REQUIRE(db->userVersion().value() == 6);
        ExportLog exports(*db);
        ExportLogEntry e;
        e.exported_ms = kT0;
        e.user_id = "@nurse.sato:example.org";
        e.room_id = "!a:example.org";
        e.layout = "timeline";
        e.post_count = 12;
        e.target = "pdf";
        REQUIRE(exports.add(e).ok());
        e.exported_ms = kT0 + 1000;
        e.layout = "physician-updates";
        e.post_count = 2;
        e.selected = true;
        e.target = "print";
        REQUIRE(exports.add(e).ok());
    }
    auto vault = Vault::open(dir.path(), keyOf(7));
    REQUIRE(vault.ok());
    CHECK(vault->database().userVersion().value() == 7);
    auto exports = ExportLog(vault->database()).entries();
    REQUIRE(exports.ok());
    CHECK(exports->size() == 2);
    AccessLog log(vault->database());
    auto chained = log.entries();
    REQUIRE(chained.ok());
    REQUIRE(chained->size() == 2);
    CHECK(chained->at(1).kind == AccessKind::Export);
    CHECK(chained->at(1).at_ms == kT0);
    CHECK(chained->at(1).detail == "layout=timeline posts=12");
    CHECK(chained->at(0).kind == AccessKind::Print);
    CHECK(chained->at(0).detail == "layout=physician-updates posts=2 selected");
    REQUIRE(log.append(record(AccessKind::SignIn, "", "", kT0 + 2000)).ok());
    const AccessLogCheck check = verified(*vault);
    CHECK(check.ok);
    CHECK(check.records == 3);
}
