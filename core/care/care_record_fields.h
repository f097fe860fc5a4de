// Renkei core (internal to core/care): reading and writing the fields of a structured record
// (jp.renkei.record, see care_record.h) with one set of rules for every kind (SCHEMA.md,
// "Structured posts"): a known field of the wrong JSON type, missing when required or over
// its bound makes the whole record absent; unknown fields are kept, within caps, so that an
// edit by this client writes them back; a refusal names the field, never its value.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "care/care_enum_table.h"
#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care::detail {

/// The wire names of a kind's known fields (beside "kind" and "schema"), listed once for its
/// reader (RecordReader::extra) and its writer (recordBase).
using FieldNames = std::span<const std::string_view>;

/// One text field of a record type R: its wire name, its member, its cap (in the kind's unit:
/// code points or bytes, SCHEMA.md), how it may be written, and its Japanese label (nullptr
/// where the kind's body names it itself).
template <class R>
struct TextField {
    const char* key;
    std::string R::*member;
    std::size_t cap;
    bool required;
    bool multiline;
    const char* label = nullptr;
};

/// The most bytes `code_points` code points take in UTF-8: the bound a reader applies before
/// copying a text whose cap counts code points (the cap itself is checked by textOk).
constexpr std::size_t utf8Bytes(std::size_t code_points) { return code_points * 4; }

/// Whether `s` is valid UTF-8 of at most `cap_bytes` bytes without C0/C1 controls or DEL
/// (`multiline` allows "\n"); `required` also refuses an empty or all-space string.
bool textBytesOk(std::string_view s, std::size_t cap_bytes, bool required, bool multiline);

/// Whether `s` looks like an event id: "$" then printable ASCII, ≤ 255 bytes (spec: "Event IDs").
bool eventIdOk(std::string_view s);

/// InvalidArgument "<kind>.<field>: <why>"; names the field only (its value may be a patient
/// datum).
Failure refusal(std::string_view kind, std::string_view field,
                std::string_view why = "breaks its rule");

/// Refusal "<kind>: content too large" when `content` dumps to more than
/// kMaxRecordContentBytes (a kept field that is not valid UTF-8 never throws).
Result<void> contentFits(const nlohmann::json& content, const char* kind);

/// Whether each participant has a name and a role within their caps, and there are at most
/// `max` of them; and their wire array.
bool participantsOk(const std::vector<Participant>& participants, std::size_t max);
nlohmann::json participantsJson(const std::vector<Participant>& participants);

/// Reads the fields of one record object. Any mismatch turns ok() false for good (the record
/// then reads as absent). Texts are returned as written: their rules are the kind's own check,
/// which the writer applies too.
class RecordReader {
public:
    /// `record` must be an object of kind `kind` with an acceptable schema (absent reads as 1,
    /// any integer ≥ 1 is read).
    RecordReader(const nlohmann::json& record, RecordKind kind);
    [[nodiscard]] bool ok() const { return ok_; }
    /// Marks the record unreadable (a kind's own check failed).
    void refuse() { ok_ = false; }

    /// A string field; "" when absent and not required. Longer than `max_bytes` → not ok
    /// (a huge string is refused before it is copied).
    std::string text(const char* key, bool required, std::size_t max_bytes);
    /// A string field, nullopt when absent.
    std::optional<std::string> optionalText(const char* key, std::size_t max_bytes);
    /// A boolean field; false when absent and not required.
    bool boolean(const char* key, bool required);
    /// A JSON integer in [low, high] (72.0 or "72" → not ok); nullopt when absent (and not ok
    /// when `required`).
    std::optional<std::int64_t> integer(const char* key, std::int64_t low, std::int64_t high,
                                        bool required = false);
    /// An enum field: a string that is a wire value of `table`; nullopt when absent, not ok
    /// when anything else.
    template <class E, std::size_t N>
    std::optional<E> choice(const char* key, const std::array<Entry<E>, N>& table) {
        if (!ok_ || !record_.contains(key)) return std::nullopt;
        const auto e = fromWire(table, text(key, true, kChoiceBytes));
        if (!e) ok_ = false;
        return ok_ ? e : std::nullopt;
    }
    /// An array of strings (≤ max_entries, each ≤ max_bytes); empty when absent.
    std::vector<std::string> textList(const char* key, std::size_t max_entries,
                                      std::size_t max_bytes);
    /// An array of participants (≤ max_entries, names and roles within their caps); empty
    /// when absent.
    std::vector<Participant> participants(const char* key, std::size_t max_entries);
    /// The object under `key` (nullptr when absent and not required); not an object → not ok.
    const nlohmann::json* object(const char* key, bool required);

    /// Fields other than `known`, "kind" and "schema": a newer client's, kept while together
    /// within kMaxExtraBytes and kMaxExtraDepth (else all dropped, the record still read).
    /// An object, possibly empty.
    [[nodiscard]] nlohmann::json extra(FieldNames known) const;

    /// Longest wire value of an enum or of a choice-map key this reader copies.
    static constexpr std::size_t kChoiceBytes = 64;

private:
    const nlohmann::json* find(const char* key, bool required);
    const nlohmann::json& record_;
    bool ok_;
};

/// The start of a record to write: the kept unknown fields (`extra`, an object) without any
/// of `known`, so that an unknown field never overrides nor brings back a known one.
nlohmann::json recordBase(const nlohmann::json& extra, FieldNames known);

/// Keys of a choice map this version does not know: at most this many, each key and value a
/// string of at most RecordReader::kChoiceBytes bytes.
inline constexpr std::size_t kMaxOtherChoices = 16;

/// Whether one unknown choice may be kept: key and value strings within kChoiceBytes.
bool otherChoiceOk(const std::string& key, const nlohmann::json& value);

/// Whether `others` holds only unknown keys of `keys` with string values, within the caps.
template <class K, std::size_t N>
bool otherChoicesOk(const nlohmann::json& others, const std::array<Entry<K>, N>& keys) {
    if (!others.is_object() || others.size() > kMaxOtherChoices) return false;
    for (const auto& [key, value] : others.items()) {
        if (fromWire(keys, key) || !otherChoiceOk(key, value)) return false;
    }
    return true;
}

/// Reads a choice map {"<key wire>": "<value wire>", …} under `key` (absent: empty) into
/// `out`; keys not in `keys` go to `others` as they are (a newer client's items), within
/// otherChoicesOk's caps. A known key with a value not in `values` → not ok.
template <class K, std::size_t NK, class V, std::size_t NV>
void readChoices(RecordReader& r, const char* key, const std::array<Entry<K>, NK>& keys,
                 const std::array<Entry<V>, NV>& values, std::map<K, V>& out,
                 nlohmann::json& others) {
    const nlohmann::json* o = r.object(key, false);
    if (!o) return;
    for (const auto& [k, v] : o->items()) {
        const auto known = fromWire(keys, k);
        if (!known) {
            if (others.size() >= kMaxOtherChoices || !otherChoiceOk(k, v)) return r.refuse();
            others[k] = v;
            continue;
        }
        const auto value = v.is_string()
                               ? fromWire(values, v.template get_ref<const std::string&>())
                               : std::nullopt;
        if (!value) return r.refuse();
        out[*known] = *value;
    }
}

/// The wire object of a choice map: `others` with the known choices set over it.
template <class K, std::size_t NK, class V, std::size_t NV>
nlohmann::json choicesJson(const std::map<K, V>& choices, const nlohmann::json& others,
                           const std::array<Entry<K>, NK>& keys,
                           const std::array<Entry<V>, NV>& values) {
    nlohmann::json out = others.is_object() ? others : nlohmann::json::object();
    for (const auto& [k, v] : choices) out[entryOf(keys, k).wire] = entryOf(values, v).wire;
    return out;
}

}  // namespace renkei::care::detail
