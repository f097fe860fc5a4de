// Renkei core: the field readers of structured records (see care_record_fields.h).
#include "care/care_record_fields.h"

#include <cmath>
#include <cstdio>

#include "care/care_check.h"

namespace renkei::care::detail {
namespace {

bool schemaOk(const nlohmann::json& r) {
    const auto it = r.find("schema");
    if (it == r.end()) return true;  // written before `schema` existed: version 1
    if (it->is_number_unsigned()) return it->get<std::uint64_t>() >= 1;
    return it->is_number_integer() && it->get<std::int64_t>() >= 1;
}

bool kindIs(const nlohmann::json& r, const char* kind) {
    const auto it = r.find("kind");
    return it != r.end() && it->is_string() && it->get<std::string>() == kind;
}

/// Days since 1970-01-01 → civil date (H. Hinnant's algorithm, proleptic Gregorian).
void civilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0));
}

}  // namespace

RecordReader::RecordReader(const nlohmann::json& record, const char* kind)
    : r_(record), ok_(record.is_object() && kindIs(record, kind) && schemaOk(record)) {}

bool RecordReader::has(const char* key) const { return ok_ && r_.contains(key); }

const nlohmann::json* RecordReader::find(const char* key) {
    if (!ok_) return nullptr;
    const auto it = r_.find(key);
    return it == r_.end() ? nullptr : &*it;
}

std::optional<std::int64_t> RecordReader::integer(const char* key, std::int64_t low,
                                                  std::int64_t high, bool required) {
    const nlohmann::json* v = find(key);
    if (!v) {
        if (required) ok_ = false;
        return std::nullopt;
    }
    std::int64_t n = 0;
    if (v->is_number_unsigned()) {
        const auto u = v->get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(high)) return ok_ = false, std::nullopt;
        n = static_cast<std::int64_t>(u);
    } else if (v->is_number_integer()) {
        n = v->get<std::int64_t>();
    } else {
        return ok_ = false, std::nullopt;  // 72.0, "72", null, …: not an integer field
    }
    if (n < low || n > high) return ok_ = false, std::nullopt;
    return n;
}

std::optional<double> RecordReader::tenths(const char* key, double low, double high) {
    const nlohmann::json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) return ok_ = false, std::nullopt;
    const double x = roundTenths(v->get<double>());
    if (!std::isfinite(x) || x < low || x > high) return ok_ = false, std::nullopt;
    return x;
}

std::string RecordReader::text(const char* key, std::size_t cap, bool required, bool multiline) {
    const nlohmann::json* v = find(key);
    if (!v) {
        if (required) ok_ = false;
        return {};
    }
    if (!v->is_string()) return ok_ = false, std::string{};
    auto s = v->get<std::string>();
    if (!textOk(s, cap, required, multiline)) return ok_ = false, std::string{};
    return s;
}

std::optional<std::string> RecordReader::wire(const char* key) {
    const nlohmann::json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) return ok_ = false, std::nullopt;
    return v->get<std::string>();
}

nlohmann::json RecordReader::extra(std::initializer_list<const char*> known) const {
    auto out = nlohmann::json::object();
    if (!r_.is_object()) return out;
    for (const auto& [key, value] : r_.items()) {
        if (key == "kind" || key == "schema") continue;
        bool is_known = false;
        for (const char* k : known) is_known = is_known || key == k;
        if (!is_known) out[key] = value;
    }
    return out;
}

double roundTenths(double v) { return std::round(v * 10.0) / 10.0; }

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string localMinute(std::int64_t ms, int utc_offset_min) {
    const std::int64_t minutes = (ms >= 0 ? ms : ms - 59999) / 60000 + utc_offset_min;
    const std::int64_t days = (minutes >= 0 ? minutes : minutes - 1439) / 1440;
    const auto in_day = static_cast<int>(minutes - days * 1440);
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civilFromDays(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", y, m, d, in_day / 60, in_day % 60);
    return buf;
}

}  // namespace renkei::care::detail
