// renkei-cli: `backfill`, which caches every joined room's whole history (or back to a date)
// through the same HistoryBackfiller the app runs, printing one progress line per page.
#include <signal.h>

#include <condition_variable>
#include <ctime>
#include <iostream>
#include <mutex>

#include "cli.h"
#include "session/history_backfill.h"
#include "session/session.h"

namespace renkei::cli {

std::optional<std::int64_t> parseHorizon(const std::string& date) {
    std::tm tm{};
    const char* end = strptime(date.c_str(), "%Y-%m-%d", &tm);
    if (end == nullptr || *end != '\0') return std::nullopt;
    const std::time_t t = timegm(&tm);  // midnight UTC of that day
    if (t == static_cast<std::time_t>(-1)) return std::nullopt;
    return static_cast<std::int64_t>(t) * 1000;
}

int cmdBackfill(session::Session& s, const Args& args, std::chrono::seconds patience) {
    std::optional<std::int64_t> horizon;
    if (auto since = args.get("--since")) {
        horizon = parseHorizon(*since);
        if (!horizon) {
            std::cerr << "renkei-cli: --since wants a date YYYY-MM-DD\n";
            return kUsage;
        }
    }
    // Catch up first: the back-fill starts once sync has settled, as in the app.
    if (auto synced = s.syncOnce(0); !synced) return reportError("sync failed", synced.error());

    std::mutex mutex;
    std::condition_variable changed;
    std::optional<session::HistoryNotification> final_note;
    auto waiting_since = std::chrono::steady_clock::time_point::max();
    session::HistoryOptions options;
    options.horizon_ms = horizon;
    session::HistoryBackfiller backfiller(
        s,
        [&](const session::HistoryNotification& n) {
            using Kind = session::HistoryNotification::Kind;
            std::lock_guard lock(mutex);
            if (n.kind == Kind::Progress) {
                waiting_since = std::chrono::steady_clock::time_point::max();
                std::cout << "history " << n.rooms_done << '/' << n.rooms_total << ' '
                          << printable(n.room_id) << " +" << n.events_added << std::endl;
                return;
            }
            if (n.kind == Kind::Waiting) {
                std::cerr << "renkei-cli: " << printable(n.error->describe()) << "; retrying in "
                          << n.retry_in.count() << " ms" << std::endl;
                const auto now = std::chrono::steady_clock::now();
                if (waiting_since == std::chrono::steady_clock::time_point::max()) {
                    waiting_since = now;
                }
                if (now + n.retry_in - waiting_since <= patience) return;
            }
            final_note = n;  // Settled, NeedsLogin, or waiting longer than the patience
            changed.notify_all();
        },
        std::move(options));
    backfiller.start();
    {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return final_note.has_value(); });
    }
    backfiller.stop();
    using Kind = session::HistoryNotification::Kind;
    if (final_note->kind != Kind::Settled) {
        return reportError("the history back-fill stopped", *final_note->error);
    }
    std::cout << "history settled " << final_note->rooms_done << '/' << final_note->rooms_total
              << " rooms" << std::endl;
    return kOk;
}

}  // namespace renkei::cli
