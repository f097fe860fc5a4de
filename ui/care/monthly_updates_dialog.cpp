#include "care/monthly_updates_dialog.h"

#include <QDateTime>
#include <QHeaderView>
#include <QTimeZone>
#include <QTreeWidget>

#include "bridge/core_bridge.h"
#include "care/record_text.h"
#include "care/room_dialog.h"
#include "session/session.h"

namespace renkei::ui {

MonthlyUpdatesDialog::MonthlyUpdatesDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent)
    : QDialog(parent), bridge_(bridge), room_id_(room_id) {
    tree_ = new QTreeWidget;
    tree_->setColumnCount(5);
    tree_->setHeaderLabels({tr("共有日"), tr("医師"), tr("次回訪問予定日"), tr("治療方針の変更"), tr("確認した人")});
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(false);
    tree_->setWordWrap(true);
    tree_->header()->setStretchLastSection(true);
    setUpRoomDialog(*this, bridge_, room_id_, tr("医師からの情報共有（月別）"), tree_, QSize(860, 460), [this] { refresh(); });
}

QString MonthlyUpdatesDialog::listText() const {
    QStringList lines;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* month = tree_->topLevelItem(i);
        lines << month->text(0);
        for (int j = 0; j < month->childCount(); ++j) {
            QStringList cells;
            for (int c = 0; c < tree_->columnCount(); ++c) cells << month->child(j)->text(c);
            lines << QStringLiteral("  ") + cells.join(QStringLiteral(" | "));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void MonthlyUpdatesDialog::refresh() {
    tree_->clear();
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    const std::string room = room_id_.toStdString();
    auto updates = s->physicianUpdates(room);
    if (!updates) return;
    const QTimeZone jst(9 * 60 * 60);  // the fee schedule's months are Japan's
    for (const auto& month : care::monthlyUpdates(std::move(*updates))) {
        const QStringList everyone = memberLabels(*s, room, month.acknowledged_by);
        auto* top = new QTreeWidgetItem(tree_);
        //: A month of the physician's updates: the month, how many, who acknowledged any of them
        top->setText(0, tr("%1（%2件）確認: %3")
                            .arg(QString::fromStdString(month.month))
                            .arg(month.updates.size())
                            .arg(everyone.isEmpty() ? tr("なし") : everyone.join(QStringLiteral("、"))));
        top->setFirstColumnSpanned(true);
        for (const auto& u : month.updates) {
            auto* row = new QTreeWidgetItem(top);
            row->setText(0, QDateTime::fromMSecsSinceEpoch(u.origin_server_ts, jst).toString(QStringLiteral("MM/dd HH:mm")));
            row->setText(1, memberLabels(*s, room, {u.sender}).value(0));
            row->setText(2, QString::fromStdString(u.update.next_visit_date));
            row->setText(3, u.update.policy_changed ? tr("あり") : tr("なし"));
            const QStringList acks = memberLabels(*s, room, u.acknowledged_by);
            row->setText(4, acks.isEmpty() ? tr("未確認") : acks.join(QStringLiteral("、")));
        }
        top->setExpanded(true);
    }
    if (tree_->topLevelItemCount() == 0) {
        auto* none = new QTreeWidgetItem(tree_);
        none->setText(0, tr("この部屋には医師からの情報共有がまだありません"));
        none->setFirstColumnSpanned(true);
    }
    for (int c = 0; c < 4; ++c) tree_->resizeColumnToContents(c);
}

}  // namespace renkei::ui
