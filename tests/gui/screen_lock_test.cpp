// GUI test (issue 13, 画面ロック): a nurse has a patient room open, with the export dialog and a
// copied post on the clipboard. Ctrl+L locks: the window shows only the lock screen (no
// patient name in the title, the dialog hidden, the clipboard cleared, Ctrl+K refused); a
// wrong passphrase is refused with the reason, the right one brings everything back. Three
// wrong ones in a row make the next try wait. The idle timer locks by itself; so does the
// desktop's screensaver over D-Bus (the test runs on a private session bus,
// dbus-run-session). The access log (アクセス記録) then lists the room opened, the sign-in and
// each unlock and failed unlock, filters them, finds its chain intact, writes its CSV, and
// finds a record edited behind its back. パスフレーズの変更 checks its fields, refuses a wrong
// current passphrase, and afterwards only the new one unlocks. 「このパソコンのデータを消去」
// names the draft it would lose and leaves no database, WAL, SHM or key file. Screenshots: screen_lock.png, access_log.png.
// Data is fictional.
#include <QAction>
#include <QClipboard>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
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
#include "bridge/account_bridge.h"
#include "security/access_log_dialog.h"
#include "security/change_passphrase_dialog.h"
#include "security/lock_screen.h"
#include "session/session.h"
#include "store/keys.h"
#include "store/vault.h"

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
    void theAccessLogListsVerifiesAndExports();
    void aChangedPassphraseUnlocks();
    void wipingLeavesNoDataBehind();

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

void ScreenLockTest::theAccessLogListsVerifiesAndExports() {
    window_->showAccessLog();
    AccessLogDialog* log = window_->accessLogDialog();
    QVERIFY(log != nullptr);
    QCOMPARE(log->windowTitle(), QStringLiteral("アクセス記録"));
    // The lock screen's records reach the vault on a worker: list again until they are all in.
    const int failed = 1 + LockScreen::kFreeTries;  // one in the first test, then kFreeTries
    log->setKindFilter(store::AccessKind::UnlockFailed);
    QTRY_VERIFY_WITH_TIMEOUT((log->refresh(), log->listText().count(QStringLiteral("ロック解除の失敗")) == failed), 30000);
    QCOMPARE(log->listText().count(QLatin1Char('\n')) + 1, failed);
    log->setKindFilter(std::nullopt);
    const QString all = log->listText();
    QVERIFY2(all.contains(QStringLiteral("サインイン")), qPrintable(all));
    QVERIFY(all.contains(bridge_->userId()));
    QVERIFY(all.count(QStringLiteral("| ロック解除 |")) >= 4);  // the start and three lock screens
    QVERIFY(all.contains(QStringLiteral("部屋を開いた | ") + kPatient));
    log->setRoomFilter(room_);
    QVERIFY(!log->listText().isEmpty());
    for (const QString& line : log->listText().split(QLatin1Char('\n'))) QVERIFY2(line.contains(kPatient), qPrintable(line));
    log->setRoomFilter({});
    const QDate long_ago(2020, 1, 1);
    log->setDays(long_ago, long_ago);
    QVERIFY(log->listText().isEmpty());
    log->setDays(QDate::currentDate().addDays(-1), QDate::currentDate().addDays(1));
    QCOMPARE(log->listText(), all);

    QVERIFY(log->verifyChain());
    QVERIFY2(log->statusText().contains(QStringLiteral("改ざんは見つかりませんでした")), qPrintable(log->statusText()));
    log->show();
    QVERIFY(QTest::qWaitForWindowExposed(log));
    QVERIFY(!guitest::saveScreenshot(log, QStringLiteral("access_log")).isEmpty());

    const QString csv = dir_.filePath(QStringLiteral("access-log.csv"));
    QVERIFY(log->exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("ロック解除")));
    QVERIFY(!QString::fromUtf8(bytes).contains(kPatient));  // rooms by id only: the file leaves the vault

    // A record edited behind Renkei's back (raw SQL in the vault, with its key): the check says so.
    {
        const auto dir = std::filesystem::path((bridge_->account().dataRoot() + QStringLiteral("/accounts/") +
                                                bridge_->account().selectedAccount())
                                                   .toStdString());
        store::PassphraseKeyProvider keys(store::keyFileOf(dir), kPassphrase.toStdString(), store::KdfLimits::minimumForTests());
        auto unwrapped = keys.loadOrCreate();
        QVERIFY(unwrapped.ok());
        auto vault = store::Vault::open(dir, unwrapped->vault);
        store::wipe(*unwrapped);
        QVERIFY(vault.ok());
        QVERIFY(vault->database().exec("UPDATE access_log SET detail = 'start' WHERE id = 2").ok());
    }
    QVERIFY(!log->verifyChain());
    QVERIFY2(log->statusText().contains(QStringLiteral("改ざんが見つかりました: 記録 2 ")), qPrintable(log->statusText()));
    log->close();
}

void ScreenLockTest::aChangedPassphraseUnlocks() {
    ChangePassphraseDialog dialog(*bridge_, window_.get());
    const QString replacement = QStringLiteral("新しい画面ロックの合言葉");
    dialog.currentField()->setText(kPassphrase);
    dialog.newField()->setText(replacement);
    dialog.repeatField()->setText(replacement + QStringLiteral("x"));
    dialog.submit();
    QVERIFY(dialog.errorText().contains(QStringLiteral("一致しません")));
    QVERIFY(!dialog.isBusy());

    dialog.currentField()->setText(QStringLiteral("違う合言葉"));
    dialog.repeatField()->setText(replacement);
    QSignalSpy answered(bridge_.get(), &CoreBridge::passphraseChanged);
    dialog.submit();
    QVERIFY(dialog.isBusy());
    QVERIFY(answered.wait(30000));
    QVERIFY(!answered.front().at(0).toBool());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("パスフレーズ")), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.isBusy());

    dialog.currentField()->setText(kPassphrase);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.submit();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, 30000);

    LockScreen* lock = window_->lockScreen();
    lock->lock();
    unlockWith(kPassphrase);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->messageText().isEmpty() && !lock->messageText().contains(QStringLiteral("確認")), 30000);
    QVERIFY(lock->isLocked());
    unlockWith(replacement);
    QTRY_VERIFY_WITH_TIMEOUT(!lock->isLocked(), 30000);
}

void ScreenLockTest::wipingLeavesNoDataBehind() {
    const QString account = bridge_->account().dataRoot() + QStringLiteral("/accounts/") + bridge_->account().selectedAccount();
    QVERIFY(QFileInfo::exists(account + QStringLiteral("/vault.db")));
    QVERIFY(QFileInfo::exists(account + QStringLiteral("/cache.db")));
    QVERIFY(bridge_->saveDraft(QStringLiteral("!elsewhere:localhost"), QStringLiteral("架空の下書き: 明日の訪問")));
    window_->confirmWipe();
    QPointer<QMessageBox> box = window_->messageBox();
    QVERIFY(box != nullptr);
    QCOMPARE(box->windowTitle(), QStringLiteral("このパソコンのデータを消去"));
    QVERIFY2(box->informativeText().contains(QStringLiteral("投稿の下書き 1件")), qPrintable(box->informativeText()));
    QVERIFY(box->text().contains(bridge_->userId()));
    QVERIFY(!guitest::saveScreenshot(box, QStringLiteral("wipe_confirm")).isEmpty());
    QAbstractButton* wipe = nullptr;
    for (QAbstractButton* b : box->buttons()) {
        if (b->text() == QStringLiteral("消去する")) wipe = b;
    }
    QVERIFY(wipe != nullptr);
    QSignalSpy signed_out(bridge_.get(), &CoreBridge::signedOut);
    wipe->click();
    QVERIFY(signed_out.wait(60000));
    QCOMPARE(signed_out.front().at(0).toString(), QString());
    QVERIFY(!QFileInfo::exists(account));
    QDirIterator left(bridge_->account().dataRoot(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (left.hasNext()) {
        const QString name = QFileInfo(left.next()).fileName();
        QVERIFY2(!name.startsWith(QStringLiteral("vault.db")) && !name.startsWith(QStringLiteral("cache.db")) &&
                     !name.startsWith(QStringLiteral("keys")),
                 qPrintable(name));
    }
    QVERIFY(bridge_->session() == nullptr);
}

QTEST_MAIN(ScreenLockTest)
#include "screen_lock_test.moc"
