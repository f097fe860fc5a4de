// renkei-cli: the outbox commands (queue, flush, outbox) and `send`, which queues and flushes.
#include <chrono>
#include <iostream>
#include <thread>

#include "care/care_plan.h"
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
    auto rooms = s.pendingRooms();
    if (!rooms) return reportError("cannot read the queued patient rooms", rooms.error());
    for (const auto& r : *rooms) {
        // The patient's name goes to the user's terminal only (never to a log).
        const auto plan = care::parsePlan(r.plan);
        std::cout << printable(r.creation_id) << "\t部屋の開設待ち: "
                  << (plan ? printable(plan->patient.name) : std::string("?")) << '\t'
                  << (r.state == store::PendingRoomState::Failed ? "failed" : "queued") << '\t' << r.attempts
                  << '\t' << (r.last_error ? printable(r.last_error->describe()) : std::string()) << '\n';
    }
    return kOk;
}

int cmdPendingRoom(session::Session& s, const Args& args) {
    const std::string& id = args.positional.at(0);
    const bool retry = args.command == "retry-room";
    auto done = retry ? s.retryPendingRoom(id) : s.discardPendingRoom(id);
    if (!done) return reportError("cannot change the queued patient room", done.error());
    if (!*done) {
        std::cerr << "renkei-cli: no " << (retry ? "failed " : "") << "queued patient room " << printable(id) << '\n';
        return kFailure;
    }
    std::cout << (retry ? "queued again: " : "discarded: ") << printable(id) << '\n';
    return kOk;
}

FlushResult flushOutbox(session::Session& s, std::chrono::seconds patience) {
    // In the foreground, one step at a time like the app's SendQueue (queued patient rooms
    // first, then posts); transient errors back off and retry until `patience` has passed.
    // Rooms and posts stay queued when it gives up.
    const auto give_up = std::chrono::steady_clock::now() + patience;
    session::Backoff backoff;
    FlushResult out;
    for (;;) {
        std::optional<Error> error;
        if (auto room = s.openNextPendingRoom(); !room) {
            error = room.error();
        } else if (*room) {
            backoff.reset();
            if ((*room)->room_id) {
                out.opened_rooms[(*room)->room.creation_id] = *(*room)->room_id;
            } else {
                const Error why = (*room)->room.last_error.value_or(Error{});
                out.refused_rooms[(*room)->room.creation_id] = why;
                std::cerr << "renkei-cli: patient room " << printable((*room)->room.creation_id)
                          << " refused: " << printable(why.describe()) << '\n';
            }
            continue;
        } else if (auto step = s.sendNextQueued(); !step) {
            error = step.error();
        } else if (!*step) {
            return out;
        } else {
            backoff.reset();
            if ((*step)->state == store::OutboxState::Sent) {
                ++out.sent;
            } else {
                ++out.failed;
                std::cerr << "renkei-cli: post " << printable((*step)->txn_id) << " refused: "
                          << printable((*step)->last_error->describe()) << '\n';
            }
            continue;
        }
        const auto delay = backoff.next(error->retry_after);
        if (session::isAuthError(*error) || std::chrono::steady_clock::now() + delay > give_up) {
            out.gave_up = std::move(error);
            return out;
        }
        std::cerr << "renkei-cli: " << printable(error->describe()) << "; retrying in " << delay.count()
                  << " ms\n";
        std::this_thread::sleep_for(delay);  // backoff between retries, not a test wait
    }
}

int cmdFlush(session::Session& s, std::chrono::seconds patience) {
    const FlushResult done = flushOutbox(s, patience);
    for (const auto& [creation_id, room_id] : done.opened_rooms) {
        std::cout << "opened patient room " << printable(room_id) << '\n';
    }
    if (done.gave_up && session::isAuthError(*done.gave_up)) return reportError("cannot send", *done.gave_up);
    auto queued = s.queuedCount();
    std::cout << "sent " << done.sent << ", failed " << done.failed << ", still queued "
              << (done.gave_up ? (queued ? *queued : -1) : 0) << '\n';
    if (done.gave_up) {
        auto rooms = s.pendingRooms();
        if (rooms && !rooms->empty()) {
            std::cout << rooms->size() << " patient room(s) still queued: `renkei-cli flush` opens them\n";
        }
        return reportError("the outbox is not empty", *done.gave_up);
    }
    return done.failed > 0 || !done.refused_rooms.empty() ? kRejected : kOk;
}

}  // namespace renkei::cli
