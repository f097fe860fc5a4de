// Renkei desktop: the care part of the bridge for opening a patient room (部屋の開設): the
// user-directory search of the care-team step and Session::queuePatientRoom (the room opens
// when online, with the consent scan as its first file), each on the work lane, each
// answered on the GUI thread. Its own QObject, owned by the window that
// uses it (the wizard); answers that arrive after it is gone are dropped.
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

#include "care/care_types.h"

namespace renkei::session {
class Session;
}

namespace renkei::ui {

class CoreBridge;

/// One user of the directory as the team step lists them.
struct FoundUser {
    QString user_id;
    QString display_name;  ///< may be empty
};

class CareBridge : public QObject {
    Q_OBJECT
public:
    explicit CareBridge(CoreBridge& bridge, QObject* parent = nullptr);

    /// The signed-in user's id ("@…:server"), empty when no session is open.
    QString ownUserId() const;
    /// The own profession and office from settings (Session::ownProfile), or nullopt.
    std::optional<care::MemberProfile> ownProfile() const;

    /// Searches the user directory for `term` (Session::searchUsers). Only the answer to the
    /// latest term is kept; an earlier one arriving later is dropped. -> usersFound
    void searchUsers(const QString& term);
    const QList<FoundUser>& foundUsers() const { return found_; }
    bool foundLimited() const { return limited_; }

    /// Queues the room (Session::queuePatientRoom) with the own profile as the opener's and
    /// the consent scan (`scan` bytes, empty: none; its type and, for an image, its size read
    /// from the bytes), and wakes the send queue. A second call while one runs is ignored.
    /// -> roomQueued (then roomOpened once the send queue has opened it) or openFailed
    void queuePatientRoom(care::PatientRoomPlan plan, const QByteArray& scan, const QString& scan_name);
    bool opening() const { return opening_; }

    /// Writes an edit of the patient room's record (Session::updatePatientProfile /
    /// updateConsent) on the work lane. One at a time: a call while one runs is ignored.
    /// -> recordSaved or saveFailed
    void updatePatient(const QString& room_id, care::Patient patient);
    void updateConsent(const QString& room_id, care::Consent consent);
    bool saving() const { return saving_; }

    /// Core's refusal or error in plain Japanese words (consent missing, no physician and no
    /// reason, a field that breaks its rule, …); falls back to errorText().
    static QString refusalText(const Error& error);

signals:
    /// The answer for `term` is in foundUsers(); `error_text` is empty unless it failed.
    void usersFound(const QString& term, const QString& error_text);
    /// Stored in the vault: the send queue opens it when online.
    void roomQueued(const QString& creation_id);
    /// The queued room was opened (CoreBridge::patientRoomOpened for its creation id).
    void roomOpened(const QString& room_id);
    void openFailed(const QString& error_text);
    void recordSaved(const QString& room_id);
    void saveFailed(const QString& error_text);

private:
    CoreBridge& bridge_;
    QString latest_term_;
    QList<FoundUser> found_;
    bool limited_ = false;
    bool opening_ = false;
    QString queued_id_;  // the creation id of the room queued here
    bool saving_ = false;
    void save(const QString& room_id, std::function<Result<std::string>(session::Session&)> write);
};

}  // namespace renkei::ui
