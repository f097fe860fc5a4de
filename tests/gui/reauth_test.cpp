// A failed token refresh in the real MainWindow (issue 9, sessions): on the short-token
// Synapse (fixture "synapse_short_tokens": access tokens live 3 s) the refresh token this
// computer holds is made invalid on the server, the way a copy of the session refreshing
// elsewhere makes it: the server hands that copy a new pair, and once the copy uses it, the
// old refresh token is "not valid anymore" (Synapse: 403 M_FORBIDDEN; the spec's 401
// M_UNKNOWN_TOKEN means the same). Removing the device would not do: its access token is then
// unknown (a hard logout), and no refresh is tried at all. The next post meets the expired
// access token, the refresh is refused, and Renkei asks for the password (「もう一度サインイン」)
// with the post still waiting (not failed) and the draft of another room kept; after signing
// in, the post goes out once. Screenshot: reauth_after_failed_refresh.png.
#include <QApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <mutex>

#include "composer.h"
#include "connection_banner.h"
#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "http/curl_transport.h"
#include "main_window.h"
#include "post_delegate.h"
#include "reauth_dialog.h"
#include "room_list_model.h"
#include "timeline_model.h"

using namespace renkei::ui;
using renkei::guitest::commitText;
using renkei::guitest::countBodies;
using renkei::guitest::Homeserver;
using renkei::guitest::pathPart;
using renkei::guitest::rawCall;
using renkei::guitest::rawCallWithToken;
using renkei::guitest::rowWithBody;
using renkei::guitest::saveScreenshot;
using renkei::guitest::sendState;
using renkei::guitest::unique;

namespace {

constexpr int kNetworkMs = 60000;
const QString kPassphrase = QStringLiteral("再サインイン-みどり野-2026");

/// The transport seam, watching what passes: the newest access and refresh tokens the server
/// gave this computer (login and /refresh answers; kept in memory only, never printed), and
/// the answers to its refresh requests. The requests themselves go to the real server.
class TokenWatcher final : public renkei::http::Transport {
public:
    struct Tokens {
        QString access;
        QString refresh;
    };

    renkei::Result<renkei::http::Response> perform(const renkei::http::Request& request,
                                                   const renkei::http::CancelToken* cancel) override {
        auto response = curl_.perform(request, cancel);
        const bool login = request.url.ends_with("/login") && request.method == "POST";
        const bool refresh = request.url.ends_with("/refresh");
        if (!response || (!login && !refresh)) return response;
        std::lock_guard lock(mutex_);
        if (refresh && response->status != 200) refusals_.push_back(response->status);
        if (response->status == 200) {
            const QJsonObject body = QJsonDocument::fromJson(QByteArray::fromStdString(response->body)).object();
            tokens_.access = body.value(QStringLiteral("access_token")).toString();
            if (body.contains(QStringLiteral("refresh_token"))) {
                tokens_.refresh = body.value(QStringLiteral("refresh_token")).toString();
            }
        }
        return response;
    }

    Tokens latest() const {
        std::lock_guard lock(mutex_);
        return tokens_;
    }
    /// HTTP statuses of refresh requests the server refused.
    QList<long> refusals() const {
        std::lock_guard lock(mutex_);
        return refusals_;
    }

private:
    renkei::http::CurlTransport curl_;
    mutable std::mutex mutex_;
    Tokens tokens_;
    QList<long> refusals_;
};

/// Asks the server whether an access token has expired (a soft logout), at most every 100 ms;
/// once it has, stays true (QTRY_* evaluate their condition more than once).
class ExpiryProbe {
public:
    explicit ExpiryProbe(QString access_token) : token_(std::move(access_token)) {}
    bool expired() {
        if (expired_ || !next_ask_.hasExpired()) return expired_;
        next_ask_.setRemainingTime(100);
        const auto who = rawCallWithToken(Homeserver::second(), "GET",
                                          QStringLiteral("/_matrix/client/v3/account/whoami"), token_);
        expired_ = who.status == 401 && who.body.value(QStringLiteral("soft_logout")).toBool();
        return expired_;
    }

private:
    QString token_;
    QDeadlineTimer next_ask_;
    bool expired_ = false;
};

/// Makes the refresh token this computer holds invalid on the server: refreshes with it as a
/// copy of the session elsewhere would, and uses the new access token (whoami). If Renkei
/// refreshed in between (its newest refresh token changed), tries again with that one.
bool invalidateRefreshToken(const TokenWatcher& watcher) {
    const Homeserver& hs = Homeserver::second();
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString held = watcher.latest().refresh;
        if (held.isEmpty()) return false;
        const auto pair = rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/refresh"), {},
                                           {{QStringLiteral("refresh_token"), held}});
        if (pair.status != 200) continue;
        const QString access = pair.body.value(QStringLiteral("access_token")).toString();
        if (rawCallWithToken(hs, "GET", QStringLiteral("/_matrix/client/v3/account/whoami"), access).status != 200) {
            continue;
        }
        if (watcher.latest().refresh == held) return true;
    }
    return false;
}

/// How often `body` is in the room as the server has it (the user's own view, newest 50).
int serverCopies(const QString& user, const QString& room_id, const QString& body) {
    const auto messages = rawCall(Homeserver::second(), user, "GET",
                                  QStringLiteral("/_matrix/client/v3/rooms/%1/messages?dir=b&limit=50").arg(pathPart(room_id)));
    int n = 0;
    for (const auto& event : messages.body.value(QStringLiteral("chunk")).toArray()) {
        n += event.toObject()[QStringLiteral("content")][QStringLiteral("body")].toString() == body ? 1 : 0;
    }
    return n;
}

}  // namespace

class ReauthTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { renkei::guitest::setUpApplication(); }
    void failedRefreshAsksToSignInAgainAndKeepsDraftAndPost();
};

void ReauthTest::failedRefreshAsksToSignInAgainAndKeepsDraftAndPost() {
    const Homeserver& hs = Homeserver::second();
    if (hs.external) QSKIP("an external homeserver has its own token lifetime");
    const QString nurse = Homeserver::registerFreshUserOnSecond(QStringLiteral("nurse.reauth"));
    QVERIFY(!nurse.isEmpty());
    QString rooms[2];
    const char* names[2] = {"中村 ハル 様（再サインイン）", "高橋 実 様（再サインイン）"};
    for (int i = 0; i < 2; ++i) {
        const auto created = rawCall(hs, nurse, "POST", QStringLiteral("/_matrix/client/v3/createRoom"),
                                     {{QStringLiteral("name"), QString::fromUtf8(names[i])},
                                      {QStringLiteral("preset"), QStringLiteral("private_chat")}});
        QCOMPARE(created.status, 200L);
        rooms[i] = created.body.value(QStringLiteral("room_id")).toString();
    }

    QTemporaryDir dir;
    auto watcher = std::make_shared<TokenWatcher>();
    CoreBridge bridge(dir.path());
    renkei::guitest::useTestKdf(bridge);
    bridge.setTransport(watcher);
    QVERIFY(renkei::guitest::openAndSignIn(bridge, kPassphrase, nurse, &hs));
    QVERIFY(!watcher->latest().refresh.isEmpty());  // the session can refresh its token
    MainWindow window(bridge);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.roomListModel()->rowOfRoom(rooms[0]) >= 0 &&
                                 window.roomListModel()->rowOfRoom(rooms[1]) >= 0,
                             kNetworkMs);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(QStringLiteral("オンライン")), kNetworkMs);

    // A draft in the second room, saved.
    const QString draft = QStringLiteral("次回: 服薬カレンダーの確認、ご家族へ連絡");
    window.openRoom(rooms[1]);
    commitText(window.composer()->editor(), draft);
    QTRY_COMPARE_WITH_TIMEOUT(bridge.draft(rooms[1]), draft, 5000);
    window.openRoom(rooms[0]);

    // The refresh token is made invalid elsewhere; then the access token runs out (3 s).
    QVERIFY(invalidateRefreshToken(*watcher));
    ExpiryProbe probe(watcher->latest().access);
    QTRY_VERIFY_WITH_TIMEOUT(probe.expired(), 30000);
    // (Sync may meet the expired token first, if an event ends its long poll; then the
    // dialog is there already, and was made before the post was queued.)
    const bool asked_before_the_post = window.reauthDialog() != nullptr;

    // A post: its send meets the expired token, the refresh is refused.
    const QString post = unique(QStringLiteral("16:20 訪問。食欲あり、夕食は8割摂取。"));
    commitText(window.composer()->editor(), post);
    QTest::keyClick(window.composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(window.composer()->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!watcher->refusals().isEmpty(), kNetworkMs);
    const QList<long> refused = watcher->refusals();
    QVERIFY(refused.first() == 401 || refused.first() == 403);
    QTRY_VERIFY_WITH_TIMEOUT((window.reauthDialog() != nullptr && window.reauthDialog()->isVisible()) ||
                                 bridge.failedCount() > 0,
                             kNetworkMs);
    QVERIFY2(bridge.failedCount() == 0, qPrintable(QStringLiteral("the post was marked failed: ") +
                                                   bridge.pendingPosts(rooms[0]).value(0).error_text));
    ReauthDialog* dialog = window.reauthDialog();
    QVERIFY(dialog != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("もう一度サインイン"));
    QVERIFY(bridge.needsSignIn());

    // Nothing is lost: the post waits (not failed), the draft is kept, and both say so.
    QTRY_COMPARE(sendState(*window.timelineModel(), rowWithBody(*window.timelineModel(), post)), SendState::Waiting);
    QCOMPARE(PostDelegate::stateText(window.timelineModel()->index(rowWithBody(*window.timelineModel(), post), 0)),
             QStringLiteral("送信待ち"));
    QCOMPARE(bridge.queuedCount(), 1);
    QCOMPARE(bridge.failedCount(), 0);
    QCOMPARE(bridge.draft(rooms[1]), draft);
    QCOMPARE(window.connectionBanner()->text(),
             QStringLiteral("投稿の送受信を続けるには、もう一度サインインしてください。下書きと送信待ちの投稿（1件）は"
                            "この端末に保存されています。"));
    const QString kept = asked_before_the_post
                             ? QStringLiteral("下書きはこの端末に保存されていて、消えません。")
                             : QStringLiteral("下書きと、まだ送信されていない投稿（1件）はこの端末に保存されていて、"
                                              "消えません。送信待ちの投稿はサインインのあとで送信します。");
    bool says_kept = false;
    for (auto* label : dialog->findChildren<QLabel*>()) says_kept = says_kept || label->text() == kept;
    QVERIFY2(says_kept, qPrintable(kept));
    QVERIFY(!saveScreenshot(&window, QStringLiteral("reauth_after_failed_refresh")).isEmpty());

    // Signed in again: the post goes out once, the draft stays.
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QTest::keyClicks(dialog->passwordField(), hs.password(nurse));
    QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    QVERIFY(accepted.wait(kNetworkMs));
    QVERIFY(!bridge.needsSignIn());
    QTRY_VERIFY_WITH_TIMEOUT(bridge.pendingPosts(rooms[0]).isEmpty(), kNetworkMs);
    QCOMPARE(countBodies(*window.timelineModel(), post), 1);
    QCOMPARE(serverCopies(nurse, rooms[0], post), 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->isHidden(), kNetworkMs);
    window.openRoom(rooms[1]);
    QCOMPARE(window.composer()->text(), draft);
    QCOMPARE(bridge.draft(rooms[1]), draft);
}

QTEST_MAIN(ReauthTest)
#include "reauth_test.moc"
