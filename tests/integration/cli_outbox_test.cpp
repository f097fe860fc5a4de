// renkei-cli's outbox commands and documented exit codes, run as the real binary against the
// real Synapse (README "renkei-cli"): `queue` needs no network, `outbox` lists what waits,
// `flush` sends each post exactly once and retries for up to --patience; exit codes 1 (other
// failure), 5 (homeserver unreachable), 6 (refused by the homeserver), 7 (local storage).
// "Unreachable" is a fault proxy between the CLI and the homeserver that resets every
// connection (the account's stored session names the proxy), so the network can come back.
#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "care/care_types.h"
#include "care_fixtures.h"
#include "cli_support.h"
#include "dir_snapshot.h"
#include "fault_proxy.h"
#include "matrix/client.h"
#include "store/vault.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr char kPassphrase[] = "送信待ち確認-パスフレーズ";

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

// Points the account's stored session at `base_url`: renkei-cli sends every request of a
// signed-in account to the homeserver its session names.
void routeThrough(const fs::path& dir, const std::string& base_url) {
    store::PassphraseKeyProvider keys(store::keyFileOf(dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    auto unlocked = keys.loadOrCreate();
    REQUIRE(unlocked.ok());
    {
        auto vault = store::Vault::open(dir, unlocked->vault);
        REQUIRE(vault.ok());
        auto stored = vault->loadSession();
        REQUIRE(stored.ok());
        REQUIRE(stored->has_value());
        store::StoredSession session = **stored;
        session.homeserver = base_url;
        REQUIRE(vault->saveSession(session).ok());
    }
    store::wipe(*unlocked);
}

// One line of `renkei-cli outbox`: txn id, room, state, attempts, last error.
struct OutboxLine {
    std::string txn_id, room_id, state;
    int attempts = 0;
    std::string error;
};

std::vector<OutboxLine> parseOutbox(const std::string& out) {
    std::vector<OutboxLine> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
        REQUIRE(fields.size() >= 4);
        lines.push_back({fields[0], fields[1], fields[2], std::stoi(fields[3]),
                         fields.size() > 4 ? fields[4] : std::string()});
    }
    return lines;
}

// Polls `done` every 10 ms until it holds or `deadline` passes; returns done().
template <class F>
bool waitUntil(F done, std::chrono::seconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(10ms);
    return done();
}

// The nurse signed in with renkei-cli (a seeded data root), a patient room of her own, and a
// fault proxy between the CLI and the homeserver that resets every connection until online().
struct OfflineNurse {
    TempDir root{"cli-outbox"};
    fs::path dir;
    std::string room;
    FaultProxy proxy;

    OfflineNurse() : OfflineNurse(hostPort(Homeserver::get().base_url)) {}
    explicit OfflineNurse(const std::pair<std::string, int>& upstream)
        : proxy(upstream.first, upstream.second, FaultPlan{.reset_before_forward = 1.0}) {
        setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
        dir = cliLogin(root.path(), "nurse.sato", kPassphrase);
        const CliRun created = run({"create-room", "佐々木 ミツ 様（送信待ちテスト）"});
        REQUIRE(created.exit_code == 0);
        room = firstLine(created.out);
        REQUIRE(room.starts_with("!"));
        routeThrough(dir, proxy.baseUrl());
    }
    ~OfflineNurse() { unsetenv("RENKEI_PASSPHRASE"); }
    OfflineNurse(const OfflineNurse&) = delete;
    OfflineNurse& operator=(const OfflineNurse&) = delete;

    std::vector<std::string> withData(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--data-dir", root.path().string()});
        return args;
    }
    CliRun run(const std::vector<std::string>& args) const { return runCli(withData(args)); }
    std::vector<OutboxLine> outbox() const {
        const CliRun listed = run({"outbox"});
        REQUIRE(listed.exit_code == 0);
        return parseOutbox(listed.out);
    }
    /// Queues `body` in `room_id`; returns its transaction id.
    std::string queue(const std::string& room_id, const std::string& body) const {
        const CliRun queued = run({"queue", room_id, body});
        INFO(queued.err);
        REQUIRE(queued.exit_code == 0);
        return firstLine(queued.out);
    }
    void online() { proxy.setPlan({}); }
};

}  // namespace

TEST_CASE("renkei-cli: queue needs no network, outbox lists what waits, and flush sends each "
          "post exactly once") {
    OfflineNurse nurse;
    const std::string marker = uniqueMarker("cli-queue");
    const std::vector<std::string> posts = {"本日 14 時頃に伺います " + marker,
                                            "血圧 124/78 mmHg、脈拍 70 " + marker,
                                            "次回は木曜日に訪問します " + marker};
    std::vector<std::string> txn_ids;
    for (const auto& post : posts) txn_ids.push_back(nurse.queue(nurse.room, post));
    const auto waiting = nurse.outbox();
    CHECK(nurse.proxy.stats().connections == 0);  // neither queue nor outbox went online
    REQUIRE(waiting.size() == posts.size());
    for (std::size_t i = 0; i < posts.size(); ++i) {
        CHECK(waiting[i].txn_id == txn_ids[i]);  // in queue order
        CHECK(waiting[i].room_id == nurse.room);
        CHECK(waiting[i].state == "queued");
        CHECK(waiting[i].attempts == 0);
    }

    nurse.online();
    const CliRun flush = nurse.run({"flush", "--patience", "10"});
    INFO(flush.err);
    REQUIRE(flush.exit_code == 0);
    CHECK(flush.out.find("sent 3, failed 0, still queued 0") != std::string::npos);
    CHECK(serverBodies(nurse.room) == posts);  // each once, in order
    for (const auto& line : nurse.outbox()) CHECK(line.state == "sent");  // until sync confirms

    // Nothing is left to send: a second flush posts nothing twice.
    const CliRun again = nurse.run({"flush"});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("sent 0, failed 0, still queued 0") != std::string::npos);
    REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
    CHECK(nurse.outbox().empty());  // confirmed by their echoes
    CHECK(serverBodies(nurse.room) == posts);
}

TEST_CASE("renkei-cli: with the homeserver unreachable, flush gives up within --patience with "
          "exit code 5 and keeps the post queued") {
    OfflineNurse nurse;
    const std::string post = "褥瘡処置の物品を補充しました " + uniqueMarker("cli-offline");
    const std::string txn_id = nurse.queue(nurse.room, post);

    const CliRun flush = nurse.run({"flush", "--patience", "2"});
    INFO(flush.err);
    CHECK(flush.exit_code == 5);
    // Within about the patience: 2 s, plus process start and unlock on a loaded machine.
    CHECK(flush.elapsed < 2s + 3s);
    CHECK(nurse.proxy.stats().resets >= 2);  // it tried again within the patience
    CHECK(flush.out.find("sent 0, failed 0, still queued 1") != std::string::npos);
    auto waiting = nurse.outbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].txn_id == txn_id);
    CHECK(waiting[0].state == "queued");
    CHECK(waiting[0].attempts >= 2);
    CHECK(waiting[0].error.starts_with("network"));

    // No patience: one attempt, no retry.
    const int resets = nurse.proxy.stats().resets;
    const CliRun once = nurse.run({"flush", "--patience", "0"});
    CHECK(once.exit_code == 5);
    CHECK(nurse.proxy.stats().resets == resets + 1);
    CHECK(serverBodies(nurse.room).empty());

    // Online again, the same post (same transaction id) goes out once.
    nurse.online();
    CHECK(nurse.run({"flush"}).exit_code == 0);
    CHECK(serverBodies(nurse.room) == std::vector<std::string>{post});
    waiting = nurse.outbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].txn_id == txn_id);
    CHECK(waiting[0].state == "sent");
}

TEST_CASE("renkei-cli: flush keeps retrying within --patience and sends the post once the "
          "homeserver answers again") {
    OfflineNurse nurse;
    const std::string post = "点滴の滴下速度を確認しました " + uniqueMarker("cli-back");
    nurse.queue(nurse.room, post);
    const pid_t flush = startCli(nurse.withData({"flush", "--patience", "30"}));
    const bool refused = waitUntil([&] { return nurse.proxy.stats().resets >= 1; }, 10s);
    nurse.online();
    CHECK(refused);
    CHECK(waitCli(flush, 30s) == 0);
    CHECK(serverBodies(nurse.room) == std::vector<std::string>{post});
    const auto sent = nurse.outbox();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].state == "sent");
    CHECK(sent[0].attempts >= 1);  // at least one failed attempt came before
}

TEST_CASE("renkei-cli: a post to a room the user is not in is refused: exit code 6, failed in "
          "outbox, never on the server") {
    TempDir doctor_dir("cli-refused-doctor");
    Client doctor(doctor_dir.path());
    doctor.login("dr.tanaka");
    auto closed = doctor->createRoom("田中内科 院内連絡（招待なし）", {});
    REQUIRE(closed.ok());
    OfflineNurse nurse;
    nurse.online();
    const std::string marker = uniqueMarker("cli-refused");
    const std::string refused_body = "招待されていない部屋への投稿 " + marker;
    const std::string good_body = "こちらは届く投稿 " + marker;
    const std::string refused_txn = nurse.queue(*closed, refused_body);
    const std::string good_txn = nurse.queue(nurse.room, good_body);

    const CliRun flush = nurse.run({"flush", "--patience", "10"});
    INFO(flush.err);
    CHECK(flush.exit_code == 6);
    CHECK(flush.out.find("sent 1, failed 1, still queued 0") != std::string::npos);
    CHECK(flush.err.find("refused") != std::string::npos);
    CHECK(flush.err.find("M_FORBIDDEN") != std::string::npos);
    auto lines = nurse.outbox();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].txn_id == refused_txn);
    CHECK(lines[0].state == "failed");
    CHECK(lines[0].error.find("M_FORBIDDEN") != std::string::npos);
    CHECK(lines[1].txn_id == good_txn);
    CHECK(lines[1].state == "sent");
    CHECK(serverBodies(*closed).empty());
    CHECK(serverBodies(nurse.room) == std::vector<std::string>{good_body});

    // A refused post waits for the user (retry or discard): flush does not send it again.
    const CliRun again = nurse.run({"flush"});
    CHECK(again.exit_code == 0);
    CHECK(nurse.outbox().at(0).state == "failed");
    CHECK(serverBodies(*closed).empty());
    static_cast<void>(doctor->leaveRoom(*closed));
}

TEST_CASE("renkei-cli: local storage that fails is exit code 7, says why, and deletes nothing") {
    const auto& hs = Homeserver::get();
    SECTION("a data directory that cannot be created") {
        TempDir parent("cli-storage");
        const fs::path blocker = parent.path() / "not-a-folder";
        std::ofstream(blocker) << "a file the user keeps";
        setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
        setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
        const CliRun login = runCli({"--data-dir", (blocker / "renkei").string(), "login",
                                     "--homeserver", hs.base_url, "--user", "nurse.sato"});
        unsetenv("RENKEI_PASSWORD");
        unsetenv("RENKEI_PASSPHRASE");
        INFO(login.err);
        CHECK(login.exit_code == 7);
        CHECK(login.err.find("Not a directory") != std::string::npos);
        CHECK(readFile(blocker) == "a file the user keeps");
    }
    SECTION("a damaged vault") {
        OfflineNurse nurse;
        const std::string txn_id = nurse.queue(nurse.room, "破損前に書いた投稿");
        const fs::path vault_file = nurse.dir / "vault.db";
        const std::string intact = readFile(vault_file);
        REQUIRE_FALSE(fs::exists(nurse.dir / "vault.db-wal"));  // closed: all in vault.db
        {
            std::fstream f(vault_file, std::ios::in | std::ios::out | std::ios::binary);
            const std::string junk(8192, '\x5a');
            f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
        }
        const auto before = snapshot(nurse.root.path());
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"outbox"}, {"queue", nurse.room, "破損後の投稿"}, {"flush"}}) {
            const CliRun refused = nurse.run(args);
            INFO(args.front() << ": " << refused.err);
            CHECK(refused.exit_code == 7);
            CHECK(refused.err.find("vault.db") != std::string::npos);
            CHECK(refused.err.find("corrupt") != std::string::npos);
            CHECK(refused.err.find(kPassphrase) == std::string::npos);
        }
        CHECK(snapshot(nurse.root.path()) == before);  // nothing erased or replaced
        CHECK(nurse.proxy.stats().connections == 0);

        std::ofstream(vault_file, std::ios::binary | std::ios::trunc) << intact;  // from a backup
        const auto restored = nurse.outbox();
        REQUIRE(restored.size() == 1);
        CHECK(restored[0].txn_id == txn_id);
    }
}

TEST_CASE("renkei-cli: another failure is exit code 1: signing in under another spelling of an "
          "account that has its own directory") {
    const auto& hs = Homeserver::get();
    TempDir root("cli-mismatch");
    setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
    const fs::path dir = cliLogin(root.path(), "nurse.sato", kPassphrase);
    const std::string user_id = hs.userId("nurse.sato");
    auto devices = [&] {
        std::set<std::string> ids;
        const auto body = adminGet("/_synapse/admin/v2/users/" + matrix::urlEncode(user_id) + "/devices");
        for (const auto& d : body.at("devices")) ids.insert(d.at("device_id").get<std::string>());
        return ids;
    };
    const auto devices_before = devices();
    const auto before = snapshot(dir);

    // The same account in capitals: the homeserver folds it to nurse.sato, whose data has a
    // directory already. (This login makes a fresh directory, so it derives its key file
    // with the product's work factors.)
    std::string shouted = user_id;
    std::transform(shouted.begin(), shouted.begin() + static_cast<std::ptrdiff_t>(shouted.find(':')),
                   shouted.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    setenv("RENKEI_PASSWORD", hs.password("nurse.sato").c_str(), 1);
    const CliRun login = runCli({"--data-dir", root.path().string(), "login", "--homeserver",
                                 hs.base_url, "--user", shouted});
    unsetenv("RENKEI_PASSWORD");
    INFO(login.err);
    CHECK(login.exit_code == 1);
    CHECK(login.err.find("already has local data") != std::string::npos);
    auto accounts = store::listAccounts(root.path());
    REQUIRE(accounts.ok());
    CHECK(accounts->size() == 1);  // the directory the failed login made is gone again
    CHECK(snapshot(dir) == before);
    CHECK(devices() == devices_before);  // the session the server opened was ended at once
    CHECK(runCli({"--data-dir", root.path().string(), "rooms"}).exit_code == 0);
    unsetenv("RENKEI_PASSPHRASE");
}

TEST_CASE("renkei-cli: open-patient-room offline stays queued (exit 5), outbox lists it, and "
          "flush creates it once with the consent scan as its first file") {
    OfflineNurse nurse;
    const auto& hs = Homeserver::get();
    auto write = [&](const char* name, const std::string& bytes) {
        const fs::path file = nurse.root.path() / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file.string();
    };
    auto patient = care::toContent(fictionalPatient());
    auto consent = care::toContent(fictionalConsent(hs.userId("nurse.sato")));
    REQUIRE((patient.ok() && consent.ok()));
    const std::string scan = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2048, 'C') + uniqueMarker("cli-scan");
    const std::vector<std::string> open = {
        "open-patient-room", "--patient", write("patient.json", patient->dump()), "--consent",
        write("consent.json", consent->dump()), "--consent-scan", write("同意書.png", scan), "--member",
        hs.userId("dr.tanaka") + ":主治医", "--patience", "0"};
    const CliRun profile = nurse.run({"profile", "--profession", "visiting_nurse", "--office", "みなと訪問看護ステーション"});
    REQUIRE((profile.exit_code == 0 || profile.exit_code == 5));  // kept (written to rooms when online)

    // Refused before anything is stored: no consent.
    std::vector<std::string> no_consent = open;
    no_consent.erase(no_consent.begin() + 3, no_consent.begin() + 5);
    const CliRun refused = nurse.run(no_consent);
    CHECK(refused.exit_code == 2);
    CHECK(nurse.outbox().empty());

    const CliRun queued = nurse.run(open);
    INFO(queued.err);
    CHECK(queued.exit_code == 5);
    CHECK(queued.out.find("patient room queued") != std::string::npos);
    CHECK(queued.out.find("renkei-cli flush") != std::string::npos);
    auto waiting = nurse.outbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].room_id == "部屋の開設待ち: " + fictionalPatient().name);
    CHECK(waiting[0].state == "queued");
    const std::string creation_id = waiting[0].txn_id;

    nurse.online();
    const CliRun flush = nurse.run({"flush", "--patience", "10"});
    INFO(flush.err);
    REQUIRE(flush.exit_code == 0);
    const auto at = flush.out.find("opened patient room !");
    REQUIRE(at != std::string::npos);
    const std::string room = firstLine(flush.out.substr(at + std::string("opened patient room ").size()));
    CHECK(flush.out.find("sent 1, failed 0, still queued 0") != std::string::npos);  // the scan
    const auto messages = serverMessages(room);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].at("content").value("body", "") == "同意書の写し（同意書.png）");
    CHECK(nurse.run({"flush"}).out.find("opened patient room") == std::string::npos);  // once
    for (const auto& line : nurse.outbox()) CHECK(line.txn_id != creation_id);
}
