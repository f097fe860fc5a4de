// Renkei core (internal to core/care): the table behind each care enum's wire value and
// Japanese label (state shapes, record kinds and every record's enums), so every enum reads
// and writes through one lookup.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace renkei::care::detail {

/// One enum value, its wire value and its Japanese body label.
template <class E>
struct Entry {
    E value;
    const char* wire;
    const char* label;
};

/// The entry of `v` (tables list every value; the last entry stands in otherwise).
template <class E, std::size_t N>
const Entry<E>& entryOf(const std::array<Entry<E>, N>& table, E v) {
    for (const auto& e : table) {
        if (e.value == v) return e;
    }
    return table.back();  // unreachable for a valid enum value: the tables are complete
}

/// The value whose wire value is `s` (exact, case-sensitive); nullopt when unknown.
template <class E, std::size_t N>
std::optional<E> fromWire(const std::array<Entry<E>, N>& table, std::string_view s) {
    for (const auto& e : table) {
        if (s == e.wire) return e.value;
    }
    return std::nullopt;
}

}  // namespace renkei::care::detail
