// GUI tests: text from the server is shown as text (issue 8, section 2), against the real
// Synapse. A room member whose display name, room name and topic are HTML posts hostile
// formatted_body: images from /dev/zero, file:, qrc: and relative paths, <link>, <style>,
// style attributes, <font size=7>, an 80 px red 「至急」 <h1>, a 1,000-deep table (within the
// sanitiser's length cap) and a 3,000-deep one (over it). The nurse's window paints them:
// the documents' resource loader is never asked, RSS stays flat, the text shows at the normal
// size and colour, rows keep a sane height. The same hostile strings as room name (window
// title, invite bar, leave-room question), topic (room list tool tip) and display name (the
// 既読 tool tip) show exactly as written. Without a server: the delegate's document loads
// nothing even when raw HTML reaches it. Screenshot: rich_text_hostile.png.
#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHelpEvent>
#include <QImage>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolTip>
#include <QUrl>
#include <QWindow>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "image_viewer.h"
#include "invite_bar.h"
#include "main_window.h"
#include "timeline/post_delegate.h"
#include "room_list_model.h"
#include "room_list_view.h"
#include "server_text.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::hoverToolTip;
using renkei::guitest::OtherClient;
using renkei::guitest::pathPart;
using renkei::guitest::rawCall;
using renkei::guitest::rowWithBody;
using renkei::guitest::unique;

namespace {

constexpr int kSyncMs = 60000;
const QString kPassphrase = QStringLiteral("rich-text-2026");
// The hostile member's strings. No double spaces: a tool tip's rich text folds them.
const QString kRoomName = QStringLiteral("<b>至急</b><img src=\"/dev/zero\"> [*] <font size=7>偽</font>の部屋");
const QString kInviteRoomName = QStringLiteral("<h1 style=\"color:red\">招待</h1><img src=\"/dev/zero\">");
const QString kTopic = QStringLiteral("<h1 style=\"font-size:80px;color:red\">至急</h1><img src=\"/dev/zero\">連絡を");
const QString kDisplayName = QStringLiteral("<font size=7 color=red>院長</font><img src=\"/dev/zero\">");
const QString kRelativeImage = QStringLiteral("renkei-rich-text-relative.png");

/// The resident set of this process (VmRSS), in KiB; -1 if unknown.
qint64 residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// What a tool tip shows for `tip`: QToolTip renders it as rich text when
/// Qt::mightBeRichText() says so, otherwise as it is.
QString shownAsToolTip(const QString& tip) {
    if (!Qt::mightBeRichText(tip)) return tip;
    QTextDocument doc;
    doc.setHtml(tip);
    return doc.toPlainText();
}

/// A 300x300 PNG at `path`: loaded as an image it would make a post 300 px tall.
bool writeBigPng(const QString& path) {
    QImage image(300, 300, QImage::Format_RGB32);
    image.fill(Qt::red);
    return image.save(path, "PNG");
}

/// The body of a post as the delegate lays it out: its document (sanitised HTML or the
/// plain body) at the view's font and width.
struct Laid {
    QString text;
    qreal tallest_line = 0;
    bool sized_or_coloured = false;  ///< any font size, colour or image from the HTML
};

Laid layOut(const QModelIndex& index, const QFont& font, int width) {
    SafeTextDocument doc;
    doc.setDefaultFont(font);
    const QString html = index.data(TimelineModel::FormattedBodyRole).toString();
    if (html.isEmpty()) {
        doc.setPlainText(index.data(TimelineModel::BodyRole).toString());
    } else {
        doc.setHtml(html);
    }
    doc.setTextWidth(width);
    doc.documentLayout();  // lays it out
    Laid laid;
    laid.text = doc.toPlainText();
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextLayout* layout = block.layout();
        for (int i = 0; layout != nullptr && i < layout->lineCount(); ++i) {
            laid.tallest_line = qMax(laid.tallest_line, layout->lineAt(i).height());
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            // (A link has the palette's link colour.)
            const bool coloured = !f.isAnchor() && (f.hasProperty(QTextFormat::ForegroundBrush) ||
                                                    f.hasProperty(QTextFormat::BackgroundBrush));
            if (f.isImageFormat() || coloured || f.hasProperty(QTextFormat::FontSizeAdjustment) ||
                f.hasProperty(QTextFormat::FontPointSize) || f.hasProperty(QTextFormat::FontPixelSize)) {
                laid.sized_or_coloured = true;
            }
        }
    }
    return laid;
}

}  // namespace

class RichTextTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void hostilePostsPaintAsText();
    void roomNameTopicAndDisplayNameArePlainText();
    void readByToolTipIsPlainText();
    void delegateDocumentLoadsNothing();
    void cleanupTestCase();

private:
    TimelineModel* timeline() const { return window_->timelineModel(); }
    QString send(const QJsonObject& content);
    int rowOf(const QString& body) const { return rowWithBody(*timeline(), body); }

    QTemporaryDir dir_;
    QString member_name_;
    QString nurse_name_;
    std::unique_ptr<OtherClient> member_;
    QString room_id_;
    QString invite_room_id_;
    QString big_png_url_;
    QString tags_body_, table_1000_body_, table_3000_body_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<MainWindow> window_;
};

QString RichTextTest::send(const QJsonObject& content) {
    const QString path = QStringLiteral("/_matrix/client/v3/rooms/%1/send/m.room.message/%2")
                             .arg(pathPart(room_id_), unique(QStringLiteral("txn")));
    const auto answer = rawCall(member_name_, "PUT", path, content);
    return answer.status == 200 ? answer.body.value(QStringLiteral("event_id")).toString() : QString();
}

void RichTextTest::initTestCase() {
    renkei::guitest::setUpApplication();
    QVERIFY(dir_.isValid());
    const QString big_png = dir_.path() + QStringLiteral("/big.png");
    QVERIFY(writeBigPng(big_png));
    QVERIFY(writeBigPng(QDir::current().filePath(kRelativeImage)));  // for <img src="relative">
    big_png_url_ = QUrl::fromLocalFile(big_png).toString();

    member_name_ = Homeserver::registerFreshUser(QStringLiteral("member.hostile"));
    nurse_name_ = Homeserver::registerFreshUser(QStringLiteral("nurse.richtext"));
    QVERIFY(!member_name_.isEmpty() && !nurse_name_.isEmpty());
    const auto& hs = Homeserver::get();
    const QString member_id = hs.userId(member_name_);
    const std::string nurse = hs.userId(nurse_name_).toStdString();

    // The member's display name is HTML; then their rooms: one the nurse joins, one she is
    // only invited to. Names and topic are HTML too.
    const auto put = [this](const QString& path, const QJsonObject& body) {
        return rawCall(member_name_, "PUT", QStringLiteral("/_matrix/client/v3/") + path, body).status;
    };
    QCOMPARE(put(QStringLiteral("profile/%1/displayname").arg(pathPart(member_id)),
                 {{QStringLiteral("displayname"), kDisplayName}}),
             200L);
    member_ = std::make_unique<OtherClient>(member_name_);
    QVERIFY(member_->ok());
    auto room = (*member_)->createRoom(kRoomName.toStdString(), {nurse});
    QVERIFY2(room, room ? "" : room.error().describe().c_str());
    room_id_ = QString::fromStdString(*room);
    QCOMPARE(put(QStringLiteral("rooms/%1/state/m.room.topic").arg(pathPart(room_id_)),
                 {{QStringLiteral("topic"), kTopic}}),
             200L);
    {
        OtherClient nurse_phone(nurse_name_);
        QVERIFY(nurse_phone.ok());
        QVERIFY(nurse_phone->joinRoom(*room));
    }
    auto invite_room = (*member_)->createRoom(kInviteRoomName.toStdString(), {nurse});
    QVERIFY(invite_room);
    invite_room_id_ = QString::fromStdString(*invite_room);

    const auto html = [](const QString& body, const QString& formatted) {
        return QJsonObject{{QStringLiteral("msgtype"), QStringLiteral("m.text")},
                           {QStringLiteral("body"), body},
                           {QStringLiteral("format"), QStringLiteral("org.matrix.custom.html")},
                           {QStringLiteral("formatted_body"), formatted}};
    };
    tags_body_ = unique(QStringLiteral("至急 本文は普通の大きさで表示される 大きな文字 表"));
    const QString tags =
        QStringLiteral("<h1 style=\"font-size:80px;color:red\">至急</h1>"
                       "<style>p { font-size: 80px; color: red }</style>"
                       "<p style=\"font-size:60px;background-image:url(%1)\">本文は普通の大きさで表示される</p>"
                       "<font size=7 color=red>大きな文字</font>"
                       "<img src=\"/dev/zero\" alt=\"zero\"><img src=\"%1\"><img src=\"qrc:/i18n/renkei_ja.qm\">"
                       "<img src=\":/i18n/renkei_ja.qm\"><img src=\"%2\"><img src=\"https://example.org/a.png\">"
                       "<img src=\"mxc://localhost/AbCdEf\" alt=\"創部の写真\">"
                       "<table background=\"%1\"><tr><td background=\"%1\">表</td></tr></table>"
                       "<p>%3</p><link rel=\"stylesheet\" href=\"%1\">")
            .arg(big_png_url_, kRelativeImage, tags_body_.section(QLatin1Char(' '), -1));
    QVERIFY(!send(html(tags_body_, tags)).isEmpty());
    // 1,000 levels of table are 15 KB: parsed, and flattened to three tables.
    const QString level = QStringLiteral("<table><tr><td>");
    table_1000_body_ = unique(QStringLiteral("千段の表の本文"));
    QVERIFY(!send(html(table_1000_body_, level.repeated(1000) + table_1000_body_)).isEmpty());
    // 3,000 levels are 45 KB, over the sanitiser's cap: the plain body is shown.
    table_3000_body_ = unique(QStringLiteral("三千段の表の本文"));
    QVERIFY(!send(html(table_3000_body_, level.repeated(3000) + table_3000_body_)).isEmpty());

    bridge_ = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/data"));
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, kPassphrase, nurse_name_));
    window_ = std::make_unique<MainWindow>(*bridge_);
    window_->resize(1280, 720);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(room_id_) >= 0, kSyncMs);
    QTRY_VERIFY_WITH_TIMEOUT(window_->roomListModel()->rowOfRoom(invite_room_id_) >= 0, kSyncMs);
}

void RichTextTest::hostilePostsPaintAsText() {
    // First what the model hands to the painting documents, before anything paints it (an
    // unsanitised 1,000-deep table alone would keep Qt's table layout busy for good).
    {
        TimelineModel model(bridge_.get());
        model.setRoom(room_id_);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(model, table_3000_body_) >= 0, kSyncMs);
        QVERIFY(rowWithBody(model, tags_body_) >= 0 && rowWithBody(model, table_1000_body_) >= 0);
        const auto html_of = [&](const QString& body) {
            return model.index(rowWithBody(model, body), 0).data(TimelineModel::FormattedBodyRole).toString();
        };
        const QString html = html_of(tags_body_);
        QVERIFY(!html.isEmpty());
        for (const char* gone : {"<img", "<h1", "<font", "<link", "<style", "style=", "background", "/dev/zero",
                                 "file:", "qrc:", "renkei_ja.qm", "relative", "https://example.org"}) {
            QVERIFY2(!html.contains(QLatin1String(gone)), gone);
        }
        const QString table = html_of(table_1000_body_);
        QVERIFY(table.contains(table_1000_body_));
        QCOMPARE(table.count(QStringLiteral("<table>")), 3);  // flattened below three tables
        // Over the sanitiser's cap: no HTML, the plain body instead.
        QVERIFY(html_of(table_3000_body_).isEmpty());
    }

    QCoreApplication::processEvents();
    const qint64 rss_before = residentKiB();
    const int requests_before = SafeTextDocument::resourceRequests();
    QVERIFY(rss_before > 0);

    window_->openRoom(room_id_);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table_3000_body_) >= 0, kSyncMs);
    QVERIFY(rowOf(tags_body_) >= 0 && rowOf(table_1000_body_) >= 0);

    // Paint every hostile post, a few times over, as scrolling does.
    TimelineView* view = window_->timelineView();
    QElapsedTimer painting;
    painting.start();
    for (int round = 0; round < 3; ++round) {
        for (const QString& body : {tags_body_, table_1000_body_, table_3000_body_}) {
            view->scrollTo(view->model()->index(rowOf(body), 0), QAbstractItemView::PositionAtTop);
            QVERIFY(!view->viewport()->grab().isNull());
        }
    }
    const qint64 paint_ms = painting.elapsed();
    view->scrollTo(view->model()->index(rowOf(tags_body_), 0), QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    QVERIFY(!renkei::guitest::saveScreenshot(window_.get(), QStringLiteral("rich_text_hostile")).isEmpty());

    // Nothing was loaded from disk, qrc: or anywhere; memory stayed where it was.
    QCOMPARE(SafeTextDocument::resourceRequests() - requests_before, 0);
    const qint64 rss_after = residentKiB();
    qInfo("VmRSS before %lld KiB, after painting %lld KiB; 9 paints in %lld ms", rss_before, rss_after, paint_ms);
    QVERIFY2(rss_after - rss_before < 64 * 1024, "RSS grew by more than 64 MiB while painting");

    // The text shows, at the normal size and colour, in rows of a sane height.
    const QFont font = view->font();
    const QFontMetrics fm(font);
    const int width = view->viewport()->width();
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.font = font;
    option.rect = QRect(0, 0, width, 100);
    for (const QString& body : {tags_body_, table_1000_body_, table_3000_body_}) {
        const QModelIndex index = view->model()->index(rowOf(body), 0);
        const Laid laid = layOut(index, font, width);
        QElapsedTimer layout_time;
        layout_time.start();
        const int row_height = view->itemDelegate()->sizeHint(option, index).height();
        qInfo("row %s: %d px, tallest line %.0f px (line spacing %d px), laid out in %lld us",
              qPrintable(body.left(8)), row_height, laid.tallest_line, fm.lineSpacing(),
              static_cast<long long>(layout_time.nsecsElapsed() / 1000));
        QVERIFY2(laid.tallest_line <= fm.lineSpacing() * 1.5, "a line of the post is banner-sized");
        QVERIFY2(!laid.sized_or_coloured, "the post's HTML set a font size, colour or image");
        QVERIFY2(row_height < fm.lineSpacing() * 16, "the post's row is too tall");
    }
    const QString shown = layOut(view->model()->index(rowOf(tags_body_), 0), font, width).text;
    for (const char* text : {"至急", "本文は普通の大きさで表示される", "大きな文字", "表", "[画像: 創部の写真]"}) {
        QVERIFY2(shown.contains(QString::fromUtf8(text)), text);
    }
    QVERIFY(!shown.contains(QLatin1String("font-size")));  // the <style> sheet is not text either
    QVERIFY(layOut(view->model()->index(rowOf(table_1000_body_), 0), font, width).text.contains(table_1000_body_));
    QCOMPARE(layOut(view->model()->index(rowOf(table_3000_body_), 0), font, width).text, table_3000_body_);
}

void RichTextTest::roomNameTopicAndDisplayNameArePlainText() {
    // The window title carries the room name as written ("[*]" is not Qt's modified marker).
    window_->openRoom(room_id_);
    QTRY_VERIFY(window_->windowHandle()->title().contains(kRoomName));

    // The room list's tool tip: the topic, as written.
    RoomListView* list = window_->roomListView();
    QListView* rooms = list->listView();
    QModelIndex room;
    for (int row = 0; row < rooms->model()->rowCount(); ++row) {
        const QModelIndex index = rooms->model()->index(row, 0);
        if (index.data(RoomListModel::RoomIdRole).toString() == room_id_) room = index;
    }
    QVERIFY(room.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(room.data(RoomListModel::TopicRole).toString(), kTopic, kSyncMs);
    rooms->scrollTo(room);
    const QString tip = hoverToolTip(rooms, rooms->visualRect(room).center());
    QVERIFY(!tip.isEmpty());
    QCOMPARE(shownAsToolTip(tip), kTopic);

    // The leave-room question names the room as plain text.
    QAction* leave = nullptr;
    for (QAction* action : window_->findChildren<QAction*>()) {
        if (action->text() == QStringLiteral("部屋から退出(&L)…")) leave = action;
    }
    QVERIFY(leave != nullptr && leave->isEnabled());
    Qt::TextFormat box_format = Qt::RichText;
    QString box_text;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box == nullptr) return;
        box_format = box->textFormat();
        box_text = box->text();
        box->reject();
    });
    leave->trigger();  // QMessageBox::exec(); the timer above answers it
    QVERIFY2(box_text.contains(kRoomName), qPrintable(box_text));
    QCOMPARE(box_format, Qt::PlainText);

    // The invite bar names the room (and the inviter) as plain text.
    window_->openRoom(invite_room_id_);
    QTRY_VERIFY(window_->inviteBar()->isVisible());
    QLabel* invitation = nullptr;
    for (QLabel* label : window_->inviteBar()->findChildren<QLabel*>()) {
        if (label->text().contains(kInviteRoomName)) invitation = label;
    }
    QVERIFY(invitation != nullptr);
    QCOMPARE(invitation->textFormat(), Qt::PlainText);
    QTRY_VERIFY(window_->windowHandle()->title().contains(kInviteRoomName));
    QVERIFY(!renkei::guitest::saveScreenshot(window_.get(), QStringLiteral("rich_text_invitation")).isEmpty());

    // An image post's file name (its body) in the full-size viewer's title, as written.
    const QString file_name = QStringLiteral("<b>創部</b> [*] .png");
    ImageViewer viewer(*bridge_, QStringLiteral("mxc://localhost/none"), file_name);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QVERIFY2(viewer.windowHandle()->title().contains(file_name), qPrintable(viewer.windowHandle()->title()));
}

void RichTextTest::readByToolTipIsPlainText() {
    // The nurse posts; the member reads it: 既読 1, and the tool tip names the member.
    window_->openRoom(room_id_);
    const QString text = unique(QStringLiteral("本日の訪問記録"));
    QVERIFY(!bridge_->sendText(room_id_, text).isEmpty());
    QString event_id;
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(text) >= 0 && !(event_id = timeline()->index(rowOf(text), 0)
                                                                  .data(TimelineModel::EventIdRole)
                                                                  .toString())
                                                     .isEmpty(),
                             kSyncMs);
    QVERIFY((*member_)->sendReadReceipt(room_id_.toStdString(), event_id.toStdString()));
    QTRY_COMPARE_WITH_TIMEOUT(timeline()->index(rowOf(text), 0).data(TimelineModel::ReadCountRole).toInt(), 1,
                              kSyncMs);
    const QModelIndex post = timeline()->index(rowOf(text), 0);
    QVERIFY(PostDelegate::readersToolTip(post).contains(kDisplayName));

    TimelineView* view = window_->timelineView();
    const QModelIndex shown_post = view->model()->index(rowOf(text), 0);
    view->scrollTo(shown_post);
    const QString tip = hoverToolTip(view, view->visualRect(shown_post).center());
    QVERIFY(!tip.isEmpty());
    QCOMPARE(shownAsToolTip(tip), PostDelegate::readersToolTip(post));
    // The member's posts carry the name as written (the delegate paints it as plain text).
    const QModelIndex member_post = timeline()->index(rowOf(tags_body_), 0);
    QVERIFY(member_post.data(TimelineModel::SenderNameRole).toString().contains(kDisplayName));
}

void RichTextTest::delegateDocumentLoadsNothing() {
    // Even raw, unsanitised HTML in the model: the delegate's document is a SafeTextDocument.
    QStandardItemModel model;
    auto* item = new QStandardItem;
    item->setData(QStringLiteral("本文"), TimelineModel::BodyRole);
    item->setData(QDateTime::currentDateTime(), TimelineModel::TimeRole);
    item->setData(QVariant::fromValue(SendState::Sent), TimelineModel::SendStateRole);
    item->setData(QStringLiteral("<p>本文</p><img src=\"/dev/zero\"><img src=\"%1\"><img src=\"%2\">"
                                 "<img src=\"qrc:/i18n/renkei_ja.qm\"><link rel=\"stylesheet\" href=\"%1\">")
                      .arg(big_png_url_, kRelativeImage),
                  TimelineModel::FormattedBodyRole);
    model.appendRow(item);
    QListView view;
    PostDelegate delegate(&view);
    view.setItemDelegate(&delegate);
    view.setModel(&model);
    view.resize(600, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const int before = SafeTextDocument::resourceRequests();
    QVERIFY(!view.viewport()->grab().isNull());
    QVERIFY(SafeTextDocument::resourceRequests() > before);  // asked, and answered with nothing
    // Neither 300 px picture was loaded into the row.
    QVERIFY(view.visualRect(model.index(0, 0)).height() < 200);
}

void RichTextTest::cleanupTestCase() {
    window_.reset();
    bridge_.reset();
    member_.reset();
    QFile::remove(QDir::current().filePath(kRelativeImage));
}

QTEST_MAIN(RichTextTest)
#include "rich_text_test.moc"
