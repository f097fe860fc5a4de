#include "timeline/post_menu.h"

#include <QMenu>
#include <algorithm>

namespace renkei::ui {
namespace {

using timeline::TimelineItem;
using matrix::content::MsgType;

bool isTextPost(const TimelineItem& item) {
    const auto& c = item.content;
    return c && (c->type == MsgType::Text || c->type == MsgType::Notice || c->type == MsgType::Emote);
}

bool acknowledged(const TimelineItem& item, const std::string& own) {
    return std::any_of(item.reactions.begin(), item.reactions.end(), [&](const timeline::ReactionGroup& g) {
        return g.key == kAcknowledgeKey && std::find(g.senders.begin(), g.senders.end(), own) != g.senders.end();
    });
}

}  // namespace

QList<PostMenu::Entry> PostMenu::entries(const TimelineItem& item, const QString& own_user,
                                         const QList<PostAction>& failed_actions) {
    QList<Entry> out;
    const std::string own = own_user.toStdString();
    const bool own_post = !own.empty() && item.sender == own;
    const bool message = item.kind == TimelineItem::Kind::Message && item.content.has_value();
    // Corrections need the post on the server: not an echo still waiting for sync.
    const bool on_server = !item.local_echo && !item.event_id.empty();
    const bool being_deleted = item.local_redaction && *item.local_redaction != TimelineItem::SendState::Failed;
    const bool deleted = item.kind == TimelineItem::Kind::Redacted;
    if (on_server && !deleted) out.append(Entry::Reply);
    // (A structured post is an m.text too: its 編集 opens its form, MainWindow::startEdit.)
    if (on_server && own_post && message && isTextPost(item) && !being_deleted) out.append(Entry::Edit);
    if (on_server && own_post && !deleted && !being_deleted) out.append(Entry::Delete);
    if (on_server && message) out.append(acknowledged(item, own) ? Entry::Unacknowledge : Entry::Acknowledge);
    if (message && item.record()) out.append(Entry::ShowDocument);
    if (on_server && !deleted && (message || item.kind == TimelineItem::Kind::CareState)) out.append(Entry::Export);
    if (message && item.edited()) out.append(Entry::EditHistory);
    if (message && !item.content->body.empty()) out.append(Entry::Copy);
    if (message && item.content->isAttachment() && item.content->media && on_server) {
        out.append(Entry::OpenFile);
        out.append(Entry::SaveFile);
    }
    for (PostAction action : failed_actions) {
        switch (action) {
            case PostAction::Retry: out.append(Entry::Retry); break;
            case PostAction::Edit: out.append(Entry::EditFailed); break;
            case PostAction::Discard: out.append(Entry::Discard); break;
        }
    }
    return out;
}

QString PostMenu::text(Entry entry) {
    switch (entry) {
        case Entry::Reply: return tr("Reply");
        case Entry::Edit: return tr("Edit");
        case Entry::Delete: return tr("Delete…");
        case Entry::Acknowledge: return tr("Acknowledge");
        case Entry::Unacknowledge: return tr("Take back acknowledgement");
        case Entry::EditHistory: return tr("Edit history…");
        case Entry::ShowDocument: return tr("Show as document…");
        case Entry::Export: return tr("Export this post…");
        case Entry::Copy: return tr("Copy");
        case Entry::OpenFile: return tr("Open");
        case Entry::SaveFile: return tr("Save…");
        case Entry::Retry: return PostDelegate::actionText(PostAction::Retry);
        case Entry::EditFailed: return PostDelegate::actionText(PostAction::Edit);
        case Entry::Discard: return PostDelegate::actionText(PostAction::Discard);
    }
    return {};
}

QMenu* PostMenu::build(const QList<Entry>& entries, QWidget* parent) {
    auto* menu = new QMenu(parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setAccessibleName(tr("Post actions"));
    for (int i = 0; i < entries.size(); ++i) {
        const Entry entry = entries[i];
        // Groups: answering, changing, reading, files, a refused post's actions.
        if (i > 0 && (entry == Entry::EditHistory || entry == Entry::OpenFile || entry == Entry::Retry ||
                      (entry == Entry::Discard && entries[i - 1] != Entry::EditFailed))) {
            menu->addSeparator();
        }
        QAction* action = menu->addAction(text(entry));
        action->setData(static_cast<int>(entry));
    }
    return menu;
}

}  // namespace renkei::ui
