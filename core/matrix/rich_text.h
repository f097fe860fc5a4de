// Renkei core: the allowlist sanitiser for message HTML (`formatted_body` with format
// "org.matrix.custom.html", spec: m.room.message msgtypes, "HTML tags to permit"). The server
// and every room member are untrusted: what comes out is the small, escaped subset that a
// rich-text renderer can draw without loading anything. Qt-free (parses with gumbo).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace renkei::matrix {

/// Caps and texts of sanitizeFormattedBody().
struct RichTextOptions {
    /// Longer input is not parsed at all: the caller shows the plain `body` (bytes of UTF-8).
    /// gumbo's time grows with the square of nesting and of attributes per tag (about 40 ms
    /// for the worst 16 KiB, 0.7 s for 64 KiB), and this runs on the GUI thread.
    std::size_t max_input_bytes = 16 * 1024;
    /// Emitted elements nest at most this deep; deeper ones are flattened to their text.
    /// (The spec allows 100; a post needs far fewer.)
    int max_depth = 32;
    /// At most this many elements are emitted; the rest of the post is flattened to text.
    /// (Qt lays a post out again for every paint: about 10 ms per 1,000 elements.) Tables
    /// nest at most 3 deep (Qt's table layout doubles its time with each level).
    int max_elements = 1000;
    /// The word in an inline image's placeholder "[image: alt]" (UTF-8, e.g. a translation).
    std::string image_label = "image";
};

/// What sanitizeFormattedBody() made of a `formatted_body`.
struct SanitizedHtml {
    std::string html;        ///< escaped UTF-8 HTML; empty when `fallback` or nothing is left
    bool fallback = false;   ///< over max_input_bytes: show the plain `body` instead
    bool flattened = false;  ///< some elements were over a cap of depth or count (text kept)
};

/// Appends `text` (UTF-8) to `out` with &, <, > and " escaped as HTML entities, for HTML a
/// client writes itself (e.g. a structured post's formatted_body).
void appendHtmlEscaped(std::string& out, std::string_view text);

/// Parses `formatted_body` as an HTML fragment and re-emits only what the spec's allowlist
/// permits, tightened: a, b, strong, i, em, u, s/del/strike (as s), sup, sub, code, pre,
/// blockquote, p, div, ul, ol (start), li, hr, br, table, thead, tbody, tr, th, td, caption
/// (as a row), details, summary, span/font with data-mx-color / data-mx-bg-color (only
/// "#RRGGBB", output as a colour style; no other style, class, size or face; the legacy
/// <font color> likewise); h1–h6 become bold paragraphs; a href
/// only http, https or mailto; img only for a valid mxc:// URI, and then as a text
/// placeholder "[image_label: alt]" linking to it (never an image source). mx-reply (the
/// rich-reply fallback, spec: "Rich replies"), script, style, link, iframe, object, forms,
/// media, SVG/MathML and comments are removed with their content; other tags are dropped
/// and their text kept. The tree is walked iteratively and gumbo's tree is freed without its
/// recursive destructor, so no input can exhaust the stack. No input makes it fail or throw
/// (short of running out of memory).
SanitizedHtml sanitizeFormattedBody(std::string_view formatted_body,
                                    const RichTextOptions& options = {});

}  // namespace renkei::matrix
