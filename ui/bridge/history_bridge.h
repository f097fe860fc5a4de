// Renkei desktop: the offline-history part of CoreBridge. It owns the core's
// HistoryBackfiller, which caches every joined room's history (or back to a horizon) so that
// a nurse who goes offline reads it all: started after the first successful sync, woken after
// each sync round and a re-login, stopped with the sync engine. Its notifications reach the
// GUI thread through the GuiHop; GUI thread only otherwise.
#pragma once

#include <QSet>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>

namespace renkei::session {
class HistoryBackfiller;
struct HistoryNotification;
}  // namespace renkei::session

namespace renkei::ui {

class CoreBridge;
class GuiHop;

/// What the back-fill is doing, for the status bar. Waiting and NeedsLogin are normal
/// pauses (offline, rate limited, signed out by the server), not errors.
enum class HistoryState {
    Idle,        ///< not started (no sync yet) or stopped
    Running,     ///< fetching pages
    Waiting,     ///< a transient error (network, 5xx, 429): retries by itself
    NeedsLogin,  ///< paused until the password is given again
    Settled,     ///< every joined room is done as far as it can be now
};

class HistoryBridge {
public:
    HistoryBridge(CoreBridge& bridge, GuiHop& hop);
    ~HistoryBridge();  ///< stops the worker (quietly)
    HistoryBridge(const HistoryBridge&) = delete;
    HistoryBridge& operator=(const HistoryBridge&) = delete;

    /// A sync round was applied: starts the back-fill the first time, then wakes it (a
    /// limited sync leaves a new gap).
    void synced();
    /// The password was accepted again: a back-fill paused at NeedsLogin goes on.
    void wake();
    /// Cancels the request in flight and joins the worker (returns within ~100 ms); a later
    /// synced() starts it again. -> CoreBridge::historyProgress (settled)
    void stop();
    /// Stops and drops the back-filler (before its session closes); forgets the room marks.
    void drop();
    /// Back-fill only the last `days` days (0: all history), from the next step on.
    void setHorizonDays(int days);
    int horizonDays() const { return horizon_days_; }

    HistoryState state() const { return state_; }
    int roomsDone() const { return rooms_done_; }
    int roomsTotal() const { return rooms_total_; }
    /// The room's whole history is cached (its first event stored, no gap left).
    bool complete(const QString& room_id) const;

private:
    void onNotification(const session::HistoryNotification& note);
    /// Re-reads which rooms are complete; emits historyCompleteChanged for each that changed.
    void refreshComplete();
    /// The complete rooms as the cache has them now (read connection).
    QSet<QString> readComplete() const;
    void setState(HistoryState state, int done, int total);
    std::optional<std::int64_t> horizonMs() const;

    CoreBridge& bridge_;
    GuiHop& hop_;
    std::unique_ptr<session::HistoryBackfiller> backfiller_;
    bool active_ = false;   ///< started and not stopped
    unsigned epoch_ = 0;    ///< bumped at stop(): notifications queued before it are dropped
    int horizon_days_ = 0;  ///< 0: all history
    HistoryState state_ = HistoryState::Idle;
    int rooms_done_ = 0;
    int rooms_total_ = 0;
    mutable QSet<QString> complete_;  ///< rooms whose history is complete, as last read
    mutable bool complete_read_ = false;
};

}  // namespace renkei::ui
