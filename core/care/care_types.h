// Renkei core: the care domain's own Matrix shapes, every `jp.renkei.*` name in one place
// (documented in core/care/SCHEMA.md). Everything read here comes from a room member and is
// hostile: each field is checked, capped and, when malformed, the whole shape reads as
// absent (std::nullopt) rather than half-read. Every shape carries `schema` (kSchemaVersion)
// and a readable `body`, so any Matrix client still shows what it says.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "matrix/client.h"

namespace renkei::care {

/// Version of the shapes below, written as `"schema": 1`. A reader accepts shapes without
/// `schema` (treated as 1) and any version ≥ 1, reading the fields it knows.
inline constexpr int kSchemaVersion = 1;

// ---- Names (creation type, state event types, post keys)
inline constexpr const char* kPatientRoomType = "jp.renkei.patient_room";  ///< creation_content.type
inline constexpr const char* kCreationIdKey = "jp.renkei.creation_id";     ///< in creation_content
inline constexpr const char* kPatientType = "jp.renkei.patient";           ///< state, key ""
inline constexpr const char* kConsentType = "jp.renkei.consent";           ///< state, key ""
inline constexpr const char* kMemberType = "jp.renkei.member";             ///< state, key = own user id
inline constexpr const char* kRuleExceptionType = "jp.renkei.rule_exception";  ///< state, key = rule
inline constexpr const char* kClosureType = "jp.renkei.closure";           ///< state, key ""
inline constexpr const char* kSceneKey = "jp.renkei.scene";                ///< in m.room.message content
inline constexpr const char* kUrgentKey = "jp.renkei.urgent";              ///< in m.room.message content
/// rule_exception state key of "the attending physician takes part in principle".
inline constexpr const char* kRuleNoPhysician = "no_attending_physician";

/// 要介護度. Wire values: "support_1", "support_2", "care_1" … "care_5", "applying", "none".
enum class CareLevel { Support1, Support2, Care1, Care2, Care3, Care4, Care5, Applying, None };
/// 性別. Wire values: "female", "male", "other", "unknown".
enum class Sex { Female, Male, Other, Unknown };
/// 同意の取得方法. Wire values: "in_person", "by_mail", "through_family".
enum class ConsentMethod { InPerson, ByMail, ThroughFamily };
/// 職種 (profession). Wire values: "physician" (主治医), "sub_physician" (副主治医), "dentist",
/// "pharmacist", "visiting_nurse", "nurse", "care_manager" (介護支援専門員), "msw",
/// "physical_therapist", "occupational_therapist", "speech_therapist", "dietitian",
/// "dental_hygienist", "care_worker", "community_center" (地域包括支援センター職員), "other".
enum class Profession {
    Physician, SubPhysician, Dentist, Pharmacist, VisitingNurse, Nurse, CareManager, Msw,
    PhysicalTherapist, OccupationalTherapist, SpeechTherapist, Dietitian, DentalHygienist,
    CareWorker, CommunityCenter, Other
};
/// 場面 (scene of a post). Wire values: "admission_discharge" (入退院支援), "daily_care"
/// (日常の療養支援), "acute_change" (急変時の対応), "end_of_life" (看取り).
enum class Scene { AdmissionDischarge, DailyCare, AcuteChange, EndOfLife };
/// 終了の理由. Wire values: "death", "facility", "moved", "other".
enum class ClosureReason { Death, Facility, Moved, Other };

/// Wire value of each enum ("care_1", "in_person", …), and back (nullopt when unknown).
std::string toWire(CareLevel v);
std::string toWire(Sex v);
std::string toWire(ConsentMethod v);
std::string toWire(Profession v);
std::string toWire(Scene v);
std::string toWire(ClosureReason v);
std::optional<CareLevel> careLevelFromWire(const std::string& s);
std::optional<Sex> sexFromWire(const std::string& s);
std::optional<ConsentMethod> consentMethodFromWire(const std::string& s);
std::optional<Profession> professionFromWire(const std::string& s);
std::optional<Scene> sceneFromWire(const std::string& s);
std::optional<ClosureReason> closureReasonFromWire(const std::string& s);

/// Dates are ISO 8601 calendar dates "YYYY-MM-DD" (checked: a real date, year 1900 … 2100).

/// `jp.renkei.patient` (利用者). Names ≤ 64 code points, kana (ふりがな) hiragana/katakana,
/// long-vowel mark and spaces only, conditions ≤ 16 entries of ≤ 64 code points.
struct Patient {
    std::string name;          ///< 氏名, required
    std::string kana;          ///< ふりがな, required, kana only
    std::string birth_date;    ///< "YYYY-MM-DD", required
    Sex sex = Sex::Unknown;
    CareLevel care_level = CareLevel::None;
    std::vector<std::string> conditions;  ///< 主な病名
    std::string municipality;  ///< 住所の市町村, required
    bool operator==(const Patient&) const = default;
};

/// `jp.renkei.consent` (利用者同意). Without one, no patient room is opened.
struct Consent {
    std::string date;             ///< "YYYY-MM-DD" obtained, required
    ConsentMethod method = ConsentMethod::InPerson;
    std::string obtained_by;      ///< user id ("@…:server") of who obtained it, required
    bool from_patient = true;     ///< 本人 (true) or family (false)
    std::string family_relation;  ///< 続柄 when !from_patient (required then), ≤ 32 code points
    std::optional<std::string> scan_mxc;  ///< the signed form, "mxc://server/id"
    std::optional<std::string> withdrawn_date;  ///< "YYYY-MM-DD" when consent was withdrawn
    bool operator==(const Consent&) const = default;
};

/// `jp.renkei.member` (the member's profession and office), state key = the member's user id.
struct MemberProfile {
    Profession profession = Profession::Other;
    std::string office;        ///< 事業所名, required, ≤ 64 code points
    std::string office_kind;   ///< 種別 (e.g. 診療所, 訪問看護ステーション), ≤ 32 code points
    std::string municipality;  ///< 所在市町村, ≤ 32 code points
    std::string team_role;     ///< role in this team (主治医, 訪問看護, …), may be empty, ≤ 32
    bool operator==(const MemberProfile&) const = default;
};

/// `jp.renkei.rule_exception`: a network rule this room departs from, with the reason.
struct RuleException {
    std::string rule;    ///< state key, e.g. kRuleNoPhysician
    std::string reason;  ///< required, ≤ 500 code points
    bool operator==(const RuleException&) const = default;
};

/// `jp.renkei.closure` (部屋の終了).
struct Closure {
    ClosureReason reason = ClosureReason::Other;
    std::string date;  ///< "YYYY-MM-DD"
    std::string note;  ///< free text, ≤ 500 code points (required for Other)
    bool operator==(const Closure&) const = default;
};

/// Clinical context of a post: `jp.renkei.scene` and `jp.renkei.urgent` in its content.
struct PostContext {
    std::optional<Scene> scene;
    bool urgent = false;
    bool operator==(const PostContext&) const = default;
};

/// State content for each shape, with `schema` and a readable Japanese `body`
/// (e.g. 「利用者: 山田 花子（やまだ はなこ）」). Errors: InvalidArgument naming the first
/// field that breaks its rule (no patient datum in the message).
Result<nlohmann::json> toContent(const Patient& v);
Result<nlohmann::json> toContent(const Consent& v);
Result<nlohmann::json> toContent(const MemberProfile& v);
Result<nlohmann::json> toContent(const RuleException& v);
Result<nlohmann::json> toContent(const Closure& v);

/// Reads a state content as sent by a member: nullopt when any field breaks its rule.
std::optional<Patient> parsePatient(const nlohmann::json& content);
std::optional<Consent> parseConsent(const nlohmann::json& content);
std::optional<MemberProfile> parseMemberProfile(const nlohmann::json& content);
std::optional<RuleException> parseRuleException(const std::string& state_key,
                                                const nlohmann::json& content);
std::optional<Closure> parseClosure(const nlohmann::json& content);

/// A member profile counts only when its state key is its sender (else: forged, ignored).
std::optional<MemberProfile> memberFromState(const std::string& sender, const std::string& state_key,
                                             const nlohmann::json& content);

/// Reads/writes the post keys; a malformed scene reads as none, urgent only when `true`.
PostContext parsePostContext(const nlohmann::json& content);
/// Whether `event_type` is one of the room's care-record state types (patient, consent,
/// member, rule_exception, closure): a change of it is a readable line in the timeline.
bool isCareStateType(std::string_view event_type);
void addPostContext(nlohmann::json& content, const PostContext& context);

/// One field an edit of the care record changed: its wire name ("care_level") and its wire
/// values before and after ("care_2", "care_3"). Lists are joined with "、", booleans read
/// "true"/"false", an absent optional field is "".
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
    bool operator==(const FieldChange&) const = default;
};
/// The fields in which `after` differs from `before`, both contents of state `type`
/// (jp.renkei.patient, .consent, .member — its municipality named "office_municipality" —
/// or .rule_exception: "reason"), in SCHEMA.md's field order. Nullopt for closure and other
/// types, or when either content breaks its shape's rules (no change can be told).
std::optional<std::vector<FieldChange>> stateChanges(std::string_view type, const nlohmann::json& before,
                                                     const nlohmann::json& after);

/// What opening a patient room needs. The team is invited; each invitee's role is kept in
/// the opener's view until they write their own jp.renkei.member.
struct TeamInvite {
    std::string user_id;
    std::string team_role;  ///< 主治医, 副主治医, 訪問看護, ケアマネジャー, 薬剤師, …
    bool attending_physician = false;  ///< this invitee is the team's attending physician
};
struct PatientRoomPlan {
    Patient patient;
    std::optional<Consent> consent;     ///< required: the plan is refused without it
    MemberProfile opener;               ///< the opener's own profile
    std::vector<TeamInvite> team;
    std::optional<std::string> no_physician_reason;  ///< required when no invitee (nor the
                                                     ///< opener) is the attending physician
    std::string creation_id;            ///< client-generated, unique; found again after a lost reply
};

/// The /createRoom request of a patient room (spec: "Creation", POST /createRoom):
/// room_type kPatientRoomType and creation_content {kCreationIdKey: id}, preset
/// private_chat, name = the patient's name, invite = the team, initial state
/// m.room.history_visibility "joined", m.room.guest_access "forbidden", patient + consent +
/// the opener's member + rule_exception when needed; power levels: every member (0) posts
/// and writes their own jp.renkei.member; patient, consent, closure, rule_exception, name and
/// power levels need 50, held by the opener (100) and the attending physician (50).
/// Errors: InvalidArgument when the consent is missing ("consent required"), a physician is
/// missing without a reason ("attending physician or reason required"), the creation id is
/// empty, or a field breaks its rule (named, no patient datum in the message).
Result<matrix::CreateRoomRequest> createRoomRequest(const PatientRoomPlan& plan,
                                                    const std::string& opener_user_id);

}  // namespace renkei::care
