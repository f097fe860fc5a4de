#include "startup_trace.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QListView>
#include <QTimer>
#include <cstdio>
#include <ctime>

#include "main_window.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "startup.h"

namespace {

long long monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

long long rssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Waits for the room list's first paint that shows rooms; the time is taken once that paint
// (the event-loop turn that delivered it) is done.
class FirstPaint : public QObject {
public:
    FirstPaint(renkei::ui::MainWindow& window, int settle_seconds)
        : QObject(&window), window_(window), settle_ms_(settle_seconds * 1000) {}
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (!done_ && event->type() == QEvent::Paint && window_.roomListModel()->rowCount() > 0) {
            done_ = true;
            QTimer::singleShot(0, this, [this] {
                std::fprintf(stderr, "renkei-startup first-paint-ns %lld rooms %d\n", monotonicNs(),
                             window_.roomListModel()->rowCount());
                QTimer::singleShot(settle_ms_, qApp, [] {
                    std::fprintf(stderr, "renkei-startup settled-rss-kb %lld\n", rssKb());
                    QCoreApplication::quit();
                });
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    renkei::ui::MainWindow& window_;
    int settle_ms_;
    bool done_ = false;
};

}  // namespace

void traceStartup(renkei::ui::Startup& startup, int settle_seconds) {
    QObject::connect(&startup, &renkei::ui::Startup::windowShown, &startup, [&startup, settle_seconds](QWidget* shown) {
        renkei::ui::MainWindow* window = startup.mainWindow();
        if (window == nullptr || shown != window) return;
        auto* filter = new FirstPaint(*window, settle_seconds);
        window->roomListView()->listView()->viewport()->installEventFilter(filter);
    });
}
