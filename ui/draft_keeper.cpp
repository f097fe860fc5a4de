#include "draft_keeper.h"

#include "timeline/composer.h"
#include "bridge/core_bridge.h"

namespace renkei::ui {

DraftKeeper::DraftKeeper(CoreBridge& bridge, Composer* composer, QObject* parent)
    : QObject(parent), bridge_(bridge), composer_(composer) {
    timer_.setSingleShot(true);
    timer_.setInterval(kDebounceMs);
    connect(&timer_, &QTimer::timeout, this, &DraftKeeper::saveNow);
    connect(composer_->editor(), &QPlainTextEdit::textChanged, this, &DraftKeeper::onTextChanged);
}

void DraftKeeper::onTextChanged() {
    // While a post is being edited the field holds that post's text, not the room's draft.
    if (loading_ || room_id_.isEmpty() || composer_->mode() == Composer::Mode::Edit) return;
    dirty_ = true;
    timer_.start();  // restarts: saved once the typing pauses
}

bool DraftKeeper::saveNow() {
    timer_.stop();
    if (!dirty_ || room_id_.isEmpty()) return true;
    QString error;
    if (!bridge_.saveDraft(room_id_, composer_->text(), &error)) {
        // Still dirty: the next keystroke, room switch or close tries again.
        if (error != last_error_) emit saveFailed(error);
        last_error_ = error;
        return false;
    }
    dirty_ = false;
    last_error_.clear();
    unsaved_.remove(room_id_);
    return true;
}

void DraftKeeper::cancelPending() {
    timer_.stop();
    dirty_ = false;
    unsaved_.remove(room_id_);
}

bool DraftKeeper::replaceText(const QString& text, bool save) {
    loading_ = true;
    composer_->setText(text);
    loading_ = false;
    dirty_ = save;
    return save ? saveNow() : true;
}

void DraftKeeper::setRoom(const QString& room_id) {
    if (room_id == room_id_) return;
    // A text that could not be written stays in memory, so switching rooms never loses it.
    if (!saveNow()) unsaved_.insert(room_id_, composer_->text());
    room_id_ = room_id;
    const auto unsaved = unsaved_.constFind(room_id);
    if (unsaved != unsaved_.constEnd()) {
        replaceText(*unsaved, true);
    } else {
        replaceText(bridge_.draft(room_id), false);
    }
}

}  // namespace renkei::ui
