#include "bridge/history_bridge.h"

#include <chrono>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "bridge/gui_hop.h"
#include "session/history_backfill.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

constexpr std::int64_t kMsPerDay = 24LL * 60 * 60 * 1000;

}  // namespace

HistoryBridge::HistoryBridge(CoreBridge& bridge, GuiHop& hop) : bridge_(bridge), hop_(hop) {}

HistoryBridge::~HistoryBridge() {
    if (backfiller_) backfiller_->stop();  // no signals: the CoreBridge is going away
}

std::optional<std::int64_t> HistoryBridge::horizonMs() const {
    if (horizon_days_ <= 0) return std::nullopt;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return now - horizon_days_ * kMsPerDay;
}

void HistoryBridge::synced() {
    if (!bridge_.account().usable()) return;
    if (!backfiller_) {
        session::HistoryOptions options;
        options.horizon_ms = horizonMs();
        backfiller_ = std::make_unique<session::HistoryBackfiller>(
            *bridge_.session(),
            [this, epoch = epoch_](const session::HistoryNotification& note) {
                hop_.toGui([this, epoch, note] {
                    if (epoch == epoch_) onNotification(note);
                });
            },
            options);
    }
    if (!active_) {
        // A worker that ended on an internal error, or one stopped with sync: start() again.
        backfiller_->stop();
        backfiller_->start();
        active_ = true;
        if (state_ == HistoryState::Idle) setState(HistoryState::Running, rooms_done_, rooms_total_);
        return;
    }
    refreshComplete();  // a limited sync may have left a new gap in a room that was complete
    backfiller_->wake();
}

void HistoryBridge::wake() {
    if (backfiller_ && active_) backfiller_->wake();
}

void HistoryBridge::stop() {
    if (!backfiller_ || !active_) return;
    backfiller_->stop();
    active_ = false;
    // The callback captured the old epoch; a new one is made at the next start.
    ++epoch_;
    backfiller_.reset();
    setState(HistoryState::Idle, rooms_done_, rooms_total_);
}

void HistoryBridge::drop() {
    stop();
    backfiller_.reset();
    complete_.clear();
    complete_read_ = false;
    if (rooms_done_ != 0 || rooms_total_ != 0) setState(HistoryState::Idle, 0, 0);
}

void HistoryBridge::setHorizonDays(int days) {
    horizon_days_ = qMax(0, days);
    if (backfiller_) backfiller_->setHorizon(horizonMs());
}

bool HistoryBridge::complete(const QString& room_id) const {
    if (!complete_read_) {
        complete_ = readComplete();
        complete_read_ = true;
    }
    return complete_.contains(room_id);
}

QSet<QString> HistoryBridge::readComplete() const {
    QSet<QString> rooms;
    session::Session* s = bridge_.session();
    if (s == nullptr) return rooms;
    auto history = s->history();
    if (!history) return complete_;  // the cache could not be read: keep what was known
    for (const auto& room : *history) {
        if (room.complete()) rooms.insert(QString::fromStdString(room.room_id));
    }
    return rooms;
}

void HistoryBridge::refreshComplete() {
    const QSet<QString> before = complete_;
    const bool known = complete_read_;
    complete_ = readComplete();
    complete_read_ = true;
    if (!known) {
        for (const QString& id : complete_) emit bridge_.historyCompleteChanged(id);
        return;
    }
    for (const QString& id : complete_) {
        if (!before.contains(id)) emit bridge_.historyCompleteChanged(id);
    }
    for (const QString& id : before) {
        if (!complete_.contains(id)) emit bridge_.historyCompleteChanged(id);
    }
}

void HistoryBridge::setState(HistoryState state, int done, int total) {
    const bool changed = state != state_ || done != rooms_done_ || total != rooms_total_;
    state_ = state;
    rooms_done_ = done;
    rooms_total_ = total;
    if (changed) {
        emit bridge_.historyProgress(done, total,
                                     state == HistoryState::Settled || state == HistoryState::Idle);
    }
}

void HistoryBridge::onNotification(const session::HistoryNotification& note) {
    using Kind = session::HistoryNotification::Kind;
    const int done = static_cast<int>(note.rooms_done);
    const int total = static_cast<int>(note.rooms_total);
    switch (note.kind) {
        case Kind::Progress: {
            const bool room_finished = done != rooms_done_;
            setState(HistoryState::Running, done, total);
            if (room_finished) refreshComplete();
            break;
        }
        case Kind::Settled:
            refreshComplete();
            setState(HistoryState::Settled, done, total);
            break;
        case Kind::Waiting:
            // The counts of a Waiting note are not read (the cache or the network failed):
            // keep the last ones.
            setState(HistoryState::Waiting, rooms_done_, rooms_total_);
            break;
        case Kind::NeedsLogin:
            setState(HistoryState::NeedsLogin, rooms_done_, rooms_total_);
            break;
    }
}

}  // namespace renkei::ui
