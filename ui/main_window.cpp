#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "care/archived_rooms.h"
#include "care/patient_panel.h"
#include "timeline/composer.h"
#include "connection_banner.h"
#include "bridge/core_bridge.h"
#include "bridge/history_bridge.h"
#include "bridge/profile_bridge.h"
#include "draft_keeper.h"
#include "image_viewer.h"
#include "invite_bar.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "room_switcher.h"
#include "server_text.h"
#include "security/access_log_dialog.h"
#include "security/change_passphrase_dialog.h"
#include "security/lock_screen.h"
#include "settings_dialog.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"
#include "timeline/unread_summary.h"

namespace renkei::ui {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kSplitterKey = QStringLiteral("mainWindow/splitter");
const auto kRightSplitterKey = QStringLiteral("mainWindow/timelineSplitter");
}  // namespace

MainWindow::MainWindow(CoreBridge& bridge, QWidget* parent)
    : QMainWindow(parent), bridge_(bridge), settings_(AppSettings::load()) {
    setWindowTitle(tr("Renkei"));
    setAccessibleName(tr("Renkei main window"));

    rooms_ = new RoomListModel(&bridge_, this);
    rooms_->setHomeMunicipality(settings_.home_municipality);
    profiles_ = new ProfileBridge(bridge_, this);
    timeline_model_ = new TimelineModel(&bridge_, this);

    room_list_ = new RoomListView(rooms_);
    QWidget* room_pane = buildRoomPane();  // the room list over 終了した部屋
    timeline_ = new TimelineView;
    timeline_->setTimelineModel(timeline_model_);
    timeline_->setOwnUserId(bridge_.userId());
    composer_ = new Composer;
    composer_->setSendKey(settings_.send_key);
    composer_->setEnabled(false);
    invite_bar_ = new InviteBar;
    invite_bar_->hide();

    room_title_ = new QLabel(tr("Choose a room on the left."));
    room_title_->setAccessibleName(tr("Room"));
    room_title_->setTextFormat(Qt::PlainText);
    QFont title_font = room_title_->font();
    title_font.setBold(true);
    title_font.setPointSizeF(title_font.pointSizeF() * 1.15);
    room_title_->setFont(title_font);

    right_splitter_ = new QSplitter(Qt::Vertical);
    right_splitter_->addWidget(timeline_);
    right_splitter_->addWidget(composer_);
    right_splitter_->setStretchFactor(0, 4);
    right_splitter_->setStretchFactor(1, 1);
    right_splitter_->setChildrenCollapsible(false);

    history_mark_ = new QLabel(tr("Whole history saved on this computer"));
    history_mark_->setAccessibleName(tr("Offline history"));
    history_mark_->setTextFormat(Qt::PlainText);
    history_mark_->hide();
    auto* header = new QHBoxLayout;
    header->addWidget(room_title_, 1);
    header->addWidget(history_mark_);

    auto* right = new QWidget;
    auto* right_layout = new QVBoxLayout(right);
    right_layout->addLayout(header);
    right_layout->addWidget(invite_bar_);
    right_layout->addWidget(closed_banner_);
    filter_bar_ = new TimelineFilterBar;
    right_layout->addWidget(filter_bar_);
    right_layout->addWidget(new UnreadSummaryBar(timeline_model_));
    right_layout->addWidget(right_splitter_, 1);

    splitter_ = new QSplitter(Qt::Horizontal);
    splitter_->addWidget(room_pane);
    splitter_->addWidget(right);
    patient_panel_ = new PatientPanel(bridge_);
    connect(patient_panel_, &PatientPanel::postRequested, this, &MainWindow::openPost);
    splitter_->addWidget(patient_panel_);
    splitter_->setStretchFactor(2, 0);
    splitter_->setStretchFactor(0, 0);  // a wider window widens the timeline, not the list
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);

    banner_ = new ConnectionBanner;
    auto* central = new QWidget;
    auto* central_layout = new QVBoxLayout(central);
    central_layout->setContentsMargins(0, 0, 0, 0);
    central_layout->addWidget(banner_);
    central_layout->addWidget(splitter_, 1);
    setCentralWidget(central);

    status_ = new QLabel;
    status_->setTextFormat(Qt::PlainText);  // a queued patient room names its patient
    status_->setAccessibleName(tr("Connection"));
    history_status_ = new QLabel;
    history_status_->setAccessibleName(tr("Offline history"));
    history_status_->hide();
    statusBar()->addPermanentWidget(history_status_);
    statusBar()->addPermanentWidget(status_);
    drafts_ = new DraftKeeper(bridge_, composer_, this);
    onSyncStatus(bridge_.syncStatus(), bridge_.lastSync());

    buildMenus();

    mark_read_timer_ = new QTimer(this);
    mark_read_timer_->setSingleShot(true);
    mark_read_timer_->setInterval(500);  // the post must stay in view for a moment
    connect(mark_read_timer_, &QTimer::timeout, this, &MainWindow::markRead);

    connect(room_list_, &RoomListView::roomActivated, this, &MainWindow::openRoom);
    connect(timeline_, &TimelineView::postActionRequested, this, &MainWindow::onPostAction);
    connect(banner_, &ConnectionBanner::signInRequested, this, &MainWindow::showReauthDialog);
    connect(drafts_, &DraftKeeper::saveFailed, this, [this](const QString& error) {
        statusBar()->showMessage(tr("The draft could not be saved: %1").arg(error), 15000);
    });
    connect(&bridge_, &CoreBridge::connectionChanged, this, &MainWindow::updateStatus);
    connect(&bridge_, &CoreBridge::reauthenticationNeeded, this, &MainWindow::showReauthDialog);
    connect(&bridge_, &CoreBridge::networkPolicyChanged, this, &MainWindow::applyNetworkPolicy);
    connect(&bridge_, &CoreBridge::syncFailed, this,
            [this](const QString& error) { statusBar()->showMessage(error, 30000); });
    connect(&bridge_, &CoreBridge::sendRefused, this, [this](const QString&, const QString& error) {
        showNotice(tr("File not posted"), error);
    });
    connect(composer_, &Composer::sendRequested, this, &MainWindow::sendPost);
    connect(composer_, &Composer::fileChosen, this, &MainWindow::sendFile);
    connect(composer_, &Composer::modeCancelled, this,
            [this](Composer::Mode left) { onComposerModeCancelled(static_cast<int>(left)); });
    connect(filter_bar_, &TimelineFilterBar::filterChanged, timeline_, &TimelineView::setFilter);
    connect(timeline_, &TimelineView::replyRequested, this, &MainWindow::startReply);
    connect(timeline_, &TimelineView::editRequested, this, &MainWindow::startEdit);
    connect(timeline_, &TimelineView::documentRequested, this, &MainWindow::showRecordDocument);
    connect(timeline_, &TimelineView::exportRequested, patient_panel_, &PatientPanel::exportPost);
    connect(composer_, &Composer::recordRequested, this, &MainWindow::openRecordForm);
    connect(timeline_, &TimelineView::deleteRequested, this, &MainWindow::confirmDelete);
    connect(timeline_, &TimelineView::reactionToggleRequested, this, &MainWindow::toggleReaction);
    connect(timeline_, &TimelineView::editHistoryRequested, this, &MainWindow::showEditHistory);
    connect(timeline_, &TimelineView::fileOpenRequested, this, [this](const QString& id) { openFile(id, false); });
    connect(timeline_, &TimelineView::fileSaveRequested, this, [this](const QString& id) { openFile(id, true); });
    connect(timeline_, &TimelineView::statusMessage, this, [this](const QString& text) {
        statusBar()->showMessage(text, 10000);
    });
    connect(timeline_, &TimelineView::imageActivated, this, &MainWindow::showImage);
    connect(timeline_, &TimelineView::visiblePostsChanged, this, &MainWindow::scheduleMarkRead);
    connect(invite_bar_, &InviteBar::accepted, this, [this](const QString& id) { bridge_.joinRoom(id); });
    connect(invite_bar_, &InviteBar::declined, this, [this](const QString& id) { bridge_.leaveRoom(id); });
    connect(&bridge_, &CoreBridge::syncStatusChanged, this, &MainWindow::onSyncStatus);
    connect(&bridge_, &CoreBridge::membershipChanged, this, &MainWindow::onMembershipChanged);
    connect(&bridge_, &CoreBridge::roomsChanged, this, [this](const QStringList& ids) {
        if (ids.contains(room_id_)) {
            updateRoomHeader();
            scheduleMarkRead();
        }
    });

    connect(profiles_, &ProfileBridge::published, this, [this](int rooms, const QString& error) {
        if (!error.isEmpty()) statusBar()->showMessage(tr("Your profile could not be sent to every room: %1").arg(error), 15000);
        if (error.isEmpty() && rooms > 0) statusBar()->showMessage(tr("Your profile was updated in %n room(s)", nullptr, rooms), 10000);
    });
    connect(&bridge_, &CoreBridge::historyProgress, this, &MainWindow::updateHistoryStatus);
    connect(&bridge_, &CoreBridge::historyCompleteChanged, this, [this](const QString& id) {
        if (id == room_id_) updateHistoryMark();
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // Roomy for the font, but never larger than the screen (clinic laptops are 1366x768).
        const QFontMetrics fm = fontMetrics();
        QSize size(fm.averageCharWidth() * 130, fm.lineSpacing() * 40);
        if (const QScreen* s = screen()) size = size.boundedTo(s->availableGeometry().size() * 0.9);
        resize(size);
    }
    if (!splitter_->restoreState(settings.value(kSplitterKey).toByteArray())) {
        // Room names and previews readable at once: about 36 characters for the list.
        const int list_width = qMin(fontMetrics().averageCharWidth() * 36, width() * 2 / 5);
        splitter_->setSizes({list_width, qMax(list_width, width() - list_width)});
    }
    right_splitter_->restoreState(settings.value(kRightSplitterKey).toByteArray());

    bridge_.setHistoryHorizonDays(settings_.history_days);
    updateHistoryStatus();
    bridge_.startSync();
    // The server refused the session before this window opened: ask once it is shown.
    if (bridge_.needsSignIn()) QTimer::singleShot(0, this, &MainWindow::showReauthDialog);
}

MainWindow::~MainWindow() {
    drafts_->saveNow();  // the composer still exists here
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    lock_screen_ = new LockScreen(bridge_, *this);
    applyNetworkPolicy();
    connect(lock_screen_, &LockScreen::lockedChanged, this, &MainWindow::setScreenLocked);
    connect(timeline_, &TimelineView::textCopied, lock_screen_, &LockScreen::noteClipboardText);
    QAction* lock = file->addAction(tr("画面をロック(&K)"), lock_screen_, &LockScreen::lock);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    file->addAction(tr("アクセス記録(&A)…"), this, &MainWindow::showAccessLog);
    file->addAction(tr("パスフレーズを変更(&P)…"), this, [this] {
        auto* dialog = new ChangePassphraseDialog(bridge_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this,
                [this] { statusBar()->showMessage(tr("パスフレーズを変更しました。"), 10000); });
        dialog->open();
    });
    file->addAction(tr("Sign &out…"), this, &MainWindow::confirmSignOut);
    file->addAction(tr("このパソコンのデータを消去(&W)…"), this, &MainWindow::confirmWipe);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* room = menuBar()->addMenu(tr("&Room"));
    QAction* go = room->addAction(tr("&Go to room…"), this, &MainWindow::showRoomSwitcher);
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction* filter = room->addAction(tr("&Filter rooms"), this, [this] {
        room_list_->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        room_list_->filterEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction* newest = room->addAction(tr("&Newest posts"), this, [this] { timeline_->scrollToNewest(); });
    newest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    QAction* write = room->addAction(tr("&Write a post"), this,
                                     [this] { composer_->editor()->setFocus(Qt::ShortcutFocusReason); });
    write->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));  // Ctrl+L locks the screen
    room->addSeparator();
    room->addAction(tr("&Open a patient room…"), this, &MainWindow::showOpenRoomWizard);
    QAction* urgent = room->addAction(tr("&Urgent posts…"), this, &MainWindow::showUrgentView);
    urgent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    setUpUrgentNotifier();
    leave_action_ = room->addAction(tr("&Leave room…"), this, &MainWindow::leaveCurrentRoom);
    leave_action_->setEnabled(false);
    close_action_ = room->addAction(tr("部屋を終了(&E)…"), this, &MainWindow::showCloseRoomDialog);
    close_action_->setEnabled(false);
}

QString MainWindow::statusText() const { return status_->text(); }

QVariant MainWindow::roomData(const QString& room_id, int role) const {
    for (int row = 0; row < rooms_->rowCount(); ++row) {
        const QModelIndex index = rooms_->index(row, 0);
        if (index.data(RoomListModel::RoomIdRole).toString() == room_id) return index.data(role);
    }
    return {};
}

void MainWindow::openRoom(const QString& room_id) {
    if (room_id.isEmpty()) return;
    if (room_id != room_id_) {
        leaveComposerMode();  // a reply or an edit belongs to the room it was started in
        room_id_ = room_id;
        drafts_->setRoom(room_id);  // saves the previous room's text, shows this room's draft
        composer_->setRecordDrafts(bridge_.recordDraftKinds(room_id));
        filter_bar_->clear();  // another patient: show all of its posts
        timeline_model_->setRoom(room_id);
        timeline_->scrollToNewest();
        patient_panel_->setRoom(room_id);
        bridge_.recordAccess(store::AccessKind::RoomOpened, room_id, isArchived(room_id) ? QStringLiteral("archived") : QString());
    }
    if (!isArchived(room_id) && room_list_->currentRoomId() != room_id) room_list_->selectRoom(room_id);
    updateRoomHeader();
    scheduleMarkRead();
}

void MainWindow::updateRoomHeader() {
    if (room_id_.isEmpty()) return;
    const bool archived = isArchived(room_id_);  // closed: read-only from this computer
    const QString name = archived ? archived_->patientName(room_id_) : roomData(room_id_, Qt::DisplayRole).toString();
    const QString membership = roomData(room_id_, RoomListModel::MembershipRole).toString();
    room_title_->setText(name.isEmpty() ? room_id_ : name);
    setWindowTitle(tr("%1 – Renkei").arg(plainWindowTitle(room_title_->text())));
    const bool invited = membership == QLatin1String("invite");
    const bool joined = membership == QLatin1String("join") || membership.isEmpty();
    if (invited) {
        if (invite_bar_->roomId() != room_id_ || invite_bar_->isHidden()) {
            const QString inviter = roomData(room_id_, RoomListModel::InviterRole).toString();
            invite_bar_->showInvitation(room_id_, room_title_->text(), inviterLabel(inviter));
            invite_bar_->setDetails(invitationPreview());
        }
    } else {
        invite_bar_->hide();
    }
    composer_->setEnabled(joined && !invited && !archived);
    leave_action_->setEnabled(joined && !invited && !archived);
    updateClosureState(archived);
    updateHistoryMark();
}

void MainWindow::updateHistoryMark() {
    history_mark_->setVisible(!room_id_.isEmpty() && bridge_.historyComplete(room_id_));
}

void MainWindow::updateHistoryStatus() {
    // Pauses (offline, rate limited, signed out) are said calmly: the back-fill goes on by
    // itself, nothing is lost.
    const int done = bridge_.historyRoomsDone();
    const int total = bridge_.historyRoomsTotal();
    QString text;
    switch (bridge_.historyState()) {
        case HistoryState::Running:
            if (total > 0) text = tr("Fetching history for offline use %1/%2").arg(done).arg(total);
            break;
        case HistoryState::Waiting:
            text = total > 0 ? tr("Fetching history for offline use %1/%2 (waiting for the connection)")
                                   .arg(done)
                                   .arg(total)
                             : QString();
            break;
        case HistoryState::NeedsLogin:
            text = tr("History for offline use: continues after you sign in");
            break;
        case HistoryState::Idle:
        case HistoryState::Settled:
            break;
    }
    history_status_->setText(text);
    history_status_->setVisible(!text.isEmpty());
}

void MainWindow::showImage(const QString& mxc, const QString& title) {
    if (image_viewer_ != nullptr) {
        if (image_viewer_->mxc() == mxc) return;  // a click and an activation of the same post
        image_viewer_->close();
    }
    image_viewer_ = new ImageViewer(bridge_, mxc, title, this);
    bridge_.recordAccess(store::AccessKind::FileOpened, room_id_, QStringLiteral("kind=image"));
    image_viewer_->setModal(true);
    image_viewer_->open();
}

void MainWindow::showAccessLog() {
    if (access_log_) return access_log_->raise();
    access_log_ = new AccessLogDialog(bridge_, this);
    access_log_->setAttribute(Qt::WA_DeleteOnClose);
    access_log_->show();
}

void MainWindow::leaveCurrentRoom() {
    if (room_id_.isEmpty()) return;
    QMessageBox box(QMessageBox::Question, tr("Leave room"),
                    tr("Leave %1? You will no longer see new posts in this room.").arg(room_title_->text()),
                    QMessageBox::NoButton, this);
    box.setTextFormat(Qt::PlainText);  // the room name is the server's text
    QPushButton* leave = box.addButton(tr("Leave"), QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox::RejectRole));
    box.exec();
    if (box.clickedButton() == leave) bridge_.leaveRoom(room_id_);
}

void MainWindow::onMembershipChanged(const QString& room_id, const QString& error_text) {
    if (!error_text.isEmpty()) {
        if (invite_bar_->isVisible() && invite_bar_->roomId() == room_id) {
            invite_bar_->showError(error_text);
        } else {
            statusBar()->showMessage(error_text, 10000);
        }
        return;
    }
    if (room_id == room_id_) updateRoomHeader();
}

void MainWindow::showRoomSwitcher() {
    RoomSwitcher switcher(rooms_, this);
    connect(&switcher, &RoomSwitcher::roomChosen, this, &MainWindow::openRoom);
    switcher.exec();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(settings_, this);
    const auto profile = profiles_->ownProfile();
    dialog.setProfile(profile);
    if (dialog.exec() != QDialog::Accepted) return;
    settings_ = dialog.settings();
    settings_.save();
    rooms_->setHomeMunicipality(settings_.home_municipality);
    QString error;
    if (const auto chosen = dialog.profile(); chosen && chosen != profile && !profiles_->save(*chosen, &error)) {
        showNotice(tr("Profile not saved"), error);
    }
    composer_->setSendKey(settings_.send_key);
    bridge_.setHistoryHorizonDays(settings_.history_days);
    applyNetworkPolicy();
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance())) {
        applyAppFont(*app, settings_.font_point_size);
    }
}

void MainWindow::onSyncStatus(SyncStatus status, const QDateTime& last_success) {
    sync_status_ = status;
    last_success_ = last_success;
    updateStatus();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange || event->type() == QEvent::WindowStateChange) {
        scheduleMarkRead();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    drafts_->saveNow();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, splitter_->saveState());
    settings.setValue(kRightSplitterKey, right_splitter_->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::scheduleMarkRead() {
    if (!room_id_.isEmpty()) mark_read_timer_->start();
}

void MainWindow::markRead() {
    // Only what the user can actually see: the window is active and not minimised.
    if (room_id_.isEmpty() || !isActiveWindow() || isMinimized() || isArchived(room_id_)) return;
    const QString event_id = timeline_->newestVisibleEventId();
    if (!event_id.isEmpty()) bridge_.markRead(room_id_, event_id);
}

}  // namespace renkei::ui
