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

double roundTenths(double v) { return std::round(v * 10.0) / 10.0; }

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace renkei::care
