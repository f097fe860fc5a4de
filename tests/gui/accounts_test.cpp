// Accounts on a shared clinic computer (issue 8.1), through the app's own start-up steps
// (Startup) against two real Synapse servers: a nurse signs out; the next sign-in starts
// from the unlock step; a physician signs in on another homeserver with a passphrase of his
// own and reaches none of the nurse's rooms, posts or drafts. Signing out can also remove
// this computer's copy of the account. Screenshots: accounts_unlock_after_sign_out.png,
// accounts_other_homeserver.png.
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "main_window.h"
#include "room_list_model.h"
#include "sign_in_dialog.h"
#include "startup.h"
#include "unlock_dialog.h"

using namespace renkei;
using namespace renkei::ui;
using namespace renkei::guitest;

namespace {

const QString kNursePassphrase = QStringLiteral("看護師のパスフレーズ-accounts");
const QString kDoctorPassphrase = QStringLiteral("医師のパスフレーズ-accounts");
const QString kSecretPost = QStringLiteral("ご家族の前では言えないこと：介護負担が限界とのこと");
const QString kDraft = QStringLiteral("下書き：次回はケアマネと同行");

// Fills the sign-in dialog of Startup's current step and submits it.
void signIn(Startup& startup, const Homeserver& hs, const QString& user, const QString& passphrase) {
    auto* dialog = qobject_cast<SignInDialog*>(startup.currentWindow());
    QVERIFY(dialog != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    fieldNamed(dialog, QStringLiteral("サーバー"))->setText(hs.base_url);
    fieldNamed(dialog, QStringLiteral("ユーザー名"))->setText(user);
    fieldNamed(dialog, QStringLiteral("パスワード"))->setText(hs.password(user));
    // A new account: its data gets a passphrase of its own.
    QVERIFY(fieldNamed(dialog, QStringLiteral("パスフレーズ"))->isVisible());
    fieldNamed(dialog, QStringLiteral("パスフレーズ"))->setText(passphrase);
    fieldNamed(dialog, QStringLiteral("パスフレーズ（確認）"))->setText(passphrase);
    QTest::mouseClick(buttonNamed(dialog, QStringLiteral("サインイン")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(startup.mainWindow() != nullptr && startup.mainWindow()->isVisible(), 60000);
}

bool listsRoom(const RoomListModel& model, const QString& text) {
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(Qt::DisplayRole).toString().contains(text) ||
            index.data(RoomListModel::RoomIdRole).toString() == text) {
            return true;
        }
    }
    return false;
}

// Signs out through the File menu's confirmation, optionally removing this computer's copy.
void signOutThroughMenu(MainWindow& window, bool remove_copy) {
    window.confirmSignOut();
    QMessageBox* box = window.messageBox();
    QVERIFY(box != nullptr);
    QVERIFY(box->checkBox() != nullptr);
    box->checkBox()->setChecked(remove_copy);
    QPushButton* sign_out = nullptr;
    for (auto* button : box->buttons()) {
        if (button->text() == QStringLiteral("サインアウト")) sign_out = qobject_cast<QPushButton*>(button);
    }
    QVERIFY(sign_out != nullptr);
    sign_out->click();
}

}  // namespace

class AccountsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { setUpApplication(); }

    void anotherAccountOnAnotherHomeserverSeesNothingOfTheFirst() {
        const Homeserver& first = Homeserver::get();
        const Homeserver& second = Homeserver::second();
        QVERIFY(first.base_url != second.base_url);
        const QString nurse = Homeserver::registerFreshUser(QStringLiteral("gui-acct-nurse"));
        QVERIFY(!nurse.isEmpty());
        QTemporaryDir root;
        CoreBridge bridge(root.path());
        useTestKdf(bridge);
        Startup startup(bridge, {});
        startup.begin();
        signIn(startup, Homeserver::get(), nurse, kNursePassphrase);
        if (QTest::currentTestFailed()) return;

        // The nurse's patient room, a post only the team may read, and a draft.
        const RawResponse created =
            rawCall(nurse, "POST", QStringLiteral("/_matrix/client/v3/createRoom"),
                    {{QStringLiteral("name"), QStringLiteral("松本 トメ 様（アカウントテスト）")}, {QStringLiteral("preset"), QStringLiteral("private_chat")}});
        QCOMPARE(created.status, 200L);
        const QString room = created.body.value(QStringLiteral("room_id")).toString();
        QVERIFY(!bridge.sendText(room, kSecretPost).isEmpty());
        QVERIFY(bridge.saveDraft(room, kDraft));
        MainWindow* window = startup.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(listsRoom(*window->roomListModel(), room), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(bridge.queuedCount(), 0, 60000);
        const QString nurse_account = bridge.selectedAccount();

        signOutThroughMenu(*window, false);
        if (QTest::currentTestFailed()) return;
        // The account is closed: its data needs the passphrase again.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<UnlockDialog*>(startup.currentWindow()) != nullptr, 60000);
        QVERIFY(startup.mainWindow() == nullptr);
        QVERIFY(!bridge.isOpen());
        QVERIFY(bridge.session() == nullptr);
        auto* unlock = qobject_cast<UnlockDialog*>(startup.currentWindow());
        QVERIFY(QTest::qWaitForWindowExposed(unlock));
        QVERIFY(!saveScreenshot(unlock, QStringLiteral("accounts_unlock_after_sign_out")).isEmpty());

        // The nurse's data, unlocked again, signs in as the nurse only: the dialog offers
        // nothing else, and the bridge refuses another account on another homeserver.
        unlock->secretField()->setText(kNursePassphrase);
        QTest::mouseClick(unlock->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<SignInDialog*>(startup.currentWindow()) != nullptr, 60000);
        auto* again = qobject_cast<SignInDialog*>(startup.currentWindow());
        QLineEdit* user = nullptr;
        for (auto* field : again->findChildren<QLineEdit*>()) {
            if (field->accessibleName() == QStringLiteral("ユーザー名")) user = field;
        }
        QVERIFY(user != nullptr);
        QVERIFY(user->isReadOnly());
        QCOMPARE(user->text(), first.userId(nurse));
        QVERIFY(!fieldNamed(again, QStringLiteral("パスフレーズ"))->isVisible());
        QSignalSpy refused(&bridge, &CoreBridge::signInFinished);
        bridge.signIn(second.base_url, QStringLiteral("dr.tanaka"), second.password(QStringLiteral("dr.tanaka")));
        QVERIFY(refused.wait(60000));
        QCOMPARE(refused.at(0).at(0).toBool(), false);
        QCOMPARE(refused.at(0).at(1).toString(),
                 QStringLiteral("開いているデータは別のアカウントのものです。サインアウトしてから、このアカウントで"
                                "サインインしてください（アカウントごとに別々のデータになります）。"));
        QVERIFY(!bridge.isSignedIn());
        // Cancel closes the nurse's data again and goes back to the choice of account.
        QTest::mouseClick(buttonNamed(again, QStringLiteral("キャンセル")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<UnlockDialog*>(startup.currentWindow()) != nullptr, 60000);
        QVERIFY(!bridge.isOpen());
        unlock = qobject_cast<UnlockDialog*>(startup.currentWindow());

        // Another person, another homeserver: a new account with data of its own.
        QTest::mouseClick(buttonNamed(unlock, QStringLiteral("別のアカウントでサインイン…")), Qt::LeftButton);
        QTRY_VERIFY(qobject_cast<SignInDialog*>(startup.currentWindow()) != nullptr);
        signIn(startup, second, QStringLiteral("dr.tanaka"), kDoctorPassphrase);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(bridge.userId(), second.userId(QStringLiteral("dr.tanaka")));
        QVERIFY(bridge.selectedAccount() != nurse_account);
        window = startup.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(bridge.syncStatus() == SyncStatus::Online, 60000);

        // Nothing of the nurse's account is reachable from the physician's.
        QVERIFY(!listsRoom(*window->roomListModel(), room));
        QVERIFY(!listsRoom(*window->roomListModel(), QStringLiteral("松本 トメ")));
        auto rooms = bridge.session()->rooms();
        QVERIFY(rooms.ok());
        for (const auto& r : *rooms) QVERIFY(QString::fromStdString(r.room_id) != room);
        auto events = bridge.session()->timeline(room.toStdString(), 50, std::nullopt);
        QVERIFY(events.ok() && events->empty());
        QVERIFY(bridge.draft(room).isEmpty());
        QVERIFY(bridge.pendingPosts(room).isEmpty());
        QVERIFY(!saveScreenshot(window, QStringLiteral("accounts_other_homeserver")).isEmpty());

        // Both accounts stay on this computer, each in its own directory.
        const auto accounts = bridge.accounts();
        QCOMPARE(accounts.size(), 2);
        QVERIFY(accounts[0].id != accounts[1].id);
        bridge.stopSync();
    }

    void signingOutCanRemoveThisComputersCopy() {
        const QString nurse = Homeserver::registerFreshUser(QStringLiteral("gui-acct-remove"));
        QVERIFY(!nurse.isEmpty());
        QTemporaryDir root;
        CoreBridge bridge(root.path());
        useTestKdf(bridge);
        Startup startup(bridge, {});
        startup.begin();
        signIn(startup, Homeserver::get(), nurse, kNursePassphrase);
        if (QTest::currentTestFailed()) return;
        const QString account_dir = root.path() + QStringLiteral("/accounts/") + bridge.selectedAccount();
        QVERIFY(QFileInfo::exists(account_dir + QStringLiteral("/vault.db")));

        signOutThroughMenu(*startup.mainWindow(), true);
        if (QTest::currentTestFailed()) return;
        // No account left: the next person starts from a fresh sign-in.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<SignInDialog*>(startup.currentWindow()) != nullptr, 60000);
        QVERIFY(!QFileInfo::exists(account_dir));
        QVERIFY(bridge.accounts().isEmpty());
        QVERIFY(!bridge.hasLocalData());
    }
};

QTEST_MAIN(AccountsTest)
#include "accounts_test.moc"
