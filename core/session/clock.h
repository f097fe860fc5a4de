// Renkei core, internal to core/session: wall-clock time for the stored timestamps.
#pragma once

#include <chrono>
#include <cstdint>

namespace renkei::session::detail {

/// Milliseconds since the Unix epoch (system clock).
inline std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace renkei::session::detail
