// Renkei UI: a room's structured records as the patient panel and its dialogs show them (the
// pinned ACP, the physician's monthly 情報連携 list). Every value was written by a room
// member: made display-safe, shown as plain text.
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

#include "care/care_record_acp.h"
#include "care/care_record_physician.h"

namespace renkei::session {
class Session;
}

namespace renkei::ui {

/// The ACP as pinned in the patient panel: 「第2版（話し合い 2026-11-20）」, then the current
/// version's lines that hold a value (「最期を迎えたい場所: 自宅」 …), then 「以前の版: 第1版
/// （2026-10-01）」 for the earlier ones. `history` is Session::acpHistory (newest first).
QString acpSummary(const std::vector<care::AcpPost>& history);

/// 「氏名（職種・事業所）」 of each user id in the room (memberLabel over the member's own
/// jp.renkei.member, Session::memberProfile); the bare display name without one.
QStringList memberLabels(session::Session& s, const std::string& room_id,
                         const std::vector<std::string>& user_ids);

}  // namespace renkei::ui
