// Renkei core: how the values of a structured record read in its body text: calendar dates
// and minutes in Japan time, and numbers with one decimal. One place for every kind's format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace renkei::care {

/// The body's clock: minutes east of UTC (JST, +09:00, no daylight saving).
inline constexpr int kJstOffsetMin = 9 * 60;

/// "2026-12-01 09:30": `ms` since the Unix epoch (UTC) at `utc_offset_min` minutes east of UTC.
std::string localMinute(std::int64_t ms, int utc_offset_min = kJstOffsetMin);

/// The calendar date "YYYY-MM-DD" and month "YYYY-MM" in Japan time of `ms` since the Unix
/// epoch (UTC), e.g. an origin_server_ts.
std::string jstDate(std::int64_t ms);
std::string jstMonth(std::int64_t ms);
/// Back from those texts: Japan midnight of "YYYY-MM-DD", and the minute "YYYY-MM-DD HH:MM"
/// in Japan time, as ms since the Unix epoch; nullopt when malformed or no such day/time
/// (2026-02-30, 24:00). Digits only, zero-padded, exactly that length.
std::optional<std::int64_t> jstDayStartMs(std::string_view date);
std::optional<std::int64_t> jstMinuteMs(std::string_view minute);

/// A value rounded to one decimal (36.84 → 36.8), the resolution of ℃ and kg on the wire.
double roundTenths(double v);
/// "36.8" / "45.0": a value with one decimal, for the body text.
std::string oneDecimal(double v);

}  // namespace renkei::care
