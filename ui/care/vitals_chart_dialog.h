// Renkei UI: バイタルの推移, the vitals chart of a patient room in its own non-modal window:
// the room's vitals posts from every member (Session::vitalsSeries, read from the cache like
// MonthlyUpdatesDialog) in a VitalsChartView, refreshed when the room changes.
#pragma once

#include <QDialog>
#include <QString>

namespace renkei::ui {

class CoreBridge;
class VitalsChartView;

class VitalsChartDialog : public QDialog {
    Q_OBJECT

public:
    VitalsChartDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent = nullptr);

    const QString& roomId() const { return room_id_; }
    /// The chart view (for tests).
    VitalsChartView* view() const { return view_; }

signals:
    /// A point was clicked: the post `event_id` of room `room_id` should be shown.
    void postActivated(const QString& room_id, const QString& event_id);

private:
    void refresh();

    CoreBridge& bridge_;
    QString room_id_;
    VitalsChartView* view_ = nullptr;
};

}  // namespace renkei::ui
