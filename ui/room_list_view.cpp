#include "room_list_view.h"

#include <QApplication>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

#include "room_list_model.h"

#include "paint_util.h"

namespace renkei::ui {


QString userLabel(const QString& user_id) {
    if (!user_id.startsWith(QLatin1Char('@'))) return user_id;
    const auto colon = user_id.indexOf(QLatin1Char(':'));
    return colon > 1 ? user_id.mid(1, colon - 1) : user_id;
}

QString formatListTime(const QDateTime& time) {
    if (!time.isValid()) return {};
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate()) return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy/MM/dd"));
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    const QFontMetrics fm(option.font);
    const QFontMetrics small(smallFont(option.font));
    const int pad = itemPadding(fm);
    return {fm.averageCharWidth() * 24, pad * 2 + fm.lineSpacing() + small.lineSpacing() + pad / 2};
}

void RoomDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget != nullptr ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = (option.state & QStyle::State_Selected) != 0;
    const QPalette& pal = option.palette;
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65F);

    const QFont name_font = boldFont(option.font);
    const QFont small_font = smallFont(option.font);
    const QFontMetrics fm(option.font);
    const QFontMetrics name_fm(name_font);
    const QFontMetrics small_fm(small_font);
    const int pad = itemPadding(fm);
    const QRect r = option.rect.adjusted(pad, pad, -pad, -pad);

    const QString name = index.data(Qt::DisplayRole).toString();
    const QString time = formatListTime(index.data(RoomListModel::LastTimeRole).toDateTime());
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const bool unsent = index.data(RoomListModel::HasUnsentRole).toBool();
    const bool invite = index.data(RoomListModel::MembershipRole).toString() == QLatin1String("invite");
    QString preview = index.data(RoomListModel::LastBodyRole).toString().simplified();
    const QString sender = index.data(RoomListModel::LastSenderNameRole).toString();
    if (!preview.isEmpty() && !sender.isEmpty()) preview = RoomListView::tr("%1: %2").arg(sender, preview);
    if (preview.isEmpty() && !invite) preview = RoomListView::tr("No posts yet");
    if (invite) {
        const QString inviter = userLabel(index.data(RoomListModel::InviterRole).toString());
        preview = inviter.isEmpty() ? RoomListView::tr("Invitation")
                                    : RoomListView::tr("Invitation from %1").arg(inviter);
    }

    const QString kana = index.data(RoomListModel::NameKanaRole).toString();
    const int urgent = index.data(RoomListModel::UrgentUnreadRole).toInt();
    const QStringList markers = RoomDelegate::markers(index);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // First line: name (elided) with the patient's kana, the markers and the time at the right.
    painter->setFont(small_font);
    const int time_w = small_fm.horizontalAdvance(time);
    painter->setPen(dim);
    const QRect line1(r.left(), r.top(), r.width(), name_fm.lineSpacing());
    painter->drawText(line1, Qt::AlignRight | Qt::AlignVCenter, time);
    int right1 = line1.right() - time_w - pad;
    for (auto it = markers.crbegin(); it != markers.crend(); ++it) {
        // An outlined tag: 「市外」, 「主治医なし」.
        const int w = small_fm.horizontalAdvance(*it) + pad;
        const QRect tag(right1 - w + 1, line1.top() + (line1.height() - small_fm.height()) / 2, w, small_fm.height());
        const QColor tone = selected ? text : QColor(0x8a, 0x4b, 0x00);
        painter->setPen(QPen(tone, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(tag).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        painter->drawText(tag, Qt::AlignCenter, *it);
        right1 = tag.left() - pad / 2;
    }
    const int name_room = qMax(0, right1 - pad / 2 - line1.left());
    const QString shown_name = name_fm.elidedText(name, Qt::ElideRight, name_room);
    painter->setFont(name_font);
    painter->setPen(text);
    painter->drawText(QRect(line1.left(), line1.top(), name_room, line1.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      shown_name);
    const int kana_left = line1.left() + name_fm.horizontalAdvance(shown_name) + pad;
    if (!kana.isEmpty() && kana_left < right1 - pad) {
        painter->setFont(small_font);
        painter->setPen(dim);
        const int kana_w = right1 - pad / 2 - kana_left;
        painter->drawText(QRect(kana_left, line1.top(), kana_w, line1.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          small_fm.elidedText(kana, Qt::ElideRight, kana_w));
    }

    // Second line: preview, then the unsent mark, the 至急 badge and the unread badge at the right.
    QRect line2(r.left(), line1.bottom() + 1 + pad / 2, r.width(), small_fm.lineSpacing());
    painter->setFont(small_font);
    int right = line2.right();
    const auto badge = [&](const QString& label, const QColor& fill) {
        const int h = small_fm.height();
        const int w = qMax(h, small_fm.horizontalAdvance(label) + h / 2);
        const QRect rect(right - w + 1, line2.top() + (line2.height() - h) / 2, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? pal.color(QPalette::HighlightedText) : fill);
        painter->drawRoundedRect(rect, h / 2.0, h / 2.0);
        painter->setPen(selected ? pal.color(QPalette::Highlight) : QColor(Qt::white));
        painter->drawText(rect, Qt::AlignCenter, label);
        right = rect.left() - pad;
    };
    if (unread > 0) badge(unread > 99 ? QStringLiteral("99+") : QString::number(unread), QColor(0x1f, 0x7a, 0x74));
    if (urgent > 0) badge(RoomDelegate::urgentText(urgent), QColor(0xc6, 0x28, 0x28));
    if (unsent) {
        const QString mark = RoomListView::tr("Unsent");
        const int w = small_fm.horizontalAdvance(mark);
        painter->setPen(selected ? text : QColor(0xb3, 0x5c, 0x00));
        painter->drawText(QRect(right - w + 1, line2.top(), w, line2.height()), Qt::AlignCenter, mark);
        right -= w + pad;
    }
    painter->setPen(invite ? text : dim);
    line2.setRight(right);
    painter->drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                      small_fm.elidedText(preview, Qt::ElideRight, line2.width()));
    painter->restore();
}

QStringList RoomDelegate::markers(const QModelIndex& index) {
    QStringList out;
    if (index.data(RoomListModel::OutsideCityRole).toBool()) {
        //: Room list marker: a care team member's office is outside the home municipality
        out << RoomListView::tr("Outside city");
    }
    if (index.data(RoomListModel::NoPhysicianRole).toBool()) {
        //: Room list marker: the patient room has no attending physician
        out << RoomListView::tr("No physician");
    }
    if (!index.data(RoomListModel::TrendReasonsRole).toStringList().isEmpty()) {
        //: Room list marker: a trend in the patient's vitals is worth a look (reasons in the tool tip)
        out << RoomListView::tr("Trend");
    }
    return out;
}

QString RoomDelegate::urgentText(int count) {
    //: Room list badge: unread urgent posts
    return RoomListView::tr("Urgent %1").arg(count > 99 ? QStringLiteral("99+") : QString::number(count));
}

RoomListView::RoomListView(QAbstractItemModel* rooms, QWidget* parent) : QWidget(parent) {
    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Filter rooms (name or kana)"));
    filter_->setAccessibleName(tr("Filter rooms"));
    filter_->setClearButtonEnabled(true);

    proxy_ = new RoomFilterModel(this);
    proxy_->setSourceModel(rooms);
    // Connected before the list view's own connections, so these run first.
    connect(proxy_, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex&, int first, int last) {
        removing_ = true;
        const int current = list_->currentIndex().row();
        removing_current_ = list_->currentIndex().isValid() && current >= first && current <= last;
    });
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (removing_current_) {
            // The view selected a neighbour in its place: the open room stays open, nothing else is chosen.
            list_->selectionModel()->clearCurrentIndex();
            list_->clearSelection();
        }
        removing_ = false;
        removing_current_ = false;
    });

    list_ = new QListView;
    list_->setModel(proxy_);
    list_->setItemDelegate(new RoomDelegate(list_));
    list_->setAccessibleName(tr("Rooms"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setUniformItemSizes(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(list_, 1);

    connect(filter_, &QLineEdit::textChanged, proxy_, &RoomFilterModel::setFilterText);
    // Down from the filter box moves into the list (keyboard users).
    connect(filter_, &QLineEdit::returnPressed, this, [this] {
        if (proxy_->rowCount() > 0) {
            list_->setCurrentIndex(proxy_->index(0, 0));
            list_->setFocus();
        }
    });
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && !removing_) emit roomActivated(current.data(RoomListModel::RoomIdRole).toString());
            });
}

QString RoomListView::currentRoomId() const {
    return list_->currentIndex().data(RoomListModel::RoomIdRole).toString();
}

void RoomListView::selectRoom(const QString& room_id) {
    auto find = [&]() -> QModelIndex {
        for (int row = 0; row < proxy_->rowCount(); ++row) {
            const QModelIndex index = proxy_->index(row, 0);
            if (index.data(RoomListModel::RoomIdRole).toString() == room_id) return index;
        }
        return {};
    };
    QModelIndex index = find();
    if (!index.isValid() && !filter_->text().isEmpty()) {
        filter_->clear();
        index = find();
    }
    if (index.isValid()) {
        list_->setCurrentIndex(index);
        list_->scrollTo(index);
    }
}

}  // namespace renkei::ui
