#include "timeline/timeline_filter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include "care/care_text.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

bool TimelineFilter::accepts(const QModelIndex& index) const {
    if (urgent_only && !index.data(TimelineModel::UrgentRole).toBool()) return false;
    if (scene >= 0 && index.data(TimelineModel::SceneRole).toInt() != scene) return false;
    if (profession >= 0 && index.data(TimelineModel::SenderProfessionRole).toInt() != profession) return false;
    return true;
}

TimelineFilterBar::TimelineFilterBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    scene_ = new QComboBox;
    scene_->setAccessibleName(tr("場面で絞り込む"));
    scene_->addItem(tr("すべての場面"), -1);
    for (int s = 0; s <= static_cast<int>(care::Scene::EndOfLife); ++s) {
        scene_->addItem(sceneLabel(static_cast<care::Scene>(s)), s);
    }
    profession_ = new QComboBox;
    profession_->setAccessibleName(tr("職種で絞り込む"));
    profession_->addItem(tr("すべての職種"), -1);
    for (int p = 0; p <= static_cast<int>(care::Profession::Other); ++p) {
        profession_->addItem(professionLabel(static_cast<care::Profession>(p)), p);
    }
    urgent_ = new QCheckBox(tr("至急のみ"));
    auto* label = new QLabel(tr("絞り込み:"));
    layout->addWidget(label);
    layout->addWidget(scene_);
    layout->addWidget(profession_);
    layout->addWidget(urgent_);
    layout->addStretch(1);
    connect(scene_, &QComboBox::currentIndexChanged, this, &TimelineFilterBar::emitChanged);
    connect(profession_, &QComboBox::currentIndexChanged, this, &TimelineFilterBar::emitChanged);
    connect(urgent_, &QCheckBox::toggled, this, &TimelineFilterBar::emitChanged);
}

TimelineFilter TimelineFilterBar::filter() const {
    TimelineFilter f;
    f.scene = scene_->currentData().toInt();
    f.profession = profession_->currentData().toInt();
    f.urgent_only = urgent_->isChecked();
    return f;
}

void TimelineFilterBar::setFilter(const TimelineFilter& filter) {
    setting_ = true;
    scene_->setCurrentIndex(qMax(0, scene_->findData(filter.scene)));
    profession_->setCurrentIndex(qMax(0, profession_->findData(filter.profession)));
    urgent_->setChecked(filter.urgent_only);
    setting_ = false;
    emitChanged();
}

void TimelineFilterBar::clear() { setFilter(TimelineFilter{}); }

void TimelineFilterBar::emitChanged() {
    if (!setting_) emit filterChanged(filter());
}

}  // namespace renkei::ui
