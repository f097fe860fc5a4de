// Issue 13, the access log (アクセス記録): sign-in and sign-out recorded by the real login and
// logout against Synapse, the records the app appends read back by `renkei-cli access-log`
// (filters, JSON, the CSV for the office), and a record edited or removed in the encrypted
// vault found by `access-log --verify` (exit 8); `renkei-cli change-passphrase` re-wraps the
// keys so that only the new passphrase opens the same data. Fictional ids only.
#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

#include "care/care_record_format.h"
#include "cli_support.h"
#include "session/session.h"
#include "store/vault.h"

using namespace renkei;
using namespace renkei::test;

namespace {

constexpr char kPassphrase[] = "架空のパスフレーズ-access";

std::vector<nlohmann::json> jsonLines(const std::string& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
    }
    return lines;
}

std::filesystem::path accountDir(const std::filesystem::path& root) {
    const auto accounts = store::listAccounts(root);
    REQUIRE(accounts.ok());
    REQUIRE(accounts->size() == 1);
    return accounts->front().dir;
}

// Opens the account's vault with its keys, as the app would, and runs raw SQL in it.
void tamper(const std::filesystem::path& dir, const std::string& statement) {
    store::PassphraseKeyProvider provider(store::keyFileOf(dir), kPassphrase, store::KdfLimits::minimumForTests());
    auto keys = provider.loadOrCreate();
    REQUIRE(keys.ok());
    auto vault = store::Vault::open(dir, keys->vault);
    store::wipe(*keys);
    REQUIRE(vault.ok());
    REQUIRE(vault->database().exec(statement.c_str()).ok());
}

}  // namespace

TEST_CASE("renkei-cli access-log: what was done here, filtered, as CSV, and tampering found", "[access][cli]") {
    TempDir dir("cli-access");
    const std::filesystem::path root = dir.path() / "cli";
    CliUser nurse(root, "nurse.sato", kPassphrase);
    const std::string nurse_id = Homeserver::get().userId("nurse.sato");
    const std::filesystem::path account = accountDir(root);
    const std::string room_a = "!架空の部屋a:localhost";
    const std::string room_b = "!b:localhost";
    {
        // What the app records while the nurse works: rooms and a file opened, a wrong passphrase.
        store::PassphraseKeyProvider keys(store::keyFileOf(account), kPassphrase, store::KdfLimits::minimumForTests());
        auto session = session::Session::open({account, {}, nullptr, 50}, keys);
        REQUIRE(session.ok());
        REQUIRE((*session)->recordAccess(store::AccessKind::RoomOpened, room_a).ok());
        REQUIRE((*session)->recordAccess(store::AccessKind::FileOpened, room_a, "kind=image").ok());
        REQUIRE((*session)->recordAccess(store::AccessKind::RoomOpened, room_b).ok());
        REQUIRE((*session)->recordAccess(store::AccessKind::UnlockFailed).ok());
        CHECK((*session)->recordAccess(store::AccessKind::FileSaved, room_a, "bad\ndetail").error().kind ==
              ErrorKind::InvalidArgument);
    }
    REQUIRE(nurse.run({"logout"}).exit_code == 0);

    SECTION("newest first, each with who, what and where; filters by kind, room and day") {
        const CliRun all = nurse.run({"access-log", "--json"});
        REQUIRE(all.exit_code == 0);
        const auto lines = jsonLines(all.out);
        REQUIRE(lines.size() == 6);
        const std::vector<std::string> kinds = {"sign-out", "unlock-failed", "room-opened", "file-opened",
                                                "room-opened", "sign-in"};
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i]["kind"] == kinds[i]);
            CHECK(lines[i]["user_id"] == nurse_id);
            CHECK(lines[i]["hash"].get<std::string>().size() == 64);
            CHECK(lines[i]["id"] == static_cast<std::int64_t>(lines.size() - i));
        }
        CHECK(lines[3]["room_id"] == room_a);
        CHECK(lines[3]["detail"] == "kind=image");
        CHECK(lines[0]["detail"] == "server=confirmed");

        CHECK(jsonLines(nurse.run({"access-log", "--json", "--kind", "room-opened"}).out).size() == 2);
        const auto in_a = jsonLines(nurse.run({"access-log", "--json", "--room", room_a}).out);
        REQUIRE(in_a.size() == 2);
        CHECK(in_a[0]["kind"] == "file-opened");
        const std::string today = care::jstDate(nowMs());
        const std::string tomorrow = care::jstDate(nowMs() + 24LL * 60 * 60 * 1000);
        CHECK(jsonLines(nurse.run({"access-log", "--json", "--since", today, "--to", today}).out).size() == 6);
        CHECK(nurse.run({"access-log", "--json", "--since", tomorrow}).out.empty());
        CHECK(jsonLines(nurse.run({"access-log", "--json", "--limit", "2"}).out).size() == 2);
        CHECK(nurse.run({"access-log", "--kind", "opened"}).exit_code == 2);
        CHECK(nurse.run({"access-log", "--since", "2026-13-01"}).exit_code == 2);
        CHECK(nurse.run({"access-log", "--limit", "0"}).exit_code == 2);
        // Plain lines: tab-separated, the room id escaped for the terminal like all server text.
        const CliRun plain = nurse.run({"access-log", "--kind", "sign-in"});
        REQUIRE(plain.exit_code == 0);
        CHECK(plain.out.find("\tsign-in\t") != std::string::npos);
        CHECK(plain.out.find(nurse_id) != std::string::npos);
    }

    SECTION("the CSV for the office: a byte-order mark, the header, one row a record, no formula") {
        const auto csv = dir.path() / "access.csv";
        const CliRun written = nurse.run({"access-log", "--csv", csv.string()});
        REQUIRE(written.exit_code == 0);
        CHECK(written.out == "wrote 6 records\n");
        std::ifstream in(csv, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text.starts_with("\xEF\xBB\xBF" "日時（日本時間）,利用者,種類,患者の部屋,内容,ハッシュ\r\n"));
        std::size_t rows = 0;
        for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at + 2)) ++rows;
        CHECK(rows == 7);
        CHECK(text.find(",\"'" + nurse_id + "\",") != std::string::npos);  // never run as a formula
        CHECK(text.find("部屋を開いた") != std::string::npos);
        CHECK(text.find(room_a) != std::string::npos);
    }

    SECTION("an edited or removed record breaks the chain: --verify names it and exits 8") {
        const CliRun intact = nurse.run({"access-log", "--verify"});
        CHECK(intact.exit_code == 0);
        CHECK(intact.out == "access log intact: 6 records\n");
        tamper(account, "UPDATE access_log SET room_id = '!c:localhost' WHERE id = 2");
        const CliRun edited = nurse.run({"access-log", "--verify"});
        CHECK(edited.exit_code == 8);
        CHECK(edited.out.find("TAMPERED") != std::string::npos);
        CHECK(edited.out.find("record 2 does not match its hash") != std::string::npos);
        tamper(account, "UPDATE access_log SET room_id = '" + room_a + "' WHERE id = 2");
        REQUIRE(nurse.run({"access-log", "--verify"}).exit_code == 0);
        tamper(account, "DELETE FROM access_log WHERE id = 4");
        const CliRun removed = nurse.run({"access-log", "--verify"});
        CHECK(removed.exit_code == 8);
        CHECK(removed.out.find("record 4 is missing") != std::string::npos);
    }
}

TEST_CASE("renkei-cli change-passphrase: the new one opens the same data, the old one no longer", "[keys][cli]") {
    TempDir dir("cli-passphrase");
    const std::filesystem::path root = dir.path() / "cli";
    CliUser nurse(root, "nurse.sato", kPassphrase);
    const std::string draft_room = "!queued:localhost";
    REQUIRE(nurse.run({"queue", draft_room, "架空の申し送り"}).exit_code == 0);
    const std::string outbox = nurse.run({"outbox"}).out;
    REQUIRE(outbox.find(draft_room) != std::string::npos);

    setenv("RENKEI_NEW_PASSPHRASE", "違う古い合言葉の後の新しい合言葉", 1);
    setenv("RENKEI_PASSPHRASE", "違う合言葉", 1);
    CHECK(nurse.run({"change-passphrase"}).exit_code == 3);  // the current one is wrong: nothing changes
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    REQUIRE(nurse.run({"outbox"}).exit_code == 0);

    const std::string replacement = "新しい合言葉-架空";
    setenv("RENKEI_NEW_PASSPHRASE", replacement.c_str(), 1);
    const CliRun changed = nurse.run({"change-passphrase"});
    unsetenv("RENKEI_NEW_PASSPHRASE");
    REQUIRE(changed.exit_code == 0);
    CHECK(changed.out == "passphrase changed\n");
    CHECK(changed.err.find(replacement) == std::string::npos);
    CHECK(nurse.run({"outbox"}).exit_code == 3);  // the old passphrase
    setenv("RENKEI_PASSPHRASE", replacement.c_str(), 1);
    const CliRun reopened = nurse.run({"outbox"});
    CHECK(reopened.exit_code == 0);
    CHECK(reopened.out == outbox);  // the same vault, its queued post untouched
    CHECK(nurse.run({"change-passphrase"}).exit_code == 2);  // no new passphrase given, no terminal
}
