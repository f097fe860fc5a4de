#include "care/vitals_chart_dialog.h"

#include <QDateTime>

#include "bridge/core_bridge.h"
#include "care/room_dialog.h"
#include "care/vitals_chart_view.h"
#include "session/session.h"

namespace renkei::ui {

VitalsChartDialog::VitalsChartDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent)
    : QDialog(parent), bridge_(bridge), room_id_(room_id) {
    view_ = new VitalsChartView;
    connect(view_, &VitalsChartView::postActivated, this,
            [this](const QString& event_id) { emit postActivated(room_id_, event_id); });
    setUpRoomDialog(*this, bridge_, room_id_, tr("バイタルの推移"), view_, QSize(760, 720), [this] { refresh(); });
}

void VitalsChartDialog::refresh() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    // A read of the cache (the GUI's read connection), as the patient panel's own reads.
    auto series = s->vitalsSeries(room_id_.toStdString());
    if (!series) return;
    view_->setSeries(std::move(*series), QDateTime::currentMSecsSinceEpoch());
}

}  // namespace renkei::ui
