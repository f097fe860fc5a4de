// Renkei core: server text made safe to show. Names, room names, topics and file names come
// from other people and may carry bidi overrides ("\u202e gnp.exe" shows as "exe.png"),
// control characters or broken UTF-8 that reorder, hide or forge what a front end shows;
// display names may copy another member's name or a user id. Qt-free; UTF-8 in and out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace renkei::matrix {

/// Whether a text may span lines (a topic, a caption) or is one line (a name, a file name).
enum class TextLines { Single, Multi };

/// `utf8` without the characters that reorder or control the text: bidi embeddings and
/// overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F and U+061C, C0
/// controls, DEL and C1 controls are removed; invalid UTF-8 (overlong forms, surrogates,
/// truncated sequences, code points above U+10FFFF) becomes U+FFFD. Line breaks (LF, CR,
/// CR LF, NEL, U+2028, U+2029) and tabs become one space in Single mode; in Multi mode a
/// line break becomes "\n" and tabs stay. Everything else, Japanese included, is unchanged.
std::string displayText(std::string_view utf8, TextLines lines = TextLines::Single);

/// `utf8` cut to at most `max_bytes` bytes before a UTF-8 sequence (never inside one), with
/// `ellipsis` appended when it was cut (e.g. "…"); unchanged when it fits.
std::string capUtf8(std::string utf8, std::size_t max_bytes, std::string_view ellipsis = {});

/// True when `utf8` holds what displayText() removes or replaces (tabs and line breaks
/// included), or a character that shows as nothing (zero-width space and joiners outside
/// emoji, word joiner, soft hyphen, BOM, fillers, tag characters…). Two names that differ
/// only in such characters look the same, so names with them are always disambiguated.
bool hasHiddenCharacters(std::string_view utf8);

/// True when `utf8` contains something shaped like a user id: an "@" followed, after at least
/// one character, by a ":" with at least one character after it ("@alice:example.org",
/// "Alice @alice:x"). Such a display name could pose as another member's id.
bool looksLikeUserId(std::string_view utf8);

/// The name to show for a room member (spec: Client-Server API, "Calculating the display
/// name for a user"). `displayname` is the member's m.room.member displayname (nullopt when
/// absent, null or not a string); `shared` is whether another member with membership join or
/// invite uses the same displayname. Returns the user id when there is no displayname or it
/// shows as nothing; "name (@id:server)" when it is shared, looks like a user id, has hidden
/// characters or leading/trailing spaces; else the name. Always passed through displayText().
std::string memberDisplayName(std::string_view user_id,
                              const std::optional<std::string>& displayname, bool shared);

/// `utf8` for a terminal: C0 and C1 controls, DEL, the bidi controls that displayText()
/// removes and the zero-width characters of hasHiddenCharacters() are written as visible
/// escapes ("\u001b", "\u202e"), a backslash as "\\", invalid bytes as "\xff". Newlines and
/// tabs are escaped too ("\n", "\t", "\r") unless `keep_newlines`, then "\n" stays. The result
/// is printable UTF-8 that cannot move the cursor, change colours or reorder a line.
std::string escapeForTerminal(std::string_view utf8, bool keep_newlines = false);

/// A JSON text (as nlohmann::json::dump() writes it: C0 controls already escaped) with the
/// other characters escapeForTerminal() escapes also written as JSON escapes ("\u202e",
/// surrogate pairs above U+FFFF) and invalid bytes as "\ufffd". Parses to the same value,
/// except that invalid UTF-8 reads as U+FFFD.
std::string escapeJsonForTerminal(std::string_view json_text);

}  // namespace renkei::matrix
