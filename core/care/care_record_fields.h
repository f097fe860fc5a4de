// Renkei core (internal to core/care): reading the fields of a structured record
// (jp.renkei.record, see care_record.h) with one set of rules for every kind: a known field of
// the wrong JSON type or out of its range makes the whole record absent; unknown fields are
// kept so that an edit by this client writes them back.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace renkei::care::detail {

/// Reads one record object; any mismatch turns ok() false for good.
class RecordReader {
public:
    /// `kind` is the wire kind the record must carry ("vitals"); `schema` absent reads as 1,
    /// any integer ≥ 1 is accepted (SCHEMA.md, "General rules").
    RecordReader(const nlohmann::json& record, const char* kind);
    [[nodiscard]] bool ok() const { return ok_; }
    void refuse() { ok_ = false; }

    /// Whether `key` is present (false once the reader has refused).
    [[nodiscard]] bool has(const char* key) const;
    /// An integer field in [low, high]; nullopt when absent (absent and `required` refuses).
    std::optional<std::int64_t> integer(const char* key, std::int64_t low, std::int64_t high,
                                        bool required = false);
    /// A finite number in [low, high], rounded to one decimal; nullopt when absent.
    std::optional<double> tenths(const char* key, double low, double high);
    /// A string of valid UTF-8 within `cap` code points (care_check.h textOk); "" when absent.
    std::string text(const char* key, std::size_t cap, bool required, bool multiline);
    /// A string field as is (for enum wire values); nullopt when absent.
    std::optional<std::string> wire(const char* key);

    /// Every field of the record except "kind", "schema" and `known`: a newer client's
    /// fields, written back unchanged by this one. An object, possibly empty.
    [[nodiscard]] nlohmann::json extra(std::initializer_list<const char*> known) const;

private:
    const nlohmann::json* find(const char* key);
    const nlohmann::json& r_;
    bool ok_;
};

/// A value rounded to one decimal (36.84 → 36.8), the resolution of ℃ and kg on the wire.
double roundTenths(double v);
/// "36.8" / "45.0": a value with one decimal, for the body text.
std::string oneDecimal(double v);
/// "2026-12-01 09:30": a time in ms since the epoch (UTC) shown at `utc_offset_min` minutes
/// east of UTC (540 = JST).
std::string localMinute(std::int64_t ms, int utc_offset_min);

}  // namespace renkei::care::detail
