// renkei-cli: the outbox commands (queue, flush, outbox) and `send`, which queues and flushes.
#include <chrono>
#include <iostream>
#include <thread>

#include "cli.h"
#include "session/backoff.h"
#include "session/session.h"

namespace renkei::cli {
namespace {

const char* stateName(store::OutboxState state) {
    switch (state) {
        case store::OutboxState::Queued: return "queued";
        case store::OutboxState::Sent: return "sent";
        case store::OutboxState::Failed: return "failed";
    }
    return "?";
}

}  // namespace

std::optional<care::PostContext> postContextOptions(const Args& args) {
    care::PostContext context;
    if (auto scene = args.get("--scene")) {
        context.scene = care::sceneFromWire(*scene);
        if (!context.scene) {
            std::cerr << "renkei-cli: unknown scene " << printable(*scene)
                      << " (admission_discharge, daily_care, acute_change, end_of_life)\n";
            return std::nullopt;
        }
    }
    context.urgent = args.has("--urgent");
    return context;
}

int cmdQueue(session::Session& s, const Args& args) {
    const auto context = postContextOptions(args);
    if (!context) return kUsage;
    auto post = s.queueText(args.positional.at(0), args.positional.at(1), *context);
    if (!post) return reportError("cannot queue the post", post.error());
    std::cout << printable(post->txn_id) << '\n';
    return kOk;
}

int cmdOutbox(session::Session& s) {
    auto posts = s.outbox();
    if (!posts) return reportError("cannot read the outbox", posts.error());
    for (const auto& p : *posts) {
        std::cout << printable(p.txn_id) << '\t' << printable(p.room_id) << '\t'
                  << stateName(p.state) << '\t' << p.attempts << '\t'
                  << (p.last_error ? printable(p.last_error->describe()) : std::string()) << '\n';
    }
    return kOk;
}

int cmdFlush(session::Session& s, std::chrono::seconds patience) {
    // In the foreground, one post at a time like the app's SendQueue; transient errors back
    // off and retry until `patience` has passed. Posts stay queued when it gives up.
    const auto give_up = std::chrono::steady_clock::now() + patience;
    session::Backoff backoff;
    int sent = 0;
    int failed = 0;
    for (;;) {
        auto step = s.sendNextQueued();
        if (step && !*step) break;
        if (step) {
            backoff.reset();
            if ((*step)->state == store::OutboxState::Sent) {
                ++sent;
            } else {
                ++failed;
                std::cerr << "renkei-cli: post " << printable((*step)->txn_id) << " refused: "
                          << printable((*step)->last_error->describe()) << '\n';
            }
            continue;
        }
        if (session::isAuthError(step.error())) return reportError("cannot send", step.error());
        const auto delay = backoff.next(step.error().retry_after);
        if (std::chrono::steady_clock::now() + delay > give_up) {
            auto queued = s.queuedCount();
            std::cout << "sent " << sent << ", failed " << failed << ", still queued "
                      << (queued ? *queued : -1) << '\n';
            return reportError("the outbox is not empty", step.error());
        }
        std::cerr << "renkei-cli: " << printable(step.error().describe()) << "; retrying in "
                  << delay.count()
                  << " ms\n";
        std::this_thread::sleep_for(delay);  // backoff between retries, not a test wait
    }
    std::cout << "sent " << sent << ", failed " << failed << ", still queued 0\n";
    return failed > 0 ? kRejected : kOk;
}

}  // namespace renkei::cli
