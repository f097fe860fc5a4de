// Renkei core, internal to core/store: the cache database's numbered schema steps.
#pragma once

#include <vector>

#include "store/database.h"

namespace renkei::store::detail {

/// The cache's migrations, oldest first (see cache_schema.cpp for the tables and why).
const std::vector<Migration>& cacheMigrations();

}  // namespace renkei::store::detail
