// Renkei core: what the physician's update, the ACP record and the discharge joint-guidance
// record share (SCHEMA.md, "Structured posts"): participants of a discussion, the byte caps
// of record texts, dates in Japan time, and (in detail::) the hostile-proof reader of a
// record object and the refusal of a field.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care {

/// A record's whole m.room.message content (record, body and formatted_body as written by
/// recordContent) is at most this many bytes of compact JSON, so that its correction (an
/// edit carries the body once more beside m.new_content) stays under the 65,536-byte event
/// limit (spec: "Size limits") with room for the event's envelope.
inline constexpr std::size_t kMaxRecordContentBytes = 40'000;
/// Unknown fields of a newer client's record are kept (written back on an edit) only while
/// they take at most this many bytes and nest at most kMaxExtraDepth levels.
inline constexpr std::size_t kMaxExtraBytes = 8'000;
inline constexpr int kMaxExtraDepth = 8;

/// Someone who took part in a discussion or conference: name and role (職種 or 続柄: 主治医,
/// 訪問看護師, 本人, 長女 …). Wire: {"name": string ≤ 96 bytes, "role": string ≤ 48 bytes},
/// both required, one line each.
struct Participant {
    std::string name;
    std::string role;
    bool operator==(const Participant&) const = default;
};
inline constexpr std::size_t kParticipantNameBytes = 96;
inline constexpr std::size_t kParticipantRoleBytes = 48;

/// 「山田 太郎（主治医）、佐藤 花子（訪問看護師）」: the participants as one body line.
std::string participantsText(const std::vector<Participant>& participants);

/// The calendar date "YYYY-MM-DD" and month "YYYY-MM" in Japan time (UTC+09:00, no daylight
/// saving) of `ms` since the Unix epoch (UTC), e.g. an origin_server_ts.
std::string jstDate(std::int64_t ms);
std::string jstMonth(std::int64_t ms);

namespace detail {

/// Whether `s` is valid UTF-8 of at most `cap_bytes` bytes without C0/C1 controls or DEL
/// (`multiline` allows "\n"); `required` also refuses an empty or all-space string.
bool textBytesOk(std::string_view s, std::size_t cap_bytes, bool required, bool multiline);

/// Whether `s` looks like an event id: "$" then printable ASCII, ≤ 255 bytes (spec: "Event IDs").
bool eventIdOk(std::string_view s);

/// InvalidArgument "<shape>.<field>: <why>"; names the field only (its value may be a patient
/// datum).
Failure refusal(const char* shape, const char* field, const char* why = "breaks its rule");

/// Refusal "<shape>: content too large" when `content` dumps to more than
/// kMaxRecordContentBytes.
Result<void> contentFits(const nlohmann::json& content, const char* shape);

/// Whether each participant has a name and a role within their caps, and there are at most
/// `max` of them.
bool participantsOk(const std::vector<Participant>& participants, std::size_t max);
nlohmann::json participantsJson(const std::vector<Participant>& participants);

/// Reads the fields of one record object. Any field of the wrong JSON type, or a required
/// field missing, turns ok() false for good (the record then reads as absent). Texts are
/// returned as written; their rules are checked by each kind's invalidField.
class SharedRecordReader {
public:
    /// `record` must be an object of kind `kind` with an acceptable schema (absent or ≥ 1).
    SharedRecordReader(const nlohmann::json& record, RecordKind kind);
    [[nodiscard]] bool ok() const { return ok_; }

    /// A string field; "" when absent and not required. Longer than `max_bytes` → not ok
    /// (a huge string is refused before it is copied).
    std::string text(const char* key, bool required, std::size_t max_bytes);
    std::optional<std::string> optionalText(const char* key, std::size_t max_bytes);
    /// A boolean field; false when absent and not required.
    bool boolean(const char* key, bool required);
    /// A non-negative integer field; `fallback` when absent.
    std::int64_t count(const char* key, std::int64_t fallback, std::int64_t max);
    /// An array of strings (≤ max_entries, each ≤ max_bytes); empty when absent.
    std::vector<std::string> textList(const char* key, std::size_t max_entries,
                                      std::size_t max_bytes);
    /// An array of participants (≤ max_entries); empty when absent.
    std::vector<Participant> participants(const char* key, std::size_t max_entries);
    /// The object under `key` (nullptr when absent and not required); not an object → not ok.
    const nlohmann::json* object(const char* key, bool required);
    /// An enum field read through `fromWire`; `fallback` when absent (nullopt: required).
    template <class E>
    E choice(const char* key, std::optional<E> (*fromWire)(const std::string&),
             std::optional<E> fallback) {
        if (ok_ && !record_.contains(key) && fallback) return *fallback;
        const std::string s = text(key, true, 64);
        const auto e = ok_ ? fromWire(s) : std::nullopt;
        if (!e) ok_ = false;
        return e.value_or(E{});
    }
    /// Fields other than `known`, "kind" and "schema", kept when within kMaxExtraBytes and
    /// kMaxExtraDepth (else dropped, the record still read).
    nlohmann::json extra(std::initializer_list<const char*> known) const;

    /// Marks the record unreadable (a kind's own check failed).
    void refuse() { ok_ = false; }

private:
    const nlohmann::json* find(const char* key, bool required);
    const nlohmann::json& record_;
    bool ok_;
};

/// One value of a record enum: its wire value and the Japanese label of `body`.
template <class E>
struct WireEntry {
    E value;
    const char* wire;
    const char* label;
};
/// The entry of `v` in a complete table (the last entry for a value outside the enum).
template <class E, std::size_t N>
const WireEntry<E>& entryOf(const std::array<WireEntry<E>, N>& table, E v) {
    for (const auto& e : table) {
        if (e.value == v) return e;
    }
    return table.back();
}
/// The value whose wire value is `s`; nullopt when none is.
template <class E, std::size_t N>
std::optional<E> valueOf(const std::array<WireEntry<E>, N>& table, std::string_view s) {
    for (const auto& e : table) {
        if (s == e.wire) return e.value;
    }
    return std::nullopt;
}

/// Keys of a choice map this version does not know: at most this many, each key and value a
/// string of at most kChoiceBytes bytes.
inline constexpr std::size_t kMaxOtherChoices = 16;
inline constexpr std::size_t kChoiceBytes = 64;

/// Whether `others` holds only unknown keys of `keys` with string values, within the caps.
template <class K, std::size_t N>
bool otherChoicesOk(const nlohmann::json& others, const std::array<WireEntry<K>, N>& keys) {
    if (!others.is_object() || others.size() > kMaxOtherChoices) return false;
    for (const auto& [key, value] : others.items()) {
        if (key.size() > kChoiceBytes || valueOf(keys, key) || !value.is_string() ||
            value.template get_ref<const std::string&>().size() > kChoiceBytes) {
            return false;
        }
    }
    return true;
}

/// Reads a choice map {"<key wire>": "<value wire>", …} under `key` (absent: empty) into
/// `out`; keys not in `keys` go to `others` as they are (a newer client's items), within
/// otherChoicesOk's caps. A known key with a value not in `values` → not ok.
template <class K, std::size_t NK, class V, std::size_t NV>
void readChoices(SharedRecordReader& r, const char* key, const std::array<WireEntry<K>, NK>& keys,
                 const std::array<WireEntry<V>, NV>& values, std::map<K, V>& out,
                 nlohmann::json& others) {
    const nlohmann::json* o = r.object(key, false);
    if (!o) return;
    for (const auto& [k, v] : o->items()) {
        const auto known = valueOf(keys, k);
        if (!known) {
            if (others.size() >= kMaxOtherChoices || k.size() > kChoiceBytes || !v.is_string() ||
                v.template get_ref<const std::string&>().size() > kChoiceBytes) {
                return r.refuse();
            }
            others[k] = v;
            continue;
        }
        const auto value = v.is_string() ? valueOf(values, v.template get_ref<const std::string&>())
                                         : std::nullopt;
        if (!value) return r.refuse();
        out[*known] = *value;
    }
}

/// The wire object of a choice map: `others` with the known choices set over it.
template <class K, std::size_t NK, class V, std::size_t NV>
nlohmann::json choicesJson(const std::map<K, V>& choices, const nlohmann::json& others,
                           const std::array<WireEntry<K>, NK>& keys,
                           const std::array<WireEntry<V>, NV>& values) {
    nlohmann::json out = others.is_object() ? others : nlohmann::json::object();
    for (const auto& [k, v] : choices) out[entryOf(keys, k).wire] = entryOf(values, v).wire;
    return out;
}

/// Unknown fields kept in `extra` (an object) as a start of the record to write; the known
/// fields are then set over it.
nlohmann::json recordBase(const nlohmann::json& extra);

}  // namespace detail
}  // namespace renkei::care
