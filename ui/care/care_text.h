// Renkei UI: the care domain's words on screen (職種, the member label of post headers and
// read-by lists). Japanese first; English through translations/renkei_en.ts.
#pragma once

#include <optional>
#include <vector>

#include <QString>

#include "care/care_types.h"

namespace renkei::ui {

/// 職種 as shown: 主治医, 訪問看護師, 薬剤師, …
QString professionLabel(care::Profession profession);
/// 要介護度, 性別, 同意の取得方法, 終了の理由 as shown.
QString careLevelLabel(care::CareLevel level);
QString sexLabel(care::Sex sex);
QString consentMethodLabel(care::ConsentMethod method);
QString closureReasonLabel(care::ClosureReason reason);
/// 場面 as shown on a post's tag: 入退院支援, 日常の療養支援, 急変時の対応, 看取り.
QString sceneLabel(care::Scene scene);
/// A change of the care record in the timeline (its author is in the header): what changed
/// (「同意記録を更新しました」), then the state's readable `body` on the next line. With
/// `changes` (careChangesText; the previous state was held) an edit of the patient, the
/// consent, a member's profile or a rule exception reads
/// 「利用者情報を変更しました（要介護度: 要介護2 → 要介護3）」.
QString careStateText(const QString& state_type, const QString& body,
                      const std::optional<QString>& changes = std::nullopt);
/// 「要介護度: 要介護2 → 要介護3、主な病名: 慢性心不全 → …」 from core's field changes, each
/// value as shown (labels for enums, display-safe text); a rule exception's reason is left
/// out (the body shows the new one); empty when nothing changed.
QString careChangesText(const std::vector<care::FieldChange>& changes);
/// 「田中 誠（主治医・田中内科クリニック）」; the bare name without a profile.
QString memberLabel(const QString& name, const std::optional<care::MemberProfile>& profile);

}  // namespace renkei::ui
