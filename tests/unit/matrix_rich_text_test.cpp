// Unit tests for the message-HTML sanitiser (matrix/rich_text.h) against the spec's allowlist
// for org.matrix.custom.html (m.room.message msgtypes): allowed tags survive, everything else
// goes (with or without its text), links and images by scheme, colours, headings, mx-reply,
// escaping, malformed HTML, and the caps (length, depth, elements) on a small stack.
#include <catch2/catch_test_macros.hpp>
#include <pthread.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "matrix/rich_text.h"

using namespace renkei::matrix;

namespace {

std::string clean(const std::string& html) { return sanitizeFormattedBody(html).html; }

std::string repeat(const std::string& unit, std::size_t times) {
    std::string out;
    out.reserve(unit.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

/// `unit` repeated as often as fits into `bytes`, then `tail`.
std::string fill(const std::string& unit, std::size_t bytes, const std::string& tail = {}) {
    return repeat(unit, (bytes - tail.size()) / unit.size()) + tail;
}

/// What the sanitiser's output is made of: its tags (names, attributes), its deepest
/// nesting, whether every tag is closed in order, and its text without the tags.
struct Shape {
    std::vector<std::string> tags;  ///< start tags as written, e.g. `a href="https://x"`
    int max_depth = 0;
    bool balanced = true;
    std::string text;
};

Shape shapeOf(const std::string& html) {
    static const std::set<std::string> kVoid = {"br", "hr"};
    Shape s;
    std::vector<std::string> open;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            s.text += html[i++];
            continue;
        }
        const std::size_t end = html.find('>', i);
        if (end == std::string::npos) {
            s.balanced = false;
            break;
        }
        const std::string tag = html.substr(i + 1, end - i - 1);
        i = end + 1;
        if (!tag.empty() && tag[0] == '/') {
            if (open.empty() || open.back() != tag.substr(1)) s.balanced = false;
            if (!open.empty()) open.pop_back();
            continue;
        }
        s.tags.push_back(tag);
        const std::string name = tag.substr(0, tag.find(' '));
        if (kVoid.count(name) == 0) {
            open.push_back(name);
            s.max_depth = std::max(s.max_depth, static_cast<int>(open.size()));
        }
    }
    if (!open.empty()) s.balanced = false;
    return s;
}

/// Every start tag in `html` is one the sanitiser may write, with only its attributes.
bool onlyAllowedTags(const std::string& html) {
    static const std::set<std::string> kPlain = {
        "b",  "strong", "i",  "em",    "u",     "s",     "sup", "sub", "code", "pre", "blockquote", "p",
        "div", "ul",    "ol", "li",    "hr",    "br",    "table", "thead", "tbody", "tr", "th", "td"};
    for (const std::string& tag : shapeOf(html).tags) {
        if (kPlain.count(tag) != 0) continue;
        if (tag.rfind("a href=\"https://", 0) == 0 || tag.rfind("a href=\"http://", 0) == 0 ||
            tag.rfind("a href=\"mailto:", 0) == 0 || tag.rfind("a href=\"mxc://", 0) == 0) {
            continue;
        }
        if (tag.rfind("ol start=\"", 0) == 0) continue;
        if (tag.rfind("span style=\"", 0) == 0 &&
            tag.find_first_not_of("spanstyle=\"colorbackground-:;#0123456789abcdef ") == std::string::npos) {
            continue;
        }
        UNSCOPED_INFO("unexpected tag: <" << tag << ">");
        return false;
    }
    return true;
}

/// Runs `f` on a thread with a `bytes` stack: a recursion over the input would overflow it.
void onSmallStack(std::size_t bytes, const std::function<void()>& f) {
    pthread_attr_t attr;
    REQUIRE(pthread_attr_init(&attr) == 0);
    REQUIRE(pthread_attr_setstacksize(&attr, bytes) == 0);
    pthread_t thread;
    auto run = [](void* arg) -> void* {
        (*static_cast<const std::function<void()>*>(arg))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&f)) == 0);
    REQUIRE(pthread_join(thread, nullptr) == 0);
    pthread_attr_destroy(&attr);
}

constexpr std::size_t kSmallStack = 128 * 1024;

}  // namespace

TEST_CASE("rich text: the spec's formatting tags survive", "[rich_text]") {
    CHECK(clean("<b>太字</b> <strong>強調</strong> <i>斜体</i> <em>em</em> <u>下線</u>") ==
          "<b>太字</b> <strong>強調</strong> <i>斜体</i> <em>em</em> <u>下線</u>");
    CHECK(clean("H<sub>2</sub>O, 10<sup>3</sup>") == "H<sub>2</sub>O, 10<sup>3</sup>");
    CHECK(clean("<s>a</s><del>b</del><strike>c</strike>") == "<s>a</s><s>b</s><s>c</s>");
    CHECK(clean("<p>段落</p><div>区切り</div><blockquote>引用</blockquote>") ==
          "<p>段落</p><div>区切り</div><blockquote>引用</blockquote>");
    CHECK(clean("一行目<br>二行目<hr>") == "一行目<br>二行目<hr>");
    CHECK(clean("<ul><li>血圧</li><li>脈拍</li></ul>") == "<ul><li>血圧</li><li>脈拍</li></ul>");
    CHECK(clean("<ol start=\"3\"><li>三</li></ol><ol start=\"x\"><li>?</li></ol>") ==
          "<ol start=\"3\"><li>三</li></ol><ol><li>?</li></ol>");
    CHECK(clean("<pre><code class=\"language-json\">{\"a\": 1}</code></pre>") ==
          "<pre><code>{&quot;a&quot;: 1}</code></pre>");
    CHECK(clean("<table><thead><tr><th>項目</th></tr></thead><tbody><tr><td>値</td></tr></tbody></table>") ==
          "<table><thead><tr><th>項目</th></tr></thead><tbody><tr><td>値</td></tr></tbody></table>");
    CHECK(clean("<details><summary>詳細</summary>本文</details>") == "<div><div>詳細</div>本文</div>");
}

TEST_CASE("rich text: attributes outside the allowlist are removed", "[rich_text]") {
    CHECK(clean("<p style=\"font-size:80px\" class=\"x\" id=\"y\" onclick=\"alert(1)\">本文</p>") == "<p>本文</p>");
    CHECK(clean("<b onmouseover=\"x()\" data-foo=\"1\" title=\"t\">b</b>") == "<b>b</b>");
    CHECK(clean("<td colspan=\"500\" width=\"9999\">x</td>") == "x");  // a cell outside a table is no cell
    CHECK(clean("<table><tr><td colspan=\"500\" width=\"9999\" bgcolor=\"red\">x</td></tr></table>") ==
          "<table><tbody><tr><td>x</td></tr></tbody></table>");
    CHECK(clean("<span data-mx-spoiler=\"reason\" data-mx-maths=\"x^2\">x²</span>") == "x²");
}

TEST_CASE("rich text: headings and font sizes make no banner", "[rich_text]") {
    CHECK(clean("<h1 style=\"font-size:80px;color:red\">至急</h1>") == "<p><b>至急</b></p>");
    for (const char* h : {"h1", "h2", "h3", "h4", "h5", "h6"}) {
        CHECK(clean(std::string("<") + h + ">見出し</" + h + ">") == "<p><b>見出し</b></p>");
    }
    CHECK(clean("<font size=\"7\" face=\"Impact\">至急</font>") == "至急");
    CHECK(clean("<font size=7 color=\"#FF0000\">至急</font>") == "<span style=\"color:#ff0000;\">至急</span>");
    CHECK(clean("<big><big>大</big></big><small>小</small>") == "大小");
}

TEST_CASE("rich text: colours only as data-mx-color / data-mx-bg-color #RRGGBB", "[rich_text]") {
    CHECK(clean("<span data-mx-color=\"#1F7A74\">緑</span>") == "<span style=\"color:#1f7a74;\">緑</span>");
    CHECK(clean("<span data-mx-bg-color=\"#ffff00\" data-mx-color=\"#000000\">注</span>") ==
          "<span style=\"color:#000000;background-color:#ffff00;\">注</span>");
    for (const char* bad : {"red", "#fff", "#12345g", "#1234567", "#00000", "", "#000000;font-size:80px",
                            "expression(alert(1))", "url(file:///etc/passwd)", " #000000"}) {
        INFO(bad);
        CHECK(clean(std::string("<span data-mx-color=\"") + bad + "\">x</span>") == "x");
        CHECK(clean(std::string("<span data-mx-bg-color=\"") + bad + "\">x</span>") == "x");
    }
    CHECK(clean("<span style=\"color:red;font-size:80px\">x</span>") == "x");
    CHECK(clean("<span color=\"#ff0000\">x</span>") == "x");  // color only on the legacy <font>
}

TEST_CASE("rich text: links only to http, https and mailto", "[rich_text]") {
    CHECK(clean("<a href=\"https://matrix.to/#/@dr.tanaka:example.org\">田中</a>") ==
          "<a href=\"https://matrix.to/#/@dr.tanaka:example.org\">田中</a>");
    CHECK(clean("<a href=\"HTTP://example.org/a?b=1&amp;c=2\" target=\"_blank\" rel=\"x\">x</a>") ==
          "<a href=\"HTTP://example.org/a?b=1&amp;c=2\">x</a>");
    CHECK(clean("<a href=\"mailto:care@example.org\">メール</a>") == "<a href=\"mailto:care@example.org\">メール</a>");
    for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                            "file:///etc/passwd", "qrc:/icons/app.png", "ftp://example.org/x", "magnet:?xt=1",
                            "/relative/path", "//example.org/x", "relative.html", " https://example.org",
                            "https://exa mple.org", "java\tscript:alert(1)", ""}) {
        INFO(bad);
        CHECK(clean(std::string("<a href=\"") + bad + "\">テキスト</a>") == "テキスト");
    }
    CHECK(clean("<a>名前だけ</a>") == "名前だけ");
    // An attribute value cannot break out of its quotes.
    CHECK(clean("<a href='https://example.org/\"onmouseover=\"x()'>x</a>") ==
          "<a href=\"https://example.org/&quot;onmouseover=&quot;x()\">x</a>");
    // No link inside a link.
    CHECK(clean("<a href=\"https://a.example\">a<a href=\"https://b.example\">b</a></a>") ==
          "<a href=\"https://a.example\">a</a><a href=\"https://b.example\">b</a>");
}

TEST_CASE("rich text: images only from mxc://, and only as a placeholder", "[rich_text]") {
    CHECK(clean("<img src=\"mxc://example.org/AbC_12-x\" alt=\"創部の写真\" width=\"9999\" height=\"9999\">") ==
          "<a href=\"mxc://example.org/AbC_12-x\">[image: 創部の写真]</a>");
    CHECK(clean("<img src=\"mxc://example.org/abc\" title=\"題\">") == "<a href=\"mxc://example.org/abc\">[image: 題]</a>");
    CHECK(clean("<img src=\"mxc://example.org/abc\">") == "<a href=\"mxc://example.org/abc\">[image]</a>");
    for (const char* bad : {"/dev/zero", "file:///usr/share/icons/hicolor/48x48/apps/x.png", "qrc:/icons/app.png",
                            ":/icons/app.png", "relative.png", "../../etc/passwd", "http://example.org/a.png",
                            "https://example.org/a.png", "data:image/png;base64,iVBORw0KGgo=",
                            "mxc://example.org/../x", "mxc://example.org/", "mxc://example.org/a/b", "MXC://example.org/a",
                            ""}) {
        INFO(bad);
        CHECK(clean(std::string("前<img src=\"") + bad + "\" alt=\"alt\">後") == "前後");
    }
    CHECK(clean("<a href=\"https://example.org\"><img src=\"mxc://example.org/abc\" alt=\"a\"></a>") ==
          "<a href=\"https://example.org\">[image: a]</a>");
    RichTextOptions japanese;
    japanese.image_label = "画像";
    CHECK(sanitizeFormattedBody("<img src=\"mxc://example.org/abc\" alt=\"<b>\">", japanese).html ==
          "<a href=\"mxc://example.org/abc\">[画像: &lt;b&gt;]</a>");
    CHECK(clean("<image src=\"mxc://example.org/abc\">") == "<a href=\"mxc://example.org/abc\">[image]</a>");
    CHECK(clean("<picture><source srcset=\"file:///x.png\"></picture><video src=\"/dev/zero\"></video>") == "");
}

TEST_CASE("rich text: dangerous elements go with their content", "[rich_text]") {
    CHECK(clean("a<script>alert(1)</script>b") == "ab");
    CHECK(clean("a<style>body{font-size:80px}</style>b") == "ab");
    CHECK(clean("a<link rel=\"stylesheet\" href=\"file:///x.css\">b") == "ab");
    CHECK(clean("a<iframe src=\"https://example.org\">x</iframe>b") == "ab");
    CHECK(clean("a<object data=\"/dev/zero\">x</object><embed src=\"/dev/zero\">b") == "ab");
    CHECK(clean("a<!-- 秘密 -->b<!-->c") == "abc");
    CHECK(clean("a<svg><image href=\"file:///x.png\"/><text>t</text></svg>b") == "ab");
    CHECK(clean("a<math><mi>x</mi></math>b") == "ab");
    CHECK(clean("a<textarea>t</textarea><select><option>o</option></select><button>p</button>b") == "ab");
    CHECK(clean("a<template><b>t</b></template>b") == "ab");
    CHECK(clean("<title>t</title><meta http-equiv=\"refresh\" content=\"0\"><base href=\"file:///\">x") == "x");
    CHECK(clean("a<frameset><frame src=\"/dev/zero\"></frameset>b") == "ab");
}

TEST_CASE("rich text: the rich-reply fallback mx-reply is stripped", "[rich_text]") {
    const std::string reply =
        "<mx-reply><blockquote><a href=\"https://matrix.to/#/!room:example.org/$ev\">In reply to</a> "
        "<a href=\"https://matrix.to/#/@dr.tanaka:example.org\">@dr.tanaka</a><br>元の投稿</blockquote></mx-reply>"
        "承知しました。";
    CHECK(clean(reply) == "承知しました。");
    CHECK(clean("<MX-REPLY>x</MX-REPLY>y") == "y");
    CHECK(clean("<p><mx-reply>x</mx-reply>返信</p>") == "<p>返信</p>");
}

TEST_CASE("rich text: text is escaped and entities are decoded once", "[rich_text]") {
    CHECK(clean("&lt;script&gt;alert(1)&lt;/script&gt;") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(clean("5 < 6 &amp; 7 > 3 \"引用\"") == "5 &lt; 6 &amp; 7 &gt; 3 &quot;引用&quot;");
    CHECK(clean("&#x3C;img src=/dev/zero&#x3E; &#60;b&#62;") == "&lt;img src=/dev/zero&gt; &lt;b&gt;");
    CHECK(clean("&amp;lt; &copy; &nbsp;") == "&amp;lt; © \xC2\xA0");
    CHECK(clean("体温 36.5℃、SpO2 97%") == "体温 36.5℃、SpO2 97%");
    CHECK(clean("") == "");
}

TEST_CASE("rich text: malformed HTML becomes well-formed output", "[rich_text]") {
    CHECK(clean("<b>太字<i>両方") == "<b>太字<i>両方</i></b>");
    CHECK(clean("<b><i>x</b>y</i>") == "<b><i>x</i></b><i>y</i>");
    CHECK(clean("</p></b></div>x</td>") == "<p></p>x");
    CHECK(clean("<a href=\"https://example.org") == "");
    CHECK(clean("<b") == "");
    CHECK(clean("x<") == "x&lt;");
    CHECK(clean("<p>a<p>b") == "<p>a</p><p>b</p>");
    CHECK(clean("<ul><li>a<li>b</ul>") == "<ul><li>a</li><li>b</li></ul>");
    const std::string nul("a\0b", 3);
    CHECK(clean(nul).find('\0') == std::string::npos);
    // Bytes that are not UTF-8 come out as U+FFFD, never as stray bytes.
    CHECK(clean("a\xff\xfe<b>\xc3</b>") == "a\xEF\xBF\xBD\xEF\xBF\xBD<b>\xEF\xBF\xBD</b>");

    // Tag soup from a fixed seed: the output is always balanced and within the allowlist.
    std::mt19937 random(8);
    const std::vector<std::string> pieces = {
        "<b>", "</b>", "<i>", "</i>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "</table>",
        "<a href=\"https://x.example\">", "<a href=\"javascript:x\">", "</a>", "<ul>", "<li>", "</ul>",
        "<h1 style=\"font-size:80px\">", "</h1>", "<span data-mx-color=\"#ff0000\">", "</span>",
        "<img src=\"/dev/zero\">", "<img src=\"mxc://example.org/a\">", "<mx-reply>", "</mx-reply>",
        "<script>", "</script>", "<!--", "-->", "<svg>", "</svg>", "<font size=7>", "<br>", "<hr>",
        "<pre>", "</pre>", "<blockquote>", "<div>", "</div>", "<select>", "<option>", "テキスト", "&amp;",
        "<", ">", "\"", "'", "=", " ", "<ol start=\"2\">", "</ol>", "<details>", "<summary>"};
    for (int round = 0; round < 300; ++round) {
        std::string html;
        const int length = static_cast<int>(random() % 200);
        for (int i = 0; i < length; ++i) html += pieces[random() % pieces.size()];
        INFO(html);
        const std::string out = clean(html);
        const Shape shape = shapeOf(out);
        CHECK(shape.balanced);
        CHECK(shape.max_depth <= RichTextOptions{}.max_depth);
        CHECK(onlyAllowedTags(out));
    }
}

TEST_CASE("rich text: over the length cap the plain body is shown", "[rich_text]") {
    const RichTextOptions defaults;
    const std::string at_cap = fill("<b>x</b>", defaults.max_input_bytes);
    REQUIRE(at_cap.size() <= defaults.max_input_bytes);
    const SanitizedHtml parsed = sanitizeFormattedBody(at_cap);
    CHECK_FALSE(parsed.fallback);
    CHECK(parsed.html.find("<b>x</b>") == 0);

    const SanitizedHtml over = sanitizeFormattedBody(std::string(defaults.max_input_bytes + 1, 'x'));
    CHECK(over.fallback);
    CHECK(over.html.empty());

    // A 3,000-deep table is 45 KB: over the cap, not parsed at all.
    const std::string deep_table = repeat("<table><tr><td>", 3000) + "最下段";
    CHECK(sanitizeFormattedBody(deep_table).fallback);
}

TEST_CASE("rich text: deep nesting is flattened, on a small stack", "[rich_text]") {
    // The 3,000-deep table with a cap that lets it through: gumbo builds 12,000 levels; the
    // output keeps three tables of them and all of the text.
    RichTextOptions wide;
    wide.max_input_bytes = 64 * 1024;
    const std::string deep_table = repeat("<table><tr><td>", 3000) + "最下段";
    onSmallStack(kSmallStack, [&] {
        const SanitizedHtml out = sanitizeFormattedBody(deep_table, wide);
        CHECK_FALSE(out.fallback);
        CHECK(out.flattened);
        const Shape shape = shapeOf(out.html);
        CHECK(shape.balanced);
        CHECK(shape.max_depth <= wide.max_depth);
        CHECK(shape.max_depth == 12);  // three nested tables of table, tbody, tr, td
        CHECK(shape.text == "最下段");
        CHECK(onlyAllowedTags(out.html));
    });

    // At the length cap, every way of nesting deep: plain blocks, formatting elements (which
    // the parser reopens), lists, misnested tags, and a <frameset> after a deep body (the
    // document parser would destroy that body recursively); the two simplest also at four
    // times the cap.
    struct Case {
        const char* unit;
        std::size_t cap;
    };
    const std::size_t cap = RichTextOptions{}.max_input_bytes;
    for (const Case& c : {Case{"<div>", cap}, Case{"<b>", cap}, Case{"<ul><li>", cap}, Case{"<b></p>", cap},
                          Case{"<span>", cap}, Case{"<blockquote>", cap}, Case{"<a href=\"https://x.example\">", cap},
                          Case{"<b><i></b>x</i>", cap}, Case{"<h1>", cap}, Case{"<div>", cap * 4},
                          Case{"<b>", cap * 4}}) {
        RichTextOptions options;
        options.max_input_bytes = c.cap;
        for (const std::string& tail : {std::string("本文"), std::string("<frameset><frame>")}) {
            const std::string html = fill(c.unit, c.cap, tail);
            INFO(c.unit << " x " << html.size() / std::string(c.unit).size() << " + " << tail);
            onSmallStack(kSmallStack, [&] {
                const SanitizedHtml out = sanitizeFormattedBody(html, options);
                CHECK_FALSE(out.fallback);
                const Shape shape = shapeOf(out.html);
                CHECK(shape.balanced);
                CHECK(shape.max_depth <= options.max_depth);
            });
        }
    }
}

TEST_CASE("rich text: tables nest at most three deep", "[rich_text]") {
    const SanitizedHtml out = sanitizeFormattedBody(repeat("<table><tr><td>", 5) + "中" +
                                                    "<table><caption>表題</caption><tr><td>x</td></tr></table>");
    CHECK(out.flattened);
    CHECK(out.html == repeat("<table><tbody><tr><td>", 3) + "中表題x" + repeat("</td></tr></tbody></table>", 3));
    CHECK(clean("<table><caption>表題</caption><tr><td>x</td></tr></table>") ==
          "<table><tr><td>表題</td></tr><tbody><tr><td>x</td></tr></tbody></table>");
    // Rows and cells of a table that is not shown are not shown either (only their text).
    CHECK(clean(repeat("<ul><li>", 15) + "<table><tr><td>セル</td></tr></table>") ==
          repeat("<ul><li>", 15) + "セル" + repeat("</li></ul>", 15));
}

TEST_CASE("rich text: at most max_elements elements, the rest as text", "[rich_text]") {
    RichTextOptions options;
    options.max_elements = 10;
    const SanitizedHtml out = sanitizeFormattedBody(repeat("<b>x</b>", 25), options);
    CHECK(out.flattened);
    CHECK(out.html == repeat("<b>x</b>", 10) + repeat("x", 15));
    CHECK_FALSE(sanitizeFormattedBody(repeat("<b>x</b>", 10), options).flattened);
}
