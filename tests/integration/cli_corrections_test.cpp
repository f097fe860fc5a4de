// renkei-cli's corrections as the real binary runs them against the real Synapse: `edit`,
// `react`, `unreact`, `reply` and `delete` queue through the outbox and flush like `send`;
// `timeline` shows the result at once (our outbox's echoes) and after sync (the server's).
#include <catch2/catch_test_macros.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "support.h"

using namespace renkei;
using namespace renkei::test;
using nlohmann::json;

namespace {

constexpr char kPassphrase[] = "訂正確認-パスフレーズ";

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

struct CliNurse {
    TempDir root{"cli-corrections"};
    CliNurse() {
        setenv("RENKEI_PASSPHRASE", kPassphrase, 1);
        cliLogin(root.path(), "nurse.sato", kPassphrase);
    }
    ~CliNurse() { unsetenv("RENKEI_PASSPHRASE"); }
    CliNurse(const CliNurse&) = delete;
    CliNurse& operator=(const CliNurse&) = delete;

    CliRun run(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--data-dir", root.path().string()});
        CliRun done = runCli(args);
        INFO(done.err);
        return done;
    }
    /// `timeline ROOM --json`: one item per line.
    std::vector<json> items(const std::string& room) const {
        const CliRun listed = run({"timeline", room, "--json"});
        REQUIRE(listed.exit_code == 0);
        std::vector<json> out;
        std::istringstream in(listed.out);
        for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
        return out;
    }
};

const json* withBody(const std::vector<json>& items, const std::string& body) {
    for (const auto& item : items) {
        if (item.value("body", "") == body) return &item;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("renkei-cli: edit, react, unreact, reply and delete go out once and show in timeline") {
    CliNurse nurse;
    const CliRun created = nurse.run({"create-room", "佐藤 一郎 様（訂正 CLI）"});
    REQUIRE(created.exit_code == 0);
    const std::string room = firstLine(created.out);
    REQUIRE(nurse.run({"send", room, "血圧 128/76"}).exit_code == 0);
    REQUIRE(nurse.run({"send", room, "別の方の記録"}).exit_code == 0);
    REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
    auto items = nurse.items(room);
    REQUIRE(withBody(items, "血圧 128/76") != nullptr);
    const std::string bp = (*withBody(items, "血圧 128/76"))["event_id"];
    const std::string mistake = (*withBody(items, "別の方の記録"))["event_id"];

    CHECK(nurse.run({"edit", room, bp, "血圧 132/80 訂正"}).exit_code == 0);
    CHECK(nurse.run({"react", room, bp, "確認しました"}).exit_code == 0);
    CHECK(nurse.run({"reply", room, bp, "朝の値です"}).exit_code == 0);
    CHECK(nurse.run({"delete", room, mistake, "--reason", "別の部屋への投稿"}).exit_code == 0);
    CHECK(nurse.run({"edit", room, "$not-cached", "x"}).exit_code != 0);

    // Before any sync: the outbox's echoes already show the correction, marked as such.
    items = nurse.items(room);
    const json* edited = withBody(items, "血圧 132/80 訂正");
    REQUIRE(edited != nullptr);
    CHECK(edited->value("edit_state", "") == "sent");
    CHECK((*edited)["reactions"][0]["key"] == "確認しました");

    REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
    REQUIRE(nurse.run({"outbox"}).out.empty());  // every echo confirmed
    items = nurse.items(room);
    edited = withBody(items, "血圧 132/80 訂正");
    REQUIRE(edited != nullptr);
    CHECK((*edited)["edited"] == true);
    CHECK_FALSE(edited->contains("edit_state"));
    CHECK((*edited)["reactions"][0]["senders"] == json::array({Homeserver::get().userId("nurse.sato")}));
    const json* reply = withBody(items, "朝の値です");
    REQUIRE(reply != nullptr);
    CHECK((*reply)["in_reply_to"] == bp);
    bool deleted = false;
    for (const auto& item : items) {
        if (item["event_id"] == mistake) {
            deleted = item["kind"] == "redacted" && item["redaction"]["reason"] == "別の部屋への投稿";
        }
    }
    CHECK(deleted);

    CHECK(nurse.run({"unreact", room, bp, "確認しました"}).exit_code == 0);
    REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
    items = nurse.items(room);
    edited = withBody(items, "血圧 132/80 訂正");
    REQUIRE(edited != nullptr);
    CHECK_FALSE(edited->contains("reactions"));
    // On the server: the two posts (one now deleted), one edit and one reply, each once.
    CHECK(serverBodies(room) == std::vector<std::string>{"血圧 128/76", "", "* 血圧 132/80 訂正", "朝の値です"});
    CHECK(nurse.run({"leave", room}).exit_code == 0);
}
