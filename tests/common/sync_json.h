// Test support shared by unit and integration tests: /sync bodies and events as raw JSON
// text, for tests that need the server's bytes exactly (malformed on purpose, or deeper
// than any JSON library would write).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace renkei::test {

/// An m.room.message event "$<id>:hostile.test" from @nurse:hostile.test with raw `content`.
inline std::string messageEvent(const std::string& id, const std::string& content) {
    return R"({"event_id":"$)" + id +
           R"(:hostile.test","type":"m.room.message","sender":"@nurse:hostile.test",)"
           R"("origin_server_ts":1700000000000,"content":)" +
           content + "}";
}

/// An m.text event with `body` (no characters that need JSON escaping).
inline std::string textEvent(const std::string& id, const std::string& body) {
    return messageEvent(id, R"({"msgtype":"m.text","body":")" + body + R"("})");
}

/// `depth` nested JSON arrays, "[[…]]".
inline std::string nestedArrays(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

/// A /sync body: `next_batch`, and one joined room with raw `state` and `timeline` events.
inline std::string syncBody(const std::string& next_batch, const std::string& room_id,
                            const std::vector<std::string>& timeline,
                            const std::vector<std::string>& state = {}) {
    auto join = [](const std::vector<std::string>& events) {
        std::string out;
        for (const auto& e : events) out += (out.empty() ? "" : ",") + e;
        return out;
    };
    return R"({"next_batch":")" + next_batch + R"(","rooms":{"join":{")" + room_id +
           R"(":{"state":{"events":[)" + join(state) + R"(]},"timeline":{"events":[)" +
           join(timeline) + "]}}}}}";
}

}  // namespace renkei::test
