// Renkei core, internal to core/store: writes one /messages page (dir=b) into a gap.
#pragma once

#include "matrix/client.h"
#include "store/cache_stores.h"
#include "store/cache_types.h"

namespace renkei::store::detail {

/// Fills a gap downwards from its anchor in one transaction (see Cache::applyBackfill).
class BackfillApplier {
public:
    explicit BackfillApplier(CacheStores& stores) noexcept : s_(stores) {}

    Result<ChangeSet> apply(const Gap& gap, const matrix::MessagesResponse& page);

private:
    CacheStores& s_;
};

}  // namespace renkei::store::detail
