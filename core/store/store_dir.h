// Renkei core, internal to core/store: the account's data directory.
#pragma once

#include <filesystem>

#include "common/result.h"

namespace renkei::store::detail {

/// Creates `dir` (and parents) if missing, with mode 0700 for the directory it creates.
/// An existing directory is left as is. Errors: Storage (permission denied, read-only, …).
Result<void> ensurePrivateDir(const std::filesystem::path& dir);

}  // namespace renkei::store::detail
