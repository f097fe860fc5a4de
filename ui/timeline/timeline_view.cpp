#include "timeline/timeline_view.h"

#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QIdentityProxyModel>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

#include "timeline/post_delegate.h"
#include "timeline/post_menu.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

/// QAbstractItemView fetches more whenever the LAST row is visible, i.e. always at the
/// bottom of a timeline. Earlier posts must load only when the user scrolls to the TOP, so
/// the view sees a model that never asks and TimelineView calls fetchMore itself.
class NoAutoFetchProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex&) const override { return false; }
    void fetchMore(const QModelIndex&) override {}
    QVariant data(const QModelIndex& index, int role) const override {
        if (role == Qt::AccessibleTextRole || role == Qt::DisplayRole) {
            // Screen readers read "author, time: text (state)".
            QString body = index.data(TimelineModel::BodyRole).toString();
            if (PostDelegate::isImagePost(index)) body = PostDelegate::tr("Image: %1").arg(body);
            QString text = PostDelegate::tr("%1, %2: %3")
                               .arg(index.data(TimelineModel::SenderNameRole).toString(),
                                    PostDelegate::postTimeText(index.data(TimelineModel::TimeRole).toDateTime()),
                                    body);
            const QString state = PostDelegate::stateText(index);
            if (!state.isEmpty()) text += QStringLiteral(" (%1)").arg(state);
            return text;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

TimelineView::TimelineView(QWidget* parent) : QListView(parent) {
    proxy_ = new NoAutoFetchProxy(this);
    setModel(proxy_);
    delegate_ = new PostDelegate(this);
    setItemDelegate(delegate_);
    connect(delegate_, &PostDelegate::actionRequested, this, &TimelineView::postActionRequested);
    // The post's clickable parts ask for the same actions as its context menu.
    const auto event_of = [](const QModelIndex& index) { return index.data(TimelineModel::EventIdRole).toString(); };
    connect(delegate_, &PostDelegate::reactionClicked, this, [this, event_of](const QModelIndex& index, const QString& key) {
        if (const QString id = event_of(index); !id.isEmpty()) emit reactionToggleRequested(id, key);
    });
    connect(delegate_, &PostDelegate::editHistoryRequested, this, [this, event_of](const QModelIndex& index) {
        if (const QString id = event_of(index); !id.isEmpty()) emit editHistoryRequested(id);
    });
    connect(delegate_, &PostDelegate::fileOpenClicked, this, [this, event_of](const QModelIndex& index) {
        if (const QString id = event_of(index); !id.isEmpty()) emit fileOpenRequested(id);
    });
    connect(delegate_, &PostDelegate::fileSaveClicked, this, [this, event_of](const QModelIndex& index) {
        if (const QString id = event_of(index); !id.isEmpty()) emit fileSaveRequested(id);
    });
    connect(delegate_, &PostDelegate::replyQuoteClicked, this, [this](const QModelIndex& index) {
        jumpToEvent(index.data(TimelineModel::ReplyToRole).toString());
    });
    setAccessibleName(tr("Posts"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);  // heights depend on the width: re-layout on resize
    setUniformItemSizes(false);
    setWordWrap(true);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(fontMetrics().lineSpacing());

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        if (prepending_) {
            // Earlier posts were inserted above: keep the same posts under the reader's eyes.
            verticalScrollBar()->setValue(max - distance_from_bottom_);
            prepending_ = false;
        } else if (was_at_bottom_) {
            verticalScrollBar()->setValue(max);
        }
        emit visiblePostsChanged();
    });
    connect(proxy_, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) { onRowsAboutToBeInserted(first); });
    connect(proxy_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                applyFilter(first, last);
                onRowsInserted(first);
            });
    connect(proxy_, &QAbstractItemModel::modelReset, this, [this] {
        applyFilter(0, proxy_->rowCount() - 1);
        was_at_bottom_ = true;
        jump_target_.clear();  // another room, or the room reloaded
        QTimer::singleShot(0, this, [this] {
            if (!scrollToFirstUnread()) scrollToNewest();
            fetchEarlierIfShort();
        });
    });
    connect(proxy_, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& top_left, const QModelIndex& bottom_right, const QList<int>& roles) {
                // A profile read later may change who matches the profession filter.
                if (!filter_.isEmpty()) applyFilter(top_left.row(), bottom_right.row());
                // A loaded thumbnail, a state line (既読, a refusal's reason and buttons) may
                // change a post's height: lay the rows out again.
                if (roles.isEmpty() || roles.contains(TimelineModel::ThumbnailRole) ||
                    roles.contains(TimelineModel::SendStateRole) || roles.contains(TimelineModel::ReadCountRole) ||
                    roles.contains(TimelineModel::UnreadMarkerRole)) {
                    scheduleDelayedItemsLayout();
                }
                emit visiblePostsChanged();
            });
    // A click (or Enter, or a double click) on an image post opens it.
    connect(this, &QAbstractItemView::clicked, this, &TimelineView::onActivated);
    connect(this, &QAbstractItemView::activated, this, &TimelineView::onActivated);
}

void TimelineView::onActivated(const QModelIndex& index) {
    const QString mxc = index.data(TimelineModel::ImageUrlRole).toString();
    if (mxc.isEmpty()) return;
    emit imageActivated(mxc, index.data(TimelineModel::BodyRole).toString());
}

void TimelineView::setTimelineModel(QAbstractItemModel* timeline) {
    source_ = timeline;
    jump_target_.clear();
    if (auto* model = qobject_cast<TimelineModel*>(timeline)) {
        connect(model, &TimelineModel::fetchingChanged, this, &TimelineView::onFetchingChanged, Qt::UniqueConnection);
    }
    proxy_->setSourceModel(timeline);
    was_at_bottom_ = true;
    QTimer::singleShot(0, this, [this] {
        if (!scrollToFirstUnread()) scrollToNewest();
    });
}

bool TimelineView::scrollToFirstUnread() {
    for (int row = proxy_->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = proxy_->index(row, 0);
        if (!index.data(TimelineModel::UnreadMarkerRole).toBool()) continue;
        executeDelayedItemsLayout();  // the divider's height is in the row's size
        scrollTo(index, QAbstractItemView::PositionAtTop);
        was_at_bottom_ = isAtBottom();  // all of it fits: new posts keep the view at the bottom
        emit visiblePostsChanged();
        return true;
    }
    return false;
}

void TimelineView::setFilter(const TimelineFilter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    applyFilter(0, proxy_->rowCount() - 1);
    scheduleDelayedItemsLayout();
    emit visiblePostsChanged();
}

void TimelineView::applyFilter(int first, int last) {
    for (int row = qMax(0, first); row <= last && row < proxy_->rowCount(); ++row) {
        setRowHidden(row, !filter_.isEmpty() && !filter_.accepts(proxy_->index(row, 0)));
    }
}

bool TimelineView::isAtBottom() const {
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - fontMetrics().height() / 2;
}

void TimelineView::scrollToNewest() {
    if (proxy_->rowCount() == 0) return;
    scrollToBottom();
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    was_at_bottom_ = true;
    emit visiblePostsChanged();
}

QString TimelineView::newestVisibleEventId() const {
    const QRect visible = viewport()->rect();
    for (int row = proxy_->rowCount() - 1; row >= 0; --row) {
        if (isRowHidden(row)) continue;  // filtered out: not seen
        const QModelIndex index = proxy_->index(row, 0);
        const QRect rect = visualRect(index);
        if (rect.top() > visible.bottom()) continue;  // below the visible area
        if (rect.bottom() < visible.top()) break;      // above: nothing newer is visible
        if (PostDelegate::sendState(index) != SendState::Sent) continue;
        const QString event_id = index.data(TimelineModel::EventIdRole).toString();
        if (event_id.startsWith(QLatin1Char('$'))) return event_id;
    }
    return {};
}

QRect TimelineView::actionButtonRect(int row, PostAction action) const {
    const QModelIndex index = proxy_->index(row, 0);
    if (!index.isValid()) return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return delegate_->actionRect(option, index, action);
}

QRect TimelineView::partRect(int row, PostDelegate::Part part, const QString& key) const {
    const QModelIndex index = proxy_->index(row, 0);
    if (!index.isValid()) return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return delegate_->partRect(option, index, part, key);
}

void TimelineView::jumpToEvent(const QString& event_id) {
    if (event_id.isEmpty()) return;
    jump_target_ = event_id;
    jump_pages_ = 0;
    continueJump();
}

void TimelineView::onFetchingChanged(bool fetching) {
    if (!fetching && !jump_target_.isEmpty()) continueJump();
}

void TimelineView::continueJump() {
    auto* timeline = qobject_cast<TimelineModel*>(source_);
    if (timeline == nullptr || jump_target_.isEmpty()) return;
    const int row = timeline->rowOfEvent(jump_target_);
    if (row >= 0) {
        jump_target_.clear();
        const QModelIndex index = proxy_->index(row, 0);
        was_at_bottom_ = false;  // new posts must not pull the view away from the original
        scrollTo(index, QAbstractItemView::PositionAtCenter);
        setCurrentIndex(index);  // selected: marked until the next click
        emit visiblePostsChanged();
        return;
    }
    if (timeline->isFetching()) return;  // a gap fill is under way: fetchingChanged(false) goes on
    if (!timeline->hasEarlier() || jump_pages_ >= kJumpPages) {
        jump_target_.clear();
        emit statusMessage(tr("The original post is not on this device"));
        return;
    }
    ++jump_pages_;
    timeline->loadEarlier();
    if (!timeline->isFetching()) QTimer::singleShot(0, this, &TimelineView::continueJump);
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
    const bool mouse = event->reason() == QContextMenuEvent::Mouse;
    const QModelIndex index = mouse ? indexAt(event->pos()) : currentIndex();
    const QPoint at = mouse ? event->globalPos() : viewport()->mapToGlobal(visualRect(index).center());
    if (!index.isValid() || showPostMenu(index.row(), at) == nullptr) QListView::contextMenuEvent(event);
}

QMenu* TimelineView::showPostMenu(int row, const QPoint& global_pos) {
    auto* model = qobject_cast<TimelineModel*>(source_);
    const QModelIndex index = proxy_->index(row, 0);
    if (model == nullptr || !index.isValid()) return nullptr;
    const auto& item = model->item(row);
    QList<PostMenu::Entry> entries = PostMenu::entries(item, own_user_, PostDelegate::actions(index));
    if (read_only_) {
        using Entry = PostMenu::Entry;
        entries.removeIf([](Entry e) {
            return e != Entry::Copy && e != Entry::EditHistory && e != Entry::OpenFile && e != Entry::SaveFile &&
                   e != Entry::ShowDocument && e != Entry::Export;
        });
    }
    if (entries.isEmpty()) return nullptr;
    const QString event_id = index.data(TimelineModel::EventIdRole).toString();
    const QString local_id = index.data(TimelineModel::LocalIdRole).toString();
    const QString body = index.data(TimelineModel::BodyRole).toString();
    const qint64 ts_ms = item.origin_server_ts;
    QMenu* menu = PostMenu::build(entries, this);
    connect(menu, &QMenu::triggered, this, [this, event_id, local_id, body, ts_ms](QAction* action) {
        using Entry = PostMenu::Entry;
        switch (static_cast<Entry>(action->data().toInt())) {
            case Entry::Reply: emit replyRequested(event_id); break;
            case Entry::Edit: emit editRequested(event_id); break;
            case Entry::Delete: emit deleteRequested(event_id); break;
            case Entry::Acknowledge:
            case Entry::Unacknowledge:
                emit reactionToggleRequested(event_id, QString::fromUtf8(kAcknowledgeKey));
                break;
            case Entry::EditHistory: emit editHistoryRequested(event_id); break;
            case Entry::ShowDocument: emit documentRequested(event_id); break;
            case Entry::Export: emit exportRequested(event_id, ts_ms); break;
            case Entry::Copy:
                QGuiApplication::clipboard()->setText(body);
                emit textCopied(body);
                break;
            case Entry::OpenFile: emit fileOpenRequested(event_id); break;
            case Entry::SaveFile: emit fileSaveRequested(event_id); break;
            case Entry::Retry: emit postActionRequested(local_id, PostAction::Retry); break;
            case Entry::EditFailed: emit postActionRequested(local_id, PostAction::Edit); break;
            case Entry::Discard: emit postActionRequested(local_id, PostAction::Discard); break;
        }
    });
    menu->popup(global_pos);  // not exec(): no nested event loop
    return menu;
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    const bool at_bottom = isAtBottom();
    QListView::resizeEvent(event);
    was_at_bottom_ = at_bottom;
    if (at_bottom) QTimer::singleShot(0, this, [this] { scrollToNewest(); });
    emit visiblePostsChanged();
}

void TimelineView::onScrolled(int value) {
    if (!prepending_) was_at_bottom_ = isAtBottom();
    if (value == verticalScrollBar()->minimum() && source_ != nullptr && source_->canFetchMore({})) {
        distance_from_bottom_ = verticalScrollBar()->maximum() - value;
        source_->fetchMore({});
    }
    emit visiblePostsChanged();
}

void TimelineView::onRowsAboutToBeInserted(int first) {
    if (first == 0 && proxy_->rowCount() > 0) {
        prepending_ = true;
        distance_from_bottom_ = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    } else {
        was_at_bottom_ = isAtBottom();
    }
}

void TimelineView::onRowsInserted(int) {
    QTimer::singleShot(0, this, [this] {
        if (was_at_bottom_ && !prepending_) scrollToNewest();
        fetchEarlierIfShort();
        emit visiblePostsChanged();
    });
}

void TimelineView::fetchEarlierIfShort() {
    // Fewer posts than fill the pane: there is no scrolling up to ask for more, so load them.
    if (source_ != nullptr && verticalScrollBar()->maximum() == 0 && source_->canFetchMore({})) {
        source_->fetchMore({});
    }
}

}  // namespace renkei::ui
