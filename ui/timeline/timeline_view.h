// Renkei desktop app: the timeline pane — posts of one room, newest at the bottom. Scrolling
// to the top loads earlier posts (TimelineModel::fetchMore); new posts keep the view at the
// bottom when it was there.
#pragma once

#include <QListView>

#include "timeline/post_delegate.h"

class QAbstractItemModel;

namespace renkei::ui {

class NoAutoFetchProxy;

class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    /// `timeline` is the TimelineModel (not owned).
    void setTimelineModel(QAbstractItemModel* timeline);
    /// Event id of the newest post (Sent, not a local echo) that is at least partly visible;
    /// empty if none. What the user has seen: used for the m.read receipt.
    QString newestVisibleEventId() const;
    bool isAtBottom() const;
    void scrollToNewest();
    /// Where the button of `action` under the post at `row` is, in viewport coordinates;
    /// empty when the post has no such button (for tests).
    QRect actionButtonRect(int row, PostAction action) const;
    /// Where `part` of the post at `row` is, in viewport coordinates (PostDelegate::partRect).
    QRect partRect(int row, PostDelegate::Part part, const QString& key = {}) const;
    /// Scrolls to the post `event_id` and selects it (the mark stays until the next click).
    /// When it is older than what is loaded, earlier pages are loaded first, at most
    /// kJumpPages of them; gives up when there is nothing earlier (statusMessage says so).
    void jumpToEvent(const QString& event_id);
    static constexpr int kJumpPages = 40;

signals:
    /// The visible posts may have changed (scrolled, posts added, resized).
    void visiblePostsChanged();
    /// The user clicked an image post or pressed Enter on it: show it at full size.
    void imageActivated(const QString& mxc, const QString& title);
    /// 再送 / 編集 / 破棄 of a failed post (its button, or the context menu).
    void postActionRequested(const QString& local_id, renkei::ui::PostAction action);
    /// The delegate's clicks, forwarded (indices of this view's model).
    void reactionClicked(const QModelIndex& index, const QString& key);
    void editHistoryRequested(const QModelIndex& index);
    void fileOpenClicked(const QModelIndex& index);
    void fileSaveClicked(const QModelIndex& index);
    /// A short message for the status bar (e.g. the original of a reply is not on this device).
    void statusMessage(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// The failed post's actions as a menu too (right click, or the Menu key).
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void onScrolled(int value);
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first);
    void fetchEarlierIfShort();
    void onActivated(const QModelIndex& index);
    /// One step of jumpToEvent: select the post if loaded, else load earlier and try again.
    void continueJump();
    void onFetchingChanged(bool fetching);

    QAbstractItemModel* source_ = nullptr;
    NoAutoFetchProxy* proxy_ = nullptr;
    PostDelegate* delegate_ = nullptr;
    bool was_at_bottom_ = true;
    int distance_from_bottom_ = 0;  // pixels, kept while earlier posts are inserted above
    bool prepending_ = false;
    QString jump_target_;  // event id jumpToEvent is loading earlier pages for
    int jump_pages_ = 0;
};

}  // namespace renkei::ui
