// matrix::displayText, memberDisplayName and the terminal escapes: what a reader sees of a
// name, room name, topic or file name that another member chose.
#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "matrix/display_text.h"

using renkei::matrix::capUtf8;
using renkei::matrix::displayText;
using renkei::matrix::escapeForTerminal;
using renkei::matrix::escapeJsonForTerminal;
using renkei::matrix::hasHiddenCharacters;
using renkei::matrix::looksLikeUserId;
using renkei::matrix::memberDisplayName;
using renkei::matrix::TextLines;

namespace {

// True when `text` holds none of the bytes that move a terminal's cursor, change its colours
// or reorder a line: C0 controls but newline, DEL, C1 controls (UTF-8 C2 80..9F) and the
// bidi controls U+202A–U+202E / U+2066–U+2069 (UTF-8 E2 80 AA..AE, E2 81 A6..A9).
bool freeOfControls(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b < 0x20 && b != '\n') || b == 0x7F) return false;
        if (b == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return false;
        }
        if (b == 0xE2 && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return false;
            if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("display text: a right-to-left override cannot turn gnp.exe into exe.png",
          "[matrix][display]") {
    // "\u202e gnp.exe" and "wound\u202egnp.exe" are shown reversed after the override.
    CHECK(displayText("\u202e gnp.exe") == " gnp.exe");
    CHECK(displayText("褥瘡写真\u202egnp.exe") == "褥瘡写真gnp.exe");
    CHECK(displayText("a\u202ab\u202bc\u202cd\u202de\u202ef") == "abcdef");
    CHECK(displayText("a\u2066b\u2067c\u2068d\u2069e") == "abcde");
    CHECK(displayText("a\u200eb\u200fc\u061cd") == "abcd");
}

TEST_CASE("display text: control characters and DEL are removed, line breaks become spaces",
          "[matrix][display]") {
    CHECK(displayText("\x1b[31m至急\x1b[0m") == "[31m至急[0m");
    CHECK(displayText(std::string("a\0b\x07" "c\x7f" "d", 7)) == "abcd");
    CHECK(displayText("a\u0085b\u009bc\u0080d\u009fe") == "a bcde");  // NEL is a line break
    CHECK(displayText("一行目\n二行目\r\n三行目\r四行目\u2028五\u2029六\t七") ==
          "一行目 二行目 三行目 四行目 五 六 七");
    CHECK(displayText("一行目\n二行目\r\n三行目\r四行目\u2028五\tx\x1b", TextLines::Multi) ==
          "一行目\n二行目\n三行目\n四行目\n五\tx");
}

TEST_CASE("display text: invalid UTF-8 becomes U+FFFD, valid text is unchanged",
          "[matrix][display]") {
    CHECK(displayText("a\xff" "b") == "a\uFFFD" "b");
    CHECK(displayText("\xc0\xaf") == "\uFFFD\uFFFD");              // overlong "/"
    CHECK(displayText("\xed\xa0\x80") == "\uFFFD\uFFFD\uFFFD");    // a UTF-16 surrogate
    CHECK(displayText("\xf4\x90\x80\x80") == "\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
    CHECK(displayText("名前\xe3\x81") == "名前\uFFFD");            // truncated at the end
    CHECK(displayText("\xe3\x81" "A") == "\uFFFD" "A");
    const std::string fine = "佐藤 花子（さくら訪問看護）\U0001F469\u200D\u2695\uFE0F Ünïcödé \u200D";
    CHECK(displayText(fine) == fine);
    CHECK(displayText("") == "");
}

TEST_CASE("display text: hidden characters and user-id look-alikes are recognised",
          "[matrix][display]") {
    CHECK_FALSE(hasHiddenCharacters("佐藤 花子"));
    // A zero-width joiner inside an emoji sequence (woman health worker) is not hidden.
    CHECK_FALSE(hasHiddenCharacters("看護師 \U0001F469\u200D\u2695\uFE0F"));
    CHECK(hasHiddenCharacters("Ali\u200dce"));
    CHECK(hasHiddenCharacters("Alice\u200b"));
    CHECK(hasHiddenCharacters("Al\u00adice"));
    CHECK(hasHiddenCharacters("\ufeffAlice"));
    CHECK(hasHiddenCharacters("Alice\u202e"));
    CHECK(hasHiddenCharacters("Alice\n"));
    CHECK(hasHiddenCharacters("Alice\xff"));

    CHECK(looksLikeUserId("@alice:example.org"));
    CHECK(looksLikeUserId("Alice @alice:x"));
    CHECK_FALSE(looksLikeUserId("alice@example.org"));
    CHECK_FALSE(looksLikeUserId("@alice"));
    CHECK_FALSE(looksLikeUserId("@:x"));
    CHECK_FALSE(looksLikeUserId("@a:"));
    CHECK_FALSE(looksLikeUserId("10:30 訪問"));
}

TEST_CASE("member names: the spec's rules for a user's display name", "[matrix][display]") {
    // spec: no displayname (absent or null) -> the raw user id.
    CHECK(memberDisplayName("@user1:matrix.org", std::nullopt, false) == "@user1:matrix.org");
    // unique among joined and invited members -> the displayname.
    CHECK(memberDisplayName("@user1:matrix.org", "Alice", false) == "Alice");
    // not unique -> "display name (@id:homeserver.org)", for both members.
    CHECK(memberDisplayName("@user1:matrix.org", "Alice", true) == "Alice (@user1:matrix.org)");
    CHECK(memberDisplayName("@user2:example.com", "Alice", true) == "Alice (@user2:example.com)");
    CHECK(memberDisplayName("@nurse:example.org", "佐藤 花子", true) ==
          "佐藤 花子 (@nurse:example.org)");
}

TEST_CASE("member names: a name that could pose as someone else shows its user id",
          "[matrix][display]") {
    // Nothing to show: the user id.
    CHECK(memberDisplayName("@u:x", "", false) == "@u:x");
    CHECK(memberDisplayName("@u:x", "   ", false) == "@u:x");
    CHECK(memberDisplayName("@u:x", "\u3000\u200b\u2800", false) == "@u:x");
    CHECK(memberDisplayName("@u:x", "\u202e", false) == "@u:x");
    CHECK(memberDisplayName("@u:x", "@u:x", false) == "@u:x");
    // Someone else's user id as a display name.
    CHECK(memberDisplayName("@mallory:evil.example", "@alice:example.org", false) ==
          "@alice:example.org (@mallory:evil.example)");
    // Looks like another member's name but differs in what cannot be seen.
    CHECK(memberDisplayName("@m:evil", "Alice\u200b", false) == "Alice\u200b (@m:evil)");
    CHECK(memberDisplayName("@m:evil", "Alice ", false) == "Alice  (@m:evil)");
    CHECK(memberDisplayName("@m:evil", "\u3000Alice", false) == "\u3000Alice (@m:evil)");
    // Bidi overrides and controls are removed from both parts.
    CHECK(memberDisplayName("@m:evil", "Dr. \u202eenoD", false) == "Dr. enoD (@m:evil)");
    CHECK(memberDisplayName("@m\x1b[2J:evil", "\x1b[31mAlice", false) ==
          "[31mAlice (@m[2J:evil)");
    // An emoji sequence alone is not hidden.
    const std::string nurse = "佐藤 \U0001F469\u200D\u2695\uFE0F";
    CHECK(memberDisplayName("@n:x", nurse, false) == nurse);
}

TEST_CASE("terminal escapes: controls, bidi overrides and broken bytes print as escapes",
          "[matrix][display]") {
    CHECK(escapeForTerminal("\x1b[31m赤\x1b[0m") == "\\u001b[31m赤\\u001b[0m");
    CHECK(escapeForTerminal("a\u202eb\u2066c\u200fd") == "a\\u202eb\\u2066c\\u200fd");
    CHECK(escapeForTerminal("1\n2\r3\t4") == "1\\n2\\r3\\t4");
    CHECK(escapeForTerminal("1\n2\r3", true) == "1\n2\\r3");
    CHECK(escapeForTerminal("C:\\temp \\u202e") == "C:\\\\temp \\\\u202e");
    CHECK(escapeForTerminal("x\x7fy\u009bz\xff") == "x\\u007fy\\u009bz\\xff");
    CHECK(escapeForTerminal("a\u200bb\U000E0041") == "a\\u200bb\\U000e0041");
    const std::string japanese = "退院前カンファレンスは 11/28 14:00 に決定しました。\U0001F469\u200D\u2695\uFE0F";
    CHECK(escapeForTerminal(japanese) == japanese);

    const std::string hostile = "\x1b]0;title\x07\x1b[31m\u202e\r\x7f\u0085\u009b\xc3";
    CHECK(freeOfControls(escapeForTerminal(hostile)));
    CHECK_FALSE(freeOfControls(hostile));
}

TEST_CASE("terminal escapes: JSON lines keep their value and carry no raw control",
          "[matrix][display]") {
    const std::string body = "\x1b[31m至急\x7f\u0085\u009b\u202egnp.exe\u2028\U000E0041";
    const nlohmann::json value = {{"body", body}, {"name", "佐藤"}};
    const std::string line = escapeJsonForTerminal(value.dump());
    CHECK(freeOfControls(line));
    CHECK(line.find("佐藤") != std::string::npos);
    CHECK(line.find("\\u202e") != std::string::npos);
    CHECK(nlohmann::json::parse(line) == value);
    // Broken UTF-8 from the replace handler's output or elsewhere reads as U+FFFD.
    CHECK(nlohmann::json::parse(escapeJsonForTerminal("\"a\xff\"")) == "a\uFFFD");
}

TEST_CASE("capUtf8 cuts before a UTF-8 sequence, never inside one", "[matrix][display]") {
    // 「褥瘡」 is two 3-byte characters: a cap of 4 bytes keeps only the first.
    CHECK(capUtf8("褥瘡", 4, "…") == "褥…");
    CHECK(capUtf8("褥瘡", 6, "…") == "褥瘡");  // fits: unchanged, no ellipsis
    CHECK(capUtf8("abc", 2) == "ab");
    CHECK(capUtf8("褥", 2).empty());
}
