#include "store/store_dir.h"

#include <system_error>

namespace renkei::store::detail {

Result<void> ensurePrivateDir(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return {};
    fs::create_directories(dir, ec);
    if (ec) return fail(ErrorKind::Storage, "cannot create the data directory: " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    if (ec) return fail(ErrorKind::Storage, "cannot restrict the data directory: " + ec.message());
    return {};
}

}  // namespace renkei::store::detail
