#include "care/care_text.h"

#include <QCoreApplication>
#include <QStringList>
#include <utility>

#include "matrix/display_text.h"

namespace renkei::ui {

QString professionLabel(care::Profession profession) {
    using P = care::Profession;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (profession) {
        case P::Physician: return label(QT_TRANSLATE_NOOP("CareLabels", "主治医"));
        case P::SubPhysician: return label(QT_TRANSLATE_NOOP("CareLabels", "副主治医"));
        case P::Dentist: return label(QT_TRANSLATE_NOOP("CareLabels", "歯科医師"));
        case P::Pharmacist: return label(QT_TRANSLATE_NOOP("CareLabels", "薬剤師"));
        case P::VisitingNurse: return label(QT_TRANSLATE_NOOP("CareLabels", "訪問看護師"));
        case P::Nurse: return label(QT_TRANSLATE_NOOP("CareLabels", "看護師"));
        case P::CareManager: return label(QT_TRANSLATE_NOOP("CareLabels", "介護支援専門員"));
        case P::Msw: return label(QT_TRANSLATE_NOOP("CareLabels", "MSW"));
        case P::PhysicalTherapist: return label(QT_TRANSLATE_NOOP("CareLabels", "理学療法士"));
        case P::OccupationalTherapist: return label(QT_TRANSLATE_NOOP("CareLabels", "作業療法士"));
        case P::SpeechTherapist: return label(QT_TRANSLATE_NOOP("CareLabels", "言語聴覚士"));
        case P::Dietitian: return label(QT_TRANSLATE_NOOP("CareLabels", "管理栄養士"));
        case P::DentalHygienist: return label(QT_TRANSLATE_NOOP("CareLabels", "歯科衛生士"));
        case P::CareWorker: return label(QT_TRANSLATE_NOOP("CareLabels", "介護職"));
        case P::CommunityCenter: return label(QT_TRANSLATE_NOOP("CareLabels", "地域包括支援センター職員"));
        case P::Other: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "その他"));
}

QString careLevelLabel(care::CareLevel level) {
    using L = care::CareLevel;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (level) {
        case L::Support1: return label(QT_TRANSLATE_NOOP("CareLabels", "要支援1"));
        case L::Support2: return label(QT_TRANSLATE_NOOP("CareLabels", "要支援2"));
        case L::Care1: return label(QT_TRANSLATE_NOOP("CareLabels", "要介護1"));
        case L::Care2: return label(QT_TRANSLATE_NOOP("CareLabels", "要介護2"));
        case L::Care3: return label(QT_TRANSLATE_NOOP("CareLabels", "要介護3"));
        case L::Care4: return label(QT_TRANSLATE_NOOP("CareLabels", "要介護4"));
        case L::Care5: return label(QT_TRANSLATE_NOOP("CareLabels", "要介護5"));
        case L::Applying: return label(QT_TRANSLATE_NOOP("CareLabels", "申請中"));
        case L::None: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "なし"));
}

QString sexLabel(care::Sex sex) {
    using S = care::Sex;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (sex) {
        case S::Female: return label(QT_TRANSLATE_NOOP("CareLabels", "女性"));
        case S::Male: return label(QT_TRANSLATE_NOOP("CareLabels", "男性"));
        case S::Other: return label(QT_TRANSLATE_NOOP("CareLabels", "その他"));
        case S::Unknown: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "未記入"));
}

QString consentMethodLabel(care::ConsentMethod method) {
    using M = care::ConsentMethod;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (method) {
        case M::InPerson: return label(QT_TRANSLATE_NOOP("CareLabels", "対面"));
        case M::ByMail: return label(QT_TRANSLATE_NOOP("CareLabels", "郵送"));
        case M::ThroughFamily: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "家族を通じて"));
}

QString closureReasonLabel(care::ClosureReason reason) {
    using R = care::ClosureReason;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (reason) {
        case R::Death: return label(QT_TRANSLATE_NOOP("CareLabels", "死亡"));
        case R::Facility: return label(QT_TRANSLATE_NOOP("CareLabels", "施設入所"));
        case R::Moved: return label(QT_TRANSLATE_NOOP("CareLabels", "転居"));
        case R::Other: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "その他"));
}

QString sceneLabel(care::Scene scene) {
    using S = care::Scene;
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    switch (scene) {
        case S::AdmissionDischarge: return label(QT_TRANSLATE_NOOP("CareLabels", "入退院支援"));
        case S::DailyCare: return label(QT_TRANSLATE_NOOP("CareLabels", "日常の療養支援"));
        case S::AcuteChange: return label(QT_TRANSLATE_NOOP("CareLabels", "急変時の対応"));
        case S::EndOfLife: break;
    }
    return label(QT_TRANSLATE_NOOP("CareLabels", "看取り"));
}

namespace {

QString careLabel(const char* text) { return QCoreApplication::translate("CareLabels", text); }

QString fieldLabel(const std::string& field) {
    static const std::pair<const char*, const char*> kFields[] = {
        {"name", QT_TRANSLATE_NOOP("CareLabels", "氏名")},
        {"kana", QT_TRANSLATE_NOOP("CareLabels", "ふりがな")},
        {"birth_date", QT_TRANSLATE_NOOP("CareLabels", "生年月日")},
        {"sex", QT_TRANSLATE_NOOP("CareLabels", "性別")},
        {"care_level", QT_TRANSLATE_NOOP("CareLabels", "要介護度")},
        {"conditions", QT_TRANSLATE_NOOP("CareLabels", "主な病名")},
        {"municipality", QT_TRANSLATE_NOOP("CareLabels", "住所の市町村")},
        {"date", QT_TRANSLATE_NOOP("CareLabels", "取得日")},
        {"method", QT_TRANSLATE_NOOP("CareLabels", "取得方法")},
        {"obtained_by", QT_TRANSLATE_NOOP("CareLabels", "取得者")},
        {"from_patient", QT_TRANSLATE_NOOP("CareLabels", "同意した人")},
        {"family_relation", QT_TRANSLATE_NOOP("CareLabels", "続柄")},
        {"scan_mxc", QT_TRANSLATE_NOOP("CareLabels", "同意書の写し")},
        {"withdrawn_date", QT_TRANSLATE_NOOP("CareLabels", "撤回日")},
        {"profession", QT_TRANSLATE_NOOP("CareLabels", "職種")},
        {"office", QT_TRANSLATE_NOOP("CareLabels", "事業所")},
        {"office_kind", QT_TRANSLATE_NOOP("CareLabels", "種別")},
        {"office_municipality", QT_TRANSLATE_NOOP("CareLabels", "所在市町村")},
        {"team_role", QT_TRANSLATE_NOOP("CareLabels", "役割")},
    };
    for (const auto& [wire, text] : kFields) {
        if (field == wire) return careLabel(text);
    }
    return QString::fromStdString(matrix::displayText(field));
}

// One value as shown: enum labels, 本人/家族, あり/なし for the scan; member text made safe.
QString fieldValue(const std::string& field, const std::string& value) {
    if (field == "sex") {
        if (auto v = care::sexFromWire(value)) return sexLabel(*v);
    } else if (field == "care_level") {
        if (auto v = care::careLevelFromWire(value)) return careLevelLabel(*v);
    } else if (field == "profession") {
        if (auto v = care::professionFromWire(value)) return professionLabel(*v);
    } else if (field == "method") {
        if (auto v = care::consentMethodFromWire(value)) return consentMethodLabel(*v);
    } else if (field == "from_patient") {
        return value == "true" ? careLabel(QT_TRANSLATE_NOOP("CareLabels", "本人"))
                               : careLabel(QT_TRANSLATE_NOOP("CareLabels", "家族"));
    } else if (field == "scan_mxc") {
        return value.empty() ? careLabel(QT_TRANSLATE_NOOP("CareLabels", "なし"))
                             : careLabel(QT_TRANSLATE_NOOP("CareLabels", "あり"));
    }
    if (value.empty()) return careLabel(QT_TRANSLATE_NOOP("CareLabels", "（なし）"));
    return QString::fromStdString(matrix::displayText(value));
}

}  // namespace

QString careChangesText(const std::vector<care::FieldChange>& changes) {
    QStringList parts;
    for (const auto& c : changes) {
        if (c.field == "reason") continue;  // the new reason is the body, shown below
        //: One changed field of the care record: field: before → after.
        parts << QCoreApplication::translate("CareLabels", "%1: %2 → %3")
                     .arg(fieldLabel(c.field), fieldValue(c.field, c.before), fieldValue(c.field, c.after));
    }
    return parts.join(QStringLiteral("、"));
}

QString careStateText(const QString& state_type, const QString& body, const std::optional<QString>& changes) {
    const auto label = [](const char* text) { return QCoreApplication::translate("CareLabels", text); };
    const std::string type = state_type.toStdString();
    QString changed;
    if (type == care::kPatientType) changed = label(QT_TRANSLATE_NOOP("CareLabels", "利用者情報を変更しました"));
    if (type == care::kConsentType) changed = label(QT_TRANSLATE_NOOP("CareLabels", "同意記録を変更しました"));
    if (type == care::kMemberType) changed = label(QT_TRANSLATE_NOOP("CareLabels", "職種・事業所を変更しました"));
    if (type == care::kRuleExceptionType) changed = label(QT_TRANSLATE_NOOP("CareLabels", "ルールの例外を変更しました"));
    if (changes && !changed.isEmpty()) {
        const QString line =
            changes->isEmpty() ? changed : label(QT_TRANSLATE_NOOP("CareLabels", "%1（%2）")).arg(changed, *changes);
        return body.isEmpty() ? line : line + QLatin1Char('\n') + body;
    }
    QString what = label(QT_TRANSLATE_NOOP("CareLabels", "記録を更新しました"));
    if (type == care::kPatientType) what = label(QT_TRANSLATE_NOOP("CareLabels", "利用者情報を更新しました"));
    if (type == care::kConsentType) what = label(QT_TRANSLATE_NOOP("CareLabels", "同意記録を更新しました"));
    if (type == care::kMemberType) what = label(QT_TRANSLATE_NOOP("CareLabels", "職種・事業所を登録しました"));
    if (type == care::kRuleExceptionType) what = label(QT_TRANSLATE_NOOP("CareLabels", "ルールの例外を記録しました"));
    if (type == care::kClosureType) what = label(QT_TRANSLATE_NOOP("CareLabels", "部屋を終了しました"));
    return body.isEmpty() ? what : what + QLatin1Char('\n') + body;
}

QString memberLabel(const QString& name, const std::optional<care::MemberProfile>& profile) {
    if (!profile) return name;
    //: A member in a post header or read-by list: name (profession · office).
    return QCoreApplication::translate("CareLabels", "%1（%2・%3）")
        .arg(name, professionLabel(profile->profession),
             QString::fromStdString(matrix::displayText(profile->office)));  // a member wrote it
}

}  // namespace renkei::ui
