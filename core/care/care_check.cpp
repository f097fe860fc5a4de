// Renkei core: the field checks of the care shapes (see care_check.h).
#include "care/care_check.h"

#include <string>

#include "matrix/media.h"

namespace renkei::care::detail {
namespace {

constexpr std::size_t kMaxUserIdBytes = 255;  // spec: "User Identifiers", at most 255 bytes

/// Decodes the code point at `s[i]`, advancing `i`; nullopt on any invalid sequence.
std::optional<char32_t> nextCodePoint(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
        ++i;
        return b0;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (s.size() - i < len) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += len;
    return cp;
}

template <class F>
bool allCodePoints(std::string_view s, F&& f) {
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = nextCodePoint(s, i);
        if (!cp || !f(*cp)) return false;
    }
    return true;
}

bool isSpace(char32_t cp) { return cp == U' ' || cp == U'\u3000'; }

bool isKanaLetter(char32_t cp) {
    return (cp >= 0x3041 && cp <= 0x3096) ||  // hiragana
           (cp >= 0x309D && cp <= 0x309F) ||  // ゝ ゞ ゟ
           (cp >= 0x30A1 && cp <= 0x30FA) ||  // katakana
           (cp >= 0x30FC && cp <= 0x30FF) ||  // ー ヽ ヾ ヿ
           (cp >= 0x31F0 && cp <= 0x31FF);    // small katakana (ㇰ …)
}

int digits(std::string_view s, std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t k = from; k < from + n; ++k) {
        if (s[k] < '0' || s[k] > '9') return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

}  // namespace

std::optional<std::size_t> codePoints(std::string_view s) {
    std::size_t n = 0;
    if (!allCodePoints(s, [&](char32_t) { return ++n, true; })) return std::nullopt;
    return n;
}

bool textOk(std::string_view s, std::size_t cap, bool required, bool multiline) {
    std::size_t n = 0;
    bool visible = false;
    const bool ok = allCodePoints(s, [&](char32_t cp) {
        if (cp == U'\n' && multiline) return ++n, true;
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
        if (!isSpace(cp)) visible = true;
        return ++n, true;
    });
    return ok && n <= cap && (!required || visible);
}

bool kanaOk(std::string_view s) {
    constexpr std::size_t kCap = 64;
    std::size_t n = 0;
    bool letter = false;
    const bool ok = allCodePoints(s, [&](char32_t cp) {
        if (isKanaLetter(cp)) letter = true;
        else if (cp != U'\u30FB' && !isSpace(cp)) return false;  // ・
        return ++n, true;
    });
    return ok && letter && n <= kCap;
}

bool dateOk(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const int y = digits(s, 0, 4);
    const int m = digits(s, 5, 2);
    const int d = digits(s, 8, 2);
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= last;
}

bool userIdOk(std::string_view s) {
    if (s.size() < 4 || s.size() > kMaxUserIdBytes || s[0] != '@') return false;
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 1 >= s.size()) return false;
    for (std::size_t k = 1; k < colon; ++k) {
        if (s[k] < 0x21 || s[k] > 0x7E) return false;  // printable ASCII (historical ids too)
    }
    // The server name grammar is the one content URIs use: check it through parseMxcUri.
    std::string probe = "mxc://";
    probe.append(s.substr(colon + 1));
    probe += "/x";
    return matrix::parseMxcUri(probe).ok();
}

}  // namespace renkei::care::detail
