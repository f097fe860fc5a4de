// Renkei core: the envelope of a structured post (vitals, medication, the physician's update,
// ACP, the discharge joint-guidance record). A structured post is an ordinary m.room.message
// (msgtype m.text) whose `body` (and HTML `formatted_body`) says everything in words, so any
// Matrix client reads it, plus the record itself under kRecordKey:
//   "jp.renkei.record": {"kind": "vitals", "schema": 1, ...the kind's fields}
// Each kind's fields, limits and body text are in its own care_record_*.h and in SCHEMA.md.
// A correction is an edit (m.replace) whose m.new_content carries the whole corrected record.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace renkei::care {

/// Key of the record object inside m.room.message content (and m.new_content).
inline constexpr const char* kRecordKey = "jp.renkei.record";

/// 記録の種類. Wire values: "vitals" (バイタル), "medication" (服薬), "physician_update"
/// (医師からの情報共有), "acp" (人生の最終段階における意向), "discharge_guidance"
/// (退院時共同指導記録票).
enum class RecordKind { Vitals, Medication, PhysicianUpdate, Acp, DischargeGuidance };

/// Wire value of a kind ("vitals", …), and back (nullopt when unknown: a newer client's kind,
/// shown through its body only).
std::string toWire(RecordKind kind);
std::optional<RecordKind> recordKindFromWire(const std::string& wire);
/// Title of a kind as the body's 【title】 has it (「バイタル」, 「服薬」, 「医師からの情報共有」,
/// 「人生の最終段階における意向」, 「退院時共同指導記録票」).
std::string recordTitle(RecordKind kind);

/// The record object of a message content: content[kRecordKey] when it is an object whose
/// "kind" is a known kind; nullopt otherwise (the post then reads as plain text).
std::optional<std::pair<RecordKind, const nlohmann::json*>> recordOf(const nlohmann::json& content);

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

/// One line of a record's readable text: a label and its value with units, e.g.
/// {"血圧", "132/80 mmHg"}. A value may hold newlines (a course in hospital).
struct RecordLine {
    std::string label;
    std::string value;
};

/// The m.room.message content of a record (spec: m.room.message, m.text): `body` is
/// "【title】" then one "label: value" line per line (empty values left out); `formatted_body`
/// (format org.matrix.custom.html) says the same as <p><strong>title</strong></p><ul><li>
/// <strong>label</strong>: value</li>…</ul>, every text escaped, newlines as <br>; and
/// kRecordKey = `record` with "kind" and "schema" (kSchemaVersion) set. One writer for every
/// kind, so every structured post reads the same way in any client.
nlohmann::json recordContent(RecordKind kind, nlohmann::json record, const std::string& title,
                             const std::vector<RecordLine>& lines);

}  // namespace renkei::care
