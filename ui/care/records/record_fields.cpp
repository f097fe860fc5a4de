#include "care/records/record_fields.h"

#include <QCoreApplication>

namespace renkei::ui {
namespace {

using T = RecordField::Type;

const std::vector<RecordChoice> kBowel = {{"yes", QT_TRANSLATE_NOOP("RecordFields", "あり")}, {"no", QT_TRANSLATE_NOOP("RecordFields", "なし")},
                                          {"diarrhea", QT_TRANSLATE_NOOP("RecordFields", "下痢")}, {"constipation", QT_TRANSLATE_NOOP("RecordFields", "便秘")}};
const std::vector<RecordChoice> kChange = {{"start", QT_TRANSLATE_NOOP("RecordFields", "開始")}, {"change", QT_TRANSLATE_NOOP("RecordFields", "変更")},
                                           {"stop", QT_TRANSLATE_NOOP("RecordFields", "中止")}, {"continue", QT_TRANSLATE_NOOP("RecordFields", "継続")}};
const std::vector<RecordChoice> kAdherence = {{"good", QT_TRANSLATE_NOOP("RecordFields", "良好")}, {"sometimes_missed", QT_TRANSLATE_NOOP("RecordFields", "時々忘れる")},
                                              {"poor", QT_TRANSLATE_NOOP("RecordFields", "不良")}};
const std::vector<RecordChoice> kPlace = {{"home", QT_TRANSLATE_NOOP("RecordFields", "自宅")}, {"hospital", QT_TRANSLATE_NOOP("RecordFields", "病院")},
                                          {"facility", QT_TRANSLATE_NOOP("RecordFields", "施設")}, {"undecided", QT_TRANSLATE_NOOP("RecordFields", "未定")},
                                          {"other", QT_TRANSLATE_NOOP("RecordFields", "その他")}};
const std::vector<RecordChoice> kWish = {{"wanted", QT_TRANSLATE_NOOP("RecordFields", "希望する")}, {"not_wanted", QT_TRANSLATE_NOOP("RecordFields", "希望しない")},
                                         {"undecided", QT_TRANSLATE_NOOP("RecordFields", "未定")}};
const std::vector<RecordChoice> kAdl = {{"independent", QT_TRANSLATE_NOOP("RecordFields", "自立")}, {"partial_assist", QT_TRANSLATE_NOOP("RecordFields", "一部介助")},
                                        {"full_assist", QT_TRANSLATE_NOOP("RecordFields", "全介助")}};

const std::vector<RecordField> kVitals = {
    {"measured_at", QT_TRANSLATE_NOOP("RecordFields", "測定日時"), T::DateTime, "", 1, {}, true},
    {"systolic_mmhg", QT_TRANSLATE_NOOP("RecordFields", "血圧（上）"), T::Number, "mmHg"},
    {"diastolic_mmhg", QT_TRANSLATE_NOOP("RecordFields", "血圧（下）"), T::Number, "mmHg"},
    {"pulse_per_min", QT_TRANSLATE_NOOP("RecordFields", "脈拍"), T::Number, "/分"},
    {"temperature_c_tenths", QT_TRANSLATE_NOOP("RecordFields", "体温"), T::Number, "℃", 10},
    {"spo2_percent", QT_TRANSLATE_NOOP("RecordFields", "SpO2"), T::Number, "%"},
    {"respiration_per_min", QT_TRANSLATE_NOOP("RecordFields", "呼吸数"), T::Number, "/分"},
    {"weight_kg_tenths", QT_TRANSLATE_NOOP("RecordFields", "体重"), T::Number, "kg", 10},
    {"meal_intake_percent", QT_TRANSLATE_NOOP("RecordFields", "食事摂取量"), T::Number, "%"},
    {"fluid_intake_ml", QT_TRANSLATE_NOOP("RecordFields", "水分摂取量"), T::Number, "mL"},
    {"bowel", QT_TRANSLATE_NOOP("RecordFields", "排便"), T::Choice, "", 1, kBowel},
    {"note", QT_TRANSLATE_NOOP("RecordFields", "メモ"), T::Multiline},
};

const std::vector<RecordField> kMedication = {
    {"drug", QT_TRANSLATE_NOOP("RecordFields", "薬剤名"), T::Text, "", 1, {}, true},
    {"change", QT_TRANSLATE_NOOP("RecordFields", "変更"), T::Choice, "", 1, kChange},
    {"dosage", QT_TRANSLATE_NOOP("RecordFields", "用法・用量"), T::Text},
    {"adherence", QT_TRANSLATE_NOOP("RecordFields", "服薬状況"), T::Choice, "", 1, kAdherence},
    {"leftover_doses", QT_TRANSLATE_NOOP("RecordFields", "残薬"), T::Number, "回分"},
    {"side_effects", QT_TRANSLATE_NOOP("RecordFields", "副作用"), T::Multiline},
    {"note", QT_TRANSLATE_NOOP("RecordFields", "メモ"), T::Multiline},
};

const std::vector<RecordField> kPhysicianUpdate = {
    {"next_visit_date", QT_TRANSLATE_NOOP("RecordFields", "次回訪問予定日"), T::Date, "", 1, {}, true},
    {"policy_changed", QT_TRANSLATE_NOOP("RecordFields", "治療方針の変更"), T::YesNo, "", 1, {}, true},
    {"change_summary", QT_TRANSLATE_NOOP("RecordFields", "変更の内容"), T::Multiline},
    {"cautions", QT_TRANSLATE_NOOP("RecordFields", "療養上の留意点"), T::Multiline},
};

const std::vector<RecordField> kAcp = {
    {"place_of_care.place", QT_TRANSLATE_NOOP("RecordFields", "療養の場所"), T::Choice, "", 1, kPlace},
    {"place_of_care.detail", QT_TRANSLATE_NOOP("RecordFields", "療養の場所（その他）"), T::Text},
    {"place_of_death.place", QT_TRANSLATE_NOOP("RecordFields", "最期を迎えたい場所"), T::Choice, "", 1, kPlace},
    {"place_of_death.detail", QT_TRANSLATE_NOOP("RecordFields", "最期を迎えたい場所（その他）"), T::Text},
    {"life_sustaining.cpr", QT_TRANSLATE_NOOP("RecordFields", "心肺蘇生"), T::Choice, "", 1, kWish},
    {"life_sustaining.mechanical_ventilation", QT_TRANSLATE_NOOP("RecordFields", "人工呼吸器"), T::Choice, "", 1, kWish},
    {"life_sustaining.tube_feeding", QT_TRANSLATE_NOOP("RecordFields", "経管栄養（胃ろう等）"), T::Choice, "", 1, kWish},
    {"life_sustaining.iv_fluids", QT_TRANSLATE_NOOP("RecordFields", "点滴"), T::Choice, "", 1, kWish},
    {"life_sustaining.dialysis", QT_TRANSLATE_NOOP("RecordFields", "人工透析"), T::Choice, "", 1, kWish},
    {"life_sustaining.hospital_transfer", QT_TRANSLATE_NOOP("RecordFields", "救急搬送・入院"), T::Choice, "", 1, kWish},
    {"wishes", QT_TRANSLATE_NOOP("RecordFields", "本人の思い・大切にしていること"), T::Multiline},
    {"surrogate.name", QT_TRANSLATE_NOOP("RecordFields", "代理意思決定者"), T::Text},
    {"surrogate.relation", QT_TRANSLATE_NOOP("RecordFields", "代理意思決定者の続柄"), T::Text},
    {"discussion_date", QT_TRANSLATE_NOOP("RecordFields", "話し合いの日"), T::Date, "", 1, {}, true},
    {"participants", QT_TRANSLATE_NOOP("RecordFields", "話し合いの参加者"), T::Participants, "", 1, {}, true},
    {"revision", QT_TRANSLATE_NOOP("RecordFields", "版"), T::Number},
    {"note", QT_TRANSLATE_NOOP("RecordFields", "メモ"), T::Multiline},
};

const std::vector<RecordField> kDischarge = {
    {"hospital", QT_TRANSLATE_NOOP("RecordFields", "医療機関名"), T::Text, "", 1, {}, true},
    {"ward", QT_TRANSLATE_NOOP("RecordFields", "病棟"), T::Text},
    {"admission_date", QT_TRANSLATE_NOOP("RecordFields", "入院日"), T::Date, "", 1, {}, true},
    {"planned_discharge_date", QT_TRANSLATE_NOOP("RecordFields", "退院予定日"), T::Date, "", 1, {}, true},
    {"hospital_physician", QT_TRANSLATE_NOOP("RecordFields", "病院の主治医"), T::Text},
    {"home_physician", QT_TRANSLATE_NOOP("RecordFields", "在宅の主治医"), T::Text},
    {"diagnosis", QT_TRANSLATE_NOOP("RecordFields", "診断名"), T::Multiline, "", 1, {}, true},
    {"hospital_course", QT_TRANSLATE_NOOP("RecordFields", "入院中の経過"), T::Multiline},
    {"adl.eating", QT_TRANSLATE_NOOP("RecordFields", "ADL 食事"), T::Choice, "", 1, kAdl},
    {"adl.toileting", QT_TRANSLATE_NOOP("RecordFields", "ADL 排泄"), T::Choice, "", 1, kAdl},
    {"adl.mobility", QT_TRANSLATE_NOOP("RecordFields", "ADL 移動"), T::Choice, "", 1, kAdl},
    {"adl.bathing", QT_TRANSLATE_NOOP("RecordFields", "ADL 入浴"), T::Choice, "", 1, kAdl},
    {"adl.dressing", QT_TRANSLATE_NOOP("RecordFields", "ADL 更衣"), T::Choice, "", 1, kAdl},
    {"adl_note", QT_TRANSLATE_NOOP("RecordFields", "ADLの補足"), T::Multiline},
    {"procedures", QT_TRANSLATE_NOOP("RecordFields", "在宅での医療処置（1行に1つ）"), T::Lines},
    {"medications", QT_TRANSLATE_NOOP("RecordFields", "服薬（退院時の処方）"), T::Multiline},
    {"services", QT_TRANSLATE_NOOP("RecordFields", "予定する看護・介護サービス"), T::Multiline},
    {"equipment", QT_TRANSLATE_NOOP("RecordFields", "福祉用具・医療機器"), T::Multiline},
    {"family", QT_TRANSLATE_NOOP("RecordFields", "家族の状況と意向"), T::Multiline},
    {"conference_date", QT_TRANSLATE_NOOP("RecordFields", "共同指導の日"), T::Date, "", 1, {}, true},
    {"participants", QT_TRANSLATE_NOOP("RecordFields", "共同指導の参加者"), T::Participants, "", 1, {}, true},
    {"follow_up", QT_TRANSLATE_NOOP("RecordFields", "退院後の確認事項"), T::Multiline},
};


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
