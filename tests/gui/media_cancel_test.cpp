// Slow media never holds the app: nurse.sato's Renkei talks to the real Synapse through a
// FaultProxy (tests/integration/fault_proxy.h) that stalls every reply for a minute, as a
// black-holed link would, while a full-size image and a thumbnail are being fetched. Closing
// the app (destroying the bridge) and signing out both return at once; the downloads end as
// cancelled. Deadlines are measured, nothing sleeps.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "fault_proxy.h"
#include "gui_support.h"
#include "via_proxy.h"

using renkei::guitest::Homeserver;
using renkei::test::FaultPlan;
using renkei::test::FaultProxy;
using renkei::test::ViaProxy;
using renkei::ui::CoreBridge;

namespace {

constexpr int kStallMs = 60000;   // how long the proxy holds each reply
constexpr int kPromptMs = 5000;   // "at once": far below the stall and the 5-minute media timeout
const QString kPassphrase = QStringLiteral("media-cancel-あおば-2026");

FaultPlan stallEverything() {
    FaultPlan plan;
    plan.stall = 1;
    plan.stall_for = std::chrono::milliseconds(kStallMs);
    return plan;
}

/// A content URI on the test server (the reply is held by the proxy whatever it would be).
QString mediaUri(const QString& id) {
    const QString user = Homeserver::get().userId(QStringLiteral("nurse.sato"));
    return QStringLiteral("mxc://%1/%2").arg(user.section(QLatin1Char(':'), 1), id);
}

}  // namespace

class MediaCancelTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        QVERIFY(dir_.isValid());
        const auto& hs = Homeserver::get();
        const auto [host, port] = renkei::test::hostPort(hs.base_url.toStdString());
        proxy_ = std::make_unique<FaultProxy>(host, port);
    }

    void closingDoesNotWaitForDownloads() {
        auto bridge = signedInBridge(QStringLiteral("/close"));
        QVERIFY(bridge);
        proxy_->setPlan(stallEverything());
        const int stalls_before = proxy_->stats().stalls;
        bridge->requestImage(mediaUri(QStringLiteral("renkeiStalledPhoto01")));
        bridge->requestThumbnail(mediaUri(QStringLiteral("renkeiStalledPhoto02")), QSize(96, 96));
        // Both requests are on the wire and held.
        QTRY_VERIFY_WITH_TIMEOUT(proxy_->stats().stalls >= stalls_before + 2, 20000);

        QElapsedTimer closing;
        closing.start();
        bridge.reset();  // what quitting the app does
        const qint64 took = closing.elapsed();
        proxy_->setPlan({});
        QVERIFY2(took < kPromptMs, qPrintable(QStringLiteral("closing took %1 ms").arg(took)));
    }

    void signingOutCancelsDownloads() {
        auto bridge = signedInBridge(QStringLiteral("/sign-out"));
        QVERIFY(bridge);
        const QString mxc = mediaUri(QStringLiteral("renkeiStalledPhoto03"));
        QSignalSpy failed(bridge.get(), &CoreBridge::imageFailed);
        QSignalSpy ready(bridge.get(), &CoreBridge::imageReady);
        QSignalSpy signed_out(bridge.get(), &CoreBridge::signedOut);
        proxy_->setPlan(stallEverything());
        const int stalls_before = proxy_->stats().stalls;
        bridge->requestImage(mxc);
        QTRY_VERIFY_WITH_TIMEOUT(proxy_->stats().stalls >= stalls_before + 1, 20000);

        QElapsedTimer signing_out;
        signing_out.start();
        QVERIFY(bridge->signOut());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kPromptMs);
        QVERIFY(signing_out.elapsed() < kPromptMs);
        QCOMPARE(failed.at(0).at(0).toString(), mxc);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("操作を取り消しました。"));
        QVERIFY(ready.isEmpty());
        // The logout request is held too: end the stalls so the bridge can finish it.
        proxy_.reset();
        QVERIFY(!signed_out.isEmpty() || signed_out.wait(30000));
    }

    void cleanupTestCase() { proxy_.reset(); }

private:
    /// A bridge on its own data directory, signed in as nurse.sato through the proxy.
    std::unique_ptr<CoreBridge> signedInBridge(const QString& sub_dir) {
        const auto& hs = Homeserver::get();
        auto bridge = std::make_unique<CoreBridge>(dir_.path() + sub_dir);
        renkei::guitest::useTestKdf(*bridge);
        bridge->setTransport(
            std::make_shared<ViaProxy>(hs.base_url.toStdString(), proxy_->baseUrl()));
        if (!renkei::guitest::openAndSignIn(*bridge, kPassphrase, QStringLiteral("nurse.sato"))) {
            return nullptr;
        }
        return bridge;
    }

    QTemporaryDir dir_;
    std::unique_ptr<FaultProxy> proxy_;
};

QTEST_MAIN(MediaCancelTest)
#include "media_cancel_test.moc"
