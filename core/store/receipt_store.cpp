#include "store/receipt_store.h"

namespace renkei::store::detail {

Result<bool> ReceiptStore::put(std::int64_t room_nid, const matrix::Receipt& receipt) {
    // Unthreaded receipts have no thread id; '' stands for that in the key.
    auto stmt = db_.cached(
        "INSERT INTO receipts (room_nid, receipt_type, user_id, thread, event_id, ts) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_nid, receipt_type, user_id, thread) DO UPDATE "
        "SET event_id = excluded.event_id, ts = excluded.ts "
        "WHERE event_id <> excluded.event_id OR ts <> excluded.ts");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid)
        .bindText(2, receipt.receipt_type)
        .bindText(3, receipt.user_id)
        .bindText(4, receipt.thread_id.value_or(""))
        .bindText(5, receipt.event_id)
        .bindInt(6, receipt.ts);
    if (auto r = stmt->run(); !r) return r.failure();
    return db_.changes() > 0;
}

Result<std::vector<matrix::Receipt>> ReceiptStore::list(std::int64_t room_nid) {
    auto stmt = db_.cached(
        "SELECT event_id, receipt_type, user_id, ts, thread FROM receipts WHERE room_nid = ? "
        "ORDER BY user_id, receipt_type, thread");
    if (!stmt) return stmt.failure();
    stmt->bindInt(1, room_nid);
    std::vector<matrix::Receipt> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.failure();
        if (!*row) break;
        matrix::Receipt r;
        r.event_id = stmt->text(0);
        r.receipt_type = stmt->text(1);
        r.user_id = stmt->text(2);
        r.ts = stmt->int64(3);
        if (!stmt->textView(4).empty()) r.thread_id = stmt->text(4);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace renkei::store::detail
