#include "timeline/edit_history_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "timeline/post_delegate.h"

namespace renkei::ui {

EditHistoryDialog::EditHistoryDialog(const timeline::TimelineItem& item,
                                     const std::function<QString(const QString&)>& display_name, QWidget* parent)
    : QDialog(parent), event_id_(QString::fromStdString(item.event_id)) {
    setWindowTitle(tr("Edit history"));
    auto* intro = new QLabel(tr("Every version of this post, the original first."));
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    list_ = new QListWidget;
    list_->setAccessibleName(tr("Versions"));
    list_->setWordWrap(true);
    list_->setTextElideMode(Qt::ElideNone);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSpacing(4);
    const std::size_t count = item.history.size();
    for (std::size_t i = 0; i < count; ++i) {
        const auto& version = item.history[i];
        QString header = tr("%1 · %2").arg(display_name(QString::fromStdString(version.sender)),
                                          PostDelegate::postTimeText(
                                              QDateTime::fromMSecsSinceEpoch(version.origin_server_ts)));
        if (i == 0 && count > 1) header += QStringLiteral(" · ") + tr("Original");
        if (i + 1 == count) header += QStringLiteral(" · ") + tr("Current");
        // QListWidget shows its text as plain text: a hostile body stays letters.
        auto* row = new QListWidgetItem(header + QLatin1Char('\n') + QString::fromStdString(version.content.body));
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        row->setData(Qt::AccessibleTextRole, row->text());
        if (i + 1 == count) {
            QFont bold = row->font();
            bold.setBold(true);
            row->setFont(bold);
        }
        list_->addItem(row);
    }
    if (list_->count() > 0) list_->setCurrentRow(list_->count() - 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list_, 1);
    layout->addWidget(buttons);
    const QFontMetrics fm = fontMetrics();
    resize(fm.averageCharWidth() * 60, fm.lineSpacing() * 20);
    list_->setFocus(Qt::OtherFocusReason);
}

}  // namespace renkei::ui
