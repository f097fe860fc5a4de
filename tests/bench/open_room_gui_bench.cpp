// Benchmark: opening a room in the window, from the click to the first painted timeline. A
// fresh account (its keys and SQLCipher cache, as the app makes them) holds one room of mixed
// posts (mixed_room.h) written straight into its cache; each run points the window's
// TimelineModel at the room (TimelineModel::setRoom: cache read, RoomTimeline fold, rows)
// and waits for the TimelineView's viewport to finish its next paint (offscreen platform;
// timestamps in this process). Between runs the model shows no room. Prints min / median /
// p95 / max over the runs; asserts nothing about time.
//
// usage: renkei-bench-open-room-gui [posts=1000] [runs=30]
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "bridge/core_bridge.h"
#include "matrix/sync.h"
#include "mixed_room.h"
#include "session/session.h"
#include "store/cache.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

/// Counts the paint events a widget has received (the filter sees each before it is painted;
/// the event-loop turn that delivered it returns after the paint).
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return QObject::eventFilter(watched, event);
    }
};

bool waitFor(const std::function<bool()>& done, int deadline_ms) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > deadline_ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("renkei-bench"));
    QStandardPaths::setTestModeEnabled(true);  // no settings of the user's are read or written
    const int posts = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 30;
    if (posts <= 0 || runs <= 0) return 2;
    QTemporaryDir dir;
    if (!dir.isValid()) return 1;

    ui::CoreBridge bridge(dir.path());
    bridge.setNewKeyFileLimits(store::KdfLimits::minimumForTests());
    QSignalSpy unlocked(&bridge, &ui::CoreBridge::unlockFinished);
    bridge.unlock(QStringLiteral("bench-開く-2026"));
    if (!unlocked.wait(60000) || !unlocked.at(0).at(0).toBool()) {
        std::fprintf(stderr, "could not create the account\n");
        return 1;
    }
    const std::string room = "!mixed:localhost";
    auto written = bridge.session()->writeCacheForTests([&](store::Cache& cache) -> Result<void> {
        constexpr int kBatch = 100;
        for (int first = 0, batch = 0; first < posts; first += kBatch, ++batch) {
            auto parsed = matrix::parseSyncResponse(
                bench::mixedSyncBody(room, first, std::min(kBatch, posts - first), batch));
            if (!parsed) return parsed.failure();
            auto applied = cache.applySync(*parsed);
            if (!applied) return applied.failure();
        }
        return {};
    });
    if (!written) {
        std::fprintf(stderr, "could not store the mixed room: %s\n", written.error().describe().c_str());
        return 1;
    }

    ui::TimelineModel model(&bridge);
    ui::TimelineView view;
    view.setTimelineModel(&model);
    view.resize(900, 700);
    view.show();
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    if (!waitFor([&] { return counter.paints > 0; }, 10000)) return 1;  // the empty view is up

    std::vector<double> times;
    int rows = 0;
    for (int i = 0; i < runs; ++i) {
        const int before_empty = counter.paints;
        model.setRoom(QString());
        if (!waitFor([&] { return counter.paints > before_empty; }, 10000)) return 1;  // shown empty
        const int before = counter.paints;
        const auto t0 = Clock::now();
        model.setRoom(QString::fromStdString(room));
        if (!waitFor([&] { return counter.paints > before; }, 10000)) return 1;
        times.push_back(ms(Clock::now() - t0));
        rows = model.rowCount();
    }
    std::sort(times.begin(), times.end());
    std::printf("open room in the window (%d mixed events, %d rows loaded): setRoom -> first paint: "
                "min %.2f, median %.2f, p95 %.2f, max %.2f ms over %d runs\n",
                posts, rows, times.front(), times[times.size() / 2], times[times.size() * 95 / 100],
                times.back(), runs);
    return rows > 0 ? 0 : 1;
}
