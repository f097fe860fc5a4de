// GUI test (issue 13, the network's policy): on the Synapse that serves jp.renkei.policy
// (fixture synapse_policy: a 2-minute idle lock, no export, a wipe when a device is removed),
// the app's idle lock is cut to 2 minutes although the settings say 5; the export dialog's
// buttons are disabled and say why; 保存… of a file is refused with the reason and nothing
// downloads. Then the administrator deletes this computer's device from another computer
// (the admin API): at its next sync Renkei wipes this computer's copy by itself and says so.
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/account_bridge.h"
#include "bridge/core_bridge.h"
#include "export/export_dialog.h"
#include "gui_support.h"
#include "main_window.h"
#include "media/file_actions.h"
#include "media/file_viewer.h"
#include "media/save_copy.h"
#include "security/lock_screen.h"
#include "session/session.h"

using namespace renkei;
using namespace renkei::ui;

namespace {
const QString kPassphrase = QStringLiteral("連携ネットワークの方針");
}

class PolicyTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void theLockAndExportFollowThePolicy();
    void aRemovedDeviceIsWiped();

private:
    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
};

void PolicyTest::initTestCase() {
    guitest::setUpApplication();
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    guitest::useTestKdf(*bridge_);
    QVERIFY(guitest::openAndSignIn(*bridge_, kPassphrase, QStringLiteral("nurse.sato")));
    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void PolicyTest::theLockAndExportFollowThePolicy() {
    QCOMPARE(bridge_->session()->networkPolicy().max_idle_minutes, std::optional<int>(2));
    QCOMPARE(window_->lockScreen()->idleMs(), 2 * 60 * 1000);  // the settings' 5 minutes, cut

    auto* dialog = new ExportDialog(*bridge_, QStringLiteral("!any:localhost"), window_.get());
    QVERIFY(!dialog->pdfButton()->isEnabled());
    QVERIFY(!dialog->printButton()->isEnabled());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("方針により、書き出しと印刷はできません")),
             qPrintable(dialog->statusText()));
    const QString pdf = dir_.filePath(QStringLiteral("refused.pdf"));
    QVERIFY(!dialog->exportTo(pdf));
    QVERIFY(!QFileInfo::exists(pdf));
    dialog->close();

    FileActions actions(*bridge_);
    QString shown;
    SaveDialogs dialogs;
    dialogs.confirm = [](QWidget*) { return true; };
    dialogs.showError = [&shown](QWidget*, const QString& text) { shown = text; };
    actions.setSaveDialogs(dialogs);
    actions.save(QStringLiteral("mxc://localhost/someFile"), QStringLiteral("紹介状.pdf"), QStringLiteral("application/pdf"),
                 1000, window_.get());
    QVERIFY2(shown.contains(QStringLiteral("保存することはできません")), qPrintable(shown));
    QVERIFY(!actions.isDownloading(QStringLiteral("mxc://localhost/someFile")));
}

void PolicyTest::aRemovedDeviceIsWiped() {
    const QString account = bridge_->account().dataRoot() + QStringLiteral("/accounts/") + bridge_->account().selectedAccount();
    QVERIFY(QFileInfo::exists(account + QStringLiteral("/vault.db")));
    QVERIFY(bridge_->saveDraft(QStringLiteral("!elsewhere:localhost"), QStringLiteral("架空の下書き")));
    const auto& hs = guitest::Homeserver::get();
    const QString admin = hs.state[QStringLiteral("admin")][QStringLiteral("access_token")].toString();
    const QString device = QString::fromStdString(bridge_->session()->deviceId());
    QSignalSpy signed_out(bridge_.get(), &CoreBridge::signedOut);
    const auto deleted = guitest::rawCallWithToken(
        hs, "DELETE",
        QStringLiteral("/_synapse/admin/v2/users/%1/devices/%2")
            .arg(guitest::pathPart(bridge_->userId()), guitest::pathPart(device)),
        admin, QJsonObject{});
    QCOMPARE(deleted.status, 200L);
    bridge_->startSync();
    QVERIFY(signed_out.wait(60000));
    QVERIFY(!QFileInfo::exists(account));
    QTRY_VERIFY_WITH_TIMEOUT(window_->messageBox() != nullptr, 10000);
    QVERIFY2(window_->messageBox()->text().contains(QStringLiteral("消去しました")), qPrintable(window_->messageBox()->text()));
}

QTEST_MAIN(PolicyTest)
#include "policy_test.moc"
