#include "session/history_backfill.h"

#include <map>
#include <set>

#include "session/session.h"

namespace renkei::session {
namespace {

// A room whose pages keep coming back empty (the server filters them, or sends the same
// token again) is left for the next wake() after this many in a row.
constexpr int kMaxEmptyPages = 8;

}  // namespace

HistoryBackfiller::HistoryBackfiller(Session& session, Callback callback, HistoryOptions options)
    : session_(session), callback_(std::move(callback)), options_(std::move(options)) {}

HistoryBackfiller::~HistoryBackfiller() { stop(); }

void HistoryBackfiller::start() { worker_.start([this] { run(); }); }
void HistoryBackfiller::stop() { worker_.stop(); }
void HistoryBackfiller::wake() { worker_.wake(); }
bool HistoryBackfiller::running() const { return worker_.running(); }

void HistoryBackfiller::setHorizon(std::optional<std::int64_t> horizon_ms) {
    {
        std::lock_guard lock(horizon_mutex_);
        options_.horizon_ms = horizon_ms;
    }
    worker_.wake();
}

std::optional<std::int64_t> HistoryBackfiller::horizon() const {
    std::lock_guard lock(horizon_mutex_);
    return options_.horizon_ms;
}

void HistoryBackfiller::run() {
    try {
        std::set<std::string> done;     // at the horizon (or nothing to do) in this round
        std::set<std::string> skipped;  // cannot be fetched now: no token, refused, no progress
        std::map<std::string, int> empty_pages;
        std::optional<HistoryNotification> step_note;  // sent once the counts are re-read
        for (;;) {
            if (worker_.stopping()) break;
            worker_.clearWake();
            HistoryNotification note;
            auto rooms = session_.history();
            if (!rooms) {
                note.kind = HistoryNotification::Kind::Waiting;
                note.error = rooms.error();
                note.retry_in = options_.backoff.next();
                callback_(note);
                if (!worker_.wait(note.retry_in, true)) break;
                continue;
            }
            const std::string* next = nullptr;
            for (const auto& room : *rooms) {
                if (room.complete() || done.count(room.room_id) != 0) {
                    ++note.rooms_done;
                } else if (!next && skipped.count(room.room_id) == 0) {
                    next = &room.room_id;
                }
            }
            note.rooms_total = rooms->size();
            if (step_note) {
                step_note->rooms_done = note.rooms_done;
                step_note->rooms_total = note.rooms_total;
                callback_(*step_note);
                step_note.reset();
            }
            if (!next) {
                note.kind = HistoryNotification::Kind::Settled;
                callback_(note);
                if (!worker_.wait(std::nullopt, true)) break;
                // Woken (a sync, a re-login, a new horizon): look at every room again.
                done.clear();
                skipped.clear();
                empty_pages.clear();
                continue;
            }
            const std::string room_id = *next;
            auto step = session_.backfillHistory(room_id, horizon(), options_.page_limit,
                                                 &worker_.cancelToken());
            if (worker_.cancelToken().cancelled()) break;
            if (!step) {
                note.error = step.error();
                if (isAuthError(step.error())) {
                    note.kind = HistoryNotification::Kind::NeedsLogin;
                    callback_(note);
                    if (!worker_.wait(std::nullopt, true)) break;
                    continue;
                }
                if (step.error().isTransient() || step.error().kind == ErrorKind::Storage) {
                    note.kind = HistoryNotification::Kind::Waiting;
                    note.retry_in = options_.backoff.next(step.error().retry_after);
                    callback_(note);
                    // The server asked for a pause: keep it even if woken.
                    if (!worker_.wait(note.retry_in, !step.error().retry_after.has_value())) break;
                    continue;
                }
                skipped.insert(room_id);  // refused for this room (e.g. 403): the others go on
                continue;
            }
            options_.backoff.reset();
            switch (step->outcome) {
                case HistoryStep::Outcome::Complete:
                case HistoryStep::Outcome::Horizon: done.insert(room_id); break;
                case HistoryStep::Outcome::NoToken: skipped.insert(room_id); break;
                case HistoryStep::Outcome::Fetched:
                    if (step->events_added > 0) {
                        empty_pages.erase(room_id);
                    } else if (++empty_pages[room_id] >= kMaxEmptyPages) {
                        skipped.insert(room_id);
                    }
                    break;
            }
            step_note = HistoryNotification{};
            step_note->kind = HistoryNotification::Kind::Progress;
            step_note->room_id = room_id;
            step_note->events_added = step->events_added;
        }
    } catch (const std::exception&) {
        HistoryNotification note;
        note.kind = HistoryNotification::Kind::Waiting;
        note.error =
            makeError(ErrorKind::Storage, "the history back-fill stopped on an internal error");
        callback_(note);
    }
}

}  // namespace renkei::session
