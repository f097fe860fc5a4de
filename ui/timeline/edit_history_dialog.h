// Renkei desktop: the versions of an edited post (編集履歴), opened from its context menu:
// each version, original first, with who wrote it, when (local time, as the timeline shows
// it) and its text as plain text; the one shown now is marked 「現在」. Read-only; the arrow
// keys move between versions, Esc closes.
#pragma once

#include <QDialog>
#include <functional>

#include "timeline/timeline_item.h"

class QListWidget;

namespace renkei::ui {

class EditHistoryDialog : public QDialog {
    Q_OBJECT
public:
    /// `display_name` turns a user id into the name shown in the room.
    EditHistoryDialog(const timeline::TimelineItem& item, const std::function<QString(const QString&)>& display_name,
                      QWidget* parent = nullptr);

    /// One row per version, original first (for tests).
    QListWidget* versions() const { return list_; }
    /// The event id of the post (its original).
    QString eventId() const { return event_id_; }

private:
    QListWidget* list_ = nullptr;
    QString event_id_;
};

}  // namespace renkei::ui
