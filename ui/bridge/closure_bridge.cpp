#include "bridge/closure_bridge.h"

#include <QPointer>
#include <string>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "error_text.h"
#include "session/session.h"

namespace renkei::ui {

using Lane = GuiHop::Lane;

ClosureBridge::ClosureBridge(CoreBridge& bridge, QObject* parent) : QObject(parent), bridge_(bridge) {}

bool ClosureBridge::canClose(const QString& room_id) const {
    session::Session* s = bridge_.account().usable() ? bridge_.session() : nullptr;
    if (s == nullptr || room_id.isEmpty()) return false;
    auto allowed = s->canCloseRoom(room_id.toStdString());
    return allowed && *allowed;
}

void ClosureBridge::closeRoom(const QString& room_id, const care::Closure& closure) {
    run(room_id, [room = room_id.toStdString(), closure](session::Session& s) {
        auto done = s.closeRoom(room, closure);
        return done ? QString() : closeErrorText(done.error());
    }, &ClosureBridge::closed, &ClosureBridge::closeFailed);
}

void ClosureBridge::removeArchivedRoom(const QString& room_id) {
    run(room_id, [room = room_id.toStdString()](session::Session& s) {
        auto done = s.removeArchivedRoom(room);
        return done ? QString() : errorText(done.error());
    }, &ClosureBridge::removed, &ClosureBridge::removeFailed);
}

void ClosureBridge::run(const QString& room_id, std::function<QString(session::Session&)> work, Done done,
                        Failed failed) {
    if (busy_.contains(room_id)) return;
    if (!bridge_.account().usable()) {
        emit (this->*failed)(room_id, tr("サインインしていません。"));
        return;
    }
    busy_.insert(room_id);
    session::Session* s = bridge_.session();
    QPointer<ClosureBridge> self(this);
    bridge_.hop().run(Lane::Ordered, [this, self, s, room_id, work = std::move(work), done, failed,
                                      &hop = bridge_.hop()] {
        const QString error = work(*s);  // empty: done
        hop.toGui([this, self, room_id, error, done, failed] {
            if (!self) return;
            busy_.remove(room_id);
            if (error.isEmpty()) {
                emit (this->*done)(room_id);
            } else {
                emit (this->*failed)(room_id, error);
            }
        });
    });
}

QString ClosureBridge::closeErrorText(const Error& error) {
    if (error.kind == ErrorKind::Matrix && error.errcode == "M_FORBIDDEN") {
        return tr("この部屋を終了する権限がありません。部屋を開設した人か主治医が終了できます。");
    }
    if (error.kind == ErrorKind::InvalidArgument) {
        const std::string& m = error.message;
        if (m.find("note") != std::string::npos) return tr("「その他」の場合は、終了の理由をメモに書いてください（500 文字まで）。");
        if (m.find("date") != std::string::npos) return tr("終了日を確認してください。");
        if (m.find("patient room") != std::string::npos) return tr("この部屋は利用者の部屋ではないため、終了できません。");
    }
    return errorText(error);
}

}  // namespace renkei::ui
