// Renkei UI: 医師からの情報共有（月別）, the physician's monthly 情報連携 list of a patient room
// (for 在宅医療情報連携加算): per calendar month in Japan time, each update the physician
// shared — when, by whom, the next planned visit, whether the treatment policy changed — and
// who of the care team acknowledged it (確認しました). Read from the cache
// (Session::physicianUpdates, care::monthlyUpdates); refreshed when the room changes.
#pragma once

#include <QDialog>
#include <QString>

class QTreeWidget;

namespace renkei::ui {

class CoreBridge;

class MonthlyUpdatesDialog : public QDialog {
    Q_OBJECT

public:
    MonthlyUpdatesDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent = nullptr);

    /// The list as shown (months and their updates), one line per row, for tests.
    QString listText() const;

private:
    void refresh();

    CoreBridge& bridge_;
    QString room_id_;
    QTreeWidget* tree_ = nullptr;
};

}  // namespace renkei::ui
