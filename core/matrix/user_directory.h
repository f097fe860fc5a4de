// Renkei core: the user directory (spec: "User directory", POST
// /_matrix/client/v3/user_directory/search), as a struct and a pure parser of the 2xx body.
// The answer is hostile like every other: results are capped, strings are capped, and
// malformed entries are skipped, never half-read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace renkei::matrix {

/// Most results asked for and kept; the request's limit is clamped to 1 … this.
inline constexpr int kMaxDirectoryResults = 50;
/// Caps on an entry's strings, in bytes: a longer user id skips the entry, a longer
/// display name is cut at a code point boundary, a longer avatar URL reads as none.
inline constexpr std::size_t kMaxUserIdBytes = 255;
inline constexpr std::size_t kMaxDisplayNameBytes = 256;
inline constexpr std::size_t kMaxAvatarUrlBytes = 1024;

/// One user found: the id as the server gives it ("@local:server"), the display name (may be
/// empty; control characters read as spaces) and the avatar's content URI (may be empty).
struct DirectoryUser {
    std::string user_id;
    std::string display_name;
    std::string avatar_url;
    bool operator==(const DirectoryUser&) const = default;
};

struct DirectorySearchResult {
    std::vector<DirectoryUser> results;  ///< at most the limit asked, in the server's order
    bool limited = false;  ///< the server (or the cap) left users out: refine the term
};

/// 200 body: {"results": [{"user_id": string (required), "display_name", "avatar_url":
/// strings (optional)}] (required), "limited": boolean (required; absent reads as false)}.
/// Keeps at most `max_results` (clamped to 1 … kMaxDirectoryResults; more sets limited).
/// An entry that is not an object, has no user id, or an id that is not "@…:…" of
/// printable ASCII within kMaxUserIdBytes is skipped; a repeated id is kept once.
/// Errors: Parse ("user directory: …") when the body is not an object or results is not an
/// array.
Result<DirectorySearchResult> parseUserDirectory(std::string_view body, int max_results);

}  // namespace renkei::matrix
