// Renkei core: the rich-reply fallback (spec: Client-Server API, "Rich replies", "Fallbacks
// for rich replies"). Older clients quote the post they answer at the start of `body`
// ("> <@user:server> original" lines, then an empty line) and of `formatted_body`
// (<mx-reply>…</mx-reply>); clients that show the quoted original themselves strip both.
#pragma once

#include <string>
#include <string_view>

namespace renkei::matrix::content {

/// `body` without a leading plain-text reply fallback: the lines that start with "> " when
/// the first is "> <…" or "> * <…" (an emote), and the empty line after them. A body that is
/// only a fallback becomes empty; a body that does not start with one is returned as is.
/// The HTML fallback (<mx-reply>) is removed by matrix/rich_text's sanitiser.
std::string stripReplyFallback(std::string_view body);

}  // namespace renkei::matrix::content
