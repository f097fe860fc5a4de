#include "session/backoff.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

namespace renkei::session {

Backoff::Backoff(std::chrono::milliseconds initial, std::chrono::milliseconds maximum, Random random)
    : initial_(initial), maximum_(maximum), random_(std::move(random)) {
    if (!random_) {
        random_ = [] { return static_cast<double>(randombytes_random()) / 4294967296.0; };
    }
}

std::chrono::milliseconds Backoff::next(std::optional<std::chrono::milliseconds> retry_after) {
    const int exponent = std::min(failures_, 30);
    ++failures_;
    const std::int64_t base = std::min<std::int64_t>(initial_.count() << exponent, maximum_.count());
    const double factor = 0.5 + 0.5 * std::clamp(random_(), 0.0, 1.0);
    auto delay = std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(base) * factor));
    if (retry_after && *retry_after > delay) delay = *retry_after;
    return delay;
}

}  // namespace renkei::session
