// Renkei desktop: the reactions under a post (spec: "Event annotations and reactions") as a
// row of chips, one per key with its count (「👍 2」「確認しました 3」), our own highlighted, a
// local echo dashed until sent; plus the one-click 「確認しました」 acknowledgement on a post
// we have not acknowledged. Layout, painting and the tool tip (who reacted).
#pragma once

#include <QCoreApplication>
#include <QModelIndex>
#include <QRect>
#include <QStringList>
#include <QStyleOptionViewItem>
#include <vector>

class QPainter;

namespace renkei::ui {

struct ReactionChip {
    QString key;       ///< the reaction key as sent (the server's text)
    QString text;      ///< what the chip shows: the key (elided) and the count
    QStringList names; ///< display names of who reacted
    QRect rect;
    bool mine = false;     ///< we reacted with this key
    bool pending = false;  ///< our reaction is still in the outbox
    /// The 「確認しました」 button of a post nobody has acknowledged yet (no count).
    bool acknowledge = false;
};

class ReactionChips {
    Q_DECLARE_TR_FUNCTIONS(ReactionChips)
public:
    /// The key the team's acknowledgement is sent with (the same in every UI language).
    static QString acknowledgeKey();
    /// Whether the post gets the acknowledgement: a readable, sent post of someone else that
    /// we have not acknowledged yet.
    static bool offersAcknowledge(const QModelIndex& index);
    /// The chips of the post at `index` (TimelineModel::ReactionsRole), flowed left to right
    /// from `area`'s top-left, wrapping at its width. Empty when there are none to show.
    static std::vector<ReactionChip> layout(const QFont& font, const QModelIndex& index, const QRect& area);
    /// The height the chips take (0 for none).
    static int height(const std::vector<ReactionChip>& chips, const QRect& area);
    static void paint(QPainter* painter, const QStyleOptionViewItem& option, const std::vector<ReactionChip>& chips);
    /// 「👍: 田中 誠、鈴木 薫」 (plain text), or what the acknowledgement button does.
    static QString toolTip(const ReactionChip& chip);
};

}  // namespace renkei::ui
