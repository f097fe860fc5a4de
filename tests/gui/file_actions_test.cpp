// Issue 10, files from the timeline: a PDF that dr.tanaka posted (uploaded to the real
// Synapse through his outbox) is opened by nurse.sato's Renkei through FileActions: it is
// downloaded into memory and the FileViewer shows page 1 of 2. 保存… writes exactly the
// uploaded bytes after the warning is accepted, and nothing when the warning or the file
// dialog is cancelled. A download cancelled and asked again opens once; a file larger than
// its post says is refused with a message. A window closed while its PDF is painted goes
// without a crash.
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPdfWriter>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "bridge/core_bridge.h"
#include "gui_support.h"
#include "media/file_actions.h"
#include "media/file_viewer.h"
#include "media/save_copy.h"
#include "session/session.h"

using renkei::guitest::Homeserver;
using renkei::guitest::OtherClient;
using namespace renkei::ui;

namespace {

const QString kPassphrase = QStringLiteral("ファイル-開く-みどり-2026");
const QString kFileName = QStringLiteral("訪問看護報告書_テスト.pdf");

/// A 2-page A4 PDF made in memory, each page with its number and a filled box.
QByteArray twoPagePdf(const QString& marker) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(72);
        writer.setTitle(marker);
        QPainter painter(&writer);
        for (int page = 1; page <= 2; ++page) {
            if (page > 1) writer.newPage();
            painter.drawText(QRect(40, 40, 500, 40), QStringLiteral("報告書 %1 / 2 %2").arg(page).arg(marker));
            painter.fillRect(QRect(40, 120, 400, 300), QColor(20, 90, 60));
        }
    }
    return buffer.data();
}

/// The picture shows some of the page's dark box (not only paper and frame).
bool showsInk(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        for (int x = 0; x < rgb.width(); x += 2) {
            if (qGray(rgb.pixel(x, y)) < 120) return true;
        }
    }
    return false;
}

/// The save flow answered by the test; what was asked is recorded in order.
struct Answers {
    bool confirm = true;
    QString path;  ///< empty: the file dialog is cancelled
    QStringList asked;
    QStringList errors;

    SaveDialogs dialogs() {
        SaveDialogs d;
        d.confirm = [this](QWidget*) {
            asked << QStringLiteral("confirm");
            return confirm;
        };
        d.choosePath = [this](QWidget*, const QString&) {
            asked << QStringLiteral("path");
            return path;
        };
        d.showError = [this](QWidget*, const QString& text) { errors << text; };
        return d;
    }
};

}  // namespace

class FileActionsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        QVERIFY(dir_.isValid());
        pdf_ = twoPagePdf(renkei::guitest::unique(QStringLiteral("pdf")));

        // dr.tanaka posts the PDF from his own device: upload, then the m.file event.
        OtherClient doctor(QStringLiteral("dr.tanaka"));
        QVERIFY(doctor.ok());
        auto room = doctor->createRoom("ファイル試験の部屋", {}, std::nullopt);
        QVERIFY(room.ok());
        QVERIFY(doctor->mediaConfig().ok());
        auto queued = doctor->queueFile(
            *room, renkei::store::OutboxMedia{pdf_.toStdString(), "application/pdf", kFileName.toStdString()});
        QVERIFY(queued.ok());
        for (int step = 0; step < 5 && mxc_.isEmpty(); ++step) {
            auto out = doctor->sendNextQueued();
            QVERIFY(out.ok());
            if (!*out) break;
            if ((*out)->content_uri) mxc_ = QString::fromStdString(*(*out)->content_uri);
        }
        QVERIFY(mxc_.startsWith(QStringLiteral("mxc://")));

        bridge_ = std::make_unique<CoreBridge>(dir_.path() + QStringLiteral("/nurse"));
        renkei::guitest::useTestKdf(*bridge_);
        QVERIFY(renkei::guitest::openAndSignIn(*bridge_, kPassphrase, QStringLiteral("nurse.sato")));
    }

    void openShowsPdfFirstPage() {
        FileActions actions(*bridge_);
        Answers answers;
        actions.setSaveDialogs(answers.dialogs());
        QWidget parent;
        parent.resize(900, 700);
        parent.show();
        actions.open(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), &parent);
        QVERIFY(actions.isDownloading(mxc_));
        QTRY_VERIFY_WITH_TIMEOUT(actions.viewer() != nullptr, 20000);
        FileViewer* viewer = actions.viewer();
        QCOMPARE(viewer->kind(), FileViewer::Kind::Pdf);
        QCOMPARE(viewer->pageCount(), 2);
        QCOMPARE(viewer->currentPage(), 0);
        QVERIFY(showsInk(viewer->document()->render(0, QSize(300, 420))));  // page 1 is read
        // ... and painted in the view (Qt PDF renders in the background).
        QTRY_VERIFY_WITH_TIMEOUT(showsInk(viewer->pdfView()->viewport()->grab().toImage()), 10000);
        QVERIFY(!actions.isDownloading(mxc_));
        QVERIFY(answers.asked.isEmpty() && answers.errors.isEmpty());
        renkei::guitest::saveScreenshot(viewer, QStringLiteral("file-actions-pdf"));
        viewer->close();
    }

    void saveWritesTheExactBytesAfterTheWarning() {
        FileActions actions(*bridge_);
        Answers answers;
        answers.path = dir_.path() + QStringLiteral("/saved/報告書.pdf");
        QVERIFY(QDir().mkpath(dir_.path() + QStringLiteral("/saved")));
        actions.setSaveDialogs(answers.dialogs());
        QSignalSpy saved(&actions, &FileActions::saved);
        actions.save(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 20000);
        QCOMPARE(saved.at(0).at(1).toString(), answers.path);
        QCOMPARE(answers.asked, (QStringList{QStringLiteral("confirm"), QStringLiteral("path")}));
        QFile file(answers.path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf_);
        QVERIFY(actions.viewer() == nullptr);  // saving opens nothing
    }

    void cancelledSaveWritesNothing() {
        const QString folder = dir_.path() + QStringLiteral("/not-saved");
        QVERIFY(QDir().mkpath(folder));
        for (const bool at_warning : {true, false}) {
            FileActions actions(*bridge_);
            Answers answers;
            answers.confirm = !at_warning;
            answers.path = at_warning ? folder + QStringLiteral("/x.pdf") : QString();
            actions.setSaveDialogs(answers.dialogs());
            QSignalSpy saved(&actions, &FileActions::saved);
            actions.save(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), nullptr);
            // The download ends, then the flow asks; cancelled at the warning, no path is asked.
            QTRY_VERIFY_WITH_TIMEOUT(!actions.isDownloading(mxc_), 20000);
            const QStringList asked = at_warning
                                          ? QStringList{QStringLiteral("confirm")}
                                          : QStringList{QStringLiteral("confirm"), QStringLiteral("path")};
            QCOMPARE(answers.asked, asked);
            QVERIFY(saved.isEmpty());
            QVERIFY(answers.errors.isEmpty());
            QVERIFY(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
        }
    }

    void cancelledDownloadOpensNothingAndCanBeAskedAgain() {
        FileActions actions(*bridge_);
        Answers answers;
        actions.setSaveDialogs(answers.dialogs());
        QSignalSpy failed(&actions, &FileActions::failed);
        actions.open(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), nullptr);
        QVERIFY(actions.progressDialog(mxc_) != nullptr);
        actions.cancel(mxc_);
        QVERIFY(!actions.isDownloading(mxc_));
        QVERIFY(actions.progressDialog(mxc_) == nullptr);
        // Asked again at once: the cancelled download's late answer is not taken for this one.
        QSignalSpy ready(bridge_.get(), &CoreBridge::fileReady);
        actions.open(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(actions.viewer() != nullptr, 20000);
        QCOMPARE(actions.viewer()->pageCount(), 2);
        QCOMPARE(ready.size(), 1);
        QVERIFY(failed.isEmpty());  // a cancel is not a failure shown to the user
        QVERIFY(answers.errors.isEmpty());
        actions.viewer()->close();
    }

    void fileLargerThanItsPostIsRefused() {
        FileActions actions(*bridge_);
        Answers answers;
        actions.setSaveDialogs(answers.dialogs());
        QSignalSpy failed(&actions, &FileActions::failed);
        actions.open(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size() - 1, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000);
        QVERIFY(actions.viewer() == nullptr);
        QCOMPARE(answers.errors.size(), 1);
        QCOMPARE(answers.errors.at(0),
                 QStringLiteral("ファイルが投稿に書かれた大きさを超えているため、開けません。"));
    }

    void windowClosedWhileThePdfIsPaintedIsGone() {
        // The user opens the PDF and closes the window at once, while Qt PDF still renders
        // its pages on a thread of its own (they read the document as they render).
        FileActions actions(*bridge_);
        Answers answers;
        actions.setSaveDialogs(answers.dialogs());
        for (int round = 0; round < 8; ++round) {
            auto window = std::make_unique<QWidget>();
            window->resize(900, 700);
            window->show();
            actions.open(mxc_, kFileName, QStringLiteral("application/pdf"), pdf_.size(), window.get());
            QTRY_VERIFY_WITH_TIMEOUT(actions.viewer() != nullptr, 20000);
            QPointer<FileViewer> viewer = actions.viewer();
            QCOMPARE(viewer->pageCount(), 2);
            for (int zoom = 0; zoom < 3; ++zoom) {
                viewer->zoomIn();  // each zoom asks for the visible pages again, larger
                viewer->pdfView()->viewport()->repaint();
            }
            window.reset();  // the viewer goes with its window, renders still running
            QVERIFY(viewer.isNull());
            QVERIFY(actions.viewer() == nullptr);
        }
        QVERIFY(answers.errors.isEmpty());
    }

    void cleanupTestCase() { bridge_.reset(); }

private:
    QTemporaryDir dir_;
    QByteArray pdf_;
    QString mxc_;
    std::unique_ptr<CoreBridge> bridge_;
};

QTEST_MAIN(FileActionsTest)
#include "file_actions_test.moc"
