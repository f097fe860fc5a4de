// renkei-cli: closing a patient room (部屋の終了) and the archive of closed rooms kept on
// this computer. Same core checks as the app (Session::closeRoom, archivedRooms).
#include <ctime>
#include <iostream>

#include "care/care_types.h"
#include "cli.h"
#include "session/session.h"

namespace renkei::cli {
namespace {

// Today's local date as "YYYY-MM-DD" (the day the team closes the room).
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[11] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

}  // namespace

int cmdCloseRoom(session::Session& s, const Args& args) {
    const auto reason = care::closureReasonFromWire(args.get("--reason").value_or(""));
    if (!reason) {
        std::cerr << "renkei-cli: --reason: one of death, facility, moved, other\n";
        return kUsage;
    }
    care::Closure closure;
    closure.reason = *reason;
    closure.date = args.get("--date").value_or(today());
    closure.note = args.get("--note").value_or("");
    if (auto closed = s.closeRoom(args.positional[0], closure); !closed) {
        return reportError("cannot close the room", closed.error());
    }
    std::cout << "closed and left " << printable(args.positional[0]) << "; archived after the next sync\n";
    return kOk;
}

int cmdArchived(session::Session& s, const Args& args) {
    auto archived = s.archivedRooms();
    if (!archived) return reportError("cannot read the archive", archived.error());
    for (const auto& a : *archived) {
        if (args.has("--json")) {
            std::cout << jsonLine({{"room_id", a.room.room_id}, {"name", a.room.name},
                                   {"membership", a.room.membership},
                                   {"reason", care::toWire(a.closure.reason)}, {"date", a.closure.date},
                                   {"note", a.closure.note}, {"closed_by", a.closed_by},
                                   {"closed_ts", a.closed_ts_ms}, {"last_ts", a.room.last_ts}})
                      << '\n';
        } else {
            std::cout << printable(a.room.room_id) << '\t' << printable(a.room.name) << '\t'
                      << care::toWire(a.closure.reason) << '\t' << printable(a.closure.date) << '\t'
                      << printable(a.closure.note) << '\n';
        }
    }
    return kOk;
}

int cmdRemoveArchived(session::Session& s, const Args& args) {
    if (auto removed = s.removeArchivedRoom(args.positional[0]); !removed) {
        return reportError("cannot remove the archived room", removed.error());
    }
    std::cout << "removed " << printable(args.positional[0]) << " from this computer\n";
    return kOk;
}

}  // namespace renkei::cli
