// Backoff: the retry schedule the SyncEngine uses when the homeserver cannot be reached.
#include <catch2/catch_test_macros.hpp>
#include <set>
#include <sodium.h>

#include "session/backoff.h"
#include "session/session.h"

using renkei::session::Backoff;
using namespace std::chrono_literals;

TEST_CASE("backoff doubles from 1 s to at most 60 s, scaled by jitter between 0.5 and 1") {
    double r = 0.999;
    Backoff upper(1s, 60s, [&] { return r; });
    std::vector<long long> delays;
    for (int i = 0; i < 9; ++i) delays.push_back(upper.next().count());
    CHECK(delays[0] >= 999);
    CHECK(delays[0] <= 1000);
    CHECK(delays[1] >= 1998);
    CHECK(delays[5] >= 31'000);
    CHECK(delays[6] <= 60'000);
    CHECK(delays[8] <= 60'000);
    CHECK(delays[8] >= 59'000);

    r = 0.0;
    Backoff lower(1s, 60s, [&] { return r; });
    CHECK(lower.next() == 500ms);
    CHECK(lower.next() == 1000ms);
}

TEST_CASE("backoff honours a longer Retry-After and starts over after a success") {
    Backoff b(1s, 60s, [] { return 0.0; });
    CHECK(b.next(5s) == 5s);          // the server asked for longer than our 0.5 s
    CHECK(b.next(100ms) == 1000ms);   // ours is longer than the server's hint
    b.reset();
    CHECK(b.failures() == 0);
    CHECK(b.next() == 500ms);
}

TEST_CASE("transaction ids are unique, URL-safe and 26 characters") {
    REQUIRE(sodium_init() >= 0);
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = renkei::session::newTransactionId();
        CHECK(id.size() == 26);
        CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos);
        CHECK(seen.insert(id).second);
    }
}
