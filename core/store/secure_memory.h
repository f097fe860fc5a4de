// Renkei core, internal to core/store: fixed-size buffers for key material that are locked
// in RAM where the OS allows it (never swapped out) and wiped when they go out of scope.
#pragma once

#include <sodium.h>

#include <array>
#include <cstddef>

namespace renkei::store::detail {

/// N bytes of secret data. sodium_mlock failing (RLIMIT_MEMLOCK) is not an error: the bytes
/// are still wiped on destruction (sodium_munlock zeroes before unlocking).
template <class Byte, std::size_t N>
class SecretArray {
public:
    SecretArray() noexcept { locked_ = sodium_mlock(bytes_.data(), N) == 0; }
    ~SecretArray() {
        if (locked_) {
            sodium_munlock(bytes_.data(), N);
        } else {
            sodium_memzero(bytes_.data(), N);
        }
    }
    SecretArray(const SecretArray&) = delete;
    SecretArray& operator=(const SecretArray&) = delete;

    Byte* data() noexcept { return bytes_.data(); }
    const Byte* data() const noexcept { return bytes_.data(); }
    static constexpr std::size_t size() noexcept { return N; }

private:
    std::array<Byte, N> bytes_{};
    bool locked_ = false;
};

}  // namespace renkei::store::detail
