// Renkei core: the message-HTML sanitiser (spec: m.room.message msgtypes, "HTML tags to
// permit"; "Rich replies" for mx-reply). gumbo builds the tree of an HTML fragment; one
// iterative walk emits the allowlisted subset.
//
// No recursion over the untrusted tree: gumbo's tree construction is iterative, but its
// destructor (gumbo_destroy_output) recurses once per level, and so does its handling of a
// <frameset> after a deep body. The fragment parser (context <body>) ignores <frameset>, and
// every block gumbo allocates is tracked here and freed in one loop instead of through
// gumbo_destroy_output. The walk itself keeps its own stack on the heap.
#include "matrix/rich_text.h"

#include <gumbo.h>

#include <cstdlib>
#include <unordered_set>
#include <vector>

#include "matrix/media.h"

namespace renkei::matrix {

namespace {

/// gumbo's allocator: every live block is known, so the whole tree can be freed without
/// walking it.
class TrackingArena {
public:
    TrackingArena() = default;
    TrackingArena(const TrackingArena&) = delete;
    TrackingArena& operator=(const TrackingArena&) = delete;
    ~TrackingArena() {
        for (void* block : live_) std::free(block);
    }

    static void* allocate(void* self, std::size_t size) {
        void* block = std::malloc(size == 0 ? 1 : size);
        if (block != nullptr) static_cast<TrackingArena*>(self)->live_.insert(block);
        return block;
    }
    static void deallocate(void* self, void* block) {
        if (block == nullptr) return;
        static_cast<TrackingArena*>(self)->live_.erase(block);
        std::free(block);
    }

private:
    std::unordered_set<void*> live_;
};

enum class Action {
    Emit,    ///< an allowed element: its tag(s), then its children
    Unwrap,  ///< not allowed, harmless content: the children without the tag
    Drop,    ///< not allowed, and its content must not show either
};

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool startsWithNoCase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (lower(s[i]) != prefix[i]) return false;
    }
    return true;
}


std::string_view attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
    return a != nullptr && a->value != nullptr ? std::string_view(a->value) : std::string_view();
}

/// "#RRGGBB" (spec: data-mx-color), lower-cased; empty for anything else.
std::string colour(std::string_view value) {
    if (value.size() != 7 || value[0] != '#') return {};
    std::string out = "#";
    for (char c : value.substr(1)) {
        const char l = lower(c);
        if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f'))) return {};
        out += l;
    }
    return out;
}

/// A link target that may be shown: http, https or mailto, no control characters or spaces.
bool allowedHref(std::string_view href) {
    for (char c : href) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
    }
    return startsWithNoCase(href, "https://") || startsWithNoCase(href, "http://") ||
           startsWithNoCase(href, "mailto:");
}

/// The name of an element gumbo does not know ("mx-reply"), lower-cased.
std::string unknownTagName(const GumboElement& element) {
    GumboStringPiece piece = element.original_tag;
    if (piece.data == nullptr || piece.length < 2 || piece.data[0] != '<') return {};
    gumbo_tag_from_original_text(&piece);
    std::string name;
    for (std::size_t i = 0; i < piece.length; ++i) name += lower(piece.data[i]);
    return name;
}

/// h1 to h6 (consecutive in gumbo's tag list).
bool isHeading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

Action actionFor(const GumboElement& element) {
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return Action::Drop;  // SVG, MathML
    if (isHeading(element.tag)) return Action::Emit;
    switch (element.tag) {
        case GUMBO_TAG_A:
        case GUMBO_TAG_B:
        case GUMBO_TAG_STRONG:
        case GUMBO_TAG_I:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_U:
        case GUMBO_TAG_S:
        case GUMBO_TAG_DEL:
        case GUMBO_TAG_STRIKE:
        case GUMBO_TAG_SUP:
        case GUMBO_TAG_SUB:
        case GUMBO_TAG_CODE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_BR:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_SPAN:
        case GUMBO_TAG_FONT:
        case GUMBO_TAG_IMG: return Action::Emit;
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_BASE:
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_META:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_IMAGE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_PARAM:
        case GUMBO_TAG_APPLET:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_SOURCE:
        case GUMBO_TAG_TRACK:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_MAP:
        case GUMBO_TAG_AREA:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_FRAME:
        case GUMBO_TAG_FRAMESET:
        case GUMBO_TAG_NOFRAMES:
        case GUMBO_TAG_NOEMBED:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_DATALIST:
        case GUMBO_TAG_OPTGROUP:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_KEYGEN:
        case GUMBO_TAG_BGSOUND:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_COL: return Action::Drop;
        case GUMBO_TAG_UNKNOWN:
            // The rich-reply fallback quotes another post; the spec says to strip it.
            return unknownTagName(element) == "mx-reply" ? Action::Drop : Action::Unwrap;
        default: return Action::Unwrap;
    }
}

/// Qt lays out nested tables in time that doubles with each level: at most this many.
constexpr int kMaxNestedTables = 3;

bool isTablePart(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_CAPTION: return true;
        default: return false;
    }
}

/// One open element of the walk: the node, the next child to visit, and what closes it.
struct Frame {
    const GumboNode* node;
    unsigned int next_child = 0;
    std::string close;     ///< the end tag(s) to emit after the children
    int depth = 0;         ///< emitted elements open around the children
    int tables = 0;        ///< emitted tables open around the children
    bool in_link = false;  ///< inside an emitted <a>
    bool flat = false;     ///< inside an element over a cap: text only
};

class Emitter {
public:
    Emitter(const RichTextOptions& options, SanitizedHtml& result)
        : options_(options), result_(result) {}

    void run(const GumboNode* root) {
        std::vector<Frame> stack;
        stack.push_back(Frame{root, 0, {}, 0, 0, false, false});
        while (!stack.empty()) {
            Frame& top = stack.back();
            const GumboVector& children = top.node->v.element.children;
            if (top.next_child >= children.length) {
                out() += top.close;
                stack.pop_back();
                continue;
            }
            const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
            switch (child->type) {
                case GUMBO_NODE_TEXT:
                case GUMBO_NODE_CDATA:
                case GUMBO_NODE_WHITESPACE: appendHtmlEscaped(out(), child->v.text.text); break;
                case GUMBO_NODE_ELEMENT: {
                    Frame frame{child, 0, {}, top.depth, top.tables, top.in_link, top.flat};
                    // After the push `top` is stale; it is not used again in this round.
                    if (open(child->v.element, frame)) stack.push_back(std::move(frame));
                    break;
                }
                default: break;  // comments, templates (their content is never shown)
            }
        }
    }

private:
    std::string& out() { return result_.html; }

    /// Whether `tag` may be emitted inside `frame`: within max_depth (a table with room for
    /// its rows and cells), kMaxNestedTables and max_elements.
    bool fits(GumboTag tag, const Frame& frame) const {
        if (elements_ >= options_.max_elements) return false;
        if (isTablePart(tag)) return true;  // the table kept room for them
        if (tag == GUMBO_TAG_TABLE) {
            return frame.tables < kMaxNestedTables && frame.depth + 4 <= options_.max_depth;
        }
        return frame.depth + (isHeading(tag) ? 2 : 1) <= options_.max_depth;
    }

    /// Emits the start of `element` into the output and fills `frame` (close tags, depth);
    /// false when its children are not to be visited.
    bool open(const GumboElement& element, Frame& frame) {
        const Action action = actionFor(element);
        if (action == Action::Drop) return false;
        if (element.tag == GUMBO_TAG_BR) {
            out() += "<br>";
            return false;
        }
        if (element.tag == GUMBO_TAG_IMG) {
            image(element, frame.in_link || frame.flat);
            return false;
        }
        // Rows and cells only inside a table that is shown.
        if (action == Action::Unwrap || frame.flat || (isTablePart(element.tag) && frame.tables == 0)) {
            return true;
        }
        if (!fits(element.tag, frame)) {
            // Allowed, but over a cap: the text stays, the formatting goes (here and inside).
            result_.flattened = true;
            frame.flat = true;
            return true;
        }
        ++elements_;
        if (isHeading(element.tag)) {
            // No banner-sized text from a room member: a heading is a bold paragraph.
            push(frame, "<p><b>", "</b></p>", 2);
            return true;
        }
        switch (element.tag) {
            case GUMBO_TAG_HR: out() += "<hr>"; return false;
            case GUMBO_TAG_DEL:
            case GUMBO_TAG_STRIKE: push(frame, "<s>", "</s>", 1); return true;
            case GUMBO_TAG_DETAILS:
            case GUMBO_TAG_SUMMARY: push(frame, "<div>", "</div>", 1); return true;
            case GUMBO_TAG_CAPTION: push(frame, "<tr><td>", "</td></tr>", 2); return true;
            case GUMBO_TAG_TABLE:
                push(frame, "<table>", "</table>", 1);
                ++frame.tables;
                return true;
            case GUMBO_TAG_A: {
                const std::string_view href = attribute(element, "href");
                if (frame.in_link || !allowedHref(href)) return true;  // the text, not the link
                out() += "<a href=\"";
                appendHtmlEscaped(out(), href);
                out() += "\">";
                frame.close = "</a>";
                frame.depth += 1;
                frame.in_link = true;
                return true;
            }
            case GUMBO_TAG_OL: {
                const std::string_view start = attribute(element, "start");
                const bool numeric = !start.empty() && start.size() <= 6 &&
                                     start.find_first_not_of("0123456789") == start.npos;
                const std::string tag =
                    numeric ? "<ol start=\"" + std::string(start) + "\">" : std::string("<ol>");
                push(frame, tag, "</ol>", 1);
                return true;
            }
            case GUMBO_TAG_SPAN:
            case GUMBO_TAG_FONT: {
                std::string fg = colour(attribute(element, "data-mx-color"));
                // The deprecated <font color> of older clients (spec before v1.10).
                if (fg.empty() && element.tag == GUMBO_TAG_FONT) {
                    fg = colour(attribute(element, "color"));
                }
                const std::string bg = colour(attribute(element, "data-mx-bg-color"));
                if (fg.empty() && bg.empty()) return true;
                std::string style;
                if (!fg.empty()) style += "color:" + fg + ";";
                if (!bg.empty()) style += "background-color:" + bg + ";";
                push(frame, "<span style=\"" + style + "\">", "</span>", 1);
                return true;
            }
            default: {
                const std::string name = gumbo_normalized_tagname(element.tag);
                push(frame, "<" + name + ">", "</" + name + ">", 1);
                return true;
            }
        }
    }

    void push(Frame& frame, const std::string& start, std::string close, int levels) {
        out() += start;
        frame.close = std::move(close);
        frame.depth += levels;
    }

    /// An inline image never becomes an image source: a valid mxc:// URI becomes a link
    /// with a placeholder text; anything else (file:, qrc:, http:, relative) disappears.
    void image(const GumboElement& element, bool in_link) {
        const std::string_view src = attribute(element, "src");
        auto mxc = parseMxcUri(src);
        if (!mxc) return;
        std::string_view alt = attribute(element, "alt");
        if (alt.empty()) alt = attribute(element, "title");
        std::string label = "[" + options_.image_label;
        if (!alt.empty()) label += ": " + std::string(alt);
        label += "]";
        if (in_link || elements_ >= options_.max_elements) {
            appendHtmlEscaped(out(), label);
            return;
        }
        ++elements_;
        out() += "<a href=\"";
        appendHtmlEscaped(out(), mxc->toString());
        out() += "\">";
        appendHtmlEscaped(out(), label);
        out() += "</a>";
    }

    const RichTextOptions& options_;
    SanitizedHtml& result_;
    int elements_ = 0;
};

}  // namespace

void appendHtmlEscaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
}

SanitizedHtml sanitizeFormattedBody(std::string_view formatted_body,
                                    const RichTextOptions& options) {
    SanitizedHtml result;
    if (formatted_body.size() > options.max_input_bytes) {
        result.fallback = true;
        return result;
    }
    TrackingArena arena;
    GumboOptions gumbo = kGumboDefaultOptions;
    gumbo.allocator = &TrackingArena::allocate;
    gumbo.deallocator = &TrackingArena::deallocate;
    gumbo.userdata = &arena;
    gumbo.max_errors = 0;  // the parse errors are not needed
    // A fragment in a <body>, as a post is: no <html>/<head> of its own, <frameset> ignored.
    gumbo.fragment_context = GUMBO_TAG_BODY;
    gumbo.fragment_namespace = GUMBO_NAMESPACE_HTML;
    GumboOutput* output =
        gumbo_parse_with_options(&gumbo, formatted_body.data(), formatted_body.size());
    if (output == nullptr || output->root == nullptr || output->root->type != GUMBO_NODE_ELEMENT) {
        return result;
    }
    result.html.reserve(formatted_body.size());
    Emitter(options, result).run(output->root);
    // `arena` frees gumbo's whole tree here, in one loop (no gumbo_destroy_output).
    return result;
}

}  // namespace renkei::matrix
