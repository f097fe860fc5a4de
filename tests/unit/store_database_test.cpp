// Database: keying, wrong keys, encryption on disk, pragmas, migrations, transactions.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch_test_macros.hpp>
#include <stdexcept>

#include "store/cache.h"
#include "store/database.h"
#include "store_test_util.h"

using namespace renkei;
using namespace renkei::store;
using renkei::store::test::keyOf;
using renkei::store::test::pragma;
using renkei::store::test::readFile;
using renkei::store::test::TempDir;

namespace {

std::int64_t count(Database& db, const char* sql) {
    auto stmt = db.prepare(sql);
    REQUIRE(stmt.ok());
    auto row = stmt->step();
    REQUIRE(row.ok());
    REQUIRE(*row);
    return stmt->int64(0);
}

}  // namespace

TEST_CASE("database: wrong key gives a clear, distinguishable Storage error", "[store][database]") {
    TempDir dir;
    const auto file = dir / "x.db";
    {
        auto db = Database::open(file, keyOf(1));
        REQUIRE(db.ok());
        REQUIRE(
            db->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('secret patient note')").ok());
    }
    auto wrong = Database::open(file, keyOf(2));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::Storage);
    CHECK(wrong.error().errcode == "SQLITE_NOTADB");
    CHECK(wrong.error().message.find("cannot decrypt") != std::string::npos);
    CHECK(wrong.error().message.find("wrong key or corrupt file") != std::string::npos);

    auto right = Database::open(file, keyOf(1));
    REQUIRE(right.ok());
    CHECK(count(*right, "SELECT count(*) FROM t") == 1);
}

TEST_CASE("database: a file that is not a database reads as NOTADB", "[store][database]") {
    TempDir dir;
    const auto file = dir / "junk.db";
    test::writeFile(file, std::string(8192, 'j'));
    auto db = Database::open(file, keyOf(1));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().errcode == "SQLITE_NOTADB");
}

TEST_CASE("database: a missing directory is CANTOPEN", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "no" / "such" / "x.db", keyOf(1));
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().kind == ErrorKind::Storage);
    CHECK(db.error().errcode == "SQLITE_CANTOPEN");
    CHECK(db.error().message.find("cannot open") != std::string::npos);
}

TEST_CASE("database: files on disk are encrypted and private", "[store][database]") {
    TempDir dir;
    {
        auto cache = Cache::open(dir.path(), keyOf(7));
        REQUIRE(cache.ok());
        REQUIRE(cache->applySync(test::syncWith("s1", "!room:example.org", test::messages("m", 20)))
                    .ok());
        REQUIRE(cache->checkpoint().ok());
    }
    const std::string bytes = readFile(dir / "cache.db");
    REQUIRE(bytes.size() >= 16);
    CHECK(bytes.substr(0, 16) != std::string("SQLite format 3\0", 16));
    CHECK(bytes.find("post m1") == std::string::npos);
    CHECK(bytes.find("!room:example.org") == std::string::npos);

    struct stat st {};
    REQUIRE(::stat((dir / "cache.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("database: connection pragmas are set", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "p.db", keyOf(3));
    REQUIRE(db.ok());
    CHECK(pragma(*db, "PRAGMA journal_mode") == "wal");
    CHECK(count(*db, "PRAGMA foreign_keys") == 1);
    CHECK(count(*db, "PRAGMA secure_delete") == 1);
    CHECK(count(*db, "PRAGMA temp_store") == 2);   // MEMORY
    CHECK(count(*db, "PRAGMA synchronous") == 1);  // NORMAL
    CHECK(pragma(*db, "PRAGMA cipher_version").starts_with("4."));  // SQLCipher 4, not SQLite
}

TEST_CASE("database: migrations run once, in order, and set user_version", "[store][database]") {
    TempDir dir;
    const auto file = dir / "m.db";
    int applied = 0;
    const std::vector<Migration> migrations = {
        {2, "ALTER TABLE a ADD COLUMN w TEXT", nullptr},
        {1, "CREATE TABLE a (v INTEGER)",
         [&](Database&) -> Result<void> {
             ++applied;
             return {};
         }},
    };
    {
        auto db = Database::open(file, keyOf(4));
        REQUIRE(db.ok());
        REQUIRE(db->migrate(migrations).ok());
        CHECK(applied == 1);
        CHECK(*db->userVersion() == 2);
        REQUIRE(db->migrate(migrations).ok());
        CHECK(applied == 1);
        REQUIRE(db->exec("INSERT INTO a (v, w) VALUES (1, 'x')").ok());
    }
    auto db = Database::open(file, keyOf(4));
    REQUIRE(db.ok());
    REQUIRE(db->migrate(migrations).ok());
    CHECK(applied == 1);
    CHECK(count(*db, "SELECT count(*) FROM a") == 1);

    SECTION("a failing migration is rolled back, earlier ones stay") {
        const std::vector<Migration> more = {
            migrations[0],
            migrations[1],
            {3, "CREATE TABLE b (v); INSERT INTO nope VALUES (1)", nullptr},
        };
        auto r = db->migrate(more);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::Storage);
        CHECK(r.error().message.find("migration 3") != std::string::npos);
        CHECK(*db->userVersion() == 2);
        CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'b'") == 0);
    }
    SECTION("a database newer than the code is refused") {
        REQUIRE(db->exec("PRAGMA user_version = 9").ok());
        auto r = db->migrate(migrations);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("newer") != std::string::npos);
    }
}

TEST_CASE("database: transactions commit, roll back on failure and on exceptions",
          "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "t.db", keyOf(5));
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t (v INTEGER UNIQUE)").ok());

    auto ok = db->transaction([&]() -> Result<int> {
        if (auto r = db->exec("INSERT INTO t VALUES (1)"); !r) return r.failure();
        return 42;
    });
    REQUIRE(ok.ok());
    CHECK(*ok == 42);

    auto failed = db->transaction([&]() -> Result<void> {
        if (auto r = db->exec("INSERT INTO t VALUES (2)"); !r) return r;
        return db->exec("INSERT INTO t VALUES (1)");  // UNIQUE violation
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().errcode == "SQLITE_CONSTRAINT");
    CHECK(count(*db, "SELECT count(*) FROM t") == 1);

    auto thrown = db->transaction([&]() -> Result<void> {
        (void)db->exec("INSERT INTO t VALUES (3)");
        throw std::runtime_error("boom with patient data");
    });
    REQUIRE_FALSE(thrown.ok());
    CHECK(thrown.error().message.find("patient") == std::string::npos);
    CHECK(count(*db, "SELECT count(*) FROM t") == 1);
    CHECK_FALSE(db->inTransaction());

    // A nested transaction is a savepoint: its failure undoes only its own changes.
    auto outer = db->transaction([&]() -> Result<void> {
        if (auto r = db->exec("INSERT INTO t VALUES (10)"); !r) return r;
        auto inner = db->transaction([&]() -> Result<void> {
            if (auto r = db->exec("INSERT INTO t VALUES (11)"); !r) return r;
            return fail(ErrorKind::InvalidArgument, "inner fails");
        });
        CHECK_FALSE(inner.ok());
        return db->transaction([&]() { return db->exec("INSERT INTO t VALUES (12)"); });
    });
    REQUIRE(outer.ok());
    CHECK(count(*db, "SELECT count(*) FROM t") == 3);
    CHECK(count(*db, "SELECT count(*) FROM t WHERE v = 11") == 0);
}

TEST_CASE("database: cached statements are reused and safe to nest", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "c.db", keyOf(6));
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)").ok());
    const char* sql = "SELECT v FROM t WHERE v >= ? ORDER BY v";
    auto outer = db->cached(sql);
    REQUIRE(outer.ok());
    outer->bindInt(1, 2);
    REQUIRE(*outer->step());
    CHECK(outer->int64(0) == 2);
    {
        auto inner = db->cached(sql);  // same SQL while the first is in use: a fresh statement
        REQUIRE(inner.ok());
        inner->bindInt(1, 1);
        REQUIRE(*inner->step());
        CHECK(inner->int64(0) == 1);
    }
    REQUIRE(*outer->step());
    CHECK(outer->int64(0) == 3);

    auto bad = db->prepare("SELECT v FROM t WHERE v = ?");
    REQUIRE(bad.ok());
    bad->bindInt(5, 1);  // out of range: reported by step()
    auto r = bad->step();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().errcode == "SQLITE_RANGE");
}

TEST_CASE("database: the statement cache stays bounded", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "c.db", keyOf(7));
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (7)").ok());
    // Texts that differ by a value (what a caller must not do) beyond the bound still work.
    for (std::size_t i = 0; i < Database::kMaxCachedStatements + 50; ++i) {
        const std::string sql = "SELECT v + " + std::to_string(i) + " FROM t";
        auto stmt = db->cached(sql);
        REQUIRE(stmt.ok());
        REQUIRE(*stmt->step());
        CHECK(stmt->int64(0) == 7 + static_cast<std::int64_t>(i));
    }
    CHECK(db->cachedStatementCount() == Database::kMaxCachedStatements);
}

TEST_CASE("database: a full disk is reported as such", "[store][database]") {
    TempDir dir;
    auto db = Database::open(dir / "f.db", keyOf(8));
    REQUIRE(db.ok());
    REQUIRE(db->exec("CREATE TABLE t (v BLOB)").ok());
    // Cap the file at its current size: the next growth fails like a full disk.
    const auto pages = count(*db, "PRAGMA page_count");
    REQUIRE(db->exec(("PRAGMA max_page_count = " + std::to_string(pages)).c_str()).ok());
    auto r = db->exec("INSERT INTO t VALUES (zeroblob(100000))");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().errcode == "SQLITE_FULL");
    CHECK(r.error().message.find("disk is full") != std::string::npos);
}
