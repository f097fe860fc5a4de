// Issue 4 fault test 3: requests cut in the middle by a fault-injecting TCP proxy between
// the client and the real Synapse — connections reset before the request is forwarded,
// replies dropped after the server committed the post, stalled replies that time out. The
// outbox still delivers every post exactly once and in order.
#include <catch2/catch_test_macros.hpp>
#include <algorithm>
#include <chrono>
#include <iostream>

#include "fault_proxy.h"
#include "outbox_support.h"
#include "support.h"
#include "via_proxy.h"

using namespace renkei;
using namespace renkei::test;
using Kind = session::SendNotification::Kind;
using namespace std::chrono_literals;

TEST_CASE("outbox 3: resets, replies lost after commit and stalls: every post exactly once") {
    const auto& hs = Homeserver::get();
    const auto [host, port] = hostPort(hs.base_url);
    FaultProxy proxy(host, port);
    TempDir dir("outbox-proxy");
    // Short timeouts: a stalled reply fails in 1.5 s instead of the production 60 s.
    Client client(dir.path(), std::make_shared<ViaProxy>(hs.base_url, proxy.baseUrl(), 1500ms));
    client.login("nurse.sato");
    auto& nurse = *client;
    auto room_a = nurse.createRoom("通信断試験 A", {});
    auto room_b = nurse.createRoom("通信断試験 B", {});
    REQUIRE((room_a.ok() && room_b.ok()));

    const std::string marker = uniqueMarker("proxy");
    std::vector<std::string> expected_a, expected_b;
    for (int i = 0; i < 30; ++i) {
        auto& expected = i % 2 == 0 ? expected_a : expected_b;
        expected.push_back("訪問記録 " + marker + " #" + std::to_string(i));
        REQUIRE(nurse.queueText(i % 2 == 0 ? *room_a : *room_b, expected.back()).ok());
    }

    FaultPlan plan;
    plan.reset_before_forward = 0.15;
    plan.drop_after_commit = 0.25;
    plan.stall = 0.08;
    plan.stall_for = 3s;
    plan.seed = 20261121;
    proxy.setPlan(plan);
    SendLog log;
    session::SendQueue sender(nurse, log.callback(),
                              session::Backoff(std::chrono::milliseconds(50), std::chrono::milliseconds(400)));
    const auto started = std::chrono::steady_clock::now();
    sender.start();
    const bool all_sent = log.waitForSent(30, 240s);
    sender.stop();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto stats = proxy.stats();
    std::cout << "outbox 3: 30 posts through the proxy in " << seconds << " s; requests "
              << stats.requests << ", resets " << stats.resets << ", replies dropped after commit "
              << stats.drops_after_commit << ", stalls " << stats.stalls << "; retries reported "
              << log.count(Kind::Waiting) << "\n";
    REQUIRE(all_sent);
    CHECK(stats.requests > 30);
    CHECK(log.count(Kind::Failed) == 0);
    CHECK(stats.resets > 0);
    CHECK(stats.drops_after_commit > 0);
    CHECK(stats.stalls > 0);
    // Read from the server directly, not through the proxy or our cache.
    CHECK(serverBodies(*room_a) == expected_a);
    CHECK(serverBodies(*room_b) == expected_b);
}
