// Renkei core: wire values and Japanese labels of the care enums (SCHEMA.md, "Enums").
#include <array>
#include <cstddef>

#include "care/care_enum_table.h"
#include "care/care_labels.h"
#include "care/care_types.h"

namespace renkei::care {

bool isCareStateType(std::string_view event_type) {
    for (const char* type : {kPatientType, kConsentType, kMemberType, kRuleExceptionType, kClosureType}) {
        if (event_type == type) return true;
    }
    return false;
}
namespace {

using detail::Entry;
using detail::entryOf;
using detail::fromWire;

constexpr std::array<Entry<CareLevel>, 9> kCareLevels{{
    {CareLevel::Support1, "support_1", "要支援1"},
    {CareLevel::Support2, "support_2", "要支援2"},
    {CareLevel::Care1, "care_1", "要介護1"},
    {CareLevel::Care2, "care_2", "要介護2"},
    {CareLevel::Care3, "care_3", "要介護3"},
    {CareLevel::Care4, "care_4", "要介護4"},
    {CareLevel::Care5, "care_5", "要介護5"},
    {CareLevel::Applying, "applying", "申請中"},
    {CareLevel::None, "none", "なし"},
}};
constexpr std::array<Entry<Sex>, 4> kSexes{{
    {Sex::Female, "female", "女性"},
    {Sex::Male, "male", "男性"},
    {Sex::Other, "other", "その他"},
    {Sex::Unknown, "unknown", "不明"},
}};
constexpr std::array<Entry<ConsentMethod>, 3> kConsentMethods{{
    {ConsentMethod::InPerson, "in_person", "対面"},
    {ConsentMethod::ByMail, "by_mail", "郵送"},
    {ConsentMethod::ThroughFamily, "through_family", "家族を通じて"},
}};
constexpr std::array<Entry<Profession>, 16> kProfessions{{
    {Profession::Physician, "physician", "主治医"},
    {Profession::SubPhysician, "sub_physician", "副主治医"},
    {Profession::Dentist, "dentist", "歯科医師"},
    {Profession::Pharmacist, "pharmacist", "薬剤師"},
    {Profession::VisitingNurse, "visiting_nurse", "訪問看護師"},
    {Profession::Nurse, "nurse", "看護師"},
    {Profession::CareManager, "care_manager", "介護支援専門員"},
    {Profession::Msw, "msw", "医療ソーシャルワーカー"},
    {Profession::PhysicalTherapist, "physical_therapist", "理学療法士"},
    {Profession::OccupationalTherapist, "occupational_therapist", "作業療法士"},
    {Profession::SpeechTherapist, "speech_therapist", "言語聴覚士"},
    {Profession::Dietitian, "dietitian", "管理栄養士"},
    {Profession::DentalHygienist, "dental_hygienist", "歯科衛生士"},
    {Profession::CareWorker, "care_worker", "介護職員"},
    {Profession::CommunityCenter, "community_center", "地域包括支援センター職員"},
    {Profession::Other, "other", "その他"},
}};
constexpr std::array<Entry<Scene>, 4> kScenes{{
    {Scene::AdmissionDischarge, "admission_discharge", "入退院支援"},
    {Scene::DailyCare, "daily_care", "日常の療養支援"},
    {Scene::AcuteChange, "acute_change", "急変時の対応"},
    {Scene::EndOfLife, "end_of_life", "看取り"},
}};
constexpr std::array<Entry<ClosureReason>, 4> kClosureReasons{{
    {ClosureReason::Death, "death", "死亡"},
    {ClosureReason::Facility, "facility", "施設入所"},
    {ClosureReason::Moved, "moved", "転居"},
    {ClosureReason::Other, "other", "その他"},
}};

}  // namespace

std::string toWire(CareLevel v) { return entryOf(kCareLevels, v).wire; }
std::string toWire(Sex v) { return entryOf(kSexes, v).wire; }
std::string toWire(ConsentMethod v) { return entryOf(kConsentMethods, v).wire; }
std::string toWire(Profession v) { return entryOf(kProfessions, v).wire; }
std::string toWire(Scene v) { return entryOf(kScenes, v).wire; }
std::string toWire(ClosureReason v) { return entryOf(kClosureReasons, v).wire; }

std::optional<CareLevel> careLevelFromWire(const std::string& s) {
    return fromWire(kCareLevels, s);
}
std::optional<Sex> sexFromWire(const std::string& s) { return fromWire(kSexes, s); }
std::optional<ConsentMethod> consentMethodFromWire(const std::string& s) {
    return fromWire(kConsentMethods, s);
}
std::optional<Profession> professionFromWire(const std::string& s) {
    return fromWire(kProfessions, s);
}
std::optional<Scene> sceneFromWire(const std::string& s) { return fromWire(kScenes, s); }
std::optional<ClosureReason> closureReasonFromWire(const std::string& s) {
    return fromWire(kClosureReasons, s);
}

std::string labelJa(CareLevel v) { return entryOf(kCareLevels, v).label; }
std::string labelJa(Sex v) { return entryOf(kSexes, v).label; }
std::string labelJa(ConsentMethod v) { return entryOf(kConsentMethods, v).label; }
std::string labelJa(Profession v) { return entryOf(kProfessions, v).label; }
std::string labelJa(Scene v) { return entryOf(kScenes, v).label; }
std::string labelJa(ClosureReason v) { return entryOf(kClosureReasons, v).label; }

}  // namespace renkei::care
