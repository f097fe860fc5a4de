// Renkei core: the body-text formats of record values (see care_record_format.h).
#include "care/care_record_format.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace renkei::care {

std::string localMinute(std::int64_t ms, int utc_offset_min) {
    using namespace std::chrono;
    const auto local = floor<minutes>(sys_time<milliseconds>{milliseconds{ms}}) +
                       minutes{utc_offset_min};
    const auto day = floor<days>(local);
    const year_month_day d{day};
    const auto in_day = static_cast<int>((local - day).count());
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), in_day / 60,
                  in_day % 60);
    return buf;
}

std::string jstDate(std::int64_t ms) { return localMinute(ms, kJstOffsetMin).substr(0, 10); }

std::string jstMonth(std::int64_t ms) { return jstDate(ms).substr(0, 7); }

namespace {

// The number of the digits `s`, or -1 when it holds anything else.
int digits(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

}  // namespace

std::optional<std::int64_t> jstDayStartMs(std::string_view date) {
    using namespace std::chrono;
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    const int y = digits(date.substr(0, 4));
    const int m = digits(date.substr(5, 2));
    const int d = digits(date.substr(8, 2));
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return duration_cast<milliseconds>(sys_days(ymd).time_since_epoch() - minutes{kJstOffsetMin}).count();
}

std::optional<std::int64_t> jstMinuteMs(std::string_view minute) {
    if (minute.size() != 16 || minute[10] != ' ' || minute[13] != ':') return std::nullopt;
    const auto day = jstDayStartMs(minute.substr(0, 10));
    const int h = digits(minute.substr(11, 2));
    const int mi = digits(minute.substr(14, 2));
    if (!day || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
    return *day + (std::int64_t{h} * 60 + mi) * 60'000;
}

double roundTenths(double v) { return std::round(v * 10.0) / 10.0; }

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace renkei::care
