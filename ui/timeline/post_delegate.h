// Renkei desktop app: paints one timeline post (TimelineModel roles). The frame is drawn
// here: a day separator 「2026年11月21日（土）」 before the first post of a day, author and
// time (and a clickable 「編集済み」), the quote of the post a reply answers, the reactions
// and the 「確認しました」 button, and under own posts the state: 送信待ち (waiting), 送信中
// (sending), failed (with the reason, wrapped, and the buttons 再送 / 編集 / 破棄) or 既読 N
// (the readers' names on hover). The body is painted by the painter of the post's kind
// (timeline/painters/: text, image, file card, deleted, encrypted, unreadable).
#pragma once

#include <QPointer>
#include <optional>
#include <QStyledItemDelegate>

#include "bridge/core_bridge.h"

class QAbstractItemView;

namespace renkei::ui {

/// What the user can do with a post the server refused (the buttons under it).
enum class PostAction {
    Retry,    ///< 再送: back into the queue, same transaction id
    Edit,     ///< 編集: the text back into the composer, the post discarded (text posts)
    Discard,  ///< 破棄: removed from the outbox
};

class PostDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// The clickable parts of a post (partRect).
    enum class Part {
        ReplyQuote,   ///< the quote box of a reply -> replyQuoteClicked
        Reaction,     ///< the chip of one reaction key -> reactionClicked
        Acknowledge,  ///< 「確認しました」 (its chip when others have, else the button)
        Edited,       ///< 「編集済み」 after the time -> editHistoryRequested
        FileOpen,     ///< 開く on a file card -> fileOpenClicked
        FileSave,     ///< 保存… on a file card -> fileSaveClicked
        Retry,        ///< the buttons of a failed post -> actionRequested
        Edit,
        Discard,
        UnreadDivider,  ///< 「ここから未読」 above the first unread post (not clickable)
    };
    Q_ENUM(Part)

    /// `view` gives the width to wrap text at.
    explicit PostDelegate(QAbstractItemView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;
    /// Clicks on the buttons of a failed post -> actionRequested.
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    /// The buttons a post shows (failed posts only; Edit for text posts only).
    static QList<PostAction> actions(const QModelIndex& index);
    static QString actionText(PostAction action);
    /// Where the button of `action` is, in the coordinates of option.rect; empty if none.
    QRect actionRect(const QStyleOptionViewItem& option, const QModelIndex& index, PostAction action) const;
    /// Where `part` of the post is, in the coordinates of option.rect (`key`: the reaction
    /// key for Part::Reaction); empty when the post does not show it.
    QRect partRect(const QStyleOptionViewItem& option, const QModelIndex& index, Part part,
                   const QString& key = {}) const;

    /// The texts the delegate shows, for tests and the accessible description.
    static QString daySeparatorText(const QDate& date);
    static QString postTimeText(const QDateTime& time);
    /// What stands in place of the text of a post that has none to show: deleted (who,
    /// when, why), encrypted, unreadable. Empty for a readable post.
    static QString placeholderText(const QModelIndex& index);
    /// 「編集済み」 after the time of an edited post, else empty.
    static QString editedText(const QModelIndex& index);
    /// The thread marker after the time: 「スレッド・返信 N件」 on a thread's root, 「スレッド内の
    /// 返信」 on a post in a thread (spec "Threading"), else empty.
    static QString threadText(const QModelIndex& index);
    /// The state line under a post ("sending", "failed: …", "既読 N") or empty.
    static QString stateText(const QModelIndex& index);
    static QString readersToolTip(const QModelIndex& index);
    /// The size an image post's picture takes: at most about 240 px at the default font
    /// (growing with the font size), aspect kept. Invalid for a post without an image.
    static QSize imageDisplaySize(const QFont& font, const QModelIndex& index);
    /// The text in an image's box while it is not shown ("loading", "cannot be shown"...).
    static QString imagePlaceholderText(const QModelIndex& index);
    static bool isImagePost(const QModelIndex& index);
    /// TimelineModel::SendStateRole as an enum.
    static SendState sendState(const QModelIndex& index);

signals:
    /// A button under a failed post was clicked; `local_id` is the post's outbox id.
    void actionRequested(const QString& local_id, renkei::ui::PostAction action);
    /// A reaction chip or the 「確認しました」 button: react with `key`, or take ours back
    /// (the chip's `mine` says which).
    void reactionClicked(const QModelIndex& index, const QString& key);
    /// The quote above a reply: show the original (TimelineModel::ReplyToRole).
    void replyQuoteClicked(const QModelIndex& index);
    /// 「編集済み」: show the post's versions.
    void editHistoryRequested(const QModelIndex& index);
    /// 開く / 保存… on a file card (TimelineModel::FileUrlRole, FileNameRole, FileMimeRole).
    void fileOpenClicked(const QModelIndex& index);
    void fileSaveClicked(const QModelIndex& index);

private:
    struct Geometry;
    Geometry layout(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    int textWidth(const QStyleOptionViewItem& option) const;
    void paintFrame(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                    const Geometry& g) const;
    /// The part under `pos` (option.rect's coordinates) and, for a reaction, its key.
    std::optional<Part> partAt(const QStyleOptionViewItem& option, const QModelIndex& index, const QPoint& pos,
                               QString* key) const;

    QPointer<QAbstractItemView> view_;
};

}  // namespace renkei::ui
