// Renkei desktop: the closure part of the bridge (部屋の終了 and the archive): closing a patient
// room (Session::closeRoom: jp.renkei.closure, then leave) and removing an archived room from
// this computer (Session::removeArchivedRoom), each on the ordered lane (after any join or
// leave asked before), each answered on the GUI thread. Its own QObject, owned by the window
// that uses it; answers that arrive after it is gone are dropped.
#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <functional>

#include "care/care_types.h"
#include "common/result.h"

namespace renkei::session {
class Session;
}

namespace renkei::ui {

class CoreBridge;

class ClosureBridge : public QObject {
    Q_OBJECT
public:
    explicit ClosureBridge(CoreBridge& bridge, QObject* parent = nullptr);

    /// Whether the user may close `room_id` now (Session::canCloseRoom, a cache read on the
    /// GUI thread): the opener and the attending physician of a joined patient room.
    bool canClose(const QString& room_id) const;
    /// Closes the room with `closure`. A second call for the same room while one runs is
    /// ignored. -> closed or closeFailed
    void closeRoom(const QString& room_id, const care::Closure& closure);
    /// Deletes an archived room's local data (timeline, state, draft) from this computer.
    /// -> removed or removeFailed
    void removeArchivedRoom(const QString& room_id);
    bool busy(const QString& room_id) const { return busy_.contains(room_id); }

    /// Core's refusal or error in plain words (no power level, その他 without a note, …);
    /// falls back to errorText().
    static QString closeErrorText(const Error& error);

signals:
    void closed(const QString& room_id);
    void closeFailed(const QString& room_id, const QString& error_text);
    void removed(const QString& room_id);
    void removeFailed(const QString& room_id, const QString& error_text);

private:
    using Done = void (ClosureBridge::*)(const QString&);
    using Failed = void (ClosureBridge::*)(const QString&, const QString&);
    /// Runs `work` (the error text, or empty) for the room on the ordered lane; answers with
    /// `done` or `failed` on the GUI thread.
    void run(const QString& room_id, std::function<QString(session::Session&)> work, Done done, Failed failed);

    CoreBridge& bridge_;
    QSet<QString> busy_;
};

}  // namespace renkei::ui
