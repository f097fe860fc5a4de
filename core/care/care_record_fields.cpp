// Renkei core: the field readers and writers every structured record shares (see
// care_record_fields.h).
#include "care/care_record_fields.h"

#include <cmath>
#include <limits>

#include "care/care_check.h"
#include "care/care_record_format.h"

namespace renkei::care::detail {
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

bool isKnown(std::string_view key, FieldNames known) {
    if (key == "kind" || key == "schema") return true;
    for (const auto k : known) {
        if (key == k) return true;
    }
    return false;
}

bool schemaOk(const json& r) {
    const auto it = r.find("schema");
    if (it == r.end()) return true;  // written before `schema` existed: version 1
    if (it->is_number_unsigned()) return it->get<std::uint64_t>() >= 1;
    return it->is_number_integer() && it->get<std::int64_t>() >= 1;
}

bool stringWithin(const json& v, std::size_t max_bytes) {
    return v.is_string() && v.get_ref<const std::string&>().size() <= max_bytes;
}

}  // namespace

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

Failure refusal(std::string_view kind, std::string_view field, std::string_view why) {
    std::string message(kind);
    message.append(".").append(field).append(": ").append(why);
    return fail(ErrorKind::InvalidArgument, std::move(message));
}

Result<void> contentFits(const json& content, const char* kind) {
    // `replace`: a kept unknown field is never a reason to throw.
    if (content.dump(-1, ' ', false, json::error_handler_t::replace).size() >
        kMaxRecordContentBytes) {
        return fail(ErrorKind::InvalidArgument, std::string(kind) + ": content too large");
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

bool otherChoiceOk(const std::string& key, const json& value) {
    return key.size() <= RecordReader::kChoiceBytes &&
           stringWithin(value, RecordReader::kChoiceBytes);
}

RecordReader::RecordReader(const json& record, RecordKind kind) : record_(record), ok_(false) {
    if (!record.is_object()) return;
    const auto k = record.find("kind");
    ok_ = k != record.end() && k->is_string() && k->get_ref<const std::string&>() == toWire(kind) &&
          schemaOk(record);
}

const json* RecordReader::find(const char* key, bool required) {
    if (!ok_) return nullptr;
    const auto it = record_.find(key);
    if (it == record_.end()) {
        if (required) ok_ = false;
        return nullptr;
    }
    return &*it;
}

std::string RecordReader::text(const char* key, bool required, std::size_t max_bytes) {
    const json* v = find(key, required);
    if (!v) return {};
    if (!stringWithin(*v, max_bytes)) return ok_ = false, std::string{};
    return v->get<std::string>();
}

std::optional<std::string> RecordReader::optionalText(const char* key, std::size_t max_bytes) {
    if (!ok_ || !record_.contains(key)) return std::nullopt;
    return text(key, true, max_bytes);
}

bool RecordReader::boolean(const char* key, bool required) {
    const json* v = find(key, required);
    if (!v) return false;
    if (!v->is_boolean()) return ok_ = false;
    return v->get<bool>();
}

std::optional<std::int64_t> RecordReader::integer(const char* key, std::int64_t low,
                                                  std::int64_t high, bool required) {
    const json* v = find(key, required);
    if (!v) return std::nullopt;
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

std::vector<std::string> RecordReader::textList(const char* key, std::size_t max_entries,
                                                std::size_t max_bytes) {
    std::vector<std::string> out;
    const json* v = find(key, false);
    if (!v) return out;
    if (!v->is_array() || v->size() > max_entries) return ok_ = false, out;
    for (const auto& e : *v) {
        if (!stringWithin(e, max_bytes)) return ok_ = false, std::vector<std::string>{};
        out.push_back(e.get<std::string>());
    }
    return out;
}

std::vector<Participant> RecordReader::participants(const char* key, std::size_t max_entries) {
    std::vector<Participant> out;
    const json* v = find(key, false);
    if (!v) return out;
    if (!v->is_array() || v->size() > max_entries) return ok_ = false, out;
    for (const auto& e : *v) {
        const auto name = e.is_object() ? e.find("name") : e.end();
        const auto role = e.is_object() ? e.find("role") : e.end();
        if (!e.is_object() || name == e.end() || role == e.end() ||
            !stringWithin(*name, kParticipantNameBytes) ||
            !stringWithin(*role, kParticipantRoleBytes)) {
            return ok_ = false, std::vector<Participant>{};
        }
        out.push_back({name->get<std::string>(), role->get<std::string>()});
    }
    return out;
}

const json* RecordReader::object(const char* key, bool required) {
    const json* v = find(key, required);
    if (v && !v->is_object()) return ok_ = false, nullptr;
    return v;
}

json RecordReader::extra(FieldNames known) const {
    json out = json::object();
    if (!ok_) return out;
    std::size_t budget = kMaxExtraBytes;
    for (const auto& [key, value] : record_.items()) {
        if (isKnown(key, known)) continue;
        if (key.size() > budget) return json::object();
        budget -= key.size();
        if (!withinBudget(value, 1, budget)) return json::object();  // all or nothing
        out[key] = value;
    }
    return out;
}

json recordBase(const json& extra, FieldNames known) {
    json out = json::object();
    if (!extra.is_object()) return out;
    for (const auto& [key, value] : extra.items()) {
        if (!isKnown(key, known)) out[key] = value;
    }
    return out;
}

}  // namespace renkei::care::detail
