// RoomListModel, RoomFilterModel and TimelineModel over a CoreBridge signed in as
// nurse.sato against the real Synapse, while dr.tanaka posts from another device (a core
// Session of their own). No user action drives the updates: only the bridge's sync.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "room_list_model.h"
#include "timeline/timeline_model.h"

using renkei::guitest::countBodies;
using renkei::guitest::rowWithBody;
using renkei::guitest::sendState;
using renkei::guitest::unique;
using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using renkei::ui::CoreBridge;
using renkei::ui::RoomFilterModel;
using renkei::ui::RoomListModel;
using renkei::ui::SendState;
using renkei::ui::TimelineModel;

namespace {

constexpr int kSyncMs = 30000;

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        const auto& hs = Homeserver::get();
        QVERIFY(dir_.isValid());
        bridge_ = std::make_unique<CoreBridge>(dir_.path());
        renkei::guitest::useTestKdf(*bridge_);
        QSignalSpy unlocked(bridge_.get(), &CoreBridge::unlockFinished);
        bridge_->unlock(QStringLiteral("モデルのテスト"));
        QVERIFY(unlocked.wait(60000));
        QVERIFY(unlocked.at(0).at(0).toBool());
        QSignalSpy signed_in(bridge_.get(), &CoreBridge::signInFinished);
        bridge_->signIn(hs.base_url, QStringLiteral("nurse.sato"), hs.password(QStringLiteral("nurse.sato")));
        QVERIFY(signed_in.wait(kSyncMs));
        QVERIFY2(signed_in.at(0).at(0).toBool(), qPrintable(signed_in.at(0).at(1).toString()));
        tanaka_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
        QVERIFY(tanaka_->ok());
        rooms_ = std::make_unique<RoomListModel>(bridge_.get());
        bridge_->startSync();
        QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), renkei::ui::SyncStatus::Online, 120000);
        room_a_ = createJoinedRoom(QStringLiteral("さくら訪問看護 ") + unique(QStringLiteral("A")));
        room_b_ = createJoinedRoom(QStringLiteral("ひまわり薬局 ") + unique(QStringLiteral("B")));
        QVERIFY(!room_a_.isEmpty() && !room_b_.isEmpty());
    }

    void cleanupTestCase() {
        // Leave the rooms on both sides, so that later runs' initial syncs stay small.
        if (!bridge_ || !tanaka_ || !tanaka_->ok()) return;
        QSignalSpy left(bridge_.get(), &CoreBridge::membershipChanged);
        for (const auto& room : created_) {
            bridge_->leaveRoom(room);
            (void)(*tanaka_)->leaveRoom(room.toStdString());
        }
        QTRY_COMPARE_WITH_TIMEOUT(left.size(), created_.size(), kSyncMs);
        rooms_.reset();
        bridge_.reset();
        tanaka_.reset();
    }

    void roomListFillsAndOrdersByActivity() {
        QVERIFY(rooms_->rowOfRoom(room_a_) >= 0 && rooms_->rowOfRoom(room_b_) >= 0);
        QSignalSpy resets(rooms_.get(), &QAbstractItemModel::modelReset);
        const QString to_a = unique(QStringLiteral("A宛て"));
        QVERIFY((*tanaka_)->sendText(room_a_.toStdString(), to_a.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(rooms_->rowOfRoom(room_a_) >= 0 &&
                                     rooms_->rowOfRoom(room_a_) < rooms_->rowOfRoom(room_b_) &&
                                     lastBody(room_a_) == to_a,
                                 kSyncMs);
        // Ordinary rooms follow the patient rooms, the most recently active first.
        QCOMPARE(rooms_->rowOfRoom(room_a_), firstOrdinaryRow());
        const QString to_b = unique(QStringLiteral("B宛て"));
        QVERIFY((*tanaka_)->sendText(room_b_.toStdString(), to_b.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(rooms_->rowOfRoom(room_b_) < rooms_->rowOfRoom(room_a_) &&
                                     lastBody(room_b_) == to_b,
                                 kSyncMs);
        QCOMPARE(rooms_->rowOfRoom(room_b_), firstOrdinaryRow());
        const QModelIndex b = rooms_->index(firstOrdinaryRow());
        QCOMPARE(b.data(RoomListModel::MembershipRole).toString(), QStringLiteral("join"));
        QVERIFY(b.data(RoomListModel::LastTimeRole).toDateTime().isValid());
        QVERIFY(b.data(RoomListModel::UnreadRole).toInt() >= 1);
        QCOMPARE(b.data(RoomListModel::HasUnsentRole).toBool(), false);
        QCOMPARE(resets.size(), 0);  // row moves and data changes, never a reset
    }

    void filterMatchesNameAcrossKanaScripts() {
        RoomFilterModel filter;
        filter.setSourceModel(rooms_.get());
        filter.setFilterText(QStringLiteral("サクラ"));  // katakana finds さくら
        bool found = false;
        for (int row = 0; row < filter.rowCount(); ++row) {
            found = found || filter.index(row, 0).data(RoomListModel::RoomIdRole).toString() == room_a_;
            QVERIFY(filter.index(row, 0).data(RoomListModel::RoomIdRole).toString() != room_b_);
        }
        QVERIFY(found);
        filter.setFilterText(QString());
        QCOMPARE(filter.rowCount(), rooms_->rowCount());
    }

    void timelineShowsAnotherUsersPost() {
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_a_);
        QSignalSpy resets(&timeline, &QAbstractItemModel::modelReset);
        const QString text = unique(QStringLiteral("田中です。本日の訪問で血圧 128/76 でした"));
        QVERIFY((*tanaka_)->sendText(room_a_.toStdString(), text.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline, text) >= 0, kSyncMs);
        const QModelIndex post = timeline.index(rowWithBody(timeline, text), 0);
        QCOMPARE(post.row(), timeline.rowCount() - 1);
        QCOMPARE(post.data(TimelineModel::SenderRole).toString(),
                 Homeserver::get().userId(QStringLiteral("dr.tanaka")));
        const QString tanaka_name = renkei::guitest::profileDisplayName(Homeserver::get().userId(QStringLiteral("dr.tanaka")));
        QVERIFY(!tanaka_name.isEmpty());
        QCOMPARE(post.data(TimelineModel::SenderNameRole).toString(), tanaka_name);
        QCOMPARE(post.data(TimelineModel::IsOwnRole).toBool(), false);
        QVERIFY(post.data(TimelineModel::EventIdRole).toString().startsWith(QLatin1Char('$')));
        QVERIFY(post.data(TimelineModel::TimeRole).toDateTime().isValid());
        QCOMPARE(sendState(timeline, post.row()), SendState::Sent);
        QCOMPARE(resets.size(), 0);
    }

    void localEchoGoesSendingToSentWithoutDuplicate() {
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_a_);
        QSignalSpy resets(&timeline, &QAbstractItemModel::modelReset);
        QSignalSpy finished(bridge_.get(), &CoreBridge::sendFinished);
        const int before = timeline.rowCount();
        const QString text = unique(QStringLiteral("佐藤です。服薬を確認しました"));
        const QString local_id = bridge_->sendText(room_a_, text);
        // At once, before any network answer: a Sending row at the end.
        QCOMPARE(timeline.rowCount(), before + 1);
        const int row = before;
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::BodyRole).toString(), text);
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::LocalIdRole).toString(), local_id);
        QCOMPARE(sendState(timeline, row), SendState::Sending);
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::SendStateRole).toInt(),
                 static_cast<int>(SendState::Sending));
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::IsOwnRole).toBool(), true);
        QVERIFY(timeline.index(row, 0).data(TimelineModel::EventIdRole).toString().isEmpty());

        QVERIFY(finished.wait(kSyncMs));
        const QString event_id = finished.at(0).at(2).toString();
        QVERIFY2(event_id.startsWith(QLatin1Char('$')), qPrintable(finished.at(0).at(3).toString()));
        QCOMPARE(sendState(timeline, timeline.rowCount() - 1), SendState::Sent);
        QCOMPARE(timeline.index(timeline.rowCount() - 1, 0).data(TimelineModel::EventIdRole).toString(),
                 event_id);
        // The sync brings the post back: the echo becomes it, no second row.
        QTRY_VERIFY_WITH_TIMEOUT(!bridge_->pendingPost(local_id).has_value(), kSyncMs);
        QCOMPARE(countBodies(timeline, text), 1);
        QCOMPARE(timeline.rowCount(), before + 1);
        QCOMPARE(timeline.rowOfEvent(event_id), before);
        QCOMPARE(sendState(timeline, before), SendState::Sent);
        QCOMPARE(timeline.newestEventId(), event_id);
        QCOMPARE(resets.size(), 0);
        // A freshly opened timeline shows it once too.
        TimelineModel reopened(bridge_.get());
        reopened.setRoom(room_a_);
        QCOMPARE(countBodies(reopened, text), 1);
        own_event_ = event_id;
    }

    void readCountFollowsTheOtherUsersReceipt() {
        QVERIFY(!own_event_.isEmpty());
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_a_);
        const int row = timeline.rowOfEvent(own_event_);
        QVERIFY(row >= 0);
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::ReadCountRole).toInt(), 0);
        QVERIFY((*tanaka_)->sendReadReceipt(room_a_.toStdString(), own_event_.toStdString()));
        QTRY_COMPARE_WITH_TIMEOUT(timeline.index(row, 0).data(TimelineModel::ReadCountRole).toInt(), 1,
                                  kSyncMs);
        const QStringList readers = timeline.index(row, 0).data(TimelineModel::ReadByRole).toStringList();
        QCOMPARE(readers.size(), 1);
        QCOMPARE(readers.first(),
                 renkei::guitest::profileDisplayName(Homeserver::get().userId(QStringLiteral("dr.tanaka"))));
    }

    void fetchMorePagesOlderPosts() {
        // 70 posts before nurse.sato joins: the join's sync brings only the newest ones.
        constexpr int kPosts = 70;
        const auto& hs = Homeserver::get();
        const QString marker = unique(QStringLiteral("経過"));
        auto created = (*tanaka_)->createRoom(unique(QStringLiteral("長い経過")).toStdString(),
                                              {hs.userId(QStringLiteral("nurse.sato")).toStdString()});
        QVERIFY(created);
        const QString room = QString::fromStdString(*created);
        created_ << room;
        for (int i = 0; i < kPosts; ++i) {
            QVERIFY((*tanaka_)->sendText(*created, QStringLiteral("%1 %2").arg(marker).arg(i).toStdString()));
        }
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room);
        QSignalSpy joined(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->joinRoom(room);
        QVERIFY(joined.wait(kSyncMs));
        QVERIFY(joined.at(0).at(1).toString().isEmpty());
        const QString newest = QStringLiteral("%1 %2").arg(marker).arg(kPosts - 1);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline, newest) >= 0, kSyncMs);
        const int first_page = timeline.rowCount();
        QVERIFY2(first_page <= TimelineModel::kPageSize, "loaded more than one page");
        QVERIFY(first_page < kPosts);
        QVERIFY(timeline.canFetchMore({}));

        QSignalSpy resets(&timeline, &QAbstractItemModel::modelReset);
        QSignalSpy fetching(&timeline, &TimelineModel::fetchingChanged);
        auto pump = [&] {
            if (timeline.canFetchMore({})) timeline.fetchMore({});
            return rowWithBody(timeline, QStringLiteral("%1 0").arg(marker)) >= 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pump(), 60000);
        // The gap before the join's batch came from the server: through the model's own gap
        // fill, or through the offline-history back-fill, which runs after the first sync and
        // may have filled the whole room before the model asked (it then marks it complete).
        QTRY_VERIFY_WITH_TIMEOUT(!fetching.isEmpty() || bridge_->historyComplete(room), kSyncMs);
        QCOMPARE(resets.size(), 0);    // earlier posts were prepended
        for (int i = 0; i < kPosts; ++i) {
            const QString body = QStringLiteral("%1 %2").arg(marker).arg(i);
            QCOMPARE(countBodies(timeline, body), 1);
            if (i > 0) {
                QVERIFY(rowWithBody(timeline, body) >
                        rowWithBody(timeline, QStringLiteral("%1 %2").arg(marker).arg(i - 1)));
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(pump() && !timeline.canFetchMore({}) && !timeline.isFetching(), kSyncMs);
        QVERIFY(!timeline.hasEarlier());
    }

private:
    int firstOrdinaryRow() const {
        for (int row = 0; row < rooms_->rowCount(); ++row) {
            if (!rooms_->index(row).data(RoomListModel::IsPatientRoomRole).toBool()) return row;
        }
        return -1;
    }

    QString createJoinedRoom(const QString& name) {
        const auto& hs = Homeserver::get();
        auto created = (*tanaka_)->createRoom(name.toStdString(),
                                              {hs.userId(QStringLiteral("nurse.sato")).toStdString()});
        if (!created) return {};
        const QString room = QString::fromStdString(*created);
        created_ << room;
        QSignalSpy joined(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->joinRoom(room);
        if (!joined.wait(kSyncMs) || !joined.at(0).at(1).toString().isEmpty()) return {};
        // Patient rooms (kana order) come before ordinary ones, and the list shows pages of
        // kPageSize: on a long-used test account the new room may be on a later page.
        const auto listed = [&] {
            while (rooms_->rowOfRoom(room) < 0 && rooms_->canFetchMore({})) rooms_->fetchMore({});
            return rooms_->rowOfRoom(room) >= 0;
        };
        if (!QTest::qWaitFor(listed, kSyncMs)) return {};
        return room;
    }

    QString lastBody(const QString& room) const {
        const int row = rooms_->rowOfRoom(room);
        return row < 0 ? QString() : rooms_->index(row).data(RoomListModel::LastBodyRole).toString();
    }

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> tanaka_;
    std::unique_ptr<RoomListModel> rooms_;
    QString room_a_, room_b_, own_event_;
    QStringList created_;
};

QTEST_MAIN(ModelsTest)
#include "models_test.moc"
