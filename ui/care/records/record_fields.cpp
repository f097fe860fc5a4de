#include "care/records/record_fields.h"

#include <QCoreApplication>

namespace renkei::ui {
namespace {

using T = RecordField::Type;
#define TR(text) QT_TRANSLATE_NOOP("RecordFields", text)

const std::vector<RecordChoice> kBowel = {{"yes", TR("あり")}, {"no", TR("なし")},
                                          {"diarrhea", TR("下痢")}, {"constipation", TR("便秘")}};
const std::vector<RecordChoice> kChange = {{"start", TR("開始")}, {"change", TR("変更")},
                                           {"stop", TR("中止")}, {"continue", TR("継続")}};
const std::vector<RecordChoice> kAdherence = {{"good", TR("良好")}, {"sometimes_missed", TR("時々忘れる")},
                                              {"poor", TR("不良")}};
const std::vector<RecordChoice> kPlace = {{"home", TR("自宅")}, {"hospital", TR("病院")},
                                          {"facility", TR("施設")}, {"undecided", TR("未定")},
                                          {"other", TR("その他")}};
const std::vector<RecordChoice> kWish = {{"wanted", TR("希望する")}, {"not_wanted", TR("希望しない")},
                                         {"undecided", TR("未定")}};
const std::vector<RecordChoice> kAdl = {{"independent", TR("自立")}, {"partial_assist", TR("一部介助")},
                                        {"full_assist", TR("全介助")}};

const std::vector<RecordField> kVitals = {
    {"measured_at", TR("測定日時"), T::DateTime, "", 1, {}, true},
    {"systolic_mmhg", TR("血圧（上）"), T::Number, "mmHg"},
    {"diastolic_mmhg", TR("血圧（下）"), T::Number, "mmHg"},
    {"pulse_per_min", TR("脈拍"), T::Number, "/分"},
    {"temperature_c_tenths", TR("体温"), T::Number, "℃", 10},
    {"spo2_percent", TR("SpO2"), T::Number, "%"},
    {"respiration_per_min", TR("呼吸数"), T::Number, "/分"},
    {"weight_kg_tenths", TR("体重"), T::Number, "kg", 10},
    {"meal_intake_percent", TR("食事摂取量"), T::Number, "%"},
    {"fluid_intake_ml", TR("水分摂取量"), T::Number, "mL"},
    {"bowel", TR("排便"), T::Choice, "", 1, kBowel},
    {"note", TR("メモ"), T::Multiline},
};

const std::vector<RecordField> kMedication = {
    {"drug", TR("薬剤名"), T::Text, "", 1, {}, true},
    {"change", TR("変更"), T::Choice, "", 1, kChange},
    {"dosage", TR("用法・用量"), T::Text},
    {"adherence", TR("服薬状況"), T::Choice, "", 1, kAdherence},
    {"leftover_doses", TR("残薬"), T::Number, "回分"},
    {"side_effects", TR("副作用"), T::Multiline},
    {"note", TR("メモ"), T::Multiline},
};

const std::vector<RecordField> kPhysicianUpdate = {
    {"next_visit_date", TR("次回訪問予定日"), T::Date, "", 1, {}, true},
    {"policy_changed", TR("治療方針の変更"), T::YesNo, "", 1, {}, true},
    {"change_summary", TR("変更の内容"), T::Multiline},
    {"cautions", TR("療養上の留意点"), T::Multiline},
};

const std::vector<RecordField> kAcp = {
    {"place_of_care.place", TR("療養の場所"), T::Choice, "", 1, kPlace},
    {"place_of_care.detail", TR("療養の場所（その他）"), T::Text},
    {"place_of_death.place", TR("最期を迎えたい場所"), T::Choice, "", 1, kPlace},
    {"place_of_death.detail", TR("最期を迎えたい場所（その他）"), T::Text},
    {"life_sustaining.cpr", TR("心肺蘇生"), T::Choice, "", 1, kWish},
    {"life_sustaining.mechanical_ventilation", TR("人工呼吸器"), T::Choice, "", 1, kWish},
    {"life_sustaining.tube_feeding", TR("経管栄養（胃ろう等）"), T::Choice, "", 1, kWish},
    {"life_sustaining.iv_fluids", TR("点滴"), T::Choice, "", 1, kWish},
    {"life_sustaining.dialysis", TR("人工透析"), T::Choice, "", 1, kWish},
    {"life_sustaining.hospital_transfer", TR("救急搬送・入院"), T::Choice, "", 1, kWish},
    {"wishes", TR("本人の思い・大切にしていること"), T::Multiline},
    {"surrogate.name", TR("代理意思決定者"), T::Text},
    {"surrogate.relation", TR("代理意思決定者の続柄"), T::Text},
    {"discussion_date", TR("話し合いの日"), T::Date, "", 1, {}, true},
    {"participants", TR("話し合いの参加者"), T::Participants, "", 1, {}, true},
    {"revision", TR("版"), T::Number},
    {"note", TR("メモ"), T::Multiline},
};

const std::vector<RecordField> kDischarge = {
    {"hospital", TR("医療機関名"), T::Text, "", 1, {}, true},
    {"ward", TR("病棟"), T::Text},
    {"admission_date", TR("入院日"), T::Date, "", 1, {}, true},
    {"planned_discharge_date", TR("退院予定日"), T::Date, "", 1, {}, true},
    {"hospital_physician", TR("病院の主治医"), T::Text},
    {"home_physician", TR("在宅の主治医"), T::Text},
    {"diagnosis", TR("診断名"), T::Multiline, "", 1, {}, true},
    {"hospital_course", TR("入院中の経過"), T::Multiline},
    {"adl.eating", TR("ADL 食事"), T::Choice, "", 1, kAdl},
    {"adl.toileting", TR("ADL 排泄"), T::Choice, "", 1, kAdl},
    {"adl.mobility", TR("ADL 移動"), T::Choice, "", 1, kAdl},
    {"adl.bathing", TR("ADL 入浴"), T::Choice, "", 1, kAdl},
    {"adl.dressing", TR("ADL 更衣"), T::Choice, "", 1, kAdl},
    {"adl_note", TR("ADLの補足"), T::Multiline},
    {"procedures", TR("在宅での医療処置（1行に1つ）"), T::Lines},
    {"medications", TR("服薬（退院時の処方）"), T::Multiline},
    {"services", TR("予定する看護・介護サービス"), T::Multiline},
    {"equipment", TR("福祉用具・医療機器"), T::Multiline},
    {"family", TR("家族の状況と意向"), T::Multiline},
    {"conference_date", TR("共同指導の日"), T::Date, "", 1, {}, true},
    {"participants", TR("共同指導の参加者"), T::Participants, "", 1, {}, true},
    {"follow_up", TR("退院後の確認事項"), T::Multiline},
};

#undef TR

}  // namespace

const std::vector<RecordField>& recordFields(care::RecordKind kind) {
    switch (kind) {
        case care::RecordKind::Vitals: return kVitals;
        case care::RecordKind::Medication: return kMedication;
        case care::RecordKind::PhysicianUpdate: return kPhysicianUpdate;
        case care::RecordKind::Acp: return kAcp;
        case care::RecordKind::DischargeGuidance: return kDischarge;
    }
    return kVitals;
}

QString fieldLabel(const char* label) { return QCoreApplication::translate("RecordFields", label); }

const RecordField* fieldAt(care::RecordKind kind, const QString& path) {
    for (const auto& f : recordFields(kind)) {
        const QString p = QString::fromLatin1(f.path);
        if (p == path || p.startsWith(path + QLatin1Char('.'))) return &f;
    }
    return nullptr;
}

QString recordKindTitle(care::RecordKind kind) {
    switch (kind) {
        case care::RecordKind::Vitals: return QCoreApplication::translate("RecordFields", "バイタル");
        case care::RecordKind::Medication: return QCoreApplication::translate("RecordFields", "服薬");
        case care::RecordKind::PhysicianUpdate: return QCoreApplication::translate("RecordFields", "医師からの情報共有");
        case care::RecordKind::Acp: return QCoreApplication::translate("RecordFields", "人生の最終段階における意向");
        case care::RecordKind::DischargeGuidance: return QCoreApplication::translate("RecordFields", "退院時共同指導記録票");
    }
    return {};
}

}  // namespace renkei::ui
