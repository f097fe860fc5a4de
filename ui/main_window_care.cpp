// MainWindow: the care domain around the open room: what an invitation to a patient room
// shows before it is accepted (the patient, the consent record, the inviter's profession and
// office, read from the invite's stripped state).
#include "bridge/core_bridge.h"
#include "care/care_text.h"
#include "care/invitation_text.h"
#include "main_window.h"
#include "room_list_view.h"
#include "session/session.h"

namespace renkei::ui {

QString MainWindow::inviterLabel(const QString& user_id) const {
    session::Session* s = bridge_.session();
    if (s == nullptr || user_id.isEmpty()) return userLabel(user_id);
    const std::string room = room_id_.toStdString();
    const std::string user = user_id.toStdString();
    auto profile = s->memberProfile(room, user);
    return memberLabel(QString::fromStdString(s->displayName(room, user)), profile ? *profile : std::nullopt);
}

QString MainWindow::invitationPreview() const {
    session::Session* s = bridge_.session();
    if (s == nullptr) return {};
    auto record = s->patientRecord(room_id_.toStdString());
    return record ? invitationDetails(*record) : QString();
}

}  // namespace renkei::ui
