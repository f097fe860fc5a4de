#include "care/care_text.h"

#include <QCoreApplication>

#include "matrix/display_text.h"

namespace renkei::ui {

QString professionLabel(care::Profession profession) {
    using P = care::Profession;
    const auto tr = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (profession) {
        case P::Physician: return tr("主治医");
        case P::SubPhysician: return tr("副主治医");
        case P::Dentist: return tr("歯科医師");
        case P::Pharmacist: return tr("薬剤師");
        case P::VisitingNurse: return tr("訪問看護師");
        case P::Nurse: return tr("看護師");
        case P::CareManager: return tr("介護支援専門員");
        case P::Msw: return tr("MSW");
        case P::PhysicalTherapist: return tr("理学療法士");
        case P::OccupationalTherapist: return tr("作業療法士");
        case P::SpeechTherapist: return tr("言語聴覚士");
        case P::Dietitian: return tr("管理栄養士");
        case P::DentalHygienist: return tr("歯科衛生士");
        case P::CareWorker: return tr("介護職");
        case P::CommunityCenter: return tr("地域包括支援センター職員");
        case P::Other: break;
    }
    return tr("その他");
}

QString careLevelLabel(care::CareLevel level) {
    using L = care::CareLevel;
    const auto tr = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (level) {
        case L::Support1: return tr("要支援1");
        case L::Support2: return tr("要支援2");
        case L::Care1: return tr("要介護1");
        case L::Care2: return tr("要介護2");
        case L::Care3: return tr("要介護3");
        case L::Care4: return tr("要介護4");
        case L::Care5: return tr("要介護5");
        case L::Applying: return tr("申請中");
        case L::None: break;
    }
    return tr("なし");
}

QString sexLabel(care::Sex sex) {
    using S = care::Sex;
    const auto tr = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (sex) {
        case S::Female: return tr("女性");
        case S::Male: return tr("男性");
        case S::Other: return tr("その他");
        case S::Unknown: break;
    }
    return tr("未記入");
}

QString consentMethodLabel(care::ConsentMethod method) {
    using M = care::ConsentMethod;
    const auto tr = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (method) {
        case M::InPerson: return tr("対面");
        case M::ByMail: return tr("郵送");
        case M::ThroughFamily: break;
    }
    return tr("家族を通じて");
}

QString closureReasonLabel(care::ClosureReason reason) {
    using R = care::ClosureReason;
    const auto tr = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (reason) {
        case R::Death: return tr("死亡");
        case R::Facility: return tr("施設入所");
        case R::Moved: return tr("転居");
        case R::Other: break;
    }
    return tr("その他");
}

QString memberLabel(const QString& name, const std::optional<care::MemberProfile>& profile) {
    if (!profile) return name;
    //: A member in a post header or read-by list: name (profession · office).
    return QCoreApplication::translate("CareLabels", "%1（%2・%3）")
        .arg(name, professionLabel(profile->profession),
             QString::fromStdString(matrix::displayText(profile->office)));  // a member wrote it
}

}  // namespace renkei::ui
