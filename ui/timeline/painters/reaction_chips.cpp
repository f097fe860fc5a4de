#include "timeline/painters/reaction_chips.h"

#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QVariantMap>
#include <algorithm>

#include "paint_util.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

constexpr int kMaxKeyChars = 16;  // a longer key (the server's text) is elided on its chip

QFont chipFont(const QFont& font) { return smallFont(font); }

}  // namespace

QString ReactionChips::acknowledgeKey() { return QStringLiteral("確認しました"); }

bool ReactionChips::offersAcknowledge(const QModelIndex& index) {
    using Kind = timeline::TimelineItem::Kind;
    if (static_cast<Kind>(index.data(TimelineModel::KindRole).toInt()) != Kind::Message) return false;
    if (index.data(TimelineModel::IsOwnRole).toBool() || index.data(TimelineModel::IsLocalEchoRole).toBool()) {
        return false;
    }
    if (!index.data(TimelineModel::EventIdRole).toString().startsWith(QLatin1Char('$'))) return false;
    const QVariantList groups = index.data(TimelineModel::ReactionsRole).toList();
    return std::none_of(groups.begin(), groups.end(), [](const QVariant& g) {
        const QVariantMap m = g.toMap();
        return m.value(QStringLiteral("key")).toString() == acknowledgeKey() &&
               m.value(QStringLiteral("mine")).toBool();
    });
}

std::vector<ReactionChip> ReactionChips::layout(const QFont& font, const QModelIndex& index, const QRect& area) {
    std::vector<ReactionChip> chips;
    bool ack_shown = false;
    for (const QVariant& g : index.data(TimelineModel::ReactionsRole).toList()) {
        const QVariantMap m = g.toMap();
        ReactionChip chip;
        chip.key = m.value(QStringLiteral("key")).toString();
        const int count = m.value(QStringLiteral("count")).toInt();
        if (chip.key.isEmpty() || count <= 0) continue;
        chip.names = m.value(QStringLiteral("names")).toStringList();
        chip.mine = m.value(QStringLiteral("mine")).toBool();
        chip.pending = m.value(QStringLiteral("pending")).toBool();
        QString shown = chip.key;
        if (shown.size() > kMaxKeyChars) shown = shown.left(kMaxKeyChars - 1) + QChar(0x2026);
        chip.text = QStringLiteral("%1 %2").arg(shown).arg(count);
        ack_shown = ack_shown || chip.key == acknowledgeKey();
        chips.push_back(std::move(chip));
    }
    if (!ack_shown && offersAcknowledge(index)) {
        ReactionChip ack;
        ack.key = acknowledgeKey();
        //: The one-click acknowledgement under a post (sends the reaction 「確認しました」)
        ack.text = tr("✓ Acknowledge");
        ack.acknowledge = true;
        chips.push_back(std::move(ack));
    }
    const QFontMetrics fm(chipFont(font));
    const int pad = itemPadding(fm);
    const int h = fm.height() + pad;
    int x = area.left();
    int y = area.top();
    for (ReactionChip& chip : chips) {
        const int w = qMin(area.width(), fm.horizontalAdvance(chip.text) + pad * 3);
        if (x > area.left() && x + w > area.right() + 1) {  // wrap
            x = area.left();
            y += h + pad / 2;
        }
        chip.rect = QRect(x, y, w, h);
        x += w + pad;
    }
    return chips;
}

int ReactionChips::height(const std::vector<ReactionChip>& chips, const QRect& area) {
    if (chips.empty()) return 0;
    return chips.back().rect.bottom() + 1 - area.top();
}

void ReactionChips::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const std::vector<ReactionChip>& chips) {
    const QPalette& pal = option.palette;
    const QFont font = chipFont(option.font);
    const QFontMetrics fm(font);
    const QColor accent(0x1f, 0x7a, 0x74);  // the teal of "my posts"
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const ReactionChip& chip : chips) {
        const QRectF r = QRectF(chip.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const qreal radius = r.height() / 2;
        QPen pen(chip.mine ? accent : pal.color(QPalette::Mid), 1, chip.pending ? Qt::DashLine : Qt::SolidLine);
        painter->setPen(pen);
        QColor fill = chip.mine ? accent : pal.color(QPalette::AlternateBase);
        if (chip.mine) fill.setAlpha(chip.pending ? 20 : 48);
        // The acknowledgement button stays quiet (it is on most posts): an outline only.
        painter->setBrush(chip.acknowledge ? QBrush(Qt::NoBrush) : QBrush(fill));
        painter->drawRoundedRect(r, radius, radius);
        QColor text = pal.color(QPalette::Text);
        if (chip.pending || chip.acknowledge) text.setAlphaF(0.65F);
        painter->setPen(text);
        painter->drawText(chip.rect, Qt::AlignCenter | Qt::TextSingleLine,
                          fm.elidedText(chip.text, Qt::ElideRight, chip.rect.width() - itemPadding(fm)));
    }
    painter->restore();
}

QString ReactionChips::toolTip(const ReactionChip& chip) {
    //: Tool tip of the acknowledgement button under a post
    if (chip.acknowledge) return tr("Send 「%1」 to say you have read this post").arg(chip.key);
    //: Tool tip of a reaction chip: the key, then who reacted (display names)
    QString tip = tr("%1: %2").arg(chip.key, QLocale().createSeparatedList(chip.names));
    if (chip.pending) tip += QLatin1Char(' ') + tr("(sending)");
    return tip;
}

}  // namespace renkei::ui
