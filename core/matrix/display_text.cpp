#include "matrix/display_text.h"

#include <cstdint>
#include <cstdio>

namespace renkei::matrix {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// One step through UTF-8: the code point and its length, or `valid` false with the length
// of the broken sequence (at least 1 byte), following RFC 3629's table of well-formed bytes.
struct Step {
    char32_t cp = 0;
    std::size_t len = 1;
    bool valid = false;
};

Step decode(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) return {b0, 1, true};
    std::size_t need = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return {};
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) return {0, k, false};
        const unsigned char b = byte(i + k);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return {0, k, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    return {cp, need + 1, true};
}

// Calls f(step, bytes, previous) for each code point (or broken sequence) of `s` in order,
// until f returns false; `previous` is the code point before (U+FFFD after a broken one).
template <class F>
bool eachCodePoint(std::string_view s, F&& f) {
    char32_t previous = 0;
    for (std::size_t i = 0; i < s.size();) {
        const Step step = decode(s, i);
        if (!f(step, s.substr(i, step.len), previous)) return false;
        previous = step.valid ? step.cp : kReplacement;
        i += step.len;
    }
    return true;
}

bool isBidiControl(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool isLineBreak(char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool isEmoji(char32_t cp) {
    return cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0xFE0F;
}

// Characters that draw nothing. A zero-width joiner after an emoji is part of an emoji
// sequence (👩‍⚕️) and counts as visible there.
bool isInvisible(char32_t cp, char32_t previous) {
    if (cp == 0x200D) return !isEmoji(previous);
    return cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 ||
           cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || cp == 0x200B || cp == 0x200C ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x206A && cp <= 0x206F) || cp == 0x2800 ||
           cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
           (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool isSpace(char32_t cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void appendEscape(std::string& out, const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    out += buffer;
}

// True for what escapeForTerminal() and escapeJsonForTerminal() write as an escape.
bool needsEscape(char32_t cp, char32_t previous) {
    return isControl(cp) || isBidiControl(cp) || cp == 0x2028 || cp == 0x2029 ||
           isInvisible(cp, previous);
}

// Spaces and invisible characters only (or nothing at all).
bool showsAsNothing(std::string_view s) {
    return eachCodePoint(s, [](const Step& step, std::string_view, char32_t previous) {
        return step.valid && (isSpace(step.cp) || isInvisible(step.cp, previous));
    });
}

bool hasOuterSpace(std::string_view s) {
    if (s.empty()) return false;
    if (isSpace(decode(s, 0).cp)) return true;
    std::size_t last = s.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80) --last;
    return isSpace(decode(s, last).cp);
}

}  // namespace

std::string capUtf8(std::string utf8, std::size_t max_bytes, std::string_view ellipsis) {
    if (utf8.size() <= max_bytes) return utf8;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0U) == 0x80U) --cut;
    utf8.resize(cut);
    utf8 += ellipsis;
    return utf8;
}

std::string displayText(std::string_view utf8, TextLines lines) {
    std::string out;
    out.reserve(utf8.size());
    const bool multi = lines == TextLines::Multi;
    eachCodePoint(utf8, [&](const Step& step, std::string_view bytes, char32_t previous) {
        if (!step.valid) {
            appendUtf8(out, kReplacement);
        } else if (isLineBreak(step.cp)) {
            if (step.cp != '\n' || previous != '\r') out += multi ? '\n' : ' ';  // CR LF: one
        } else if (step.cp == '\t') {
            out += multi ? '\t' : ' ';
        } else if (!isControl(step.cp) && !isBidiControl(step.cp)) {
            out.append(bytes);
        }
        return true;
    });
    return out;
}

bool hasHiddenCharacters(std::string_view utf8) {
    return !eachCodePoint(utf8, [](const Step& step, std::string_view, char32_t previous) {
        return step.valid && !needsEscape(step.cp, previous);
    });
}

bool looksLikeUserId(std::string_view utf8) {
    const auto at = utf8.find('@');
    if (at == std::string_view::npos) return false;
    const auto colon = utf8.find(':', at + 2);
    return colon != std::string_view::npos && colon + 1 < utf8.size();
}

std::string memberDisplayName(std::string_view user_id,
                              const std::optional<std::string>& displayname, bool shared) {
    std::string id = displayText(user_id);
    if (!displayname) return id;
    std::string name = displayText(*displayname);
    if (showsAsNothing(name) || name == id) return id;
    const bool ambiguous = shared || hasHiddenCharacters(*displayname) || looksLikeUserId(name) ||
                           hasOuterSpace(name);
    return ambiguous ? name + " (" + id + ")" : name;
}

std::string escapeForTerminal(std::string_view utf8, bool keep_newlines) {
    std::string out;
    out.reserve(utf8.size());
    eachCodePoint(utf8, [&](const Step& step, std::string_view bytes, char32_t previous) {
        if (!step.valid) {
            for (const char b : bytes) appendEscape(out, "\\x%02x", static_cast<unsigned char>(b));
        } else if (step.cp == '\\') {
            out += "\\\\";
        } else if (step.cp == '\n') {
            out += keep_newlines ? "\n" : "\\n";
        } else if (step.cp == '\t') {
            out += "\\t";
        } else if (step.cp == '\r') {
            out += "\\r";
        } else if (needsEscape(step.cp, previous)) {
            const char* format = step.cp > 0xFFFF ? "\\U%08x" : "\\u%04x";
            appendEscape(out, format, static_cast<unsigned>(step.cp));
        } else {
            out.append(bytes);
        }
        return true;
    });
    return out;
}

std::string escapeJsonForTerminal(std::string_view json_text) {
    std::string out;
    out.reserve(json_text.size());
    eachCodePoint(json_text, [&](const Step& step, std::string_view bytes, char32_t previous) {
        if (!step.valid) {
            out += "\\ufffd";
        } else if (!needsEscape(step.cp, previous)) {
            out.append(bytes);
        } else if (step.cp > 0xFFFF) {  // a UTF-16 surrogate pair, as JSON writes it
            const char32_t v = step.cp - 0x10000;
            appendEscape(out, "\\u%04x", static_cast<unsigned>(0xD800 + (v >> 10)));
            appendEscape(out, "\\u%04x", static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
        } else {
            appendEscape(out, "\\u%04x", static_cast<unsigned>(step.cp));
        }
        return true;
    });
    return out;
}

}  // namespace renkei::matrix
