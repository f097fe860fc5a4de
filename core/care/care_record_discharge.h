// Renkei core: 退院時共同指導記録票, the discharge joint-guidance record agreed between the
// hospital and the home-care team at the conference before discharge (SCHEMA.md,
// "### discharge_guidance"). An MSW drafts it over days; it is sent as one post.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care {

/// ADL の項目. Wire values: "eating" (食事), "toileting" (排泄), "mobility" (移動),
/// "bathing" (入浴), "dressing" (更衣).
enum class AdlItem { Eating, Toileting, Mobility, Bathing, Dressing };
/// ADL の程度. Wire values: "independent" (自立), "partial_assist" (一部介助),
/// "full_assist" (全介助).
enum class AdlLevel { Independent, PartialAssist, FullAssist };

std::string toWire(AdlItem v);
std::string toWire(AdlLevel v);
std::optional<AdlItem> adlItemFromWire(const std::string& s);
std::optional<AdlLevel> adlLevelFromWire(const std::string& s);
/// Japanese label of `body` (「食事」, 「一部介助」).
std::string labelJa(AdlItem v);
std::string labelJa(AdlLevel v);

/// Byte caps (UTF-8) of the record's texts. One-line fields: hospital, ward, physicians,
/// each procedure; the others may hold "\n".
inline constexpr std::size_t kHospitalBytes = 128;
inline constexpr std::size_t kWardBytes = 64;
inline constexpr std::size_t kPhysicianNameBytes = 96;
inline constexpr std::size_t kDiagnosisBytes = 600;
inline constexpr std::size_t kHospitalCourseBytes = 4'000;
inline constexpr std::size_t kAdlNoteBytes = 1'000;
inline constexpr std::size_t kProcedureBytes = 120;
inline constexpr std::size_t kMaxProcedures = 12;
inline constexpr std::size_t kDischargeTextBytes =
    2'000;  ///< medications, services, family, follow-up
inline constexpr std::size_t kEquipmentBytes = 1'000;
inline constexpr std::size_t kMaxConferenceParticipants = 30;

/// The record of kind "discharge_guidance". Dates "YYYY-MM-DD"; admission ≤ conference ≤
/// planned discharge.
struct DischargeGuidance {
    std::string hospital;                ///< 医療機関名, required
    std::string ward;                    ///< 病棟
    std::string admission_date;          ///< 入院日, required
    std::string planned_discharge_date;  ///< 退院予定日, required
    std::string hospital_physician;      ///< 病院の主治医
    std::string home_physician;          ///< 在宅の主治医
    std::string diagnosis;               ///< 診断名, required
    std::string hospital_course;         ///< 入院中の経過
    /// ADL: fixed items with a level (wire "adl" {"eating": "independent", …}); an item
    /// not listed was not assessed.
    std::map<AdlItem, AdlLevel> adl;
    nlohmann::json other_adl = nlohmann::json::object();  ///< a newer client's ADL items, kept
    std::string adl_note;                 ///< ADL の補足 (free text beside the levels)
    std::vector<std::string> procedures;  ///< 在宅での医療処置 (在宅酸素療法, 胃ろう …)
    std::string medications;              ///< 退院時の処方・服薬
    std::string services;                 ///< 予定する看護・介護サービス
    std::string equipment;                ///< 福祉用具・医療機器
    std::string family;                   ///< 家族の状況と意向
    std::string conference_date;          ///< 共同指導の日, required
    std::vector<Participant> participants;            ///< 共同指導の参加者, at least one
    std::string follow_up;                            ///< 退院後の確認事項
    nlohmann::json extra = nlohmann::json::object();  ///< a newer client's fields, kept
    bool operator==(const DischargeGuidance&) const = default;
};

/// Checks a record before it is sent: parseDischargeGuidance's rules, the content size
/// (kMaxRecordContentBytes), and admission and conference not after today in Japan time at
/// `now_ms` (ms since the Unix epoch). Errors: InvalidArgument
/// "discharge_guidance.<field>: …" naming the first field that breaks its rule.
Result<void> validateDischargeGuidance(const DischargeGuidance& v, std::int64_t now_ms);

/// The m.room.message content (through recordContent), title 退院時共同指導記録票; one line
/// per field (empty ones left out), ADL as 「食事 自立、排泄 一部介助」, procedures joined
/// with 「、」. Validate first.
/// The readable lines of a record (医療機関 … 退院後の確認事項), one per section.
std::vector<RecordLine> dischargeGuidanceLines(const DischargeGuidance& v);
nlohmann::json dischargeGuidanceContent(const DischargeGuidance& v);

/// Reads a record object of kind "discharge_guidance" as a member sent it: nullopt when a
/// known field has the wrong type or breaks its rule (no date check against today).
std::optional<DischargeGuidance> parseDischargeGuidance(const nlohmann::json& record);

}  // namespace renkei::care
