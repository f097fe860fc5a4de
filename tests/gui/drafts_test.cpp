// Drafts in the real MainWindow against the real Synapse (issue 4): the composer's text of
// each room is saved as the user types — within half a second of the last keystroke, as the
// README promises — and comes back on a room switch and after a restart; sending moves it
// into the outbox (no draft left behind); and fault test 6 — a draft typed, the process
// killed with SIGKILL 600 ms after the last keystroke: the draft is there after the restart.
//
// Fault test 6 runs this executable again as a child process (--child-type-draft DATA_DIR
// ROOM TEXT): the child opens the real MainWindow offscreen on DATA_DIR, opens ROOM, waits
// for its first sync, types TEXT with QTest key events, prints "typed <ms>" (the monotonic
// clock, shared by both processes, right after the last keystroke) and keeps running until
// it is killed.
#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/types.h>

#include "timeline/composer.h"
#include "bridge/core_bridge.h"
#include "draft_keeper.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"

using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::keyClicksText;
using renkei::guitest::monotonicMs;
using renkei::guitest::openAndSignIn;
using renkei::guitest::OtherClient;

namespace {

constexpr int kNetworkMs = 60000;
/// README: "at most 0.5 s of typing lost" on a crash.
constexpr int kPromiseMs = 500;
/// Fault test 6 kills this long after the last keystroke: the debounce (300 ms) has passed,
/// a longer one (e.g. 900 ms) has not.
constexpr qint64 kKillAfterMs = 600;
const QString kPassphrase = QStringLiteral("みどり野 draft 2026");
const char kChildFlag[] = "--child-type-draft";

/// A new window on `bridge`, shown, with `room_id` in its room list.
std::unique_ptr<MainWindow> openWindow(CoreBridge& bridge, const QString& room_id) {
    auto window = std::make_unique<MainWindow>(bridge);
    window->resize(1280, 720);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return nullptr;
    // The rooms are cached after the first sync; a later start shows them at once.
    RoomListModel* rooms = window->roomListModel();
    if (!QTest::qWaitFor([&] { return rooms->rowOfRoom(room_id) >= 0; }, kNetworkMs)) return nullptr;
    return window;
}

/// The child of fault test 6 (see the file comment). Exit codes: 2 unlock failed, 3 the
/// room cannot be written in, 4 the composer does not show the typed text.
int runChild(const QString& data_dir, const QString& room_id, const QString& text) {
    renkei::guitest::setUpApplication();
    auto* bridge = new CoreBridge(data_dir, qApp);
    MainWindow* window = nullptr;
    bool typed = false;
    // Types once the first sync is in: from then on the event loop only waits on the long
    // poll, as when a nurse writes a note in the middle of the day.
    auto type = [&] {
        if (typed || window == nullptr || bridge->syncStatus() != SyncStatus::Online) return;
        typed = true;
        if (!window->composer()->isEnabled()) return QCoreApplication::exit(3);
        auto* editor = window->composer()->editor();
        editor->setFocus();
        keyClicksText(editor, text);
        const qint64 last_key = monotonicMs();
        if (window->composer()->text() != text) {
            std::fprintf(stderr, "child: the composer shows \"%s\"\n", qUtf8Printable(window->composer()->text()));
            return QCoreApplication::exit(4);
        }
        std::printf("typed %lld\n", static_cast<long long>(last_key));
        std::fflush(stdout);
        // Keeps running (syncing, saving the draft) until the parent kills it.
    };
    QObject::connect(bridge, &CoreBridge::unlockFinished, qApp, [&](bool ok) {
        if (!ok) return QCoreApplication::exit(2);
        window = new MainWindow(*bridge);
        window->show();
        window->openRoom(room_id);
    });
    // After the round's other notifications (room list, timeline) have been handled.
    QObject::connect(bridge, &CoreBridge::syncStatusChanged, qApp, [&] { QTimer::singleShot(0, qApp, type); });
    bridge->unlock(kPassphrase);
    return QApplication::exec();
}

}  // namespace

class DraftsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void draftFollowsRoomSwitchAndRestart();
    void sendingMovesTheDraftIntoTheOutbox();
    void draftSurvivesSigkill600MsAfterTheLastKeystroke();
    void cleanupTestCase();

private:
    bool reopen();
    void expectSavedWithinPromise(const QString& room_id, const QString& text);

    QTemporaryDir dir_;
    QString data_;
    QString nurse_;
    QString room_a_;
    QString room_b_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
};

void DraftsTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    data_ = dir_.path() + QStringLiteral("/data");
    nurse_ = Homeserver::registerFreshUser(QStringLiteral("nurse.draft"));
    QVERIFY(!nurse_.isEmpty());
    const std::string nurse = Homeserver::get().userId(nurse_).toStdString();
    OtherClient doctor(QStringLiteral("dr.tanaka"));
    QVERIFY(doctor.ok());
    auto a = doctor->createRoom("伊藤 正子 様（下書きテスト）", {nurse});
    auto b = doctor->createRoom("渡辺 清 様（下書きテスト）", {nurse});
    QVERIFY(a && b);
    room_a_ = QString::fromStdString(*a);
    room_b_ = QString::fromStdString(*b);
    OtherClient phone(nurse_);  // the nurse joined both rooms on her phone
    QVERIFY(phone.ok());
    QVERIFY(phone->joinRoom(*a));
    QVERIFY(phone->joinRoom(*b));

    bridge_ = std::make_unique<CoreBridge>(data_);
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(openAndSignIn(*bridge_, kPassphrase, nurse_));
    window_ = openWindow(*bridge_, room_a_);
    QVERIFY(window_);
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(room_b_) >= 0, kNetworkMs);
}

// Called right after the last keystroke: the draft must be in the vault when a timer of
// kPromiseMs started now fires. Both timers run on the GUI thread's event loop, which runs
// timers that are due in the order they fall due, and the save is a synchronous vault write
// in the debounce timer's slot. So however late a loaded machine gets to the loop, a 300 ms
// debounce has saved before the 500 ms timer runs, and a debounce above ~475 ms (e.g.
// 900 ms) has not: the 200 ms margin covers Qt's coarse-timer slack (5 %, 15 ms), never
// scheduling delays. The wall-clock time of the save, seen by polling the vault, is logged.
void DraftsTest::expectSavedWithinPromise(const QString& room_id, const QString& text) {
    QElapsedTimer since_last_key;
    since_last_key.start();
    qint64 saved_after = -1;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    connect(&poll, &QTimer::timeout, this, [&] {
        if (saved_after < 0 && bridge_->draft(room_id) == text) saved_after = since_last_key.elapsed();
    });
    poll.start(5);
    QTimer promise;
    promise.setSingleShot(true);
    promise.setTimerType(Qt::PreciseTimer);
    QSignalSpy fired(&promise, &QTimer::timeout);
    bool saved_in_time = false;
    connect(&promise, &QTimer::timeout, this, [&] { saved_in_time = bridge_->draft(room_id) == text; });
    promise.start(kPromiseMs);
    QVERIFY(fired.wait(10000));
    const qint64 promise_after = since_last_key.elapsed();
    qInfo("draft seen in the vault %lld ms after the last keystroke; the %d ms timer ran after %lld ms",
          static_cast<long long>(saved_after), kPromiseMs, static_cast<long long>(promise_after));
    QVERIFY2(saved_in_time, "the draft was not saved within half a second of the last keystroke");
}

bool DraftsTest::reopen() {
    window_.reset();
    bridge_.reset();
    bridge_ = std::make_unique<CoreBridge>(data_);
    if (!openAndSignIn(*bridge_, kPassphrase)) return false;
    window_ = openWindow(*bridge_, room_a_);
    return window_ != nullptr;
}

void DraftsTest::draftFollowsRoomSwitchAndRestart() {
    const QString text_a = QStringLiteral("Visit 15:00, BP 128/76. 明日は入浴介助あり");
    const QString text_b = QStringLiteral("Wound dressing changed. 発赤なし");
    Composer* composer = window_->composer();

    window_->openRoom(room_a_);
    QVERIFY(composer->isEnabled());
    QVERIFY(composer->text().isEmpty());
    composer->editor()->setFocus();
    QTest::keyClicks(composer->editor(), QStringLiteral("Visit 15:00, BP 128/76. "));
    keyClicksText(composer->editor(), QStringLiteral("明日は入浴介助あり"));
    // Autosaved after a pause in typing, without switching rooms, within half a second.
    expectSavedWithinPromise(room_a_, text_a);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(composer->text(), text_a);

    // Room B starts empty; its own text is kept apart.
    window_->openRoom(room_b_);
    QVERIFY(composer->text().isEmpty());
    composer->editor()->setFocus();
    keyClicksText(composer->editor(), text_b);
    window_->openRoom(room_a_);  // saved at once on the switch, no waiting
    QCOMPARE(bridge_->draft(room_b_), text_b);
    QCOMPARE(composer->text(), text_a);
    window_->openRoom(room_b_);
    QCOMPARE(composer->text(), text_b);

    // Edited and then the window and the bridge are destroyed: a new start shows both.
    QTest::keyClicks(composer->editor(), QStringLiteral(" OK"));
    QVERIFY(reopen());
    window_->openRoom(room_a_);
    QCOMPARE(window_->composer()->text(), text_a);
    window_->openRoom(room_b_);
    QCOMPARE(window_->composer()->text(), text_b + QStringLiteral(" OK"));
}

void DraftsTest::sendingMovesTheDraftIntoTheOutbox() {
    window_->openRoom(room_b_);
    Composer* composer = window_->composer();
    QVERIFY(!composer->text().isEmpty());
    const QString text = composer->text();
    QSignalSpy queued(bridge_.get(), &CoreBridge::postQueued);
    composer->editor()->setFocus();
    QTest::keyClick(composer->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(queued.size(), 1);
    QVERIFY(composer->text().isEmpty());
    // One transaction: the post is in the outbox and the draft is gone; no autosave is left
    // pending that could write the text back as a draft.
    QVERIFY(bridge_->draft(room_b_).isEmpty());
    QVERIFY(!window_->draftKeeper()->hasUnsavedChange());
    const QString local_id = queued.at(0).at(1).toString();
    // Delivered and confirmed by sync; the composer and the draft stay empty.
    QTRY_VERIFY_WITH_TIMEOUT(!bridge_->pendingPost(local_id).has_value(), kNetworkMs);
    QVERIFY(bridge_->draft(room_b_).isEmpty());
    window_->openRoom(room_a_);
    window_->openRoom(room_b_);
    QVERIFY(composer->text().isEmpty());
}

void DraftsTest::draftSurvivesSigkill600MsAfterTheLastKeystroke() {
    window_.reset();
    QVERIFY(bridge_->saveDraft(room_a_, {}));  // the child starts from an empty composer
    bridge_.reset();  // the child opens the data directory on its own
    const QString text = QStringLiteral("夜間の呼吸状態を観察。SpO2 95%");

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(kChildFlag), data_, room_a_, text});
    QVERIFY(child.waitForStarted());
    const auto stamp = renkei::guitest::childStamp(child, "typed", kNetworkMs);
    QVERIFY2(stamp, "the child did not type the draft");
    const qint64 last_key = *stamp;
    // SIGKILL 600 ms after the last keystroke (the child's own clock reading); it must still
    // be running until then.
    QVERIFY2(renkei::guitest::killChildAt(child, last_key + kKillAfterMs), "the child ended by itself");
    const qint64 killed_after = monotonicMs() - last_key;
    qInfo("killed %lld ms after the last keystroke", static_cast<long long>(killed_after));
    // Later than this and the kill would no longer tell a 300 ms debounce from a 900 ms one.
    QVERIFY2(killed_after < 850, "the kill came too late to test the promise");

    // A new start on the same data: the room's composer shows exactly what was typed.
    bridge_ = std::make_unique<CoreBridge>(data_);
    QVERIFY(openAndSignIn(*bridge_, kPassphrase));
    QCOMPARE(bridge_->draft(room_a_), text);
    window_ = openWindow(*bridge_, room_a_);
    QVERIFY(window_);
    window_->openRoom(room_a_);
    QCOMPARE(window_->composer()->text(), text);
}

void DraftsTest::cleanupTestCase() {
    window_.reset();
    bridge_.reset();
}

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], kChildFlag) == 0) {
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                        QString::fromLocal8Bit(argv[4]));
    }
    QApplication::setAttribute(Qt::AA_Use96Dpi, true);
    DraftsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "drafts_test.moc"
