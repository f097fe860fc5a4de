// GUI test (issue 11): closing a patient room (部屋の終了) in the desktop app and the archive.
// A fresh visiting nurse opens a patient room (the pharmacist invited and joined) and posts
// twice; the pharmacist opens another and invites her. In her window, Room > 部屋を終了… is
// enabled in her own room and disabled in the pharmacist's (she is neither its opener nor
// its attending physician). The dialog refuses その他 without a note, keeps Cancel as the
// default and no future date; closing with 施設入所 takes the room out of the room list and
// into 「終了した部屋」 with 「施設入所・<today>」; it opens read-only (no composer, the banner
// 「この部屋は終了しました（施設入所・…）」, its posts and the patient panel). 「このパソコンから
// 削除…」, once confirmed, removes it from the list and its data from this computer.
// Screenshots: closure_dialog.png, closure_archived_list.png, closure_archived_room.png.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/archived_rooms.h"
#include "care/care_types.h"
#include "care/close_room_dialog.h"
#include "care/patient_panel.h"
#include "export/export_dialog.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "session/session.h"
#include "timeline/composer.h"
#include "timeline/post_menu.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei;
using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;

namespace {

constexpr int kSyncMs = 60000;

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", "訪問看護"};
}
care::MemberProfile pharmacistProfile() {
    return {care::Profession::Pharmacist, "すずき薬局", "保険薬局", "みどり野市", "薬剤師"};
}

care::PatientRoomPlan planFor(const std::string& name, const std::string& kana, const std::string& opener,
                              const care::MemberProfile& profile, const std::string& invitee, const char* role) {
    care::PatientRoomPlan plan;
    plan.patient = {name, kana, "1936-05-10", care::Sex::Female, care::CareLevel::Care4, {"認知症"}, "みどり野市"};
    plan.consent = care::Consent{"2026-11-20", care::ConsentMethod::InPerson, opener, true, "", std::nullopt, std::nullopt};
    plan.opener = profile;
    plan.team = {{invitee, role, false}};
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    return plan;
}

bool cached(session::Session* s, const QString& room, const std::string& event_id) {
    auto event = s->cachedEvent(room.toStdString(), event_id);
    return event && event->has_value();
}

QAbstractButton* buttonWithText(QMessageBox* box, const QString& text) {
    for (QAbstractButton* b : box->buttons()) {
        if (b->text() == text) return b;
    }
    return nullptr;
}

}  // namespace

class ClosureTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void onlyThoseAllowedMayClose();
    void roomVersion12CreatorMayClose();
    void dialogRefusesOtherWithoutNote();
    void closingMovesTheRoomToTheArchive();
    void archivedRoomReadsReadOnly();
    void removingDeletesItFromThisComputer();
    void cleanupTestCase();

private:
    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> pharmacist_;
    std::unique_ptr<MainWindow> window_;
    QString nurse_;
    QString own_room_, other_room_, v12_room_;
    QString first_post_, second_post_;
};

void ClosureTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    const QString nurse = Homeserver::registerFreshUser(QStringLiteral("closure-nurse"));
    QVERIFY(!nurse.isEmpty());
    nurse_ = nurse;
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, QStringLiteral("部屋の終了"), nurse));
    session::Session* s = bridge_->session();
    QVERIFY(s != nullptr);
    QVERIFY(s->setOwnProfile(nurseProfile()).ok());
    pharmacist_ = std::make_unique<OtherClient>(QStringLiteral("pharm.suzuki"));
    QVERIFY(pharmacist_->ok());
    QVERIFY((*pharmacist_)->setOwnProfile(pharmacistProfile()).ok());
    const std::string pharmacist = (*pharmacist_)->userId();

    auto own = s->openPatientRoom(planFor("架空 トメ", "かくう とめ", s->userId(), nurseProfile(), pharmacist, "薬剤師"));
    QVERIFY2(own.ok(), own ? "" : own.error().describe().c_str());
    own_room_ = QString::fromStdString(*own);
    QVERIFY((*pharmacist_)->joinRoom(*own).ok());
    first_post_ = QStringLiteral("本日訪問。血圧 126/74、食事量は半分程度。");
    second_post_ = QStringLiteral("施設入所の日程が決まりました。服薬カレンダーを施設へ引き継ぎます。");
    auto first = s->sendText(*own, first_post_.toStdString());
    auto second = s->sendText(*own, second_post_.toStdString());
    QVERIFY(first.ok() && second.ok());

    auto other = (*pharmacist_)->openPatientRoom(
        planFor("架空 ウメ", "かくう うめ", pharmacist, pharmacistProfile(), s->userId(), "訪問看護"));
    QVERIFY2(other.ok(), other ? "" : other.error().describe().c_str());
    other_room_ = QString::fromStdString(*other);
    QVERIFY(s->joinRoom(*other).ok());

    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(cached(s, own_room_, *second), kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto team = s->careTeam(other_room_.toStdString());
            return team && team->size() == 2;
        }(),
        kSyncMs);

    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->resize(1180, 680);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(own_room_) >= 0 &&
                                 window_->roomListModel()->rowOfRoom(other_room_) >= 0,
                             kSyncMs);
}

void ClosureTest::onlyThoseAllowedMayClose() {
    QVERIFY(window_->archivedRoomsView()->isHidden());  // nothing archived yet: no section
    window_->openRoom(other_room_);
    QCOMPARE(window_->currentRoomId(), other_room_);
    QVERIFY(!window_->closeRoomAction()->isEnabled());  // the pharmacist's room
    window_->closeRoomAction()->trigger();               // and nothing opens from it
    QVERIFY(window_->closeRoomDialog() == nullptr);
    {
        // Asked anyway (bypassing the menu), the server refuses: the dialog says why and
        // stays open; the room stays active.
        CloseRoomDialog forced(*bridge_, other_room_, QStringLiteral("架空 ウメ"), window_.get());
        forced.show();
        forced.reasonBox()->setCurrentIndex(2);  // 転居
        forced.closeButton()->click();
        QVERIFY(!forced.closeButton()->isEnabled());  // busy while the server answers
        QTRY_VERIFY_WITH_TIMEOUT(!forced.errorText().isEmpty(), kSyncMs);
        QVERIFY2(forced.errorText().contains(QStringLiteral("権限がありません")), qPrintable(forced.errorText()));
        QVERIFY(forced.isVisible());
        QVERIFY(forced.closeButton()->isEnabled());
        auto record = bridge_->session()->patientRecord(other_room_.toStdString());
        QVERIFY(record.ok() && !record->closure.has_value());
    }
    window_->openRoom(own_room_);
    QVERIFY(window_->closeRoomAction()->isEnabled());  // her own room: she opened it
    QCOMPARE(window_->closeRoomAction()->text(), QStringLiteral("部屋を終了(&E)…"));
    QVERIFY(window_->composer()->isVisible());
}

void ClosureTest::roomVersion12CreatorMayClose() {
    // Room version 12 ranks the creators above every power level (they are not in `users`):
    // the nurse who created this patient room may close it although its power levels give
    // level 0 and ask 100 for jp.renkei.closure. She returns to her own room afterwards.
    const QJsonObject body{
        {QStringLiteral("room_version"), QStringLiteral("12")},
        {QStringLiteral("preset"), QStringLiteral("private_chat")},
        {QStringLiteral("name"), QStringLiteral("架空 キク")},
        {QStringLiteral("creation_content"),
         QJsonObject{{QStringLiteral("type"), QString::fromLatin1(care::kPatientRoomType)}}},
        {QStringLiteral("power_level_content_override"),
         QJsonObject{{QStringLiteral("users_default"), 0},
                     {QStringLiteral("events"), QJsonObject{{QString::fromLatin1(care::kClosureType), 100}}}}},
    };
    const auto created = guitest::rawCall(nurse_, "POST", QStringLiteral("/_matrix/client/v3/createRoom"), body);
    QCOMPARE(created.status, 200L);
    v12_room_ = created.body.value(QStringLiteral("room_id")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(v12_room_) >= 0, kSyncMs);
    session::Session* s = bridge_->session();
    const auto levels_cached = [&] {
        auto levels = s->stateContent(v12_room_.toStdString(), "m.room.power_levels", "");
        return levels.ok() && levels->has_value();
    };
    QTRY_VERIFY_WITH_TIMEOUT(levels_cached(), kSyncMs);  // the room may show before its whole state
    auto levels = s->stateContent(v12_room_.toStdString(), "m.room.power_levels", "");
    QVERIFY(!(**levels).value("users", nlohmann::json::object()).contains(s->userId()));  // not by level
    auto allowed = s->canCloseRoom(v12_room_.toStdString());
    QVERIFY(allowed.ok() && *allowed);
    window_->openRoom(v12_room_);
    QVERIFY(window_->closeRoomAction()->isEnabled());
    window_->openRoom(own_room_);
}

void ClosureTest::dialogRefusesOtherWithoutNote() {
    window_->closeRoomAction()->trigger();
    QTRY_VERIFY(window_->closeRoomDialog() != nullptr && window_->closeRoomDialog()->isVisible());
    CloseRoomDialog* dialog = window_->closeRoomDialog();
    QCOMPARE(dialog->windowTitle(), QStringLiteral("部屋の終了"));
    // Enter never closes a room: Cancel is the default, the close button not even auto-default.
    auto* cancel = guitest::buttonNamed(dialog, QStringLiteral("キャンセル"));
    QVERIFY(cancel != nullptr && cancel->isDefault());
    QVERIFY(!dialog->closeButton()->isDefault() && !dialog->closeButton()->autoDefault());
    // The warning says what happens, with the patient's name.
    bool warned = false;
    for (auto* label : dialog->findChildren<QLabel*>()) {
        warned = warned || (label->text().contains(QStringLiteral("「架空 トメ」")) &&
                            label->text().contains(QStringLiteral("全員がこの部屋から退出")) &&
                            label->text().contains(QStringLiteral("読むだけの記録")));
    }
    QVERIFY(warned);
    // Today by default, never a future date.
    QCOMPARE(dialog->dateEdit()->date(), QDate::currentDate());
    QCOMPARE(dialog->dateEdit()->maximumDate(), QDate::currentDate());
    QCOMPARE(dialog->reasonBox()->count(), 4);
    QCOMPARE(dialog->reasonBox()->itemText(1), QStringLiteral("施設入所"));

    // No reason chosen yet: refused here, nothing sent.
    dialog->closeButton()->click();
    QVERIFY2(dialog->errorText().contains(QStringLiteral("理由を選んで")), qPrintable(dialog->errorText()));
    // その他 without a note: refused, the note field gets the focus.
    dialog->reasonBox()->setCurrentIndex(3);
    QCOMPARE(dialog->reasonBox()->currentText(), QStringLiteral("その他"));
    dialog->closeButton()->click();
    QVERIFY2(dialog->errorText().contains(QStringLiteral("「その他」の場合は")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(window_->roomListModel()->rowOfRoom(own_room_) >= 0, true);

    dialog->reasonBox()->setCurrentIndex(1);  // 施設入所
    dialog->noteEdit()->setPlainText(QStringLiteral("特別養護老人ホームへ入所"));
    QCOMPARE(dialog->noteEdit()->toPlainText(), QStringLiteral("特別養護老人ホームへ入所"));
    QVERIFY(!guitest::saveScreenshot(dialog, QStringLiteral("closure_dialog")).isEmpty());
}

void ClosureTest::closingMovesTheRoomToTheArchive() {
    CloseRoomDialog* dialog = window_->closeRoomDialog();
    QVERIFY(dialog != nullptr);
    dialog->closeButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(window_->closeRoomDialog() == nullptr, kSyncMs);  // closed, and the dialog with it
    // Sync brings the closure: out of the room list, into 終了した部屋.
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(own_room_) < 0, kSyncMs);
    ArchivedRoomsModel* archived = window_->archivedRoomsModel();
    QTRY_VERIFY_WITH_TIMEOUT(archived->rowOfRoom(own_room_) >= 0, kSyncMs);
    QVERIFY(window_->roomListModel()->rowOfRoom(other_room_) >= 0);
    const QString today = QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"));
    const QModelIndex row = archived->index(archived->rowOfRoom(own_room_));
    QCOMPARE(row.data(ArchivedRoomsModel::PatientNameRole).toString(), QStringLiteral("架空 トメ"));
    QCOMPARE(row.data(ArchivedRoomsModel::SummaryRole).toString(), QStringLiteral("施設入所・%1").arg(today));
    QCOMPARE(row.data(ArchivedRoomsModel::NoteRole).toString(), QStringLiteral("特別養護老人ホームへ入所"));
    ArchivedRoomsView* view = window_->archivedRoomsView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->toggleButton()->text(), QStringLiteral("終了した部屋（1）"));
    // The room stays open where she was, now from the archive (its row selected there).
    QCOMPARE(window_->currentRoomId(), own_room_);
    QTRY_COMPARE(view->currentRoomId(), own_room_);
    QVERIFY(view->expanded());
    QVERIFY(!window_->roomListView()->listView()->currentIndex().isValid());
    QVERIFY(!window_->roomListView()->listView()->selectionModel()->hasSelection());  // no neighbour chosen
    // On the server, she left.
    auto record = bridge_->session()->patientRecord(own_room_.toStdString());
    QVERIFY(record.ok() && record->closure.has_value());
    QCOMPARE(record->closure->reason, care::ClosureReason::Facility);
    QVERIFY(!guitest::saveScreenshot(window_->archivedRoomsView()->parentWidget(), QStringLiteral("closure_archived_list")).isEmpty());
}

void ClosureTest::archivedRoomReadsReadOnly() {
    // Another room first, then the archived one chosen in 終了した部屋, as a user would.
    window_->openRoom(other_room_);
    QCOMPARE(window_->currentRoomId(), other_room_);
    QVERIFY(window_->closedBanner()->isHidden());
    QVERIFY(window_->composer()->isVisible());
    QVERIFY(window_->archivedRoomsView()->currentRoomId().isEmpty());
    QListView* list = window_->archivedRoomsView()->listView();
    const QModelIndex index = list->model()->index(window_->archivedRoomsModel()->rowOfRoom(own_room_), 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
    QCOMPARE(window_->currentRoomId(), own_room_);

    const QString today = QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"));
    QVERIFY(window_->closedBanner()->isVisible());
    QCOMPARE(window_->closedBanner()->text(), QStringLiteral("この部屋は終了しました（施設入所・%1）").arg(today));
    QVERIFY(window_->composer()->isHidden());  // nothing to write into
    QVERIFY(window_->timelineView()->isReadOnly());
    QVERIFY(!window_->closeRoomAction()->isEnabled());
    TimelineModel* model = window_->timelineModel();
    QTRY_VERIFY(guitest::rowWithBody(*model, first_post_) >= 0);
    QVERIFY(guitest::rowWithBody(*model, second_post_) >= 0);
    QVERIFY(window_->patientPanel()->isVisible());
    QVERIFY2(window_->patientPanel()->patientText().startsWith(QStringLiteral("架空 トメ（かくう とめ）")),
             qPrintable(window_->patientPanel()->patientText()));
    QVERIFY(window_->windowTitle().startsWith(QStringLiteral("架空 トメ")));
    // Her own post's menu keeps only what reads: コピー, not 返信 / 編集 / 削除… / 確認しました.
    QMenu* menu = window_->timelineView()->showPostMenu(guitest::rowWithBody(*model, first_post_),
                                                        window_->mapToGlobal(QPoint(400, 300)));
    QVERIFY(menu != nullptr);
    QStringList entries;
    QAction* export_post = nullptr;
    using Entry = PostMenu::Entry;
    for (QAction* a : menu->actions()) {
        if (!a->isSeparator()) entries << a->text();
        if (a->data().toInt() == static_cast<int>(Entry::Export)) export_post = a;
    }
    QVERIFY2(entries.contains(PostMenu::text(Entry::Copy)), qPrintable(entries.join(u',')));
    // The record of a closed room is what gets printed: この投稿を書き出す… opens the export
    // dialog with that post ticked.
    QVERIFY2(export_post != nullptr, qPrintable(entries.join(u',')));
    export_post->trigger();
    menu->close();
    ExportDialog* exporting = window_->patientPanel()->exportDialog();
    QVERIFY(exporting != nullptr);
    QVERIFY(exporting->chooseBox()->isChecked());
    QCOMPARE(exporting->request().event_ids.size(), std::size_t{1});
    exporting->close();
    for (const Entry writing : {Entry::Reply, Entry::Edit, Entry::Delete, Entry::Acknowledge}) {
        QVERIFY2(!entries.contains(PostMenu::text(writing)), qPrintable(entries.join(u',')));
    }
    window_->timelineView()->scrollToNewest();
    QVERIFY(!guitest::saveScreenshot(window_.get(), QStringLiteral("closure_archived_room")).isEmpty());
}

void ClosureTest::removingDeletesItFromThisComputer() {
    ArchivedRoomsView* view = window_->archivedRoomsView();
    QCOMPARE(view->currentRoomId(), own_room_);
    QVERIFY(view->removeButton()->isEnabled());
    QCOMPARE(view->removeButton()->text(), QStringLiteral("このパソコンから削除…"));
    // Asked first; Cancel is the default and keeps it.
    view->removeButton()->click();
    QTRY_VERIFY(window_->messageBox() != nullptr && window_->messageBox()->isVisible());
    QMessageBox* box = window_->messageBox();
    QVERIFY(box->text().contains(QStringLiteral("「架空 トメ」")));
    QCOMPARE(box->defaultButton()->text(), QStringLiteral("キャンセル"));
    box->defaultButton()->click();
    QTRY_VERIFY(window_->messageBox() == nullptr);
    QVERIFY(window_->archivedRoomsModel()->rowOfRoom(own_room_) >= 0);

    view->removeButton()->click();
    QTRY_VERIFY(window_->messageBox() != nullptr && window_->messageBox()->isVisible());
    QAbstractButton* remove = buttonWithText(window_->messageBox(), QStringLiteral("削除する"));
    QVERIFY(remove != nullptr);
    remove->click();
    QTRY_VERIFY_WITH_TIMEOUT(window_->archivedRoomsModel()->rowOfRoom(own_room_) < 0, kSyncMs);
    QVERIFY(view->isHidden());  // nothing archived any more
    QVERIFY(window_->currentRoomId().isEmpty());
    QVERIFY(window_->closedBanner()->isHidden());
    // Its data is gone from this computer: no posts, no patient, not listed anywhere.
    session::Session* s = bridge_->session();
    auto timeline = s->timeline(own_room_.toStdString(), 50, std::nullopt);
    QVERIFY(timeline.ok());
    QVERIFY(timeline->empty());
    auto record = s->patientRecord(own_room_.toStdString());
    QVERIFY(record.ok());
    QVERIFY(!record->patient.has_value() && !record->closure.has_value() && !record->patient_room);
    auto archived = s->archivedRooms();
    QVERIFY(archived.ok() && archived->empty());
    QCOMPARE(window_->roomListModel()->rowOfRoom(own_room_), -1);
}

void ClosureTest::cleanupTestCase() {
    window_.reset();
    if (pharmacist_ && pharmacist_->ok()) {
        for (const QString& room : {own_room_, other_room_}) {
            if (!room.isEmpty()) (void)(*pharmacist_)->leaveRoom(room.toStdString());
        }
    }
    if (bridge_ && bridge_->session() != nullptr) {
        for (const QString& room : {other_room_, v12_room_}) {
            if (!room.isEmpty()) (void)bridge_->session()->leaveRoom(room.toStdString());
        }
    }
    pharmacist_.reset();
    bridge_.reset();
}

QTEST_MAIN(ClosureTest)
#include "closure_test.moc"
