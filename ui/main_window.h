// Renkei desktop app: the main window — room list | timeline over composer, the invitation
// bar, menus (settings, room switcher, leave room, sign out), the connection banner (offline,
// sign in again), the sync, outbox and offline-history status in the status bar and the
// room header's 「全履歴をこの端末に保存済み」 mark. The composer's text is
// kept as a draft per room (DraftKeeper); failed posts are retried, edited or discarded here.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include "app_settings.h"
#include "care/close_room_dialog.h"  // QPointer<CloseRoomDialog> needs the complete type
#include "image_viewer.h"  // QPointer<ImageViewer> needs the complete type
#include "security/access_log_dialog.h"  // QPointer needs the complete type
#include "care/records/record_compose_dialog.h"  // QPointer needs the complete type
#include "timeline/edit_history_dialog.h"
#include "timeline/post_delegate.h"
#include "reauth_dialog.h"

class QLabel;
class QSplitter;
class QTimer;

namespace renkei::ui {

class FileActions;
class ArchivedRoomsModel;
class ArchivedRoomsView;
class ClosureBridge;
class CloseRoomDialog;

class CoreBridge;
class LockScreen;
class Composer;
class DesktopNotifier;
class ConnectionBanner;
class DraftKeeper;
class InviteBar;
class TimelineFilterBar;
class UrgentView;
class UrgentNotifier;
class RoomListModel;
class PatientPanel;
class ProfileBridge;
class RoomListView;
class TimelineModel;
class TimelineView;
enum class SyncStatus;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `bridge` must be open and signed in; the window starts syncing.
    explicit MainWindow(CoreBridge& bridge, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a room in the timeline pane (also selects it in the room list).
    void openRoom(const QString& room_id);
    QString currentRoomId() const { return room_id_; }

    // The panes, for tests.
    RoomListView* roomListView() const { return room_list_; }
    TimelineView* timelineView() const { return timeline_; }
    PatientPanel* patientPanel() const { return patient_panel_; }
    /// 画面ロック (Ctrl+L, idle time, the desktop session's lock).
    LockScreen* lockScreen() const { return lock_screen_; }
    /// アクセス記録 (File menu): the access log's viewer, while it is open; null otherwise.
    AccessLogDialog* accessLogDialog() const { return access_log_; }
    void showAccessLog();
    TimelineFilterBar* filterBar() const { return filter_bar_; }
    UrgentView* urgentView() const { return urgent_view_; }
    Composer* composer() const { return composer_; }
    InviteBar* inviteBar() const { return invite_bar_; }
    RoomListModel* roomListModel() const { return rooms_; }
    TimelineModel* timelineModel() const { return timeline_model_; }
    ConnectionBanner* connectionBanner() const { return banner_; }
    DraftKeeper* draftKeeper() const { return drafts_; }
    QString statusText() const;
    /// The status bar's offline-history text (「オフライン用に履歴を取得中 12/40」), hidden
    /// once the back-fill settled.
    QLabel* historyStatusLabel() const { return history_status_; }
    /// The room header's 「全履歴をこの端末に保存済み」 mark, shown when the open room's
    /// whole history is cached.
    QLabel* historyMarkLabel() const { return history_mark_; }
    /// The open full-size image viewer, or null.
    ImageViewer* imageViewer() const { return image_viewer_; }
    /// The open "sign in again" dialog, or null.
    ReauthDialog* reauthDialog() const { return reauth_dialog_; }
    /// The open question or warning box (discard a post, sign out, a refusal), or null.
    QMessageBox* messageBox() const { return message_box_; }
    /// The open 削除 dialog (its reason field is named "reason"), or null.
    QDialog* deleteDialog() const { return delete_dialog_; }
    /// The open 編集履歴 dialog, or null.
    EditHistoryDialog* editHistoryDialog() const { return history_dialog_; }
    /// The open form of a structured post (記録 menu, or 編集 of one), or null.
    RecordComposeDialog* recordDialog() const { return record_dialog_; }
    /// Opens the form of a new structured post of `kind` in the current room (its draft, if
    /// any, comes back); one form at a time (an open one is raised).
    void openRecordForm(care::RecordKind kind);
    // 部屋の終了 and the archive (main_window_closure.cpp).
    /// Room > 部屋を終了…: enabled for a joined patient room the user may close.
    QAction* closeRoomAction() const { return close_action_; }
    /// The open 部屋の終了 dialog, or null.
    CloseRoomDialog* closeRoomDialog() const { return close_dialog_; }
    ArchivedRoomsModel* archivedRoomsModel() const { return archived_; }
    ArchivedRoomsView* archivedRoomsView() const { return archived_view_; }
    /// 「この部屋は終了しました（施設入所・2026-11-20）」 above an archived room's timeline.
    QLabel* closedBanner() const { return closed_banner_; }
    /// Whether `room_id` is an archived (closed) patient room kept on this computer.
    bool isArchived(const QString& room_id) const;
    /// Room > 部屋を終了…: the 部屋の終了 dialog for the open room (window-modal, one at a time).
    void showCloseRoomDialog();
    /// 「このパソコンのデータを消去…」: asks (messageBox(), naming the unsent posts, waiting
    /// patient rooms, drafts and record drafts that would be lost), then signs out and deletes
    /// this computer's copy of the account (main_window_security.cpp).
    void confirmWipe();
    /// The idle lock's time: the settings' minutes, cut to the network's maximum.
    void applyNetworkPolicy();
    /// 「このパソコンから削除…」: asks (messageBox()), then deletes the archived room's local data.
    void confirmRemoveArchived(const QString& room_id);

    /// Asks for the password of the same account (the server signed this computer out).
    void showReauthDialog();
    /// Signs out after asking; says how many unsent posts would be deleted. -> bridge signedOut
    void confirmSignOut();

    /// Desktop notifications of new urgent posts go to `notifier` (owned from now on) instead
    /// of the system tray's (tests: a recording one). Choosing one opens its post.
    void setDesktopNotifier(DesktopNotifier* notifier);
    /// While the screen is locked, a new urgent post is announced as 「至急の投稿があります」
    /// only: no patient, room or sender (the screen lock sets and clears this).
    void setScreenLocked(bool locked);
    /// Opens the first listed room with urgent posts by others unread (the app does this when
    /// its window first shows); false when there is none.
    bool openUrgentRoom();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void showRoomSwitcher();
    void showSettings();
    void leaveCurrentRoom();
    void showOpenRoomWizard();  // main_window_care.cpp
    void selectWhenListed(const QString& room_id);
    // 「部屋の開設待ち: <氏名>（オンラインになると開設します）」 per queued patient room, for the
    // status bar; empty when none waits.
    QString pendingRoomsText() const;
    /// Patient rooms queued to open (waiting or refused), for the sign-out warning.
    int pendingRoomCount() const;
    /// The left pane: the room list over the collapsible 終了した部屋 (main_window_closure.cpp).
    QWidget* buildRoomPane();
    /// The archive's side of the room header: banner, read-only timeline, 部屋を終了… enabled.
    void updateClosureState(bool archived);
    void sendPost(const QString& text);
    void sendFile(const QString& file_path);
    // A synced post's actions (main_window_actions.cpp).
    void startReply(const QString& event_id);
    void startEdit(const QString& event_id);
    void onComposerModeCancelled(int left);
    void confirmDelete(const QString& event_id);
    void toggleReaction(const QString& event_id, const QString& key);
    void showEditHistory(const QString& event_id);
    // Structured posts (main_window_records.cpp): a correction through the post's form, and
    // the whole record as a document.
    void startRecordCorrection(const QString& event_id);
    void showRecordDocument(const QString& event_id);
    /// 開く / 保存… of a file post: downloaded into memory, then shown or saved (FileActions).
    void openFile(const QString& event_id, bool save);
    /// Back to a new post, the draft restored after an edit (before a room switch).
    void leaveComposerMode();
    void onPostAction(const QString& local_id, PostAction action);
    void editFailedPost(const QString& local_id);
    void confirmDiscard(const QString& local_id);
    void updateStatus();
    /// A window-modal message box without buttons, deleted when closed; kept in message_box_
    /// (one at a time). The caller adds buttons and calls open() (no nested event loop).
    QMessageBox* newMessageBox(int icon, const QString& title, const QString& text);
    /// A warning with an OK button, shown at once.
    void showNotice(const QString& title, const QString& text);
    /// This device was removed from the account and the network's policy says to wipe:
    /// wipes this computer's copy (as confirmWipe, without asking) and says why. False when
    /// the policy keeps the data (then the sign-in is asked for as always).
    bool wipeRemovedDevice();
    void showImage(const QString& mxc, const QString& title);
    void updateRoomHeader();
    /// The inviter as 「name（profession・office）」 when their profile is in the invite.
    QString inviterLabel(const QString& user_id) const;
    /// InviteBar's details for the open invited room (invitationDetails), or empty.
    QString invitationPreview() const;
    /// Room > 至急の投稿… (Ctrl+Shift+U): the cross-room UrgentView (one, non-modal).
    void showUrgentView();
    /// A new urgent post by someone else: the window asks for attention, the status bar says
    /// which room and who, and so does a desktop notification (UrgentNotifier).
    void setUpUrgentNotifier();
    /// Brings the window up on `room_id` scrolled to `event_id` (a 至急 row or notification).
    void openPost(const QString& room_id, const QString& event_id);
    void updateHistoryStatus();
    void updateHistoryMark();
    void onSyncStatus(SyncStatus status, const QDateTime& last_success);
    void onMembershipChanged(const QString& room_id, const QString& error_text);
    void scheduleMarkRead();
    void markRead();
    QVariant roomData(const QString& room_id, int role) const;

    CoreBridge& bridge_;
    AppSettings settings_;
    RoomListModel* rooms_ = nullptr;
    TimelineModel* timeline_model_ = nullptr;
    RoomListView* room_list_ = nullptr;
    TimelineView* timeline_ = nullptr;
    PatientPanel* patient_panel_ = nullptr;
    TimelineFilterBar* filter_bar_ = nullptr;
    UrgentView* urgent_view_ = nullptr;
    UrgentNotifier* urgent_notifier_ = nullptr;
    LockScreen* lock_screen_ = nullptr;
    QPointer<AccessLogDialog> access_log_;
    DesktopNotifier* desktop_notifier_ = nullptr;
    Composer* composer_ = nullptr;
    InviteBar* invite_bar_ = nullptr;
    QLabel* room_title_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* history_status_ = nullptr;
    QLabel* history_mark_ = nullptr;
    ConnectionBanner* banner_ = nullptr;
    DraftKeeper* drafts_ = nullptr;
    QPointer<ReauthDialog> reauth_dialog_;
    QPointer<QMessageBox> message_box_;
    SyncStatus sync_status_{};
    QDateTime last_success_;
    QSplitter* splitter_ = nullptr;
    QSplitter* right_splitter_ = nullptr;
    QTimer* mark_read_timer_ = nullptr;
    QAction* leave_action_ = nullptr;
    QPointer<ImageViewer> image_viewer_;
    FileActions* file_actions_ = nullptr;
    QHash<QString, QString> file_rooms_;  ///< mxc -> the room its 開く / 保存… came from
    ProfileBridge* profiles_ = nullptr;  ///< the own profession and office (settings)
    QPointer<QDialog> delete_dialog_;
    QPointer<EditHistoryDialog> history_dialog_;
    QPointer<RecordComposeDialog> record_dialog_;
    QString draft_before_edit_;  ///< the room's draft while the composer edits a post
    QString room_id_;
    ArchivedRoomsModel* archived_ = nullptr;
    ArchivedRoomsView* archived_view_ = nullptr;
    ClosureBridge* closure_ = nullptr;
    QLabel* closed_banner_ = nullptr;
    QAction* close_action_ = nullptr;
    QPointer<CloseRoomDialog> close_dialog_;
};

}  // namespace renkei::ui
