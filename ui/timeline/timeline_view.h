// Renkei desktop app: the timeline pane — posts of one room, newest at the bottom. Scrolling
// to the top loads earlier posts (TimelineModel::fetchMore); new posts keep the view at the
// bottom when it was there. A post's context menu (PostMenu) turns into the signals below.
#pragma once

#include <QListView>

#include "timeline/post_delegate.h"
#include "timeline/timeline_filter.h"

class QAbstractItemModel;
class QMenu;

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
    /// Scrolls the first unread post (TimelineModel::UnreadMarkerRole: its 「ここから未読」
    /// divider) to the top of the view; false when no post carries the divider. A room opened
    /// (the model reset) lands there, else on the newest post.
    bool scrollToFirstUnread();
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
    /// The signed-in user ("@name:server"): whose posts may be edited and deleted.
    void setOwnUserId(const QString& user_id) { own_user_ = user_id; }
    /// Read-only (an archived room, 終了した部屋): the post menu keeps only what reads
    /// (コピー, 編集履歴…, 開く, 保存…), nothing that would write to the room.
    void setReadOnly(bool read_only) { read_only_ = read_only; }
    bool isReadOnly() const { return read_only_; }
    /// The context menu of the post at `row` (of the timeline model), shown at `global_pos`
    /// (not exec(): no nested event loop); null when the post has no entries. Also for tests.
    QMenu* showPostMenu(int row, const QPoint& global_pos);
    /// Shows only the posts `filter` accepts (TimelineFilterBar); an empty filter shows all.
    void setFilter(const TimelineFilter& filter);
    [[nodiscard]] const TimelineFilter& filter() const { return filter_; }

signals:
    /// The visible posts may have changed (scrolled, posts added, resized).
    void visiblePostsChanged();
    /// The user clicked an image post or pressed Enter on it: show it at full size.
    void imageActivated(const QString& mxc, const QString& title);
    /// 再送 / 編集 / 破棄 of a failed post (its button, or the context menu).
    void postActionRequested(const QString& local_id, renkei::ui::PostAction action);
    /// A short message for the status bar (e.g. the original of a reply is not on this device).
    void statusMessage(const QString& text);
    // A synced post's actions (its context menu; a post's own buttons emit the same).
    void replyRequested(const QString& event_id);         ///< 返信
    void editRequested(const QString& event_id);          ///< 編集 (our own text post)
    void deleteRequested(const QString& event_id);        ///< 削除… (ask for a reason first)
    /// 確認しました / 確認を取り消す: react with `key`, or take our reaction with it back.
    void reactionToggleRequested(const QString& event_id, const QString& key);
    void editHistoryRequested(const QString& event_id);   ///< 編集履歴…
    void documentRequested(const QString& event_id);      ///< 文書として表示… (a structured post)
    /// コピー put `text` on the clipboard (the screen lock clears it if it is still there).
    void textCopied(const QString& text);
    /// この投稿を書き出す…: the post and when it was sent (ms since the epoch).
    void exportRequested(const QString& event_id, qint64 ts_ms);
    void fileOpenRequested(const QString& event_id);      ///< 開く (a file post)
    void fileSaveRequested(const QString& event_id);      ///< 保存… (a file post)

protected:
    void resizeEvent(QResizeEvent* event) override;
    /// The post's menu (right click, or the Menu key): PostMenu.
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
    /// Hides or shows rows first..last by filter_.
    void applyFilter(int first, int last);

    QAbstractItemModel* source_ = nullptr;
    NoAutoFetchProxy* proxy_ = nullptr;
    TimelineFilter filter_;
    PostDelegate* delegate_ = nullptr;
    bool was_at_bottom_ = true;
    int distance_from_bottom_ = 0;  // pixels, kept while earlier posts are inserted above
    bool prepending_ = false;
    QString jump_target_;  // event id jumpToEvent is loading earlier pages for
    int jump_pages_ = 0;
    QString own_user_;
    bool read_only_ = false;
};

}  // namespace renkei::ui
