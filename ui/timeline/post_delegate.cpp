#include "timeline/post_delegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QHelpEvent>
#include <QImage>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>
#include <QToolTip>

#include "care/care_text.h"
#include "media/file_card.h"
#include "paint_util.h"
#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/painters/context_tags.h"
#include "timeline/painters/reaction_chips.h"
#include "timeline/painters/reply_quote.h"
#include "timeline/painters/unread_divider.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {

struct PostDelegate::Geometry {
    QRect separator;  // empty when the post does not start a day
    QRect unread;     // 「ここから未読」 above the first unread post; empty otherwise
    QRect header;
    QString author;   // elided to fit
    QRect time;
    QRect edited;     // 「編集済み」; empty when not edited
    QRect thread;     // the thread marker; empty outside threads
    QRect tags;       // 「至急」 and the scene; empty without clinical context
    QRect quote;      // empty when the post answers none
    QRect body;
    std::vector<ReactionChip> chips;
    QRect state;      // empty when there is no state line
    QRect actions;    // the buttons of a failed post; empty otherwise
    int height = 0;
};

namespace {

/// A small push button's size for `text` in the small font.
QSize buttonSize(const QFontMetrics& small_fm, const QString& text, int pad) {
    return {qMax(small_fm.horizontalAdvance(text) + pad * 3, small_fm.height() * 3),
            small_fm.height() + pad};
}

}  // namespace

SendState PostDelegate::sendState(const QModelIndex& index) {
    const QVariant value = index.data(TimelineModel::SendStateRole);
    if (value.metaType() == QMetaType::fromType<SendState>()) return value.value<SendState>();
    return static_cast<SendState>(value.toInt());
}

PostDelegate::PostDelegate(QAbstractItemView* view) : QStyledItemDelegate(view), view_(view) {}

QString PostDelegate::daySeparatorText(const QDate& date) {
    //: Day separator in the timeline; a QDate format (Japanese: yyyy年M月d日（ddd）)
    return QLocale().toString(date, tr("dddd, MMMM d, yyyy"));
}

QString PostDelegate::postTimeText(const QDateTime& time) {
    if (!time.isValid()) return {};
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate()) return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy/MM/dd HH:mm"));
}

QString PostDelegate::stateText(const QModelIndex& index) {
    const SendState state = sendState(index);
    if (state == SendState::Sending) return tr("Sending…");
    if (state == SendState::Waiting) return tr("Waiting to send");
    if (state == SendState::Failed) {
        const QString reason = index.data(TimelineModel::SendErrorRole).toString();
        return reason.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(reason);
    }
    if (!index.data(TimelineModel::IsOwnRole).toBool()) return {};
    const int readers = index.data(TimelineModel::ReadCountRole).toInt();
    if (readers <= 0) return {};
    return tr("Read by %n", nullptr, readers);
}

QString PostDelegate::placeholderText(const QModelIndex& index) {
    using Kind = timeline::TimelineItem::Kind;
    switch (static_cast<Kind>(index.data(TimelineModel::KindRole).toInt())) {
        case Kind::Message: return {};
        case Kind::Encrypted: return tr("Encrypted post (this device cannot read it yet)");
        case Kind::Unreadable: return tr("This post cannot be shown");
        case Kind::CareState: {
            const QVariant changes = index.data(TimelineModel::StateChangesRole);
            return careStateText(index.data(TimelineModel::StateTypeRole).toString(),
                                 index.data(TimelineModel::BodyRole).toString(),
                                 changes.isNull() ? std::optional<QString>() : changes.toString());
        }
        case Kind::Redacted: break;
    }
    QString text = tr("This post was deleted");
    const QString by = index.data(TimelineModel::RedactedByRole).toString();
    const QString when = postTimeText(index.data(TimelineModel::RedactedTimeRole).toDateTime());
    if (!by.isEmpty() && !when.isEmpty()) {
        //: After "This post was deleted": who deleted it (a display name) and when
        text += tr(" (by %1, %2)").arg(by, when);
    } else if (!by.isEmpty()) {
        text += tr(" (by %1)").arg(by);
    }
    const QString reason = index.data(TimelineModel::RedactionReasonRole).toString();
    if (!reason.isEmpty()) text += QLatin1Char('\n') + tr("Reason: %1").arg(reason);
    return text;
}

QString PostDelegate::editedText(const QModelIndex& index) {
    return index.data(TimelineModel::EditedRole).toBool() ? tr("(edited)") : QString();
}

QString PostDelegate::threadText(const QModelIndex& index) {
    if (const int replies = index.data(TimelineModel::ThreadRepliesRole).toInt(); replies > 0) {
        return tr("Thread · %n reply(s)", nullptr, replies);
    }
    return index.data(TimelineModel::ThreadRootRole).toString().isEmpty() ? QString() : tr("In a thread");
}

QString PostDelegate::readersToolTip(const QModelIndex& index) {
    const QStringList names = index.data(TimelineModel::ReadByRole).toStringList();
    if (names.isEmpty()) return {};
    return tr("Read by: %1").arg(QLocale().createSeparatedList(names));
}

bool PostDelegate::isImagePost(const QModelIndex& index) {
    return index.data(TimelineModel::MsgTypeRole).toString() == QLatin1String("m.image");
}

QString PostDelegate::imagePlaceholderText(const QModelIndex& index) {
    if (index.data(TimelineModel::ImageUrlRole).toString().isEmpty()) {
        switch (sendState(index)) {
            case SendState::Failed: return tr("Image not sent");
            case SendState::Waiting: return tr("Image waiting to be sent");
            default: return tr("Sending image…");
        }
    }
    if (index.data(TimelineModel::ThumbnailFailedRole).toBool()) return tr("The image cannot be shown");
    return tr("Loading image…");
}

QSize PostDelegate::imageDisplaySize(const QFont& font, const QModelIndex& index) {
    if (!isImagePost(index)) return {};
    const QFontMetrics fm(font);
    // About 240 px at a 10 pt font on a 96 dpi screen; grows with the font-size setting.
    const int edge = fm.lineSpacing() * 14;
    QSize natural = index.data(TimelineModel::ImageSizeRole).toSize();
    if (natural.isEmpty()) {
        const QImage thumb = index.data(TimelineModel::ThumbnailRole).value<QImage>();
        natural = thumb.isNull() ? QSize(edge, edge * 3 / 4) : thumb.deviceIndependentSize().toSize();
    }
    QSize shown = natural;
    if (shown.width() > edge || shown.height() > edge) shown = natural.scaled(edge, edge, Qt::KeepAspectRatio);
    // Tiny images still get a box the placeholder text fits in.
    const int min_width = qMin(edge, QFontMetrics(smallFont(font)).horizontalAdvance(tr("Loading image…")) +
                                         itemPadding(fm) * 2);
    if (shown.width() < min_width) shown = natural.scaled(min_width, edge, Qt::KeepAspectRatio);
    shown.setHeight(qMax(shown.height(), fm.lineSpacing() * 2));
    return shown;
}

int PostDelegate::textWidth(const QStyleOptionViewItem& option) const {
    int width = option.rect.width();
    if (view_ != nullptr) width = view_->viewport()->width();
    return qMax(width, QFontMetrics(option.font).averageCharWidth() * 20);
}

PostDelegate::Geometry PostDelegate::layout(const QStyleOptionViewItem& option, const QModelIndex& index,
                                            int width) const {
    const QFontMetrics fm(option.font);
    const QFontMetrics small_fm(smallFont(option.font));
    const QFontMetrics bold_fm(boldFont(option.font));
    const int pad = itemPadding(fm);
    Geometry g;
    int y = 0;
    if (index.data(TimelineModel::DaySeparatorRole).toBool()) {
        g.separator = QRect(0, y + pad, width, small_fm.lineSpacing() + pad);
        y = g.separator.bottom() + 1 + pad;
    }
    if (UnreadDivider::shows(index)) {
        g.unread = QRect(0, y + pad / 2, width, UnreadDivider::height(option.font));
        y = g.unread.bottom() + 1 + pad / 2;
    }
    const int inner_left = pad * 2;
    const int inner_width = width - pad * 4;
    g.header = QRect(inner_left, y + pad, inner_width, bold_fm.lineSpacing());
    // Author (elided to three quarters), the time, then 「編集済み」 (clickable).
    g.author = bold_fm.elidedText(index.data(TimelineModel::SenderNameRole).toString(), Qt::ElideRight,
                                  g.header.width() * 3 / 4);
    const int time_left = g.header.left() + bold_fm.horizontalAdvance(g.author) + pad * 2;
    const QString time = postTimeText(index.data(TimelineModel::TimeRole).toDateTime());
    g.time = QRect(time_left, g.header.top(), small_fm.horizontalAdvance(time), g.header.height());
    if (const QString edited = editedText(index); !edited.isEmpty()) {
        g.edited = QRect(g.time.right() + 1 + pad, g.header.top(),
                         small_fm.horizontalAdvance(edited), g.header.height());
    }
    if (const QString thread = threadText(index); !thread.isEmpty()) {
        const int left = (g.edited.isNull() ? g.time.right() : g.edited.right()) + 1 + pad;
        g.thread = QRect(left, g.header.top(), small_fm.horizontalAdvance(thread), g.header.height());
    }
    if (const int tags_w = ContextTags::width(option.font, index); tags_w > 0) {
        QRect last = g.time;
        for (const QRect& r : {g.edited, g.thread}) {
            if (!r.isNull()) last = r;
        }
        g.tags = QRect(last.right() + 1 + pad * 2, g.header.top(), tags_w, g.header.height());
    }
    y = g.header.bottom() + 1 + pad / 2;
    if (ReplyQuoteBox::shows(index)) {
        g.quote = QRect(inner_left, y + pad / 2, inner_width, ReplyQuoteBox::height(option.font));
        y = g.quote.bottom() + 1 + pad / 2;
    }
    g.body = QRect(inner_left, y, inner_width, bodyPainterFor(index).height(option, index, inner_width));
    y = g.body.bottom() + 1;
    const QRect chip_area(inner_left, y + pad / 2, inner_width, 0);
    g.chips = ReactionChips::layout(option.font, index, chip_area);
    if (!g.chips.empty()) y = chip_area.top() + ReactionChips::height(g.chips, chip_area);
    const QString state = stateText(index);
    if (!state.isEmpty()) {
        // A refusal's reason is a sentence or two: wrapped, never cut off.
        const int h = sendState(index) == SendState::Failed
                          ? small_fm.boundingRect(QRect(0, 0, inner_width, 10000), Qt::TextWordWrap, state).height()
                          : small_fm.lineSpacing();
        g.state = QRect(inner_left, y + pad / 2, inner_width, qMax(h, small_fm.lineSpacing()));
        y = g.state.bottom() + 1;
    }
    if (!actions(index).isEmpty()) {
        g.actions = QRect(inner_left, y + pad / 2, inner_width, small_fm.height() + pad);
        y = g.actions.bottom() + 1;
    }
    g.height = y + pad;
    return g;
}

QList<PostAction> PostDelegate::actions(const QModelIndex& index) {
    if (sendState(index) != SendState::Failed || index.data(TimelineModel::LocalIdRole).toString().isEmpty()) {
        return {};
    }
    if (isImagePost(index)) return {PostAction::Retry, PostAction::Discard};
    return {PostAction::Retry, PostAction::Edit, PostAction::Discard};
}

QString PostDelegate::actionText(PostAction action) {
    switch (action) {
        case PostAction::Retry: return tr("Retry");
        case PostAction::Edit: return tr("Edit");
        case PostAction::Discard: return tr("Discard");
    }
    return {};
}

QRect PostDelegate::actionRect(const QStyleOptionViewItem& option, const QModelIndex& index,
                               PostAction action) const {
    const QList<PostAction> shown = actions(index);
    if (!shown.contains(action)) return {};
    const Geometry g = layout(option, index, option.rect.width());
    const QFontMetrics small_fm(smallFont(option.font));
    const int pad = itemPadding(QFontMetrics(option.font));
    // Right-aligned, in the order shown, with a gap between them.
    int right = g.actions.right();
    for (int i = static_cast<int>(shown.size()) - 1; i >= 0; --i) {
        const QSize size = buttonSize(small_fm, actionText(shown[i]), pad);
        const QRect rect(right - size.width() + 1, g.actions.top(), size.width(), size.height());
        if (shown[i] == action) return rect.translated(option.rect.topLeft());
        right = rect.left() - pad;
    }
    return {};
}

QRect PostDelegate::partRect(const QStyleOptionViewItem& option, const QModelIndex& index, Part part,
                             const QString& key) const {
    switch (part) {
        case Part::Retry: return actionRect(option, index, PostAction::Retry);
        case Part::Edit: return actionRect(option, index, PostAction::Edit);
        case Part::Discard: return actionRect(option, index, PostAction::Discard);
        default: break;
    }
    const Geometry g = layout(option, index, option.rect.width());
    QRect rect;
    switch (part) {
        case Part::ReplyQuote: rect = g.quote; break;
        case Part::Edited: rect = g.edited; break;
        case Part::UnreadDivider: rect = g.unread; break;
        case Part::FileOpen:
        case Part::FileSave:
            if (isFilePost(index)) {
                const QRect card = fileCardRect(option.font, g.body);
                if (part == Part::FileSave) {
                    rect = FileCard::saveButton(card, option.font);
                } else if (fileCanOpen(index)) {
                    rect = FileCard::openButton(card, option.font);
                }
            }
            break;
        case Part::Reaction:
        case Part::Acknowledge:
            for (const ReactionChip& chip : g.chips) {
                const bool match = part == Part::Acknowledge
                                       ? chip.key == ReactionChips::acknowledgeKey() && !chip.mine
                                       : chip.key == key && !chip.acknowledge;
                if (match) rect = chip.rect;
            }
            if (part == Part::Acknowledge && !ReactionChips::offersAcknowledge(index)) rect = {};
            break;
        default: break;
    }
    return rect.isNull() ? QRect() : rect.translated(option.rect.topLeft());
}

std::optional<PostDelegate::Part> PostDelegate::partAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                                                       const QPoint& pos, QString* key) const {
    for (PostAction action : actions(index)) {
        if (actionRect(option, index, action).contains(pos)) {
            return action == PostAction::Retry ? Part::Retry : action == PostAction::Edit ? Part::Edit : Part::Discard;
        }
    }
    const QPoint local = pos - option.rect.topLeft();
    const Geometry g = layout(option, index, option.rect.width());
    for (const ReactionChip& chip : g.chips) {
        if (!chip.rect.contains(local)) continue;
        *key = chip.key;
        return chip.acknowledge ? Part::Acknowledge : Part::Reaction;
    }
    if (g.edited.contains(local)) return Part::Edited;
    if (g.quote.contains(local)) return Part::ReplyQuote;
    for (Part part : {Part::FileOpen, Part::FileSave}) {
        if (partRect(option, index, part).contains(pos)) return part;
    }
    return std::nullopt;
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int width = textWidth(option);
    return {width, layout(option, index, width).height};
}

void PostDelegate::paintFrame(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index,
                              const Geometry& g) const {
    const int width = option.rect.width();
    const QPalette& pal = option.palette;
    QColor dim = pal.color(QPalette::Text);
    dim.setAlphaF(0.6F);
    const QFont small_font = smallFont(option.font);
    const int pad = itemPadding(QFontMetrics(option.font));

    if (!g.separator.isNull()) {
        const QString text = daySeparatorText(index.data(TimelineModel::TimeRole).toDateTime().toLocalTime().date());
        painter->setFont(small_font);
        const int text_w = QFontMetrics(small_font).horizontalAdvance(text) + pad * 4;
        const int mid_y = g.separator.center().y();
        painter->setPen(QPen(pal.color(QPalette::Mid), 1));
        painter->drawLine(g.separator.left() + pad, mid_y, g.separator.center().x() - text_w / 2, mid_y);
        painter->drawLine(g.separator.center().x() + text_w / 2, mid_y, g.separator.right() - pad, mid_y);
        painter->setPen(dim);
        painter->drawText(g.separator, Qt::AlignCenter, text);
    }

    if (!g.unread.isNull()) UnreadDivider::paint(painter, option, g.unread);

    const bool own = index.data(TimelineModel::IsOwnRole).toBool();
    const QRect post_rect(pad, g.header.top() - pad / 2, width - pad * 2, g.height - g.header.top());
    const bool selected = (option.state & QStyle::State_Selected) != 0;
    if (own || selected) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        // A faint teal marks my posts; the selection (e.g. the original a quote jumped to)
        // a faint highlight.
        QColor fill = QColor(0x1f, 0x7a, 0x74, 24);
        if (selected) {
            fill = pal.color(QPalette::Highlight);
            fill.setAlpha(48);
        }
        painter->setBrush(fill);
        painter->drawRoundedRect(post_rect, pad, pad);
    }
    ContextTags::paintUrgentBar(painter, index, post_rect);
    if ((option.state & QStyle::State_HasFocus) != 0 && selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(post_rect, pad, pad);
    }

    // Header: author (bold), the time, 「編集済み」 (a link to the history).
    painter->setFont(boldFont(option.font));
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter, g.author);
    painter->setFont(small_font);
    painter->setPen(dim);
    painter->drawText(g.time.adjusted(0, 0, pad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      postTimeText(index.data(TimelineModel::TimeRole).toDateTime()));
    if (!g.edited.isNull()) {
        QFont link = small_font;
        link.setUnderline(true);
        painter->setFont(link);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(g.edited.adjusted(0, 0, pad, 0), Qt::AlignLeft | Qt::AlignVCenter, editedText(index));
    }
    if (!g.thread.isNull()) {
        painter->setFont(small_font);
        painter->setPen(dim);
        painter->drawText(g.thread.adjusted(0, 0, pad, 0), Qt::AlignLeft | Qt::AlignVCenter, threadText(index));
    }
    if (!g.tags.isNull()) ContextTags::paint(painter, option, index, g.tags);
    if (!g.quote.isNull()) ReplyQuoteBox::paint(painter, option, index, g.quote);
    if (!g.chips.empty()) ReactionChips::paint(painter, option, g.chips);

    // State line (own posts).
    if (!g.state.isNull()) {
        const SendState state = sendState(index);
        QColor color = dim;
        if (state == SendState::Failed) color = QColor(0xb0, 0x00, 0x20);
        if (state == SendState::Sent) color = QColor(0x1f, 0x7a, 0x74);
        painter->setFont(small_font);
        painter->setPen(color);
        const int align = state == SendState::Failed ? Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap
                                                     : Qt::AlignRight | Qt::AlignVCenter;
        painter->drawText(g.state, align, stateText(index));
    }
    if (!g.actions.isNull()) {
        QStyle* style = view_ != nullptr ? view_->style() : QApplication::style();
        QStyleOptionViewItem local = option;
        local.rect.moveTopLeft(QPoint(0, 0));
        painter->setFont(small_font);
        for (PostAction action : actions(index)) {
            QStyleOptionButton button;
            button.rect = actionRect(local, index, action);
            button.text = actionText(action);
            button.state = QStyle::State_Enabled | QStyle::State_Raised;
            button.palette = pal;
            button.fontMetrics = QFontMetrics(small_font);
            style->drawControl(QStyle::CE_PushButton, &button, painter, view_);
        }
    }
}

void PostDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const Geometry g = layout(option, index, option.rect.width());
    painter->save();
    painter->translate(option.rect.topLeft());
    paintFrame(painter, option, index, g);
    painter->save();
    bodyPainterFor(index).paint(painter, option, index, g.body);
    painter->restore();
    painter->restore();
}

bool PostDelegate::editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                               const QModelIndex& index) {
    const bool release = event->type() == QEvent::MouseButtonRelease;
    if (release || event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        QString key;
        const std::optional<Part> part = partAt(option, index, mouse->position().toPoint(), &key);
        if (part) {
            if (release && mouse->button() == Qt::LeftButton) {
                const QString local_id = index.data(TimelineModel::LocalIdRole).toString();
                switch (*part) {
                    case Part::Retry: emit actionRequested(local_id, PostAction::Retry); break;
                    case Part::Edit: emit actionRequested(local_id, PostAction::Edit); break;
                    case Part::Discard: emit actionRequested(local_id, PostAction::Discard); break;
                    case Part::Reaction:
                    case Part::Acknowledge: emit reactionClicked(index, key); break;
                    case Part::ReplyQuote: emit replyQuoteClicked(index); break;
                    case Part::Edited: emit editHistoryRequested(index); break;
                    case Part::FileOpen: emit fileOpenClicked(index); break;
                    case Part::FileSave: emit fileSaveClicked(index); break;
                    case Part::UnreadDivider: break;  // partAt never returns it
                }
            }
            return true;  // a click on a part does not select or open the post
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool PostDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                             const QModelIndex& index) {
    if (event == nullptr || event->type() != QEvent::ToolTip || !index.isValid()) {
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    QString tip;
    const QPoint local = event->pos() - option.rect.topLeft();
    const Geometry g = layout(option, index, option.rect.width());
    for (const ReactionChip& chip : g.chips) {
        if (chip.rect.contains(local)) tip = ReactionChips::toolTip(chip);
    }
    if (!tip.isEmpty()) {
        // a reaction chip's: who reacted
    } else if (g.edited.contains(local)) {
        tip = tr("Show the earlier versions of this post");
    } else if (sendState(index) == SendState::Failed) {
        tip = index.data(TimelineModel::SendErrorRole).toString();
    } else if (index.data(TimelineModel::IsOwnRole).toBool()) {
        tip = readersToolTip(index);
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), plainToolTip(tip), view);  // display names are the server's
    return true;
}

}  // namespace renkei::ui
