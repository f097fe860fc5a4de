// GUI test (issue 13, "Nothing in plaintext"): a full day's work on this computer, then a
// search of everything Renkei could have written outside its encrypted store. The nurse
// opens a patient room (the patient's name and kana are markers), posts, keeps a draft,
// attaches a photo and views it full size, attaches a PDF and opens it in the viewer, exports
// the room to a PDF she chooses (her own file: not searched); renkei-cli signs in, queues a
// post offline, is killed with SIGKILL in the middle of a sync and starts again. Then the data,
// cache, config, runtime and temporary directories (all pointed into this test's own root
// before Qt starts), while the app still runs and again after it closed, Qt's log messages and
// renkei-cli's output are searched for every marker
// and for pieces of the photo's and the PDF's bytes: none may be found. The same search finds
// the photo's and the PDF's pieces in the files she attached (the search can fail). Data is
// fictional.
#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QtTest>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sys/stat.h>

#include "bridge/core_bridge.h"
#include "care/care_types.h"
#include "export/export_dialog.h"
#include "gui_support.h"
#include "image_viewer.h"
#include "media/file_actions.h"
#include "media/file_viewer.h"
#include "session/session.h"
#include "timeline/timeline_model.h"
#include "app_settings.h"

using namespace renkei;
using namespace renkei::ui;

namespace {

constexpr int kSyncMs = 60000;
QString g_root;          // this test's own root: every directory Renkei may write to is in it
QStringList g_messages;  // every Qt log message of this process

void keepMessage(QtMsgType, const QMessageLogContext&, const QString& text) { g_messages << text; }

QString marker(const char* prefix) {
    return QStringLiteral("%1%2").arg(QLatin1String(prefix)).arg(QRandomGenerator::global()->generate64(), 0, 36);
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// 32 bytes from the middle of a file: compressed or random data no other file shares.
QByteArray pieceOf(const QByteArray& bytes) { return bytes.mid(bytes.size() / 2, 32); }

// The files under `dir` that hold any of `needles`, with which one.
QStringList filesHolding(const QString& dir, const QList<QByteArray>& needles) {
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray bytes = fileBytes(path);
        for (const QByteArray& n : needles) {
            if (bytes.contains(n)) found << path + QStringLiteral(" holds needle ") + QString::number(needles.indexOf(n));
        }
    }
    return found;
}

}  // namespace

class PlaintextScanTest : public QObject {
    Q_OBJECT

private slots:
    void aDaysWorkLeavesNoPlaintext();

private:
    QString runCli(const QStringList& args, QProcess* keep = nullptr);
    QString cli_output_;
};

QString PlaintextScanTest::runCli(const QStringList& args, QProcess* keep) {
    QProcess local;
    QProcess& p = keep ? *keep : local;
    p.setProgram(QStringLiteral(RENKEI_CLI_PATH));
    p.setArguments(args);
    p.start();
    if (keep) return {};
    p.waitForFinished(120000);
    const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    cli_output_ += out;
    return out;
}

void PlaintextScanTest::aDaysWorkLeavesNoPlaintext() {
    const QString patient = QStringLiteral("架空 ") + marker("Kanja");
    QString kana = QStringLiteral("かくう ");  // hiragana only (the kana's rule), at random
    for (int i = 0; i < 10; ++i) kana += QChar(0x3042 + static_cast<int>(QRandomGenerator::global()->bounded(80)));
    const QString post = QStringLiteral("本日訪問、") + marker("Post");
    const QString draft = QStringLiteral("明日の申し送り、") + marker("Draft");
    const QString offline = QStringLiteral("電波のない所で、") + marker("Offline");
    const QString pdf_text = marker("Letter");
    const QString outside = g_root + QStringLiteral("/outside");  // the nurse's own files
    QVERIFY(QDir().mkpath(outside));

    const QString data_root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY2(data_root.startsWith(g_root), qPrintable(data_root));
    auto bridge = std::make_unique<CoreBridge>(data_root);
    guitest::useTestKdf(*bridge);
    QVERIFY(guitest::openAndSignIn(*bridge, QStringLiteral("平文検索の合言葉"), QStringLiteral("nurse.sato")));
    session::Session* s = bridge->session();
    care::PatientRoomPlan plan;
    plan.patient = {patient.toStdString(), kana.toStdString(), "1938-02-02", care::Sex::Female, care::CareLevel::Care2,
                    {}, "みどり野市"};
    plan.consent = care::Consent{"2026-12-01", care::ConsentMethod::InPerson, s->userId(), true, "", std::nullopt,
                                 std::nullopt};
    plan.opener = {care::Profession::VisitingNurse, "みなと訪問看護ステーション", "訪問看護ステーション", "みどり野市", ""};
    plan.no_physician_reason = "主治医は調整中";
    plan.creation_id = session::newTransactionId();
    QVERIFY(s->setOwnProfile(plan.opener).ok());
    auto opened = s->openPatientRoom(plan);
    QVERIFY2(opened.ok(), opened ? "" : opened.error().describe().c_str());
    const QString room = QString::fromStdString(*opened);
    bridge->startSync();

    QSignalSpy finished(bridge.get(), &CoreBridge::sendFinished);
    QVERIFY(!bridge->sendText(room, post).isEmpty());
    QVERIFY(finished.wait(kSyncMs));
    QVERIFY(bridge->saveDraft(room, draft));

    // A photo (random pixels) and a PDF letter, attached from her own folder.
    QImage photo(64, 48, QImage::Format_RGB32);
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) photo.setPixel(x, y, QRandomGenerator::global()->generate() | 0xff000000u);
    }
    const QString photo_path = outside + QStringLiteral("/photo.png");
    QVERIFY(photo.save(photo_path));
    const QString pdf_path = outside + QStringLiteral("/letter.pdf");
    {
        QPdfWriter writer(pdf_path);
        QPainter painter(&writer);
        painter.drawText(QPointF(200, 400), QStringLiteral("紹介状 ") + pdf_text);
    }
    TimelineModel timeline(bridge.get());
    timeline.setRoom(room);
    for (const QString& path : {photo_path, pdf_path}) {
        finished.clear();
        bridge->sendFile(room, path);
        QVERIFY(finished.wait(kSyncMs));
    }
    QString photo_mxc, pdf_mxc;
    // Each post by its own name, once sync has brought it with its content URI.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const int photo_row = guitest::rowWithBody(timeline, QStringLiteral("photo.png"));
        const int pdf_row = guitest::rowWithBody(timeline, QStringLiteral("letter.pdf"));
        if (photo_row < 0 || pdf_row < 0) return false;
        photo_mxc = timeline.index(photo_row, 0).data(TimelineModel::ImageUrlRole).toString();
        pdf_mxc = timeline.index(pdf_row, 0).data(TimelineModel::FileUrlRole).toString();
        return photo_mxc.startsWith(QStringLiteral("mxc://")) && pdf_mxc.startsWith(QStringLiteral("mxc://"));
    }()), kSyncMs);
    QVERIFY(photo_mxc != pdf_mxc);
    {
        ImageViewer viewer(*bridge, photo_mxc, QStringLiteral("写真"));
        viewer.show();
        QTRY_VERIFY_WITH_TIMEOUT(viewer.isLoaded(), kSyncMs);
    }
    {
        FileActions actions(*bridge);
        actions.open(pdf_mxc, QStringLiteral("letter.pdf"), QStringLiteral("application/pdf"), 0, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(actions.viewer() != nullptr, kSyncMs);
        QTRY_VERIFY_WITH_TIMEOUT(actions.viewer()->kind() == FileViewer::Kind::Pdf, kSyncMs);
        actions.viewer()->close();
    }
    {
        auto* dialog = new ExportDialog(*bridge, room);
        QSignalSpy exported(dialog, &ExportDialog::finished);
        QVERIFY(dialog->exportTo(outside + QStringLiteral("/export.pdf")));
        QVERIFY(exported.wait(kSyncMs));
        QVERIFY(exported.front().at(0).toBool());
        dialog->close();
    }

    // renkei-cli on the same computer: signed in, a post queued offline, killed mid-sync.
    const auto& hs = guitest::Homeserver::get();
    qputenv("RENKEI_PASSWORD", hs.password(QStringLiteral("nurse.sato")).toUtf8());
    qputenv("RENKEI_PASSPHRASE", "平文検索のCLIの合言葉");
    runCli({QStringLiteral("login"), QStringLiteral("--homeserver"), hs.base_url, QStringLiteral("--user"),
            QStringLiteral("nurse.sato")});
    QVERIFY2(cli_output_.contains(QStringLiteral("logged in as")), "renkei-cli did not sign in");
    runCli({QStringLiteral("queue"), room, offline});
    QProcess follow;
    follow.setProcessChannelMode(QProcess::MergedChannels);
    runCli({QStringLiteral("sync"), QStringLiteral("--follow")}, &follow);
    QTRY_VERIFY_WITH_TIMEOUT((follow.waitForReadyRead(100), cli_output_ += QString::fromUtf8(follow.readAll()),
                              cli_output_.contains(QStringLiteral("synced"))),
                             kSyncMs);
    QCOMPARE(follow.state(), QProcess::Running);
    follow.kill();  // SIGKILL, in the middle of its sync loop
    QTRY_COMPARE_WITH_TIMEOUT(follow.state(), QProcess::NotRunning, 10000);
    QCOMPARE(follow.exitStatus(), QProcess::CrashExit);
    runCli({QStringLiteral("sync"), QStringLiteral("--once")});
    qunsetenv("RENKEI_PASSWORD");
    qunsetenv("RENKEI_PASSPHRASE");
    QList<QByteArray> needles;
    for (const QString& m : {patient, kana, post, draft, offline, pdf_text}) {
        needles << m.toUtf8();
        QByteArray utf16(reinterpret_cast<const char*>(m.utf16()), m.size() * 2);
        needles << utf16;
    }
    needles << pieceOf(fileBytes(photo_path)) << pieceOf(fileBytes(pdf_path));
    // The search works: it finds the attachments' pieces in her own files.
    QCOMPARE(filesHolding(outside, {needles.at(needles.size() - 2)}).size(), 1);
    QCOMPARE(filesHolding(outside, {needles.back()}).size(), 1);
    int files = 0;
    const auto scan = [&] {
        const QStringList searched = {QString::fromLocal8Bit(qgetenv("XDG_DATA_HOME")), QString::fromLocal8Bit(qgetenv("XDG_CACHE_HOME")),
                                      QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME")), QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR")),
                                      QDir::tempPath()};
        for (const QString& dir : searched) {
            QVERIFY2(dir.startsWith(g_root), qPrintable(dir));
            QDirIterator count(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (count.hasNext()) {
                std::printf("searched %s\n", qPrintable(count.next().mid(g_root.size())));  // names only
                ++files;
            }
            const QStringList found = filesHolding(dir, needles);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        }
        QVERIFY2(files >= 4, qPrintable(QString::number(files)));  // at least two vaults and two caches
    };
    // While Renkei runs (its WAL and shared-memory files open), then after it closed.
    scan();
    if (QTest::currentTestFailed()) return;
    bridge->stopSync();
    bridge.reset();  // the databases closed, as at quit
    files = 0;
    scan();
    if (QTest::currentTestFailed()) return;
    const QByteArray log = (g_messages.join(QLatin1Char('\n')) + cli_output_).toUtf8();
    for (const QByteArray& n : needles) QVERIFY2(!log.contains(n), "a marker is in a log message or renkei-cli's output");
    std::printf("searched %d files in 5 directories, %lld log messages and %lld bytes of renkei-cli output: no marker found\n",
          files, static_cast<long long>(g_messages.size()), static_cast<long long>(cli_output_.size()));
}

int main(int argc, char** argv) {
    // Every directory Renkei writes to, in this test's own root, before Qt reads them.
    char pattern[] = "/tmp/renkei-plaintext-XXXXXX";
    if (mkdtemp(pattern) == nullptr) return 1;
    g_root = QString::fromLocal8Bit(pattern);
    for (const char* sub : {"data", "cache", "config", "run", "tmp"}) {
        const QByteArray dir = QByteArray(pattern) + "/" + sub;
        ::mkdir(dir.constData(), 0700);
    }
    setenv("XDG_DATA_HOME", (std::string(pattern) + "/data").c_str(), 1);
    setenv("XDG_CACHE_HOME", (std::string(pattern) + "/cache").c_str(), 1);
    setenv("XDG_CONFIG_HOME", (std::string(pattern) + "/config").c_str(), 1);
    setenv("XDG_RUNTIME_DIR", (std::string(pattern) + "/run").c_str(), 1);
    setenv("TMPDIR", (std::string(pattern) + "/tmp").c_str(), 1);
    qInstallMessageHandler(keepMessage);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Renkei-scan"));
    QCoreApplication::setApplicationName(QStringLiteral("Renkei-scan"));
    ui::installTranslations(QStringLiteral("ja"));
    PlaintextScanTest test;
    const int rc = QTest::qExec(&test, argc, argv);
    QDir(g_root).removeRecursively();
    return rc;
}

#include "plaintext_scan_test.moc"
