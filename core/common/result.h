// Renkei core: Result<T>, an expected-style value-or-Error (std::expected is C++23; g++ 12
// in C++20 mode lacks it). No exception crosses a thread or a callback: core returns these.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "common/error.h"

namespace renkei {

/// Wraps an Error so that `return fail(err);` converts into any Result<T>.
struct Failure {
    Error error;
};
inline Failure fail(Error e) { return Failure{std::move(e)}; }
inline Failure fail(ErrorKind kind, std::string message) {
    return Failure{makeError(kind, std::move(message))};
}

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
    Result(Failure f) : v_(std::in_place_index<1>, std::move(f.error)) {}  // NOLINT: implicit

    [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(v_); }
    const T& value() const& { assert(ok()); return std::get<0>(v_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const& { assert(!ok()); return std::get<1>(v_); }
    Error&& error() && { assert(!ok()); return std::get<1>(std::move(v_)); }
    /// The error as a Failure, to pass it on: `if (!r) return r.failure();`
    Failure failure() const { return Failure{error()}; }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Failure f) : error_(std::move(f.error)), ok_(false) {}  // NOLINT: implicit

    [[nodiscard]] bool ok() const noexcept { return ok_; }
    explicit operator bool() const noexcept { return ok_; }
    const Error& error() const { assert(!ok_); return error_; }
    Failure failure() const { return Failure{error_}; }

private:
    Error error_;
    bool ok_ = true;
};

}  // namespace renkei
