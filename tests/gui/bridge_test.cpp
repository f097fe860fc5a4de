// CoreBridge against the real Synapse: passphrase unlock (first use sets it, with the
// product's Argon2id work factors, a wrong one is refused in Japanese), sign-in with a good
// and a wrong password, an unreachable server, a stored login restored at the next start,
// sync status, and a failed send.
#include <sodium.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "bridge/core_bridge.h"
#include "error_text.h"
#include "gui_support.h"

using renkei::ui::CoreBridge;
using renkei::ui::SyncStatus;

namespace {

const QString kPassphrase = QStringLiteral("訪問看護 2026 さくら");
constexpr int kUnlockMs = 60000;   // Argon2id MODERATE: ~1 s on a laptop; slower on a busy CI machine
constexpr int kNetworkMs = 30000;

bool unlock(CoreBridge& bridge, const QString& passphrase, QString* error = nullptr) {
    QSignalSpy done(&bridge, &CoreBridge::unlockFinished);
    bridge.unlock(passphrase);
    if (!done.wait(kUnlockMs) || done.size() != 1) return false;
    if (error != nullptr) *error = done.at(0).at(1).toString();
    return done.at(0).at(0).toBool();
}

}  // namespace

class BridgeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { renkei::guitest::setUpApplication(); }

    // The one GUI test on the product's own work factors (the others use the test seam).
    void firstUnlockSetsPassphraseAndLaterChecksIt() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            CoreBridge bridge(dir.path());  // no useTestKdf: the product's default
            QVERIFY(!bridge.hasLocalData());
            QVERIFY(!bridge.isOpen());
            QSignalSpy done(&bridge, &CoreBridge::unlockFinished);
            QElapsedTimer call;
            call.start();
            bridge.unlock(kPassphrase);
            // Argon2id runs on a worker: the call itself returns at once.
            QVERIFY2(call.elapsed() < 300, "unlock() blocked the GUI thread");
            QVERIFY(done.isEmpty());
            QVERIFY(done.wait(kUnlockMs));
            QCOMPARE(done.size(), 1);
            QVERIFY(done.at(0).at(0).toBool());
            QVERIFY(bridge.isOpen());
            QVERIFY(bridge.hasLocalData());
            QVERIFY(!bridge.isSignedIn());
            // The key file records libsodium's MODERATE factors (3 passes, 256 MiB).
            QFile key_file(dir.path() + QStringLiteral("/accounts/") + bridge.selectedAccount() +
                           QStringLiteral("/keys.json"));
            QVERIFY(key_file.open(QIODevice::ReadOnly));
            const QJsonObject recorded = QJsonDocument::fromJson(key_file.readAll()).object();
            QCOMPARE(recorded.value(QStringLiteral("kdf")).toString(), QStringLiteral("argon2id13"));
            QCOMPARE(recorded.value(QStringLiteral("opslimit")).toInteger(),
                     qint64{crypto_pwhash_argon2id_OPSLIMIT_MODERATE});
            QCOMPARE(recorded.value(QStringLiteral("memlimit")).toInteger(),
                     qint64{crypto_pwhash_argon2id_MEMLIMIT_MODERATE});
        }
        {
            CoreBridge bridge(dir.path());
            QVERIFY(bridge.hasLocalData());
            QString error;
            QVERIFY(!unlock(bridge, QStringLiteral("まちがい"), &error));
            QCOMPARE(error, QStringLiteral("パスフレーズが違います。"));
            QVERIFY(!bridge.isOpen());
            QVERIFY(unlock(bridge, kPassphrase, &error));
            QVERIFY(error.isEmpty());
            QVERIFY(bridge.isOpen());
        }
    }

    void signInWrongPasswordThenGoodAndRestored() {
        const auto& hs = renkei::guitest::Homeserver::get();
        QTemporaryDir dir;
        {
            CoreBridge bridge(dir.path());
            renkei::guitest::useTestKdf(bridge);
            QVERIFY(unlock(bridge, kPassphrase));
            QSignalSpy done(&bridge, &CoreBridge::signInFinished);
            bridge.signIn(hs.base_url, QStringLiteral("nurse.sato"), QStringLiteral("wrong-password"));
            QVERIFY(done.wait(kNetworkMs));
            QCOMPARE(done.size(), 1);
            QCOMPARE(done.at(0).at(0).toBool(), false);
            QCOMPARE(done.at(0).at(1).toString(), QStringLiteral("ユーザー名またはパスワードが違います。"));
            QVERIFY(!bridge.isSignedIn());

            bridge.signIn(hs.base_url, QStringLiteral("nurse.sato"), hs.password(QStringLiteral("nurse.sato")));
            QVERIFY(done.wait(kNetworkMs));
            QCOMPARE(done.size(), 2);
            QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
            QVERIFY(bridge.isSignedIn());
            QCOMPARE(bridge.userId(), hs.userId(QStringLiteral("nurse.sato")));

            QSignalSpy status(&bridge, &CoreBridge::syncStatusChanged);
            bridge.startSync();
            QCOMPARE(bridge.syncStatus(), SyncStatus::Syncing);
            QTRY_COMPARE_WITH_TIMEOUT(bridge.syncStatus(), SyncStatus::Online, 60000);
            QVERIFY(bridge.lastSync().isValid());
            QVERIFY(!status.isEmpty());
            bridge.stopSync();
            QCOMPARE(bridge.syncStatus(), SyncStatus::Offline);
        }
        // A later start: the passphrase opens the stored login, no password needed.
        CoreBridge bridge(dir.path());
        QVERIFY(unlock(bridge, kPassphrase));
        QVERIFY(bridge.isSignedIn());
        QCOMPARE(bridge.userId(), hs.userId(QStringLiteral("nurse.sato")));
    }

    void unreachableServerIsExplained() {
        QTemporaryDir dir;
        CoreBridge bridge(dir.path());
        renkei::guitest::useTestKdf(bridge);
        QVERIFY(unlock(bridge, kPassphrase));
        QSignalSpy done(&bridge, &CoreBridge::signInFinished);
        // Port 9 (discard) on the loopback: nothing listens there, the connection is refused.
        bridge.signIn(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("nurse.sato"), QStringLiteral("x"));
        QVERIFY(done.wait(kNetworkMs));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QCOMPARE(done.at(0).at(1).toString(),
                 QStringLiteral("サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。"));
    }

    void failedSendIsKeptUntilDiscarded() {
        const auto& hs = renkei::guitest::Homeserver::get();
        QTemporaryDir dir;
        CoreBridge bridge(dir.path());
        renkei::guitest::useTestKdf(bridge);
        QVERIFY(unlock(bridge, kPassphrase));
        QSignalSpy signed_in(&bridge, &CoreBridge::signInFinished);
        bridge.signIn(hs.base_url, QStringLiteral("nurse.sato"), hs.password(QStringLiteral("nurse.sato")));
        QVERIFY(signed_in.wait(kNetworkMs));
        QVERIFY(signed_in.at(0).at(0).toBool());

        // A room this user is not in: the server refuses the post.
        const QString room = QStringLiteral("!nowhere:") + QUrl(hs.base_url).host();
        QSignalSpy queued(&bridge, &CoreBridge::postQueued);
        QSignalSpy finished(&bridge, &CoreBridge::sendFinished);
        // Queued in the vault even before the send queue runs: it waits (送信待ち).
        const QString local_id = bridge.sendText(room, QStringLiteral("届かない投稿"));
        QVERIFY(!local_id.isEmpty());
        QCOMPARE(queued.size(), 1);  // at once, before the network answers
        QCOMPARE(queued.at(0).at(1).toString(), local_id);
        QVERIFY(bridge.hasUnsent(room));
        QCOMPARE(bridge.pendingPost(local_id)->state, renkei::ui::SendState::Waiting);
        QCOMPARE(bridge.queuedCount(), 1);
        // Nothing can be queued for no room: refused at once, with a reason to show.
        QString error;
        QVERIFY(bridge.sendText(QString(), QStringLiteral("宛先のない投稿"), &error).isEmpty());
        QCOMPARE(error, QStringLiteral("入力内容が正しくありません。確認してから、もう一度お試しください。"));
        QCOMPARE(queued.size(), 1);
        bridge.startSync();  // starts the send queue too
        QVERIFY(finished.wait(kNetworkMs));
        QCOMPARE(finished.at(0).at(1).toString(), local_id);
        QVERIFY(finished.at(0).at(2).toString().isEmpty());
        // Synapse refuses a post to a room the user is not in with 403 M_FORBIDDEN.
        QCOMPARE(finished.at(0).at(3).toString(),
                 QStringLiteral("この操作をする権限がありません。ルームの管理者に確認してください。"));
        const auto post = bridge.pendingPost(local_id);
        QVERIFY(post.has_value());
        QCOMPARE(post->state, renkei::ui::SendState::Failed);
        QVERIFY(bridge.hasUnsent(room));
        QCOMPARE(bridge.failedCount(), 1);
        QCOMPARE(bridge.queuedCount(), 0);
        QSignalSpy discarded(&bridge, &CoreBridge::postDiscarded);
        QVERIFY(bridge.discardPost(local_id));
        QCOMPARE(discarded.size(), 1);
        QVERIFY(!bridge.hasUnsent(room));
        QVERIFY(!bridge.pendingPost(local_id).has_value());
        bridge.stopSync();
    }

    void errorTextsSayWhatToDo() {
        using renkei::ErrorKind;
        using renkei::ui::ErrorContext;
        using renkei::ui::errorText;
        renkei::Error forbidden = renkei::makeError(ErrorKind::Matrix, "forbidden");
        forbidden.errcode = "M_FORBIDDEN";
        forbidden.http_status = 403;
        QCOMPARE(errorText(forbidden, ErrorContext::SignIn), QStringLiteral("ユーザー名またはパスワードが違います。"));
        QVERIFY(errorText(forbidden) != errorText(forbidden, ErrorContext::SignIn));
        QCOMPARE(errorText(renkei::makeError(ErrorKind::Parse, "not matrix"), ErrorContext::SignIn),
                 QStringLiteral("このアドレスは連携サーバーではありません。アドレスを確認してください。"));
        QCOMPARE(errorText(renkei::makeError(ErrorKind::Tls, "cert")),
                 QStringLiteral("サーバーの証明書を確認できません。安全に接続できないため中止しました。管理者に連絡してください。"));
        renkei::Error full = renkei::makeError(ErrorKind::Storage, "write: the disk is full");
        full.errcode = "SQLITE_FULL";
        QCOMPARE(errorText(full),
                 QStringLiteral("ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。"));
        for (auto kind : {ErrorKind::Network, ErrorKind::Timeout, ErrorKind::Cancelled, ErrorKind::Tls,
                          ErrorKind::Http, ErrorKind::Matrix, ErrorKind::RateLimited, ErrorKind::Parse,
                          ErrorKind::Storage, ErrorKind::WrongPassphrase, ErrorKind::NotLoggedIn,
                          ErrorKind::InvalidArgument}) {
            QVERIFY(!errorText(renkei::makeError(kind, "x")).isEmpty());
        }
    }
};

QTEST_MAIN(BridgeTest)
#include "bridge_test.moc"
