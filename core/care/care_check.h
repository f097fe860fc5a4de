// Renkei core (internal to core/care): the field checks shared by the care shapes' readers
// and writers, so that parse and toContent apply one rule.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace renkei::care::detail {

/// Number of code points of valid UTF-8 (no overlong form, surrogate or value > U+10FFFF);
/// nullopt when `s` is not valid UTF-8.
std::optional<std::size_t> codePoints(std::string_view s);

/// Whether `s` is valid UTF-8 of at most `cap` code points without C0/C1 controls or DEL
/// (`multiline` allows "\n"); `required` also refuses an empty or all-space string.
bool textOk(std::string_view s, std::size_t cap, bool required, bool multiline = false);

/// Whether `s` is ふりがな: hiragana, katakana, ー, ・ and ASCII/ideographic spaces, with at
/// least one kana letter.
bool kanaOk(std::string_view s);

/// Whether `s` is a real calendar date "YYYY-MM-DD" with year 1900 … 2100.
bool dateOk(std::string_view s);

/// Whether `s` looks like a Matrix user id "@localpart:server" (spec: "User Identifiers";
/// printable ASCII localpart, server name grammar, ≤ 255 bytes).
bool userIdOk(std::string_view s);

}  // namespace renkei::care::detail
