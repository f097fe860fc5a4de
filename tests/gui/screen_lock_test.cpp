// GUI test (issue 13, 画面ロック): a nurse has a patient room open, with the export dialog and a
// copied post on the clipboard. Ctrl+L locks: the window shows only the lock screen (no
// patient name in the title, the dialog hidden, the clipboard cleared, Ctrl+K refused); a
// wrong passphrase is refused with the reason, the right one brings everything back. Three
// wrong ones in a row make the next try wait. The idle timer locks by itself; so does the
// desktop's screensaver over D-Bus (the test runs on a private session bus,
// dbus-run-session). Screenshot: screen_lock.png. Data is fictional.
#include <QAction>
#include <QClipboard>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "care/care_types.h"
#include "care/patient_panel.h"
#include "export/export_dialog.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"
#include "security/lock_screen.h"
#include "session/session.h"

using namespace renkei;
using namespace renkei::ui;

namespace {

const QString kPassphrase = QStringLiteral("画面ロックの合言葉");
const QString kPatient = QStringLiteral("架空 シズ");

care::MemberProfile nurseProfile() {
    return {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", ""};
}

}  // namespace

class ScreenLockTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ctrlLHidesPatientDataUntilThePassphrase();
    void repeatedWrongPassphrasesWait();
    void idleTimeAndTheScreensaverLock();

private:
    void unlockWith(const QString& passphrase);

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
    QString room_;
};

void ScreenLockTest::initTestCase() {
    guitest::setUpApplication();
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    QVERIFY(!guitest::signInFreshMember(*bridge_, QStringLiteral("lock-nurse"), kPassphrase, nurseProfile()).isEmpty());
    session::Session* s = bridge_->session();
    care::PatientRoomPlan plan;
    plan.patient = {kPatient.toStdString(), "かくう しず", "1936-05-05", care::Sex::Female, care::CareLevel::Care1, {},
                    "みどり野市"};
    plan.consent = care::Consent{"2026-11-30", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = nurseProfile();
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    auto room = s->openPatientRoom(plan);
    QVERIFY2(room.ok(), room ? "" : room.error().describe().c_str());
    room_ = QString::fromStdString(*room);
    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->resize(1100, 700);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowCount() > 0, 60000);
    window_->openRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(window_->windowTitle().contains(kPatient), 60000);
}

void ScreenLockTest::unlockWith(const QString& passphrase) {
    LockScreen* lock = window_->lockScreen();
    lock->passphraseField()->setText(passphrase);
    lock->unlockButton()->click();
}

void ScreenLockTest::ctrlLHidesPatientDataUntilThePassphrase() {
    LockScreen* lock = window_->lockScreen();
    QVERIFY(lock != nullptr && !lock->isLocked());
    PatientPanel* panel = window_->patientPanel();
    QTRY_VERIFY(!panel->isHidden());
    panel->exportButton()->click();
    QPointer<ExportDialog> dialog = panel->exportDialog();
    QVERIFY(dialog != nullptr && dialog->isVisible());
    QGuiApplication::clipboard()->setText(kPatient + QStringLiteral(" 様の申し送り"));
    lock->noteClipboardText(QGuiApplication::clipboard()->text());

    window_->activateWindow();
    QTest::keyClick(window_.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(lock->isLocked());
    QCOMPARE(window_->windowTitle(), QStringLiteral("Renkei（ロック中）"));
    QVERIFY(lock->isVisible());
    QCOMPARE(lock->geometry(), window_->rect());
    QVERIFY(!dialog->isVisible());
    QVERIFY(!QGuiApplication::clipboard()->text().contains(kPatient));
    for (QAction* a : window_->findChildren<QAction*>()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_K)) QVERIFY(!a->isEnabled());
    }
    // What the screen shows: the lock screen alone (no room, no name).
    const QImage shot = window_->grab().toImage();
    QVERIFY(!guitest::saveScreenshot(window_.get(), QStringLiteral("screen_lock")).isEmpty());
    QCOMPARE(shot.pixelColor(shot.width() / 10, shot.height() / 2), QColor(0x2b, 0x33, 0x3d));

    unlockWith(QStringLiteral("違う合言葉"));
    QTRY_VERIFY_WITH_TIMEOUT(!lock->messageText().isEmpty() && !lock->messageText().contains(QStringLiteral("確認")), 30000);
    QVERIFY(lock->isLocked());
    QVERIFY(lock->messageText().contains(QStringLiteral("パスフレーズ")));
    unlockWith(kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
    QVERIFY(window_->windowTitle().contains(kPatient));
    QVERIFY(!lock->isVisible());
    QVERIFY(dialog && dialog->isVisible());
    dialog->close();
}

void ScreenLockTest::repeatedWrongPassphrasesWait() {
    LockScreen* lock = window_->lockScreen();
    lock->lock();
    for (int i = 1; i <= LockScreen::kFreeTries; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(lock->unlockButton()->isEnabled() && lock->passphraseField()->isEnabled(), 30000);
        unlockWith(QStringLiteral("違う%1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(lock->passphraseField()->isEnabled(), 30000);  // answered
    }
    QVERIFY2(lock->messageText().contains(QStringLiteral("秒お待ちください")), qPrintable(lock->messageText()));
    QVERIFY(!lock->unlockButton()->isEnabled());
    unlockWith(kPassphrase);  // refused while waiting: not even checked
    QVERIFY(lock->isLocked());
    QTRY_VERIFY_WITH_TIMEOUT(lock->unlockButton()->isEnabled(), 10000);  // the first wait is 5 s
    unlockWith(kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
}

void ScreenLockTest::idleTimeAndTheScreensaverLock() {
    LockScreen* lock = window_->lockScreen();
    QCOMPARE(lock->idleMs(), 5 * 60 * 1000);  // the default: 5 minutes
    lock->setIdleMs(400);
    QTRY_VERIFY_WITH_TIMEOUT(lock->isLocked(), 10000);
    unlockWith(kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
    lock->setIdleMs(5 * 60 * 1000);

    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), "run under dbus-run-session");
    QDBusMessage active = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/ScreenSaver"),
                                                     QStringLiteral("org.freedesktop.ScreenSaver"),
                                                     QStringLiteral("ActiveChanged"));
    active << true;
    QVERIFY(bus.send(active));
    QTRY_VERIFY_WITH_TIMEOUT(lock->isLocked(), 10000);
    unlockWith(kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
}

QTEST_MAIN(ScreenLockTest)
#include "screen_lock_test.moc"
