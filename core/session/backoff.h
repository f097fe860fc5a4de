// Renkei core: exponential backoff with jitter for retrying network operations.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

namespace renkei::session {

/// Delay before the next attempt: 1 s, 2 s, 4 s … up to 60 s, each scaled by a random factor
/// in [0.5, 1.0] ("equal jitter") so that many clients do not retry in lockstep. A server's
/// Retry-After, when given, is used instead when it is longer.
class Backoff {
public:
    using Random = std::function<double()>;  ///< returns a uniform value in [0, 1)

    explicit Backoff(std::chrono::milliseconds initial = std::chrono::seconds(1),
                     std::chrono::milliseconds maximum = std::chrono::seconds(60),
                     Random random = {});

    /// The delay to wait after one more failure. `retry_after` is the server's hint in ms.
    std::chrono::milliseconds next(std::optional<std::chrono::milliseconds> retry_after = std::nullopt);
    /// Call after a success: the next failure starts from `initial` again.
    void reset() noexcept { failures_ = 0; }
    [[nodiscard]] int failures() const noexcept { return failures_; }

private:
    std::chrono::milliseconds initial_;
    std::chrono::milliseconds maximum_;
    Random random_;
    int failures_ = 0;
};

}  // namespace renkei::session
