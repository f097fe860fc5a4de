#include "care/urgent_view.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "care/care_text.h"
#include "session/session.h"

namespace renkei::ui {

namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

QString names(const std::vector<session::UrgentReader>& team, bool read) {
    QStringList out;
    for (const auto& member : team) {
        if (member.read == read) out << memberLabel(fromStd(member.name), member.profile);
    }
    return out.join(QStringLiteral("、"));
}

std::vector<session::UrgentPost> urgentPosts(CoreBridge& bridge) {
    session::Session* s = bridge.session();
    if (s == nullptr) return {};
    auto posts = s->urgentPosts();
    return posts ? std::move(*posts) : std::vector<session::UrgentPost>{};
}

}  // namespace

UrgentView::UrgentView(CoreBridge& bridge, QWidget* parent) : QDialog(parent), bridge_(bridge) {
    setWindowTitle(tr("至急の投稿"));
    setAccessibleName(tr("至急の投稿"));
    list_ = new QListWidget;
    list_->setWordWrap(true);
    list_->setAlternatingRowColors(true);
    list_->setAccessibleName(tr("至急の投稿（既読と未読）"));
    empty_ = new QLabel(tr("この30日間に至急の投稿はありません。"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(empty_);
    layout->addWidget(list_, 1);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit postChosen(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString());
    });
    connect(&bridge_, &CoreBridge::roomsChanged, this, &UrgentView::refresh);
    resize(560, 480);
}

void UrgentView::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    refresh();
}

void UrgentView::refresh() {
    if (!isVisible()) return;  // read again when shown; a hidden view costs nothing per sync
    const QString current = list_->currentItem() != nullptr ? list_->currentItem()->data(Qt::UserRole + 1).toString() : QString();
    list_->clear();
    for (const auto& post : urgentPosts(bridge_)) {
        QString header = tr("【至急】%1 — %2 — %3")
                             .arg(fromStd(post.room_name), memberLabel(fromStd(post.sender_name), post.sender_profile),
                                  QDateTime::fromMSecsSinceEpoch(post.ts_ms).toLocalTime().toString(QStringLiteral("M/d HH:mm")));
        if (post.scene) header += QStringLiteral("［%1］").arg(sceneLabel(*post.scene));
        const QString unread = names(post.team, false);
        const QString read = names(post.team, true);
        QStringList lines{header, fromStd(post.body)};  // display-safe plain text from core
        lines << tr("未読: %1").arg(unread.isEmpty() ? tr("なし（全員が既読）") : unread);
        if (!read.isEmpty()) lines << tr("既読: %1").arg(read);
        auto* item = new QListWidgetItem(lines.join(QLatin1Char('\n')), list_);
        item->setData(Qt::UserRole, fromStd(post.room_id));
        item->setData(Qt::UserRole + 1, fromStd(post.event_id));
        if (!unread.isEmpty()) item->setForeground(QColor(0xb0, 0x00, 0x20));
        if (fromStd(post.event_id) == current) list_->setCurrentItem(item);
    }
    empty_->setVisible(list_->count() == 0);
}

QStringList UrgentView::rowTexts() const {
    QStringList out;
    for (int i = 0; i < list_->count(); ++i) out << list_->item(i)->text();
    return out;
}

UrgentNotifier::UrgentNotifier(CoreBridge& bridge, QObject* parent) : QObject(parent), bridge_(bridge) {
    connect(&bridge_, &CoreBridge::roomsChanged, this, &UrgentNotifier::check);
    check();  // what is cached already is not new; whatever sync brings from now on is
}

void UrgentNotifier::check() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    const std::string own = s->userId();
    for (const auto& post : urgentPosts(bridge_)) {
        const QString id = fromStd(post.event_id);
        if (seen_.contains(id)) continue;
        seen_.insert(id);
        if (!primed_ || post.sender == own) continue;
        const QString room_id = fromStd(post.room_id);
        if (locked_) {
            // Whoever passes the locked screen learns only that something urgent came.
            const QString generic = tr("至急の投稿があります");
            emit announce(generic, room_id, id);
            if (desktop_ != nullptr) desktop_->show(generic, QString(), room_id, id);
            continue;
        }
        // Room and sender only: the post's text stays in the window.
        const QString room = fromStd(post.room_name);
        emit announce(tr("至急の投稿: %1 — %2").arg(room, memberLabel(fromStd(post.sender_name), post.sender_profile)),
                      room_id, id);
        if (desktop_ == nullptr) continue;
        QString body = fromStd(post.sender_name);
        if (post.sender_profile) body = tr("%1（%2）").arg(body, professionLabel(post.sender_profile->profession));
        if (post.scene) body += QStringLiteral("［%1］").arg(sceneLabel(*post.scene));
        desktop_->show(tr("至急: %1").arg(room), body, room_id, id);
    }
    primed_ = true;
}

}  // namespace renkei::ui
