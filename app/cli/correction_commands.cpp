// renkei-cli: corrections — edit, reply, react, unreact, delete. Each is queued in the outbox
// (transaction id fixed now) and then flushed like `send`; `timeline` shows the result.
#include <cstdlib>
#include <iostream>

#include "cli.h"
#include "session/session.h"

namespace renkei::cli {

int cmdCorrection(session::Session& s, const Args& args) {
    const auto& p = args.positional;
    const std::string& command = args.command;
    if (command == "unreact") {
        auto undone = s.removeReaction(p[0], p[1], p[2]);
        if (!undone) return reportError("cannot take the reaction back", undone.error());
        if (undone->discarded_txn_id) {
            // It had not left yet: discarded from the outbox, nothing to send.
            std::cout << "discarded " << printable(*undone->discarded_txn_id) << '\n';
            return kOk;
        }
        for (const auto& redaction : undone->redactions) std::cout << printable(redaction.txn_id) << '\n';
    } else {
        std::optional<care::PostContext> context = care::PostContext{};
        if (command == "reply" && !(context = postContextOptions(args))) return kUsage;  // nothing queued
        auto queued = [&]() -> Result<store::OutboxPost> {
            if (command == "edit") return s.queueEdit(p[0], p[1], p[2]);
            if (command == "reply") return s.queueReply(p[0], p[1], p[2], *context);
            if (command == "react") return s.queueReaction(p[0], p[1], p[2]);
            return s.queueRedaction(p[0], p[1], args.get("--reason").value_or(""));
        }();
        if (!queued) return reportError(("cannot queue the " + command).c_str(), queued.error());
        std::cout << printable(queued->txn_id) << '\n';
    }
    const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
    if (patience < 0) return kUsage;
    return cmdFlush(s, std::chrono::seconds(patience));
}

}  // namespace renkei::cli
