// Tests of the fault-injecting proxy itself (fault_proxy.h), between the real CurlTransport
// and the Synapse started by tests/homeserver/harness.py (ctest fixture "synapse"): each
// fault must reach the client as the error a real network failure of that kind gives.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch_test_macros.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "fault_proxy.h"
#include "http/curl_transport.h"
#include "support.h"

using namespace renkei;
using namespace std::chrono_literals;
using renkei::test::FaultPlan;
using renkei::test::FaultProxy;
using renkei::test::Homeserver;

namespace {

/// A proxy in front of the suite's homeserver.
std::unique_ptr<FaultProxy> proxyToHomeserver(const FaultPlan& plan) {
    const auto [host, port] = renkei::test::hostPort(Homeserver::get().base_url);
    return std::make_unique<FaultProxy>(host, port, plan);
}

/// GET /_matrix/client/versions through `base_url` (no authentication needed).
Result<http::Response> getVersions(http::Transport& transport, const std::string& base_url,
                                   std::chrono::milliseconds total_timeout = 10s) {
    http::Request req;
    req.url = base_url + "/_matrix/client/versions";
    req.connect_timeout = 5s;
    req.total_timeout = total_timeout;
    return transport.perform(req, nullptr);
}

/// Polls `done` until it holds or `deadline` passes; returns done().
bool waitUntil(const std::function<bool()>& done, std::chrono::milliseconds deadline) {
    const auto end = std::chrono::steady_clock::now() + deadline;
    while (!done() && std::chrono::steady_clock::now() < end) std::this_thread::yield();
    return done();
}

}  // namespace

TEST_CASE("hostPort splits a base URL") {
    using renkei::test::hostPort;
    CHECK(hostPort("http://127.0.0.1:8008") == std::pair<std::string, int>{"127.0.0.1", 8008});
    CHECK(hostPort("http://localhost:1234/_matrix/") == std::pair<std::string, int>{"localhost", 1234});
    CHECK(hostPort("http://[::1]:99/x") == std::pair<std::string, int>{"::1", 99});
    CHECK(hostPort("http://[::1]") == std::pair<std::string, int>{"::1", 80});
    CHECK(hostPort("https://matrix.example.org") == std::pair<std::string, int>{"matrix.example.org", 443});
    CHECK_THROWS(hostPort("127.0.0.1:8008"));
    CHECK_THROWS(hostPort("http://host:70000"));
}

TEST_CASE("an all-zero plan forwards every request unchanged over kept-alive connections") {
    auto proxy = proxyToHomeserver({});
    CHECK(proxy->baseUrl() == "http://127.0.0.1:" + std::to_string(proxy->port()));
    http::CurlTransport transport;
    for (int i = 0; i < 20; ++i) {
        auto r = getVersions(transport, proxy->baseUrl());
        REQUIRE(r.ok());
        CHECK(r->status == 200);
        CHECK(r->body.find("\"versions\"") != std::string::npos);
    }
    const auto s = proxy->stats();
    CHECK(s.requests >= 20);
    CHECK(s.connections >= 1);
    CHECK(s.connections < 20);  // libcurl reuses the connection: the boundaries are per request
    CHECK(s.resets + s.drops_after_commit + s.stalls == 0);
}

TEST_CASE("reset_before_forward fails the request with a network error") {
    FaultPlan plan;
    plan.reset_before_forward = 1;
    auto proxy = proxyToHomeserver(plan);
    http::CurlTransport transport;
    auto r = getVersions(transport, proxy->baseUrl());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Network);
    CHECK(proxy->stats().resets >= 1);
}

TEST_CASE("drop_after_commit loses the reply: a network error") {
    FaultPlan plan;
    plan.drop_after_commit = 1;
    auto proxy = proxyToHomeserver(plan);
    http::CurlTransport transport;
    // One good request first so that the faulty one may go over a reused connection.
    proxy->setPlan({});
    REQUIRE(getVersions(transport, proxy->baseUrl()).ok());
    proxy->setPlan(plan);
    auto r = getVersions(transport, proxy->baseUrl());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Network);
    const auto s = proxy->stats();
    CHECK(s.drops_after_commit >= 1);  // 2 if libcurl retried on a fresh connection
    CHECK(s.requests == 1 + s.drops_after_commit);
}

TEST_CASE("a stall longer than the client's timeout gives Timeout") {
    FaultPlan plan;
    plan.stall = 1;
    plan.stall_for = 3s;
    auto proxy = proxyToHomeserver(plan);
    http::CurlTransport transport;
    const auto start = std::chrono::steady_clock::now();
    auto r = getVersions(transport, proxy->baseUrl(), 1s);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Timeout);
    CHECK(std::chrono::steady_clock::now() - start < 2900ms);  // the client's timeout, not the stall
    CHECK(proxy->stats().stalls == 1);
}

TEST_CASE("destroying the proxy ends a stall at once") {
    FaultPlan plan;
    plan.stall = 1;
    plan.stall_for = 60s;
    auto proxy = proxyToHomeserver(plan);
    const std::string url = proxy->baseUrl();
    std::optional<Result<http::Response>> result;
    std::thread client([&] {
        http::CurlTransport transport;
        result.emplace(getVersions(transport, url, 30s));
    });
    const bool stalled = waitUntil([&] { return proxy->stats().stalls == 1; }, 10s);
    const auto start = std::chrono::steady_clock::now();
    proxy.reset();
    CHECK(std::chrono::steady_clock::now() - start < 5s);
    client.join();
    REQUIRE(stalled);
    REQUIRE(result.has_value());
    REQUIRE_FALSE(result->ok());
    CHECK(result->error().kind == ErrorKind::Network);  // closed, not timed out
}

TEST_CASE("an unreachable upstream closes the client connection") {
    // A port that nothing listens on: bound (so that it is free), then released.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    ::close(fd);

    FaultProxy proxy("127.0.0.1", ntohs(addr.sin_port));
    http::CurlTransport transport;
    auto r = getVersions(transport, proxy.baseUrl());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Network);
    CHECK(proxy.stats().requests == 0);
}

TEST_CASE("a mixed plan injects every kind of fault and the rest succeed") {
    FaultPlan plan;
    plan.reset_before_forward = 0.2;
    plan.drop_after_commit = 0.2;
    plan.stall = 0.1;
    plan.stall_for = 500ms;
    plan.seed = 20240601;
    auto proxy = proxyToHomeserver(plan);
    http::CurlTransport transport;
    int ok = 0, failed = 0;
    for (int i = 0; i < 50; ++i) {
        auto r = getVersions(transport, proxy->baseUrl(), 2s);
        if (r.ok()) {
            CHECK(r->status == 200);
            ++ok;
        } else {
            CHECK((r.error().kind == ErrorKind::Network || r.error().kind == ErrorKind::Timeout));
            ++failed;
        }
    }
    const auto s = proxy->stats();
    INFO("ok " << ok << ", failed " << failed << ", requests " << s.requests << ", resets "
               << s.resets << ", drops " << s.drops_after_commit << ", stalls " << s.stalls);
    CHECK(ok > 0);
    CHECK(failed > 0);
    CHECK(s.resets > 0);
    CHECK(s.drops_after_commit > 0);
    CHECK(s.stalls > 0);
    CHECK(s.requests >= 50);
}

TEST_CASE("a rule answers in place of the server: status, headers and body, nothing forwarded") {
    auto proxy = proxyToHomeserver({});
    renkei::test::FaultRule rule;
    rule.method = "GET";
    rule.path_contains = "/versions";
    rule.skip = 1;
    rule.status = 429;
    rule.headers = {{"Retry-After", "1"}};
    rule.body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"injected"})";
    proxy->addRule(rule);
    http::CurlTransport transport;
    auto first = getVersions(transport, proxy->baseUrl());  // skipped by the rule
    auto second = getVersions(transport, proxy->baseUrl());
    auto third = getVersions(transport, proxy->baseUrl());  // the rule applied once only
    REQUIRE((first.ok() && second.ok() && third.ok()));
    CHECK(first->status == 200);
    CHECK(second->status == 429);
    CHECK(second->headers.at("retry-after") == "1");
    CHECK(second->body == rule.body);
    CHECK(third->status == 200);

    const auto seen = proxy->requests("GET", "/_matrix/client/versions");
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].status == 200);
    CHECK(seen[0].forwarded);
    CHECK_FALSE(seen[0].injected);
    CHECK(seen[1].status == 429);
    CHECK_FALSE(seen[1].forwarded);
    CHECK(seen[1].injected);
    REQUIRE(seen[1].answered.has_value());
    CHECK(*seen[1].answered >= seen[1].received);
    CHECK(seen[2].received >= *seen[1].answered);
    CHECK(proxy->requests("POST", "/versions").empty());
}

TEST_CASE("a rule answers after the server did the work, and a request body is read whole") {
    auto proxy = proxyToHomeserver({});
    renkei::test::FaultRule rule;
    rule.method = "POST";
    rule.path_contains = "/login";
    rule.action = renkei::test::FaultRule::Action::AnswerAfterCommit;
    rule.status = 502;
    rule.body = "{}";
    proxy->addRule(rule);
    http::CurlTransport transport;
    http::Request req;
    req.method = "POST";
    req.url = proxy->baseUrl() + "/_matrix/client/v3/login";
    req.headers = {{"Content-Type", "application/json"}};
    req.body = R"({"type":"m.login.password","identifier":{"type":"m.id.user","user":"nobody"},)"
               R"("password":")" + std::string(30'000, 'x') + "\"}";  // more than one read
    auto r = transport.perform(req, nullptr);
    REQUIRE(r.ok());
    CHECK(r->status == 502);
    const auto seen = proxy->requests("POST", "/login");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].forwarded);  // the server answered (403 for this user), the client got 502
    CHECK(seen[0].status == 502);
}

TEST_CASE("a held request waits, unseen by the server, until release()") {
    auto proxy = proxyToHomeserver({});
    renkei::test::FaultRule rule;
    rule.path_contains = "/versions";
    rule.action = renkei::test::FaultRule::Action::Hold;
    proxy->addRule(rule);
    const std::string url = proxy->baseUrl();
    std::optional<Result<http::Response>> result;
    std::thread client([&] {
        http::CurlTransport transport;
        result.emplace(getVersions(transport, url, 30s));
    });
    const bool held = proxy->waitFor([](const auto& seen) { return seen.size() == 1; }, 10s);
    const auto before = proxy->requests();
    proxy->release();
    const bool answered = proxy->waitFor(
        [](const auto& seen) { return seen.size() == 1 && seen[0].status != 0; }, 10s);
    client.join();
    REQUIRE(held);
    REQUIRE(before.size() == 1);
    CHECK_FALSE(before[0].forwarded);
    CHECK(before[0].status == 0);
    REQUIRE(answered);
    REQUIRE(result.has_value());
    REQUIRE(result->ok());
    CHECK((*result)->status == 200);
    CHECK(proxy->requests()[0].forwarded);
}
