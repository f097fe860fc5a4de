// Renkei core: the export log in the vault database (vault migration 6, table export_log):
// one row for each document written to a PDF file or sent to a printer, ready for the access
// log. The vault is encrypted, so room ids and user ids may be kept here; the file's path is
// never recorded (its name may be the patient's), nor any patient datum.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/database.h"

namespace renkei::store {

/// One export or print.
struct ExportLogEntry {
    std::int64_t id = 0;            ///< row id (0 before it is added)
    std::int64_t exported_ms = 0;   ///< when, ms since the Unix epoch (local clock)
    std::string user_id;            ///< who exported it ("@name:server")
    std::string room_id;            ///< the patient room
    std::string layout;             ///< exporting::toWire(Layout): "timeline", "support-record", …
    std::optional<std::int64_t> from_ms;  ///< the range's start (ms since the epoch), nullopt: open
    std::optional<std::int64_t> to_ms;    ///< the range's end, exclusive; nullopt: open
    bool selected = false;          ///< a chosen set of posts rather than all in the range
    std::int64_t post_count = 0;    ///< how many posts the document held
    std::string target;             ///< "pdf" or "print"
};

/// The vault's export_log table. Not thread-safe: use under the vault's lock.
class ExportLog {
public:
    explicit ExportLog(Database& vault) noexcept : db_(vault) {}

    /// Appends an entry; returns it with its id. Errors: InvalidArgument (empty user, room or
    /// layout; target not "pdf"/"print"; negative post count), Storage.
    Result<ExportLogEntry> add(ExportLogEntry entry);
    /// The newest `limit` entries (1 … 10,000), newest first; of one room when `room_id` is
    /// not empty. Errors: InvalidArgument (limit), Storage.
    Result<std::vector<ExportLogEntry>> entries(int limit = 100, std::string_view room_id = {}) const;

private:
    Database& db_;
};

}  // namespace renkei::store
