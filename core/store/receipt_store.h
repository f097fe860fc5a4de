// Renkei core, internal to core/store: read receipts, the latest per (type, user, thread).
#pragma once

#include <cstdint>
#include <vector>

#include "matrix/events.h"
#include "store/database.h"

namespace renkei::store::detail {

class ReceiptStore {
public:
    explicit ReceiptStore(Database& db) noexcept : db_(db) {}

    /// Replaces the receipt for (room, type, user, thread). Returns whether it changed.
    Result<bool> put(std::int64_t room_nid, const matrix::Receipt& receipt);
    /// A room's receipts, ordered by user id then type.
    Result<std::vector<matrix::Receipt>> list(std::int64_t room_nid);

private:
    Database& db_;
};

}  // namespace renkei::store::detail
