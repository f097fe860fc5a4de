// Issue 10, the whole history offline, in the app: a clinician in 3 rooms of 80 posts each
// (seeded through the plain Client-Server API, so the first sync leaves a gap in each) opens
// Renkei. The status bar says 「オフライン用に履歴を取得中 x/3」 while the back-fill runs and
// nothing once it settled; the open room's header says 「全履歴をこの端末に保存済み」; with
// Synapse stopped each room reads from its first post to its last, nothing missing or
// doubled. Stopping sync or signing out while a /messages request is held by a FaultProxy
// returns at once. Screenshot of the status bar and the header.
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "bridge/history_bridge.h"
#include "fault_proxy.h"
#include "gui_support.h"
#include "main_window.h"
#include "settings_dialog.h"
#include "timeline/timeline_model.h"
#include "via_proxy.h"

using renkei::guitest::Homeserver;
using renkei::test::FaultProxy;
using renkei::test::FaultRule;
using renkei::test::ViaProxy;
using renkei::ui::CoreBridge;
using renkei::ui::HistoryState;
using renkei::ui::MainWindow;
using renkei::ui::TimelineModel;

namespace {

constexpr int kRooms = 3;
constexpr int kPosts = 80;       // more than a sync's 50 events per room: a gap in each
constexpr int kPromptMs = 2000;  // "at once": far below the held request's minutes
const QString kPassphrase = QStringLiteral("履歴-オフライン-あおば-2026");

struct Seeded {
    QStringList rooms;  ///< room k holds "<tag> r<k> p<i>", i = 0 .. kPosts-1
    QString tag;
};

/// Seeds kRooms x kPosts for `user` with seed_history.py (the integration tests' seeder).
Seeded seed(const QString& user) {
    const QByteArray state_override = qgetenv("RENKEI_HOMESERVER_STATE");
    const QString state = !state_override.isEmpty() ? QString::fromLocal8Bit(state_override)
                                                    : QStringLiteral(RENKEI_HOMESERVER_DIR "/state.json");
    Seeded seeded;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(RENKEI_PYTHON),
                  {QStringLiteral(RENKEI_SEED_HISTORY), QStringLiteral("--state"), state,
                   QStringLiteral("--user"), user, QStringLiteral("--rooms"), QString::number(kRooms),
                   QStringLiteral("--posts"), QString::number(kPosts), QStringLiteral("--tag"),
                   renkei::guitest::unique(QStringLiteral("hist"))});
    if (!process.waitForFinished(180000) || process.exitCode() != 0) return seeded;
    const QJsonObject out = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    for (const auto& id : out.value(QStringLiteral("rooms")).toArray()) seeded.rooms << id.toString();
    seeded.tag = out.value(QStringLiteral("tag")).toString();
    return seeded;
}

/// The bodies the model shows, oldest first.
QStringList bodies(const TimelineModel& model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row, 0).data(TimelineModel::BodyRole).toString();
    }
    return out;
}

}  // namespace

class HistoryTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        QVERIFY(dir_.isValid());
        user_ = Homeserver::registerFreshUser(QStringLiteral("gui-history"));
        QVERIFY(!user_.isEmpty());
        seeded_ = seed(user_);
        QCOMPARE(seeded_.rooms.size(), kRooms);
    }

    // 設定 → オフライン用に保存する履歴: すべて (default) / 1年 / 3か月, kept across starts.
    void horizonSetting() {
        QCOMPARE(renkei::ui::AppSettings().history_days, 0);
        renkei::ui::AppSettings current;
        current.history_days = 90;
        renkei::ui::SettingsDialog dialog(current);
        QList<QComboBox*> combos = dialog.findChildren<QComboBox*>();
        QComboBox* history = nullptr;
        for (QComboBox* c : combos) {
            if (c->accessibleName() == QStringLiteral("オフライン用に保存する履歴")) history = c;
        }
        QVERIFY(history != nullptr);
        QCOMPARE(history->currentText(), QStringLiteral("3か月"));
        QStringList items;
        for (int i = 0; i < history->count(); ++i) items << history->itemText(i);
        QCOMPARE(items, (QStringList{QStringLiteral("すべて"), QStringLiteral("1年"), QStringLiteral("3か月")}));
        history->setCurrentIndex(1);
        const renkei::ui::AppSettings chosen = dialog.settings();
        QCOMPARE(chosen.history_days, 365);
        chosen.save();
        QCOMPARE(renkei::ui::AppSettings::load().history_days, 365);
        renkei::ui::AppSettings all;
        all.save();
        QCOMPARE(renkei::ui::AppSettings::load().history_days, 0);
    }

    // Before anything else: the back-filler is stopped with sync, with a request in flight.
    void stoppingIsPrompt() {
        const auto& hs = Homeserver::get();
        const auto [host, port] = renkei::test::hostPort(hs.base_url.toStdString());
        FaultProxy proxy(host, port);
        FaultRule hold;
        hold.method = "GET";
        hold.path_contains = "/messages";
        hold.times = 1000;
        hold.action = FaultRule::Action::Hold;
        proxy.addRule(hold);
        for (const bool sign_out : {false, true}) {
            auto bridge = std::make_unique<CoreBridge>(dir_.path() + (sign_out ? "/held-out" : "/held-stop"));
            renkei::guitest::useTestKdf(*bridge);
            bridge->setTransport(std::make_shared<ViaProxy>(hs.base_url.toStdString(), proxy.baseUrl()));
            QVERIFY(renkei::guitest::openAndSignIn(*bridge, kPassphrase, user_));
            QSignalSpy progress(bridge.get(), &CoreBridge::historyProgress);
            const auto held_before = proxy.requests("GET", "/messages").size();
            bridge->startSync();
            // The first sync round starts the back-fill, whose first page is held.
            QTRY_VERIFY_WITH_TIMEOUT(proxy.requests("GET", "/messages").size() > held_before, 30000);
            QCOMPARE(bridge->historyState(), HistoryState::Running);

            QElapsedTimer stopping;
            stopping.start();
            if (sign_out) {
                QSignalSpy signed_out(bridge.get(), &CoreBridge::signedOut);
                QVERIFY(bridge->signOut());
                QVERIFY(stopping.elapsed() < kPromptMs);
                QTRY_VERIFY_WITH_TIMEOUT(!signed_out.isEmpty(), 30000);
                QCOMPARE(bridge->historyRoomsTotal(), 0);
            } else {
                bridge->stopSync();
                QVERIFY2(stopping.elapsed() < kPromptMs,
                         qPrintable(QStringLiteral("stopSync took %1 ms").arg(stopping.elapsed())));
            }
            QCOMPARE(bridge->historyState(), HistoryState::Idle);
            QVERIFY(!progress.isEmpty() && progress.last().at(2).toBool());  // settled: nothing runs
            stopping.restart();
            bridge.reset();  // quitting
            QVERIFY(stopping.elapsed() < kPromptMs);
        }
        proxy.release();
    }

    void backfillsEveryRoomAndReadsOffline() {
        auto bridge = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/app"));
        renkei::guitest::useTestKdf(*bridge);
        QVERIFY(renkei::guitest::openAndSignIn(*bridge, kPassphrase, user_));
        // What the status bar said at each step (recorded after the window's own slot ran).
        QStringList seen;
        bool settled = false;
        int done_at_settle = -1;
        QString shot;
        auto window = std::make_unique<MainWindow>(*bridge);
        window->resize(1100, 640);
        window->show();
        connect(bridge.get(), &CoreBridge::historyProgress, window.get(),
                [&](int done, int total, bool is_settled) {
                    QLabel* label = window->historyStatusLabel();
                    if (label->isVisible()) seen << label->text();
                    if (is_settled && total == kRooms) {
                        settled = true;
                        done_at_settle = done;
                        QVERIFY(label->isHidden());
                    }
                    // While it runs, with one room complete: the picture of both marks.
                    if (!is_settled && shot.isEmpty() && done >= 1) {
                        for (const QString& room : seeded_.rooms) {
                            if (!bridge->historyComplete(room)) continue;
                            window->openRoom(room);
                            shot = renkei::guitest::saveScreenshot(window.get(), QStringLiteral("history-status"));
                            break;
                        }
                    }
                });
        QTRY_VERIFY_WITH_TIMEOUT(settled, 60000);
        QCOMPARE(done_at_settle, kRooms);
        QVERIFY2(!seen.isEmpty(), "the status bar never said the history was being fetched");
        for (const QString& text : seen) {
            QVERIFY2(text.startsWith(QStringLiteral("オフライン用に履歴を取得中 ")) &&
                         text.endsWith(QStringLiteral("/3")),
                     qPrintable(text));
        }
        QVERIFY(window->historyStatusLabel()->isHidden());
        QVERIFY(!shot.isEmpty());

        window->openRoom(seeded_.rooms.at(0));
        QTRY_VERIFY(window->historyMarkLabel()->isVisible());
        QCOMPARE(window->historyMarkLabel()->text(), QStringLiteral("全履歴をこの端末に保存済み"));
        for (const QString& room : seeded_.rooms) QVERIFY(bridge->historyComplete(room));

        // The server goes away: every room reads from its first post from the cache alone.
        QVERIFY(Homeserver::get().stop());
        server_stopped_ = true;
        for (int k = 0; k < kRooms; ++k) {
            window->openRoom(seeded_.rooms.at(k));
            QVERIFY(window->historyMarkLabel()->isVisible());
            TimelineModel* model = window->timelineModel();
            QElapsedTimer deadline;
            deadline.start();
            while (model->hasEarlier() && deadline.elapsed() < 10000) {
                const int rows = model->rowCount();
                model->loadEarlier();
                QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > rows || !model->hasEarlier(), 5000);
            }
            QVERIFY(!model->hasEarlier());
            QStringList posts;
            const QString prefix = QStringLiteral("%1 r%2 p").arg(seeded_.tag).arg(k);
            for (const QString& body : bodies(*model)) {
                if (body.startsWith(prefix)) posts << body;
            }
            QStringList expected;
            for (int i = 0; i < kPosts; ++i) expected << prefix + QString::number(i);
            QCOMPARE(posts, expected);  // in order, none missing, none twice
        }
        window.reset();
        bridge.reset();
        QVERIFY(Homeserver::get().start());
        server_stopped_ = false;
    }

    void cleanupTestCase() {
        if (server_stopped_) Homeserver::get().start();  // leave the fixture running
    }

private:
    QTemporaryDir dir_;
    QString user_;
    Seeded seeded_;
    bool server_stopped_ = false;
};

QTEST_MAIN(HistoryTest)
#include "history_test.moc"
