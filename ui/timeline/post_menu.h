// Renkei desktop: the context menu of a post in the timeline (right click or the Menu key):
// 返信, 編集, 削除…, 確認しました / 確認を取り消す, 編集履歴…, コピー, 開く / 保存… for files, and
// 再送 / 編集 / 破棄 for a post the server refused. It decides which entries a post has from
// core's TimelineItem; TimelineView shows the menu and turns a choice into its signals.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "timeline/post_delegate.h"
#include "timeline/timeline_item.h"

class QMenu;
class QModelIndex;
class QWidget;

namespace renkei::ui {

/// The reaction key of the team's one-click acknowledgement (sent as is: other clients show it).
inline constexpr char kAcknowledgeKey[] = "確認しました";

class PostMenu {
    Q_DECLARE_TR_FUNCTIONS(PostMenu)
public:
    enum class Entry {
        Reply,           ///< 返信: answer the post (composer in reply mode)
        Edit,            ///< 編集: our own text post, not deleted nor being deleted
        Delete,          ///< 削除…: our own post (asks for an optional reason first)
        Acknowledge,     ///< 確認しました: our reaction with kAcknowledgeKey
        Unacknowledge,   ///< 確認を取り消す: take that reaction back
        EditHistory,     ///< 編集履歴…: an edited post's versions
        ShowDocument,    ///< 文書として表示…: a structured post's whole record
        Export,          ///< この投稿を書き出す…: the export dialog with this post chosen
        Copy,            ///< コピー: the text as plain text
        OpenFile,        ///< 開く: a file post
        SaveFile,        ///< 保存…: a file post
        Retry,           ///< 再送 (a refused post)
        EditFailed,      ///< 編集 of a refused post: its text back into the composer
        Discard,         ///< 破棄 (a refused or waiting post)
    };

    /// The entries of `item` for the signed-in `own_user`, in menu order; `failed_actions`
    /// are PostDelegate::actions of its row (a refused post's buttons).
    static QList<Entry> entries(const timeline::TimelineItem& item, const QString& own_user,
                                const QList<PostAction>& failed_actions);
    /// The entry's menu text (translated).
    static QString text(Entry entry);
    /// A menu (owned by `parent`, deleted when closed) with `entries`; each action's data()
    /// is its Entry as int.
    static QMenu* build(const QList<Entry>& entries, QWidget* parent);
};

}  // namespace renkei::ui
