#include "care/invitation_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "care/care_text.h"
#include "matrix/display_text.h"

namespace renkei::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("InvitationText", text); }
QString shown(const std::string& text) { return QString::fromStdString(matrix::displayText(text)); }

}  // namespace

QString invitationDetails(const session::PatientRecord& record) {
    if (!record.patient_room) return {};
    QStringList lines;
    if (record.patient) {
        lines << tr("利用者: %1（%2）").arg(shown(record.patient->name), shown(record.patient->kana));
    } else {
        lines << tr("利用者の記録は参加するまで読めません。");
    }
    if (record.consent && record.consent->withdrawn_date) {
        lines << tr("同意記録: %1 に撤回されています。").arg(shown(*record.consent->withdrawn_date));
    } else if (record.consent) {
        lines << tr("同意記録: あり（%1・%2）").arg(shown(record.consent->date), consentMethodLabel(record.consent->method));
    } else if (record.patient) {
        lines << tr("同意記録: 見つかりません。参加する前に招待した方に確認してください。");
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace renkei::ui
