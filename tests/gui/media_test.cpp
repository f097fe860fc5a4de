// Image posts against the real Synapse: dr.tanaka (a core Session of their own) posts an
// image and nurse.sato's TimelineModel shows it with its mxc URL, size and, once asked for,
// a thumbnail fetched through the bridge (memory only); the nurse posts an image through the
// bridge (sending -> sent, one row; any file now goes, see actions_test.cpp); the
// full-size picture arrives decoded, and bytes whose declared type is wrong are not shown.
// Screenshots: main_window_image.png (the thumbnail in the timeline), image_viewer.png.
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "timeline/composer.h"
#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "image_viewer.h"
#include "main_window.h"
#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using renkei::guitest::countBodies;
using renkei::guitest::rowWithBody;
using renkei::guitest::sendState;
using renkei::guitest::unique;
using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using renkei::ui::CoreBridge;
using renkei::ui::SendState;
using renkei::ui::TimelineModel;

namespace {

constexpr int kSyncMs = 30000;
const QString kFixture = QStringLiteral(RENKEI_FIXTURES_DIR "/media_diagram_120x90.png");

QImage thumbnailAt(const QAbstractItemModel& model, int row) {
    return model.index(row, 0).data(TimelineModel::ThumbnailRole).value<QImage>();
}

}  // namespace

class MediaTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        const auto& hs = Homeserver::get();
        QVERIFY(dir_.isValid());
        QVERIFY(QFile::exists(kFixture));
        bridge_ = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/data"));
        renkei::guitest::useTestKdf(*bridge_);
        QSignalSpy unlocked(bridge_.get(), &CoreBridge::unlockFinished);
        bridge_->unlock(QStringLiteral("画像のテスト"));
        QVERIFY(unlocked.wait(60000));
        QVERIFY(unlocked.at(0).at(0).toBool());
        QSignalSpy signed_in(bridge_.get(), &CoreBridge::signInFinished);
        bridge_->signIn(hs.base_url, QStringLiteral("nurse.sato"), hs.password(QStringLiteral("nurse.sato")));
        QVERIFY(signed_in.wait(kSyncMs));
        QVERIFY2(signed_in.at(0).at(0).toBool(), qPrintable(signed_in.at(0).at(1).toString()));
        tanaka_ = std::make_unique<OtherClient>(QStringLiteral("dr.tanaka"));
        QVERIFY(tanaka_->ok());
        bridge_->startSync();
        QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), renkei::ui::SyncStatus::Online, 120000);

        auto created = (*tanaka_)->createRoom(
            QStringLiteral("高橋 正男 様（画像テスト）").toStdString(),
            {hs.userId(QStringLiteral("nurse.sato")).toStdString()});
        QVERIFY(created);
        room_ = QString::fromStdString(*created);
        QSignalSpy joined(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->joinRoom(room_);
        QVERIFY(joined.wait(kSyncMs));
        QVERIFY(joined.at(0).at(1).toString().isEmpty());
        QVERIFY((*tanaka_)->sendText(*created, "仙骨部の褥瘡、本日の処置後の様子を共有します。"));
    }

    void cleanupTestCase() {
        if (!bridge_ || !tanaka_ || !tanaka_->ok() || room_.isEmpty()) return;
        QSignalSpy left(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->leaveRoom(room_);
        (void)(*tanaka_)->leaveRoom(room_.toStdString());
        left.wait(kSyncMs);
        bridge_.reset();
        tanaka_.reset();
    }

    void otherUsersImageShowsItsThumbnail() {
        QFile file(kFixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray png = file.readAll();
        image_name_ = unique(QStringLiteral("処置後")) + QStringLiteral(".png");
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_);
        auto sent = (*tanaka_)->sendImage(room_.toStdString(), png.toStdString(), "image/png",
                                          image_name_.toStdString(), 120, 90);
        QVERIFY2(sent, sent ? "" : sent.error().describe().c_str());
        QVERIFY((*tanaka_)->sendText(room_.toStdString(), "発赤は前回より縮小、滲出液少量です。"));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline, image_name_) >= 0, kSyncMs);
        const int row = rowWithBody(timeline, image_name_);
        const QModelIndex post = timeline.index(row, 0);
        QCOMPARE(post.data(TimelineModel::MsgTypeRole).toString(), QStringLiteral("m.image"));
        image_url_ = post.data(TimelineModel::ImageUrlRole).toString();
        QVERIFY2(image_url_.startsWith(QStringLiteral("mxc://")), qPrintable(image_url_));
        QCOMPARE(post.data(TimelineModel::ImageSizeRole).toSize(), QSize(120, 90));
        QCOMPARE(post.data(TimelineModel::IsOwnRole).toBool(), false);

        // Not fetched until asked for; then it arrives by itself, with dataChanged.
        QSignalSpy changed(&timeline, &QAbstractItemModel::dataChanged);
        QVERIFY(thumbnailAt(timeline, row).isNull());
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailAt(timeline, row).isNull(), kSyncMs);
        QVERIFY(!changed.isEmpty());
        const QImage thumb = thumbnailAt(timeline, row);
        QVERIFY(thumb.width() > 0 && thumb.width() <= TimelineModel::kThumbnailEdge);
        QCOMPARE(thumb.width() * 90, thumb.height() * 120);  // aspect kept (4:3)
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::ThumbnailFailedRole).toBool(), false);
        QVERIFY(!bridge_->cachedThumbnail(image_url_).isNull());
        // A text post has no image roles.
        QVERIFY(timeline.index(row + 1, 0).data(TimelineModel::ImageUrlRole).toString().isEmpty());
        QVERIFY(!timeline.index(row + 1, 0).data(TimelineModel::ThumbnailRole).isValid());
    }

    void fullSizeImageArrivesDecodedAsItsDeclaredType() {
        QVERIFY(!image_url_.isEmpty());
        QSignalSpy ready(bridge_.get(), &CoreBridge::imageReady);
        QSignalSpy failed(bridge_.get(), &CoreBridge::imageFailed);
        bridge_->requestImage(image_url_);  // fetched and decoded on a worker
        QVERIFY(ready.wait(kSyncMs));
        QCOMPARE(ready.at(0).at(0).toString(), image_url_);
        QCOMPARE(ready.at(0).at(1).value<QImage>().size(), QSize(120, 90));

        // PNG bytes uploaded as image/jpeg: handled as the declared type, so not shown.
        QFile file(kFixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString name = unique(QStringLiteral("型違い")) + QStringLiteral(".jpg");
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_);
        QVERIFY((*tanaka_)->sendImage(room_.toStdString(), file.readAll().toStdString(), "image/jpeg",
                                      name.toStdString(), 120, 90));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(timeline, name) >= 0, kSyncMs);
        const QString mislabelled = timeline.index(rowWithBody(timeline, name), 0)
                                        .data(TimelineModel::ImageUrlRole).toString();
        bridge_->requestImage(mislabelled);
        QVERIFY(failed.wait(kSyncMs));
        QCOMPARE(failed.at(0).at(0).toString(), mislabelled);
        QCOMPARE(failed.at(0).at(1).toString(), QString());  // no picture of that type
        QCOMPARE(ready.size(), 1);
    }

    void sendImageGoesSendingToSentWithOneRow() {
        const QString name = unique(QStringLiteral("体温表")) + QStringLiteral(".png");
        const QString path = dir_.path() + QLatin1Char('/') + name;
        QVERIFY(QFile::copy(kFixture, path));
        TimelineModel timeline(bridge_.get());
        timeline.setRoom(room_);
        QSignalSpy finished(bridge_.get(), &CoreBridge::sendFinished);
        QSignalSpy queued(bridge_.get(), &CoreBridge::postQueued);
        const int before = timeline.rowCount();
        bridge_->sendFile(room_, path);  // read, checked and copied into the outbox on a worker
        QVERIFY(queued.wait(kSyncMs));
        const QString local_id = queued.at(0).at(1).toString();
        QCOMPARE(timeline.rowCount(), before + 1);
        QCOMPARE(timeline.index(before, 0).data(TimelineModel::LocalIdRole).toString(), local_id);
        QCOMPARE(timeline.index(before, 0).data(TimelineModel::BodyRole).toString(), name);
        QCOMPARE(timeline.index(before, 0).data(TimelineModel::MsgTypeRole).toString(), QStringLiteral("m.image"));
        QVERIFY(sendState(timeline, before) == SendState::Sending || !finished.isEmpty());

        QVERIFY(!finished.isEmpty() || finished.wait(kSyncMs));
        const QString event_id = finished.at(0).at(2).toString();
        QVERIFY2(event_id.startsWith(QLatin1Char('$')), qPrintable(finished.at(0).at(3).toString()));
        QCOMPARE(sendState(timeline, timeline.rowCount() - 1), SendState::Sent);
        // The synced event replaces the echo: one row, now with its mxc URL and size.
        QTRY_VERIFY_WITH_TIMEOUT(!bridge_->pendingPost(local_id).has_value() && timeline.rowOfEvent(event_id) >= 0 &&
                                     !timeline.index(timeline.rowOfEvent(event_id), 0)
                                          .data(TimelineModel::ImageUrlRole).toString().isEmpty(),
                                 kSyncMs);
        QCOMPARE(countBodies(timeline, name), 1);
        QCOMPARE(timeline.rowCount(), before + 1);
        const int row = timeline.rowOfEvent(event_id);
        QCOMPARE(sendState(timeline, row), SendState::Sent);
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::IsOwnRole).toBool(), true);
        QCOMPARE(timeline.index(row, 0).data(TimelineModel::ImageSizeRole).toSize(), QSize(120, 90));
    }

    void mainWindowShowsTheImageAndOpensItFullSize() {
        QVERIFY(!image_url_.isEmpty());
        renkei::ui::MainWindow window(*bridge_);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1280, 720);
        window.openRoom(room_);
        TimelineModel* timeline = window.timelineModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(*timeline, image_name_) >= 0, kSyncMs);
        const int row = rowWithBody(*timeline, image_name_);
        window.timelineView()->scrollToNewest();
        QTRY_VERIFY_WITH_TIMEOUT(!thumbnailAt(*timeline, row).isNull(), kSyncMs);
        window.timelineView()->doItemsLayout();  // lay out the row at its thumbnail height now
        QVERIFY(!renkei::guitest::saveScreenshot(&window, QStringLiteral("main_window_image")).isEmpty());

        // The attach button is there, named for screen readers.
        QCOMPARE(window.composer()->attachButton()->accessibleName(), QStringLiteral("ファイルを添付"));

        // Enter on the image post opens it at full size; Esc closes.
        renkei::ui::TimelineView* view = window.timelineView();
        const QModelIndex index = view->model()->index(row, 0);
        view->setFocus();
        view->setCurrentIndex(index);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(window.imageViewer() != nullptr);
        renkei::ui::ImageViewer* viewer = window.imageViewer();
        QCOMPARE(viewer->mxc(), image_url_);
        QVERIFY(!viewer->accessibleName().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isLoaded(), kSyncMs);
        QVERIFY(!renkei::guitest::saveScreenshot(viewer, QStringLiteral("image_viewer")).isEmpty());
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(window.imageViewer() == nullptr);
    }

private:
    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<OtherClient> tanaka_;
    QString room_, image_name_, image_url_;
};

QTEST_MAIN(MediaTest)
#include "media_test.moc"
