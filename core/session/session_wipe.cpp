// Session: what this computer's copy of the account holds that exists nowhere else, for the
// confirmation before it is wiped (「このパソコンのデータを消去」). See session.h.
#include "session/session.h"

namespace renkei::session {

Result<LocalDataCounts> Session::localDataCounts() const {
    std::lock_guard lock(vault_mutex_);
    auto stmt = vault_.database().prepare(
        "SELECT (SELECT count(*) FROM outbox WHERE state != 1), (SELECT count(*) FROM drafts),"
        " (SELECT count(*) FROM record_drafts), (SELECT count(*) FROM pending_rooms)");
    if (!stmt) return stmt.failure();
    auto row = stmt->step();
    if (!row) return row.failure();
    if (!*row) return fail(ErrorKind::Storage, "vault: the counts of local data could not be read");
    LocalDataCounts counts;
    counts.unsent_posts = stmt->int64(0);
    counts.drafts = stmt->int64(1);
    counts.record_drafts = stmt->int64(2);
    counts.pending_rooms = stmt->int64(3);
    return counts;
}

}  // namespace renkei::session
