// Renkei desktop: GuiHop, the ONE place that moves work between the GUI thread and worker
// threads. Blocking Session calls run on its worker lanes; their results, and the
// SyncEngine's and SendQueue's callbacks, come back to the GUI thread as queued invocations
// (only in gui_hop.cpp). The bridges of ui/bridge/ go through it; nothing else hops.
#pragma once

#include <QObject>
#include <QThreadPool>
#include <functional>

namespace renkei::ui {

class GuiHop : public QObject {
    Q_OBJECT
public:
    /// The worker lanes. Ordered, Files and Closer have one thread each (work runs in call
    /// order); Work and Media two.
    enum class Lane {
        Work,     ///< unlock, sign-in, reauthentication, gap fills
        Ordered,  ///< receipts, joins, leaves, in call order
        Files,    ///< attached images read and queued, in order
        Media,    ///< thumbnail and full-size downloads
        Closer,   ///< sign-out: waits for the other lanes, logs out
    };

    explicit GuiHop(QObject* parent = nullptr);
    /// Waits for every lane.
    ~GuiHop() override;
    GuiHop(const GuiHop&) = delete;
    GuiHop& operator=(const GuiHop&) = delete;

    /// Runs `work` on a thread of `lane`.
    void run(Lane lane, std::function<void()> work);
    /// Runs `function` on the GUI thread (this object's thread) in a later event-loop turn.
    /// Callable from any thread; dropped if the hop is destroyed first.
    void toGui(std::function<void()> function);
    /// Returns once `lane` has no work left.
    void waitForDone(Lane lane);

private:
    QThreadPool& pool(Lane lane);

    QThreadPool work_;
    QThreadPool ordered_;
    QThreadPool files_;
    QThreadPool media_;
    QThreadPool closer_;
};

}  // namespace renkei::ui
