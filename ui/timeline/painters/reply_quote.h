// Renkei desktop: the quote box above a reply's body (spec: "Rich replies"): the original's
// author and first line, elided, or 「元の投稿を読み込み中…」 / 「元の投稿は見つかりません」
// (TimelineModel::ReplyQuoteRole). Clicking it jumps to the original.
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QRect>
#include <QStyleOptionViewItem>

class QPainter;

namespace renkei::ui {

class ReplyQuoteBox {
    Q_DECLARE_TR_FUNCTIONS(ReplyQuoteBox)
public:
    /// Whether the post is a reply (TimelineModel::ReplyToRole is set).
    static bool shows(const QModelIndex& index);
    /// The box's height for the row's font: two small lines and a padding.
    static int height(const QFont& font);
    /// What the box says: {author, first line} of a loaded original, else {"", state text}.
    static QString authorText(const QModelIndex& index);
    static QString quoteText(const QModelIndex& index);
    static void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                      const QRect& rect);
};

}  // namespace renkei::ui
