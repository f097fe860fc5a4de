// Renkei core: what the physician's update, ACP and discharge records share (see
// care_record_shared.h).
#include "care/care_record_shared.h"

#include <chrono>
#include <cstdio>
#include <limits>

#include "care/care_check.h"
#include "care/care_types.h"

namespace renkei::care {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxEventIdBytes = 255;  // spec: "Event IDs"

/// Sum of the bytes `v` would take, give or take punctuation, stopping once past `budget` or
/// deeper than kMaxExtraDepth (false then); recursion is bounded by the depth limit.
bool withinBudget(const json& v, int depth, std::size_t& budget) {
    if (depth > kMaxExtraDepth) return false;
    std::size_t cost = 8;
    if (v.is_string()) cost += v.get_ref<const std::string&>().size();
    if (cost > budget) return false;
    budget -= cost;
    if (v.is_object()) {
        for (const auto& [key, item] : v.items()) {
            if (key.size() > budget) return false;
            budget -= key.size();
            if (!withinBudget(item, depth + 1, budget)) return false;
        }
    } else if (v.is_array()) {
        for (const auto& item : v) {
            if (!withinBudget(item, depth + 1, budget)) return false;
        }
    }
    return true;
}

std::chrono::year_month_day jstDay(std::int64_t ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds{ms} + hours{9}};
    return year_month_day{floor<days>(t)};
}

}  // namespace

std::string participantsText(const std::vector<Participant>& participants) {
    std::string out;
    for (const auto& p : participants) {
        if (!out.empty()) out += "、";
        out += p.name + "（" + p.role + "）";
    }
    return out;
}

std::string jstDate(std::int64_t ms) {
    const auto d = jstDay(ms);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string jstMonth(std::int64_t ms) { return jstDate(ms).substr(0, 7); }

namespace detail {

bool textBytesOk(std::string_view s, std::size_t cap_bytes, bool required, bool multiline) {
    return s.size() <= cap_bytes &&
           textOk(s, std::numeric_limits<std::size_t>::max(), required, multiline);
}

bool eventIdOk(std::string_view s) {
    if (s.size() < 2 || s.size() > kMaxEventIdBytes || s.front() != '$') return false;
    for (const char ch : s) {
        if (ch < 0x21 || ch > 0x7E) return false;
    }
    return true;
}

Failure refusal(const char* shape, const char* field, const char* why) {
    return fail(ErrorKind::InvalidArgument, std::string(shape) + "." + field + ": " + why);
}

Result<void> contentFits(const json& content, const char* shape) {
    // `replace`: a kept unknown field is never a reason to throw.
    if (content.dump(-1, ' ', false, json::error_handler_t::replace).size() >
        kMaxRecordContentBytes) {
        return fail(ErrorKind::InvalidArgument, std::string(shape) + ": content too large");
    }
    return {};
}

bool participantsOk(const std::vector<Participant>& participants, std::size_t max) {
    if (participants.size() > max) return false;
    for (const auto& p : participants) {
        if (!textBytesOk(p.name, kParticipantNameBytes, true, false) ||
            !textBytesOk(p.role, kParticipantRoleBytes, true, false)) {
            return false;
        }
    }
    return true;
}

json participantsJson(const std::vector<Participant>& participants) {
    json out = json::array();
    for (const auto& p : participants) out.push_back({{"name", p.name}, {"role", p.role}});
    return out;
}

SharedRecordReader::SharedRecordReader(const json& record, RecordKind kind)
    : record_(record), ok_(false) {
    if (!record.is_object()) return;
    const auto k = record.find("kind");
    if (k == record.end() || !k->is_string() || k->get_ref<const std::string&>() != toWire(kind)) {
        return;
    }
    const auto schema = record.find("schema");
    if (schema == record.end()) {
        ok_ = true;  // written before `schema` existed: version 1
    } else if (schema->is_number_unsigned()) {
        ok_ = schema->get<std::uint64_t>() >= 1;
    } else {
        ok_ = schema->is_number_integer() && schema->get<std::int64_t>() >= 1;
    }
}

const json* SharedRecordReader::find(const char* key, bool required) {
    if (!ok_) return nullptr;
    const auto it = record_.find(key);
    if (it == record_.end()) {
        if (required) ok_ = false;
        return nullptr;
    }
    return &*it;
}

std::string SharedRecordReader::text(const char* key, bool required, std::size_t max_bytes) {
    const json* v = find(key, required);
    if (!v) return {};
    if (!v->is_string() || v->get_ref<const std::string&>().size() > max_bytes) {
        return ok_ = false, std::string{};
    }
    return v->get<std::string>();
}

std::optional<std::string> SharedRecordReader::optionalText(const char* key, std::size_t max_bytes) {
    if (!ok_ || !record_.contains(key)) return std::nullopt;
    return text(key, true, max_bytes);
}

bool SharedRecordReader::boolean(const char* key, bool required) {
    const json* v = find(key, required);
    if (!v) return false;
    if (!v->is_boolean()) return ok_ = false;
    return v->get<bool>();
}

std::int64_t SharedRecordReader::count(const char* key, std::int64_t fallback, std::int64_t max) {
    const json* v = find(key, false);
    if (!v) return fallback;
    if (v->is_number_unsigned() && v->get<std::uint64_t>() <= static_cast<std::uint64_t>(max)) {
        return v->get<std::int64_t>();
    }
    if (v->is_number_integer() && v->get<std::int64_t>() >= 0 && v->get<std::int64_t>() <= max) {
        return v->get<std::int64_t>();
    }
    ok_ = false;
    return fallback;
}

std::vector<std::string> SharedRecordReader::textList(const char* key, std::size_t max_entries,
                                                std::size_t max_bytes) {
    std::vector<std::string> out;
    const json* v = find(key, false);
    if (!v) return out;
    if (!v->is_array() || v->size() > max_entries) return ok_ = false, out;
    for (const auto& e : *v) {
        if (!e.is_string() || e.get_ref<const std::string&>().size() > max_bytes) {
            return ok_ = false, std::vector<std::string>{};
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

std::vector<Participant> SharedRecordReader::participants(const char* key, std::size_t max_entries) {
    std::vector<Participant> out;
    const json* v = find(key, false);
    if (!v) return out;
    if (!v->is_array() || v->size() > max_entries) return ok_ = false, out;
    for (const auto& e : *v) {
        const auto name = e.is_object() ? e.find("name") : e.end();
        const auto role = e.is_object() ? e.find("role") : e.end();
        if (!e.is_object() || name == e.end() || role == e.end() || !name->is_string() ||
            !role->is_string() ||
            name->get_ref<const std::string&>().size() > kParticipantNameBytes ||
            role->get_ref<const std::string&>().size() > kParticipantRoleBytes) {
            return ok_ = false, std::vector<Participant>{};
        }
        out.push_back({name->get<std::string>(), role->get<std::string>()});
    }
    return out;
}

const json* SharedRecordReader::object(const char* key, bool required) {
    const json* v = find(key, required);
    if (v && !v->is_object()) return ok_ = false, nullptr;
    return v;
}

json SharedRecordReader::extra(std::initializer_list<const char*> known) const {
    json out = json::object();
    if (!ok_) return out;
    std::size_t budget = kMaxExtraBytes;
    for (const auto& [key, value] : record_.items()) {
        if (key == "kind" || key == "schema") continue;
        bool is_known = false;
        for (const char* k : known) is_known = is_known || key == k;
        if (is_known) continue;
        if (key.size() > budget) return json::object();
        budget -= key.size();
        if (!withinBudget(value, 1, budget)) return json::object();  // all or nothing
        out[key] = value;
    }
    return out;
}

json recordBase(const json& extra) { return extra.is_object() ? extra : json::object(); }

}  // namespace detail
}  // namespace renkei::care
