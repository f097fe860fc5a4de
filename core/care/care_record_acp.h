// Renkei core: 人生の最終段階における医療・ケアの意向 (ACP, 人生会議), the record the team
// looks up in an emergency (在宅がん患者緊急時医療情報連携指導料): where the patient wishes to
// be cared for and to die, which life-sustaining treatments they want, who decides when
// they cannot, and when and with whom this was discussed (SCHEMA.md, "### acp").
//
// Versions: a revision is a new ACP post (revision + 1, supersedes = the previous post's
// event id) or an edit (m.replace) of one. The current version is the ACP post whose
// content (its latest edit applied) is the newest by origin_server_ts — of the post, or of
// that latest edit; every other ACP post of the room is its history (acpHistory).
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

/// 場所の希望 (療養の場所, 最期を迎えたい場所). Wire values: "home" (自宅), "hospital" (病院),
/// "facility" (施設), "undecided" (未定), "other" (その他, with its text).
enum class WishedPlace { Home, Hospital, Facility, Undecided, Other };
/// 生命維持治療. Wire values: "cpr" (心肺蘇生), "mechanical_ventilation" (人工呼吸器),
/// "tube_feeding" (経管栄養（胃ろう等）), "iv_fluids" (点滴), "dialysis" (人工透析),
/// "hospital_transfer" (救急搬送・入院).
enum class LifeSustainingTreatment {
    Cpr,
    MechanicalVentilation,
    TubeFeeding,
    IvFluids,
    Dialysis,
    HospitalTransfer
};
/// 治療の希望. Wire values: "wanted" (希望する), "not_wanted" (希望しない), "undecided" (未定).
enum class TreatmentWish { Wanted, NotWanted, Undecided };

std::string toWire(WishedPlace v);
std::string toWire(LifeSustainingTreatment v);
std::string toWire(TreatmentWish v);
std::optional<WishedPlace> wishedPlaceFromWire(const std::string& s);
std::optional<LifeSustainingTreatment> lifeSustainingTreatmentFromWire(const std::string& s);
std::optional<TreatmentWish> treatmentWishFromWire(const std::string& s);
/// Japanese label of `body` (「自宅」, 「心肺蘇生」, 「希望しない」).
std::string labelJa(WishedPlace v);
std::string labelJa(LifeSustainingTreatment v);
std::string labelJa(TreatmentWish v);

/// Byte caps (UTF-8). Texts marked multiline may hold "\n".
inline constexpr std::size_t kPlaceDetailBytes = 200;  ///< その他の場所 (one line)
inline constexpr std::size_t kAcpWishesBytes = 2'000;  ///< 本人の思い (multiline)
inline constexpr std::size_t kAcpNoteBytes = 2'000;    ///< メモ (multiline)
inline constexpr std::size_t kSurrogateNameBytes = 96;  ///< 代理意思決定者の氏名 (one line)
inline constexpr std::size_t kRelationBytes = 48;       ///< 続柄 (one line)
inline constexpr std::size_t kMaxAcpParticipants = 20;
inline constexpr std::int64_t kMaxAcpRevision = 10'000;

/// A wished place. Wire: {"place": WishedPlace, "detail": string}; `detail` is required
/// (one line ≤ kPlaceDetailBytes) for "other" and empty otherwise.
struct PlaceWish {
    WishedPlace place = WishedPlace::Undecided;
    std::string detail;
    bool operator==(const PlaceWish&) const = default;
};

/// 代理意思決定者: who decides when the patient cannot. Wire {"name", "relation"}, both required.
struct Surrogate {
    std::string name;
    std::string relation;  ///< 続柄 or role (長男, 後見人 …)
    bool operator==(const Surrogate&) const = default;
};

/// The record of kind "acp".
struct AdvanceCarePlan {
    PlaceWish place_of_care;  ///< 療養の場所; wire "place_of_care", absent = undecided
    PlaceWish place_of_death;  ///< 最期を迎えたい場所; wire "place_of_death", absent = undecided
    /// Wire "life_sustaining" {"cpr": "not_wanted", …}. A treatment not listed was not
    /// discussed (shown as nothing, not as 未定).
    std::map<LifeSustainingTreatment, TreatmentWish> treatments;
    /// Keys of "life_sustaining" this version does not know (a newer client's treatments,
    /// string values), kept as read and written back.
    nlohmann::json other_treatments = nlohmann::json::object();
    std::string wishes;                     ///< 本人の思い・大切にしていること
    std::optional<Surrogate> surrogate;     ///< 代理意思決定者
    std::string discussion_date;            ///< 話し合いの日 "YYYY-MM-DD", required
    std::vector<Participant> participants;  ///< 話し合いの参加者, at least one
    std::int64_t revision = 1;              ///< 版: 1 … kMaxAcpRevision
    std::optional<std::string> supersedes;  ///< event id of the version this one replaces
    std::string note;                       ///< メモ
    nlohmann::json extra = nlohmann::json::object();  ///< a newer client's fields, kept
    bool operator==(const AdvanceCarePlan&) const = default;
};

/// Checks an ACP record before it is sent: parseAdvanceCarePlan's rules, the content size,
/// and discussion_date not after today in Japan time at `now_ms` (ms since the Unix epoch).
/// Errors: InvalidArgument "acp.<field>: …" naming the first field that breaks its rule.
Result<void> validateAdvanceCarePlan(const AdvanceCarePlan& v, std::int64_t now_ms);

/// The m.room.message content (through recordContent), title 人生の最終段階における意向;
/// lines 療養の場所, 最期を迎えたい場所, one per treatment (「心肺蘇生: 希望しない」),
/// 本人の思い, 代理意思決定者, 話し合いの日, 話し合いの参加者, 版, メモ. Validate first.
/// The readable lines of a record (療養の場所 … 版, メモ).
std::vector<RecordLine> advanceCarePlanLines(const AdvanceCarePlan& v);
nlohmann::json advanceCarePlanContent(const AdvanceCarePlan& v);

/// Reads a record object of kind "acp" as a member sent it: nullopt when a known field has
/// the wrong type or breaks its rule (no date check against today).
std::optional<AdvanceCarePlan> parseAdvanceCarePlan(const nlohmann::json& record);

/// One ACP post of a room with its current content (latest edit applied) and the time of
/// that content: the latest edit's origin_server_ts, or the post's when never edited.
struct AcpPost {
    std::string event_id;
    std::int64_t origin_server_ts = 0;
    AdvanceCarePlan plan;
    bool operator==(const AcpPost&) const = default;
};

/// The room's ACP versions newest first: front() is the current version, the rest its
/// history. Order: origin_server_ts, then revision, then event id (all descending); an
/// event id seen twice counts once (its newest entry).
std::vector<AcpPost> acpHistory(std::vector<AcpPost> posts);

}  // namespace renkei::care
