#include "matrix/content/reply_fallback.h"

namespace renkei::matrix::content {

std::string stripReplyFallback(std::string_view body) {
    // A fallback starts by quoting the original sender: "> <@user:server> …", or for an
    // emote "> * <@user:server> …". Quoted text a user typed ("> 前回の記録") stays.
    if (!body.starts_with("> <") && !body.starts_with("> * <")) return std::string(body);
    std::string_view rest = body;
    while (rest.starts_with("> ") || rest == ">" || rest.starts_with(">\n")) {
        const auto newline = rest.find('\n');
        if (newline == std::string_view::npos) return {};
        rest.remove_prefix(newline + 1);
    }
    if (rest.starts_with('\n')) rest.remove_prefix(1);
    return std::string(rest);
}

}  // namespace renkei::matrix::content
