// Session: the vault's access log (アクセス記録). See session.h "The access log" and
// store/access_log.h for the records and their hash chain.
#include "session/clock.h"
#include "session/session.h"

namespace renkei::session {

Result<store::AccessEntry> Session::recordAccess(store::AccessKind kind, const std::string& room_id,
                                                 const std::string& detail) {
    store::AccessEntry entry;
    entry.at_ms = detail::nowMs();
    entry.user_id = userId().empty() ? binding().user_id : userId();
    if (entry.user_id.empty()) return fail(ErrorKind::NotLoggedIn, "access log: nobody has signed in here");
    entry.kind = kind;
    entry.room_id = room_id;
    entry.detail = detail;
    std::lock_guard lock(vault_mutex_);
    return store::AccessLog(vault_.database()).append(std::move(entry));
}

Result<std::vector<store::AccessEntry>> Session::accessLog(const store::AccessFilter& filter) const {
    std::lock_guard lock(vault_mutex_);
    return store::AccessLog(vault_.database()).entries(filter);
}

Result<store::AccessLogCheck> Session::verifyAccessLog() const {
    std::lock_guard lock(vault_mutex_);
    return store::AccessLog(vault_.database()).verify();
}

}  // namespace renkei::session
