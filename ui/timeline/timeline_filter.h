// Renkei desktop: filtering a room's timeline by 場面, by the author's profession and to
// 至急 posts only: the filter (what a post must have to stay shown) and the bar above the
// timeline that sets it. TimelineView hides the other rows; nothing is removed from the model.
#pragma once

#include <QModelIndex>
#include <QWidget>

class QCheckBox;
class QComboBox;

namespace renkei::ui {

struct TimelineFilter {
    int scene = -1;       ///< int(care::Scene) a post must carry; -1: any
    int profession = -1;  ///< int(care::Profession) of the author; -1: any
    bool urgent_only = false;
    /// Whether nothing is filtered.
    [[nodiscard]] bool isEmpty() const { return scene < 0 && profession < 0 && !urgent_only; }
    /// Whether the post at `index` (a TimelineModel row) stays shown. Deleted and unreadable
    /// posts carry no context: they are hidden by any scene or urgent filter.
    [[nodiscard]] bool accepts(const QModelIndex& index) const;
    bool operator==(const TimelineFilter&) const = default;
};

class TimelineFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit TimelineFilterBar(QWidget* parent = nullptr);
    [[nodiscard]] TimelineFilter filter() const;
    /// Back to showing everything (e.g. when another room opens).
    void clear();
    /// For tests and keyboard users: choose by the stored values.
    void setFilter(const TimelineFilter& filter);

signals:
    void filterChanged(const renkei::ui::TimelineFilter& filter);

private:
    void emitChanged();
    QComboBox* scene_ = nullptr;
    QComboBox* profession_ = nullptr;
    QCheckBox* urgent_ = nullptr;
    bool setting_ = false;
};

}  // namespace renkei::ui
