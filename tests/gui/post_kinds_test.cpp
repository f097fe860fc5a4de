// GUI tests (issue 10): every kind of post painted as it was meant, against the real Synapse.
// dr.tanaka and pharm.suzuki post, through the plain Client-Server API, the content shapes
// other clients send: a text, its edit (m.replace), an emote, a notice, a post deleted with
// a reason, an m.file, reactions (👍 from three, 「確認しました」 from one), replies with
// the reply fallback (to a post near them, to one 50 posts further back, to one that does not
// exist). nurse.sato's TimelineView shows them: 「編集済み」 and the new text, the emote's
// author, the placeholder with who and why, the file card with name and size, reactions
// counted once per sender with the names in the tool tip, the reply quote, and a click on the
// quote selects the original after loading the earlier pages. Screenshots (Japanese UI):
// post_kinds_reactions_reply.png, post_kinds_deleted.png, post_kinds_file.png.
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "media/file_card.h"
#include "server_text.h"
#include "timeline/painters/body_painter.h"
#include "timeline/painters/reaction_chips.h"
#include "timeline/painters/reply_quote.h"
#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"
#include "timeline/timeline_view.h"

using namespace renkei::ui;
using renkei::guitest::Homeserver;
using renkei::guitest::hoverToolTip;
using renkei::guitest::pathPart;
using renkei::guitest::rawCallWithToken;
using renkei::guitest::unique;
using Part = PostDelegate::Part;

namespace {

constexpr int kSyncMs = 60000;
constexpr int kFillers = 50;  // posts between the far reply and its original: one page and more
const QString kTanaka = QStringLiteral("田中 誠");
const QString kSuzuki = QStringLiteral("鈴木 薫");
const QString kSato = QStringLiteral("佐藤 恵");

QString tr8(const char* s) { return QString::fromUtf8(s); }

/// The text the text painter shows for a post (its document's plain text).
QString paintedText(const QModelIndex& index, const QFont& font) {
    SafeTextDocument doc;
    fillPostDocument(doc, index, font, 600);
    return doc.toPlainText();
}

}  // namespace

class PostKindsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void replyQuoteJumpsToAnOlderOriginal();
    void editedPostShowsNewTextAndMark();
    void emoteNoticeAndDeletedPost();
    void fileCardShowsNameAndSize();
    void reactionsCountedOncePerSender();
    void replyToAMissingPost();
    void screenshots();
    void cleanupTestCase();

private:
    QString login(const QString& user);
    /// Sends an event of `type` as the holder of `token`; returns its event id.
    QString send(const QString& token, const QString& type, const QJsonObject& content);
    QString react(const QString& token, const QString& target, const QString& key);
    QModelIndex post(const QString& event_id) const;
    /// Scrolls the post into view and returns the rect of its `part` (viewport coordinates).
    QRect shownPart(const QString& event_id, Part part, const QString& key = {});
    void click(const QRect& rect);
    /// Loads the room back to its first post (a gap fill from the server included, if sync
    /// left one), so that each test stands on its own.
    bool loadWholeRoom();

    QTemporaryDir dir_;
    std::unique_ptr<CoreBridge> bridge_;
    std::unique_ptr<TimelineModel> model_;
    std::unique_ptr<TimelineView> view_;
    QString room_;
    QString tanaka_token_, suzuki_token_, sato_token_;
    QString original_, edit_, emote_, notice_, deleted_, file_, near_reply_, far_reply_, missing_reply_;
    QString thread_root_, thread_reply_;
};

QString PostKindsTest::login(const QString& user) {
    const QJsonObject body{
        {QStringLiteral("type"), QStringLiteral("m.login.password")},
        {QStringLiteral("identifier"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")}, {QStringLiteral("user"), user}}},
        {QStringLiteral("password"), Homeserver::get().password(user)},
    };
    const auto answer =
        rawCallWithToken(Homeserver::get(), "POST", QStringLiteral("/_matrix/client/v3/login"), {}, body);
    return answer.body.value(QStringLiteral("access_token")).toString();
}

QString PostKindsTest::send(const QString& token, const QString& type, const QJsonObject& content) {
    const QString path = QStringLiteral("/_matrix/client/v3/rooms/%1/send/%2/%3")
                             .arg(pathPart(room_), type, unique(QStringLiteral("txn")));
    const auto answer = rawCallWithToken(Homeserver::get(), "PUT", path, token, content);
    return answer.body.value(QStringLiteral("event_id")).toString();
}

QString PostKindsTest::react(const QString& token, const QString& target, const QString& key) {
    const QJsonObject relation{{QStringLiteral("rel_type"), QStringLiteral("m.annotation")},
                               {QStringLiteral("event_id"), target},
                               {QStringLiteral("key"), key}};
    return send(token, QStringLiteral("m.reaction"), {{QStringLiteral("m.relates_to"), relation}});
}

QModelIndex PostKindsTest::post(const QString& event_id) const {
    return view_->model()->index(model_->rowOfEvent(event_id), 0);
}

QRect PostKindsTest::shownPart(const QString& event_id, Part part, const QString& key) {
    const QModelIndex index = post(event_id);
    if (!index.isValid()) return {};
    view_->scrollTo(index, QAbstractItemView::PositionAtCenter);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    return view_->partRect(index.row(), part, key);
}

void PostKindsTest::click(const QRect& rect) {
    QTest::mouseClick(view_->viewport(), Qt::LeftButton, {}, rect.center());
}

bool PostKindsTest::loadWholeRoom() {
    return QTest::qWaitFor(
        [&] {
            if (!model_->isFetching()) model_->loadEarlier();
            return !model_->hasEarlier();
        },
        kSyncMs);
}

void PostKindsTest::initTestCase() {
    renkei::guitest::setUpApplication();
    const auto& hs = Homeserver::get();
    QVERIFY(dir_.isValid());
    bridge_ = std::make_unique<CoreBridge>(dir_.path());
    renkei::guitest::useTestKdf(*bridge_);
    QVERIFY(renkei::guitest::openAndSignIn(*bridge_, QStringLiteral("投稿の種類"), QStringLiteral("nurse.sato")));
    bridge_->startSync();
    QTRY_COMPARE_WITH_TIMEOUT(bridge_->syncStatus(), SyncStatus::Online, 120000);
    tanaka_token_ = login(QStringLiteral("dr.tanaka"));
    suzuki_token_ = login(QStringLiteral("pharm.suzuki"));
    sato_token_ = login(QStringLiteral("nurse.sato"));
    QVERIFY(!tanaka_token_.isEmpty() && !suzuki_token_.isEmpty() && !sato_token_.isEmpty());

    // dr.tanaka's room with both of them; display names set in this room only.
    const QString sato = hs.userId(QStringLiteral("nurse.sato"));
    const QString suzuki = hs.userId(QStringLiteral("pharm.suzuki"));
    const auto created = rawCallWithToken(
        hs, "POST", QStringLiteral("/_matrix/client/v3/createRoom"), tanaka_token_,
        {{QStringLiteral("name"), QStringLiteral("投稿の表示 ") + unique(QStringLiteral("K"))},
         {QStringLiteral("preset"), QStringLiteral("private_chat")},
         {QStringLiteral("invite"), QJsonArray{sato, suzuki}}});
    room_ = created.body.value(QStringLiteral("room_id")).toString();
    QVERIFY2(!room_.isEmpty(), qPrintable(QString::number(created.status)));
    QCOMPARE(rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/rooms/%1/join").arg(pathPart(room_)),
                              suzuki_token_)
                 .status,
             200L);
    QSignalSpy joined(bridge_.get(), &CoreBridge::membershipChanged);
    bridge_->joinRoom(room_);
    QVERIFY(joined.wait(kSyncMs));
    struct Member {
        QString token, user_id, name;
    };
    const QList<Member> members{{tanaka_token_, hs.userId(QStringLiteral("dr.tanaka")), kTanaka},
                                {suzuki_token_, suzuki, kSuzuki},
                                {sato_token_, sato, kSato}};
    for (const Member& m : members) {
        const QString path = QStringLiteral("/_matrix/client/v3/rooms/%1/state/m.room.member/%2")
                                 .arg(pathPart(room_), pathPart(m.user_id));
        const auto set = rawCallWithToken(hs, "PUT", path, m.token,
                                          {{QStringLiteral("membership"), QStringLiteral("join")},
                                           {QStringLiteral("displayname"), m.name}});
        QCOMPARE(set.status, 200L);
    }

    const auto text = [](const QString& body) {
        return QJsonObject{{QStringLiteral("msgtype"), QStringLiteral("m.text")}, {QStringLiteral("body"), body}};
    };
    const auto message = QStringLiteral("m.room.message");
    original_ = send(tanaka_token_, message, text(tr8("血圧 128/76")));
    QVERIFY(!original_.isEmpty());
    QJsonObject edit = text(tr8("* 血圧 132/80 訂正"));
    edit.insert(QStringLiteral("m.new_content"), text(tr8("血圧 132/80 訂正")));
    edit.insert(QStringLiteral("m.relates_to"), QJsonObject{{QStringLiteral("rel_type"), QStringLiteral("m.replace")},
                                                            {QStringLiteral("event_id"), original_}});
    edit_ = send(tanaka_token_, message, edit);
    // 👍 from three people (pharm.suzuki twice: counted once), 「確認しました」 from one.
    QVERIFY(!react(tanaka_token_, original_, tr8("👍")).isEmpty());
    QVERIFY(!react(suzuki_token_, original_, tr8("👍")).isEmpty());
    // Synapse refuses a second identical annotation (M_DUPLICATE_ANNOTATION); if one gets
    // through (another server, a federated copy) it must still count once.
    (void)react(suzuki_token_, original_, tr8("👍"));
    QVERIFY(!react(sato_token_, original_, tr8("👍")).isEmpty());
    QVERIFY(!react(suzuki_token_, original_, ReactionChips::acknowledgeKey()).isEmpty());
    // A reply as Element sends it: the fallback quote in body and formatted_body.
    const auto reply = [&](const QString& to, const QString& quoted, const QString& answer) {
        return QJsonObject{
            {QStringLiteral("msgtype"), QStringLiteral("m.text")},
            {QStringLiteral("body"),
             QStringLiteral("> <%1> %2\n\n%3").arg(hs.userId(QStringLiteral("dr.tanaka")), quoted, answer)},
            {QStringLiteral("format"), QStringLiteral("org.matrix.custom.html")},
            {QStringLiteral("formatted_body"),
             QStringLiteral("<mx-reply><blockquote><a href=\"https://matrix.to/#/%1\">In reply to</a> %2</blockquote>"
                            "</mx-reply>%3")
                 .arg(to, quoted, answer)},
            {QStringLiteral("m.relates_to"),
             QJsonObject{{QStringLiteral("m.in_reply_to"), QJsonObject{{QStringLiteral("event_id"), to}}}}}};
    };
    near_reply_ = send(suzuki_token_, message, reply(original_, tr8("血圧 128/76"), tr8("了解しました。降圧薬は継続で")));
    emote_ = send(tanaka_token_, message,
                  {{QStringLiteral("msgtype"), QStringLiteral("m.emote")}, {QStringLiteral("body"), tr8("訪問を終えました")}});
    notice_ = send(suzuki_token_, message,
                   {{QStringLiteral("msgtype"), QStringLiteral("m.notice")},
                    {QStringLiteral("body"), tr8("定期のお薬は明日配達します")}});
    deleted_ = send(suzuki_token_, message, text(tr8("別の方の処方内容")));
    const QString redact = QStringLiteral("/_matrix/client/v3/rooms/%1/redact/%2/%3")
                               .arg(pathPart(room_), pathPart(deleted_), unique(QStringLiteral("r")));
    const auto redacted = rawCallWithToken(hs, "PUT", redact, suzuki_token_, {{QStringLiteral("reason"), tr8("誤投稿")}});
    QCOMPARE(redacted.status, 200L);
    file_ = send(tanaka_token_, message,
                 {{QStringLiteral("msgtype"), QStringLiteral("m.file")},
                  {QStringLiteral("body"), tr8("紹介状_山田様.pdf")},
                  {QStringLiteral("filename"), tr8("紹介状_山田様.pdf")},
                  {QStringLiteral("url"),
                   QStringLiteral("mxc://%1/referral").arg(hs.state[QStringLiteral("server_name")].toString())},
                  {QStringLiteral("info"), QJsonObject{{QStringLiteral("mimetype"), QStringLiteral("application/pdf")},
                                                       {QStringLiteral("size"), 245760}}}});
    QVERIFY(!file_.isEmpty());
    // A thread as Element sends it: the reply carries m.thread and a falling-back in_reply_to.
    thread_root_ = send(tanaka_token_, message, text(tr8("褥瘡の処置について相談です")));
    QJsonObject in_thread = text(tr8("明日の訪問で写真を撮ります"));
    in_thread.insert(QStringLiteral("m.relates_to"),
                     QJsonObject{{QStringLiteral("rel_type"), QStringLiteral("m.thread")},
                                 {QStringLiteral("event_id"), thread_root_},
                                 {QStringLiteral("is_falling_back"), true},
                                 {QStringLiteral("m.in_reply_to"), QJsonObject{{QStringLiteral("event_id"), thread_root_}}}});
    thread_reply_ = send(suzuki_token_, message, in_thread);
    QVERIFY(!thread_root_.isEmpty() && !thread_reply_.isEmpty());
    for (int i = 0; i < kFillers; ++i) {
        QVERIFY(!send(suzuki_token_, message, text(tr8("定時連絡 %1").arg(i + 1))).isEmpty());
    }
    missing_reply_ = send(tanaka_token_, message,
                          reply(QStringLiteral("$nowhere-%1").arg(unique(QStringLiteral("x"))), tr8("消えた投稿"), tr8("どの件でしょうか")));
    far_reply_ = send(suzuki_token_, message, reply(original_, tr8("血圧 128/76"), tr8("先ほどの血圧の件、主治医に伝えました")));
    QVERIFY(!far_reply_.isEmpty() && !missing_reply_.isEmpty());

    model_ = std::make_unique<TimelineModel>(bridge_.get());
    model_->setAutoFetchMore(false);
    model_->setRoom(room_);
    QTRY_VERIFY_WITH_TIMEOUT(model_->rowOfEvent(far_reply_) >= 0, kSyncMs);
    // The newest page only, as when the room is opened.
    model_->setRoom(room_);
    QVERIFY(model_->rowOfEvent(far_reply_) >= 0);
    QVERIFY(model_->rowOfEvent(original_) < 0);
    view_ = std::make_unique<TimelineView>();
    view_->resize(720, 900);
    view_->setTimelineModel(model_.get());
    view_->show();
    QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
}

void PostKindsTest::replyQuoteJumpsToAnOlderOriginal() {
    const QModelIndex reply = post(far_reply_);
    QCOMPARE(reply.data(TimelineModel::ReplyToRole).toString(), original_);
    // The fallback is gone from the reply's own text.
    QCOMPARE(reply.data(TimelineModel::BodyRole).toString(), tr8("先ほどの血圧の件、主治医に伝えました"));
    // The original is older than the page shown: the bridge fetches it (the cache, else
    // GET /event) and the quote shows its current text, the edit applied, not 128/76.
    QVERIFY(model_->rowOfEvent(original_) < 0);
    QTRY_COMPARE_WITH_TIMEOUT(ReplyQuoteBox::quoteText(post(far_reply_)), tr8("血圧 132/80 訂正"), kSyncMs);
    QCOMPARE(ReplyQuoteBox::authorText(post(far_reply_)), kTanaka);
    QVERIFY(model_->rowOfEvent(original_) < 0);
    const QRect quote = shownPart(far_reply_, Part::ReplyQuote);
    QVERIFY(!quote.isEmpty());
    QVERIFY(view_->viewport()->rect().contains(quote.center()));
    click(quote);
    // Earlier pages loaded until the original is there; it is selected and on screen.
    QTRY_VERIFY_WITH_TIMEOUT(model_->rowOfEvent(original_) >= 0 &&
                                 view_->currentIndex().row() == model_->rowOfEvent(original_),
                             kSyncMs);
    QVERIFY(view_->selectionModel()->isSelected(post(original_)));
    QTRY_VERIFY_WITH_TIMEOUT(view_->viewport()->rect().intersects(view_->visualRect(post(original_))), 5000);
    // Now the quote shows the original's author and its current (edited) text.
    QCOMPARE(ReplyQuoteBox::authorText(post(far_reply_)), kTanaka);
    QCOMPARE(ReplyQuoteBox::quoteText(post(far_reply_)), tr8("血圧 132/80 訂正"));
}

void PostKindsTest::editedPostShowsNewTextAndMark() {
    QVERIFY(loadWholeRoom());
    const QModelIndex edited = post(original_);
    QVERIFY(edited.isValid());
    QCOMPARE(edited.data(TimelineModel::BodyRole).toString(), tr8("血圧 132/80 訂正"));
    QCOMPARE(paintedText(edited, view_->font()), tr8("血圧 132/80 訂正"));
    QCOMPARE(PostDelegate::editedText(edited), tr8("編集済み"));
    QCOMPARE(model_->rowOfEvent(edit_), -1);  // the edit is no post of its own
    // 「編集済み」 is a link to the versions.
    QSignalSpy history(view_.get(), &TimelineView::editHistoryRequested);
    const QRect mark = shownPart(original_, Part::Edited);
    QVERIFY(!mark.isEmpty());
    click(mark);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).at(0).toString(), original_);
    // A post never edited has no such mark.
    QVERIFY(view_->partRect(post(notice_).row(), Part::Edited).isEmpty());
}

void PostKindsTest::emoteNoticeAndDeletedPost() {
    QVERIFY(loadWholeRoom());
    // A thread's root is marked with its reply count; the reply stays in the timeline, marked,
    // with no quote (its in_reply_to is only the fallback for clients without threads).
    QCOMPARE(PostDelegate::threadText(post(thread_root_)), tr8("スレッド・返信 1件"));
    QCOMPARE(PostDelegate::threadText(post(thread_reply_)), tr8("スレッド内の返信"));
    QVERIFY(post(thread_reply_).data(TimelineModel::ReplyToRole).toString().isEmpty());
    QCOMPARE(PostDelegate::threadText(post(notice_)), QString());
    const QModelIndex emote = post(emote_);
    QCOMPARE(emote.data(TimelineModel::MsgTypeRole).toString(), QStringLiteral("m.emote"));
    QCOMPARE(paintedText(emote, view_->font()), QStringLiteral("* ") + kTanaka + tr8(" 訪問を終えました"));
    const QModelIndex notice = post(notice_);
    QCOMPARE(notice.data(TimelineModel::MsgTypeRole).toString(), QStringLiteral("m.notice"));
    QCOMPARE(paintedText(notice, view_->font()), tr8("定期のお薬は明日配達します"));
    const QModelIndex deleted = post(deleted_);
    QVERIFY(deleted.isValid());
    QCOMPARE(deleted.data(TimelineModel::BodyRole).toString(), QString());
    const QString placeholder = PostDelegate::placeholderText(deleted);
    QVERIFY2(placeholder.startsWith(tr8("この投稿は削除されました（") + kSuzuki + tr8("、")), qPrintable(placeholder));
    QVERIFY2(placeholder.endsWith(tr8("\n理由: 誤投稿")), qPrintable(placeholder));
    QVERIFY(!placeholder.contains(tr8("別の方の処方内容")));
    // Nothing on a deleted post to react to or acknowledge.
    QVERIFY(view_->partRect(deleted.row(), Part::Acknowledge).isEmpty());
}

void PostKindsTest::fileCardShowsNameAndSize() {
    QVERIFY(loadWholeRoom());
    const QModelIndex file = post(file_);
    QCOMPARE(file.data(TimelineModel::FileNameRole).toString(), tr8("紹介状_山田様.pdf"));
    QCOMPARE(file.data(TimelineModel::FileMimeRole).toString(), QStringLiteral("application/pdf"));
    QCOMPARE(file.data(TimelineModel::FileSizeRole).toLongLong(), 245760);
    QVERIFY(file.data(TimelineModel::FileUrlRole).toString().startsWith(QStringLiteral("mxc://")));
    QCOMPARE(FileCard::sizeText(file.data(TimelineModel::FileSizeRole).toLongLong()), QStringLiteral("240 KB"));
    // A text post has no file roles.
    QCOMPARE(post(notice_).data(TimelineModel::FileSizeRole).toLongLong(), -1);
    QVERIFY(view_->partRect(post(notice_).row(), Part::FileSave).isEmpty());

    QSignalSpy open(view_.get(), &TimelineView::fileOpenRequested);
    QSignalSpy save(view_.get(), &TimelineView::fileSaveRequested);
    const QRect save_button = shownPart(file_, Part::FileSave);
    const QRect open_button = view_->partRect(post(file_).row(), Part::FileOpen);
    QVERIFY(!save_button.isEmpty() && !open_button.isEmpty());
    QVERIFY(!save_button.intersects(open_button));
    click(save_button);
    QCOMPARE(save.size(), 1);
    QCOMPARE(open.size(), 0);
    click(open_button);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toString(), file_);
}

void PostKindsTest::reactionsCountedOncePerSender() {
    QVERIFY(loadWholeRoom());
    const QModelIndex edited = post(original_);
    const QVariantList groups = edited.data(TimelineModel::ReactionsRole).toList();
    QCOMPARE(groups.size(), 2);
    const QVariantMap thumbs = groups.at(0).toMap();
    QCOMPARE(thumbs.value(QStringLiteral("key")).toString(), tr8("👍"));
    QCOMPARE(thumbs.value(QStringLiteral("count")).toInt(), 3);  // pharm.suzuki's second 👍 not counted
    QCOMPARE(thumbs.value(QStringLiteral("names")).toStringList(), (QStringList{kTanaka, kSuzuki, kSato}));
    QVERIFY(thumbs.value(QStringLiteral("mine")).toBool());
    QVERIFY(!thumbs.value(QStringLiteral("pending")).toBool());
    const QVariantMap ack = groups.at(1).toMap();
    QCOMPARE(ack.value(QStringLiteral("key")).toString(), tr8("確認しました"));
    QCOMPARE(ack.value(QStringLiteral("count")).toInt(), 1);
    QVERIFY(!ack.value(QStringLiteral("mine")).toBool());

    // The chips say 「👍 3」「確認しました 1」; hovering one names who reacted.
    const auto chips = ReactionChips::layout(view_->font(), edited, QRect(0, 0, 600, 0));
    QCOMPARE(chips.size(), std::size_t{2});  // 確認しました already has a chip: no extra button
    QCOMPARE(chips[0].text, tr8("👍 3"));
    QCOMPARE(chips[1].text, tr8("確認しました 1"));
    const QRect thumbs_chip = shownPart(original_, Part::Reaction, tr8("👍"));
    QVERIFY(!thumbs_chip.isEmpty());
    const QString tip = hoverToolTip(view_.get(), thumbs_chip.center());
    QVERIFY2(tip.contains(kTanaka) && tip.contains(kSuzuki) && tip.contains(kSato), qPrintable(tip));

    // One click acknowledges: on this post the 「確認しました」 chip, on a post nobody has
    // acknowledged the button.
    QSignalSpy clicked(view_.get(), &TimelineView::reactionToggleRequested);
    const QRect ack_chip = view_->partRect(post(original_).row(), Part::Acknowledge);
    QCOMPARE(ack_chip, view_->partRect(post(original_).row(), Part::Reaction, tr8("確認しました")));
    click(ack_chip);
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.at(0).at(1).toString(), tr8("確認しました"));
    click(thumbs_chip);  // ours: the receiver takes it back
    QCOMPARE(clicked.size(), 2);
    QCOMPARE(clicked.at(1).at(1).toString(), tr8("👍"));
    const QRect button = shownPart(notice_, Part::Acknowledge);
    QVERIFY(!button.isEmpty());
    click(button);
    QCOMPARE(clicked.size(), 3);
    QCOMPARE(clicked.at(2).at(0).toString(), notice_);
    QCOMPARE(clicked.at(2).at(1).toString(), tr8("確認しました"));
    // The clicks on parts selected nothing.
    QVERIFY(!view_->selectionModel()->isSelected(post(notice_)));
}

void PostKindsTest::replyToAMissingPost() {
    QVERIFY(loadWholeRoom());
    QCOMPARE(ReplyQuoteBox::quoteText(post(missing_reply_)), tr8("元の投稿は見つかりません"));
    QSignalSpy status(view_.get(), &TimelineView::statusMessage);
    const QRect quote = shownPart(missing_reply_, Part::ReplyQuote);
    click(quote);
    QTRY_COMPARE_WITH_TIMEOUT(status.size(), 1, 5000);
    QCOMPARE(status.at(0).at(0).toString(), tr8("元の投稿はこの端末にありません"));
    QCOMPARE(ReplyQuoteBox::quoteText(post(near_reply_)), tr8("血圧 132/80 訂正"));
}

void PostKindsTest::screenshots() {
    view_->clearSelection();
    view_->scrollTo(post(original_), QAbstractItemView::PositionAtTop);
    QVERIFY(!renkei::guitest::saveScreenshot(view_.get(), QStringLiteral("post_kinds_reactions_reply")).isEmpty());
    // The other two close up: a shorter pane centred on the post.
    view_->resize(720, 320);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    view_->scrollTo(post(deleted_), QAbstractItemView::PositionAtCenter);
    QVERIFY(!renkei::guitest::saveScreenshot(view_.get(), QStringLiteral("post_kinds_deleted")).isEmpty());
    view_->scrollTo(post(file_), QAbstractItemView::PositionAtCenter);
    QVERIFY(!renkei::guitest::saveScreenshot(view_.get(), QStringLiteral("post_kinds_file")).isEmpty());
}

void PostKindsTest::cleanupTestCase() {
    view_.reset();
    model_.reset();
    if (bridge_ && !room_.isEmpty()) {
        QSignalSpy left(bridge_.get(), &CoreBridge::membershipChanged);
        bridge_->leaveRoom(room_);
        left.wait(kSyncMs);
    }
    const auto& hs = Homeserver::get();
    for (const QString& token : {tanaka_token_, suzuki_token_, sato_token_}) {
        if (token.isEmpty()) continue;
        if (token != sato_token_ && !room_.isEmpty()) {
            const QString leave = QStringLiteral("/_matrix/client/v3/rooms/%1/leave").arg(pathPart(room_));
            (void)rawCallWithToken(hs, "POST", leave, token);
        }
        (void)rawCallWithToken(hs, "POST", QStringLiteral("/_matrix/client/v3/logout"), token);
    }
    bridge_.reset();
}

QTEST_MAIN(PostKindsTest)
#include "post_kinds_test.moc"
