#include "bridge/gui_hop.h"

#include <QMetaObject>
#include <utility>

namespace renkei::ui {

GuiHop::GuiHop(QObject* parent) : QObject(parent) {
    work_.setMaxThreadCount(2);
    ordered_.setMaxThreadCount(1);
    files_.setMaxThreadCount(1);
    media_.setMaxThreadCount(2);
    closer_.setMaxThreadCount(1);
}

GuiHop::~GuiHop() {
    ordered_.waitForDone();
    files_.waitForDone();
    work_.waitForDone();
    media_.waitForDone();
    closer_.waitForDone();
}

QThreadPool& GuiHop::pool(Lane lane) {
    switch (lane) {
        case Lane::Work: return work_;
        case Lane::Ordered: return ordered_;
        case Lane::Files: return files_;
        case Lane::Media: return media_;
        case Lane::Closer: return closer_;
    }
    return work_;
}

void GuiHop::run(Lane lane, std::function<void()> work) { pool(lane).start(std::move(work)); }

// The one thread hop of the desktop app: queued on this object, so it runs on the GUI
// thread and is dropped with the hop.
void GuiHop::toGui(std::function<void()> function) {
    QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection);
}

void GuiHop::waitForDone(Lane lane) { pool(lane).waitForDone(); }

}  // namespace renkei::ui
