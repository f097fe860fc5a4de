// Files opened inside Renkei from memory and saved on request (issue 10, "Files"): a 2-page
// PDF made here with QPdfWriter is shown by the viewer page by page (and rendered, not
// blank) without a byte reaching the disk; images and other types; the save flow's warning,
// its QSaveFile write (a full disk leaves nothing behind) and the name offered for a hostile
// file name; the file card's texts and hit areas. Screenshots in Japanese. No server needed.
#include <signal.h>
#include <sys/resource.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <memory>

#include "dir_snapshot.h"
#include "gui_support.h"
#include "media/attachment_file.h"
#include "media/file_card.h"
#include "media/file_viewer.h"
#include "media/save_copy.h"

using namespace renkei::ui;

namespace {

/// A 2-page A4 PDF, made in memory: a heading and a filled box on each page.
QByteArray twoPagePdf() {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(72);
        writer.setTitle(QStringLiteral("診療情報提供書（テスト）"));
        QPainter painter(&writer);
        for (int page = 1; page <= 2; ++page) {
            if (page > 1) writer.newPage();
            QFont font = painter.font();
            font.setPointSize(20);
            painter.setFont(font);
            painter.drawText(QRect(40, 40, 500, 40),
                             QStringLiteral("診療情報提供書 %1 / 2").arg(page));
            painter.fillRect(QRect(40, 120, 400, 300 + page * 50), QColor(30, 60, 140));
        }
    }
    return buffer.data();
}

/// Pixels of `image` that are not (nearly) white.
int inkedPixels(const QImage& image) {
    int inked = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        for (int x = 0; x < rgb.width(); ++x) {
            if (qGray(rgb.pixel(x, y)) < 200) ++inked;
        }
    }
    return inked;
}

QByteArray pngBytes() {
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(200, 80, 60));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

/// Dialogs answered by the test: confirm with `go`, save to `path`; errors collected.
struct Answers {
    bool go = true;
    QString path;
    int confirmed = 0;
    int chosen = 0;
    QString suggested;
    QStringList errors;

    SaveDialogs dialogs() {
        SaveDialogs d;
        d.confirm = [this](QWidget*) {
            ++confirmed;
            return go;
        };
        d.choosePath = [this](QWidget*, const QString& offered) {
            ++chosen;
            suggested = offered;
            return path;
        };
        d.showError = [this](QWidget*, const QString& text) { errors << text; };
        return d;
    }
};

}  // namespace

class FilesTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        renkei::guitest::setUpApplication();
        // A temporary folder of this test's own: what lands there can only come from here.
        QVERIFY(tmp_.isValid());
        qputenv("TMPDIR", QFile::encodeName(tmp_.path()));
        QCOMPARE(QDir::tempPath(), QDir(tmp_.path()).canonicalPath());
    }

    void pdfIsShownPageByPageFromMemory() {
        const QByteArray pdf = twoPagePdf();
        QVERIFY(pdf.startsWith("%PDF-"));
        const auto tmp = std::filesystem::path(QDir::tempPath().toStdString());
        const auto before = renkei::test::snapshot(tmp);
        QVERIFY(before.empty());

        FileViewer viewer(pdf, QStringLiteral("application/pdf"),
                          QStringLiteral("紹介状_松本トメ様.pdf"));
        viewer.setAttribute(Qt::WA_DeleteOnClose, false);
        QCOMPARE(viewer.kind(), FileViewer::Kind::Pdf);
        QCOMPARE(viewer.pageCount(), 2);
        QVERIFY(viewer.message().isEmpty());
        const QImage page = viewer.document()->render(0, QSize(210, 297));
        QVERIFY(!page.isNull());
        QVERIFY2(inkedPixels(page) > 210 * 297 / 10, "the rendered first page is blank");

        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QCOMPARE(viewer.currentPage(), 0);
        viewer.goToPage(1);
        QTRY_COMPARE(viewer.currentPage(), 1);
        viewer.goToPage(0);
        QTRY_COMPARE(viewer.currentPage(), 0);
        const double fitted = viewer.pdfView()->zoomFactor();
        viewer.zoomIn();
        QVERIFY(viewer.pdfView()->zoomFactor() > fitted);
        viewer.fitWidth();
        QCOMPARE(viewer.pdfView()->zoomMode(), QPdfView::ZoomMode::FitToWidth);
        // The view renders pages on a thread of its own: the page shows ink once it is done.
        QWidget* pages = viewer.pdfView()->viewport();
        QTRY_VERIFY_WITH_TIMEOUT(inkedPixels(pages->grab().toImage()) >
                                     pages->width() * pages->height() / 20,
                                 10000);
        QVERIFY(!renkei::guitest::saveScreenshot(&viewer, QStringLiteral("file_viewer_pdf"))
                     .isEmpty());
        // Nothing of the PDF went to the temporary folder while it was loaded and painted.
        QVERIFY(renkei::test::snapshot(tmp).empty());
    }

    void imagesOtherTypesAndBrokenFiles() {
        FileViewer image(pngBytes(), QStringLiteral("image/png"), QStringLiteral("創部.png"));
        QCOMPARE(image.kind(), FileViewer::Kind::Image);
        QCOMPARE(image.pageCount(), 0);

        FileViewer zip(QByteArray("PK\x03\x04rest", 8), QStringLiteral("application/zip"),
                       QStringLiteral("記録.zip"));
        QCOMPARE(zip.kind(), FileViewer::Kind::Other);
        QVERIFY(zip.message().contains(QStringLiteral("保存…")));

        FileViewer broken(QByteArray("%PDF-1.4\nnot really"), QStringLiteral("application/pdf"),
                          QStringLiteral("壊れた.pdf"));
        QCOMPARE(broken.kind(), FileViewer::Kind::Other);
        QVERIFY(broken.message().contains(QStringLiteral("PDF")));

        // A PNG declared as a PDF is not shown as anything else (and a PDF as an image).
        FileViewer liar(pngBytes(), QStringLiteral("application/pdf"), QStringLiteral("a.pdf"));
        QCOMPARE(liar.kind(), FileViewer::Kind::Other);
        FileViewer liar2(twoPagePdf(), QStringLiteral("image/png"), QStringLiteral("a.png"));
        QCOMPARE(liar2.kind(), FileViewer::Kind::Other);
    }

    void saveWarnsThenWritesTheChosenFile() {
        QVERIFY(SaveCopy::warningText().contains(QStringLiteral("暗号化")));
        {
            std::unique_ptr<QMessageBox> box(SaveCopy::warningBox(nullptr));
            box->show();
            QVERIFY(QTest::qWaitForWindowExposed(box.get()));
            QVERIFY(!renkei::guitest::saveScreenshot(box.get(), QStringLiteral("file_save_warning"))
                         .isEmpty());
        }
        QTemporaryDir dir;
        const QByteArray pdf = twoPagePdf();
        Answers answers;
        answers.path = dir.filePath(QStringLiteral("紹介状.pdf"));

        // The user reads the warning and cancels: nothing asked, nothing written.
        answers.go = false;
        QVERIFY(SaveCopy::run(nullptr, pdf, QStringLiteral("紹介状.pdf"), answers.dialogs())
                    .isEmpty());
        QCOMPARE(answers.confirmed, 1);
        QCOMPARE(answers.chosen, 0);
        QVERIFY(QDir(dir.path()).isEmpty());

        answers.go = true;
        const QString written =
            SaveCopy::run(nullptr, pdf, QStringLiteral("../../紹介状.pdf"), answers.dialogs());
        QCOMPARE(written, answers.path);
        QCOMPARE(QFileInfo(answers.suggested).fileName(), QStringLiteral("紹介状.pdf"));
        QFile file(written);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), pdf);
        QVERIFY(answers.errors.isEmpty());

        // A folder that cannot be written: a clear message, nothing left.
        answers.path = dir.filePath(QStringLiteral("無い/紹介状.pdf"));
        QVERIFY(SaveCopy::run(nullptr, pdf, QStringLiteral("紹介状.pdf"), answers.dialogs())
                    .isEmpty());
        QCOMPARE(answers.errors.size(), 1);
        QVERIFY(answers.errors.front().contains(QStringLiteral("保存できません")));
    }

    void aFullDiskLeavesNothingHalfWritten() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("大きい.pdf"));
        // The file-size limit stands in for a full disk: writes past it fail (EFBIG).
        struct rlimit old {};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto previous = signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 64 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &small) == 0);
        QString error_text;
        const bool ok = SaveCopy::write(path, QByteArray(1024 * 1024, 'x'), error_text);
        setrlimit(RLIMIT_FSIZE, &old);
        signal(SIGXFSZ, previous);
        QVERIFY(!ok);
        QVERIFY(!error_text.isEmpty());
        QVERIFY2(QDir(dir.path()).isEmpty(), "a partial or temporary file was left behind");
    }

    void anyFileIsAttachedWithinTheLimit() {
        QTemporaryDir dir;
        const auto put = [&](const QString& name, const QByteArray& bytes) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) return QString();
            return f.fileName();
        };
        const QByteArray pdf = twoPagePdf();
        const qint64 limit = 1024 * 1024;
        AttachmentFile out;
        QString error;
        const QString referral = put(QStringLiteral("紹介状 (写し).pdf"), pdf);
        QVERIFY(AttachmentFile::read(referral, limit, out, error));
        QCOMPARE(out.mime_type, std::string("application/pdf"));
        QCOMPARE(out.file_name, QStringLiteral("紹介状 (写し).pdf"));
        QCOMPARE(out.bytes.size(), std::size_t(pdf.size()));
        QVERIFY(!out.size.isValid());

        const QByteArray png = pngBytes();
        QVERIFY(AttachmentFile::read(put(QStringLiteral("創部"), png), limit, out, error));
        QCOMPARE(out.mime_type, std::string("image/png"));  // by content: no extension
        QCOMPARE(out.size, QSize(64, 48));

        const QString binary = put(QStringLiteral("記録.bin"), QByteArray("\x01\x02\xff", 3));
        QVERIFY(AttachmentFile::read(binary, limit, out, error));
        QCOMPARE(out.mime_type, std::string("application/octet-stream"));

        const QString big = put(QStringLiteral("大きい.pdf"), pdf + QByteArray(limit, ' '));
        QVERIFY(!AttachmentFile::read(big, limit, out, error));
        QVERIFY2(error.contains(QStringLiteral("1.0 MB")), qPrintable(error));
        const QString missing = dir.filePath(QStringLiteral("無い.pdf"));
        QVERIFY(!AttachmentFile::read(missing, limit, out, error));
        QVERIFY(error.contains(QStringLiteral("見つかりません")));
    }

    void hostileNamesBecomeSafeFileNames() {
        QCOMPARE(SaveCopy::safeFileName(QStringLiteral("../../.bashrc")), QStringLiteral("bashrc"));
        QCOMPARE(SaveCopy::safeFileName(QStringLiteral("C:\\Windows\\紹介状.pdf")),
                 QStringLiteral("紹介状.pdf"));
        QCOMPARE(SaveCopy::safeFileName(QStringLiteral("a<b>:c?.pdf")),
                 QStringLiteral("a_b__c_.pdf"));
        QCOMPARE(SaveCopy::safeFileName(QString::fromUtf8("fdp.\u202Eexe")),
                 QStringLiteral("fdp._exe"));
        QCOMPARE(SaveCopy::safeFileName(QStringLiteral(" ... ")), QStringLiteral("file"));
        QCOMPARE(SaveCopy::safeFileName(QString()), QStringLiteral("file"));
        const QString longName =
            SaveCopy::safeFileName(QString(500, u'紹') + QStringLiteral(".pdf"));
        QCOMPARE(longName.size(), 120);
        QVERIFY(longName.endsWith(QStringLiteral(".pdf")));
    }

    void fileCardTextsHitAreasAndScreenshot() {
        QCOMPARE(FileCard::sizeText(512), QStringLiteral("512 B"));
        QCOMPARE(FileCard::sizeText(12 * 1024), QStringLiteral("12 KB"));
        QCOMPARE(FileCard::sizeText(3'000'000), QStringLiteral("2.9 MB"));
        QCOMPARE(FileCard::sizeText(std::nullopt), QString());
        QCOMPARE(FileCard::typeText(QStringLiteral("application/pdf"), {}),
                 QStringLiteral("PDF 文書"));
        QCOMPARE(FileCard::typeText(QStringLiteral("application/octet-stream"),
                                    QStringLiteral("記録.docx")),
                 QStringLiteral("DOCX ファイル"));
        QVERIFY(FileCard::canOpen(QStringLiteral("application/pdf")));
        QVERIFY(!FileCard::canOpen(QStringLiteral("application/zip")));

        QWidget host;
        const QFont font = host.font();
        const QRect rect(0, 0, 520, FileCard::height(font));
        const FileCardInfo pdf{QStringLiteral("紹介状_松本トメ様_2026-12-01.pdf"),
                               QStringLiteral("application/pdf"), 3'000'000};
        const FileCardInfo zip{QStringLiteral("<b>記録</b>") + QString(300, u'長') +
                                   QStringLiteral(".zip"),
                               QStringLiteral("application/zip"), 12 * 1024};
        QCOMPARE(FileCard::hitTest(rect, pdf, font, FileCard::openButton(rect, font).center()),
                 FileCardHit::Open);
        QCOMPARE(FileCard::hitTest(rect, pdf, font, FileCard::saveButton(rect, font).center()),
                 FileCardHit::Save);
        QCOMPARE(FileCard::hitTest(rect, zip, font, FileCard::openButton(rect, font).center()),
                 FileCardHit::None);  // not openable: no 開く
        QCOMPARE(FileCard::hitTest(rect, pdf, font, QPoint(5, 5)), FileCardHit::None);

        QImage shot(rect.width() + 16, 2 * rect.height() + 24, QImage::Format_ARGB32);
        shot.fill(host.palette().color(QPalette::Window));
        QPainter painter(&shot);
        FileCard::paint(painter, rect.translated(8, 8), pdf, host.palette(), font);
        FileCard::paint(painter, rect.translated(8, 16 + rect.height()), zip, host.palette(), font);
        painter.end();
        QDir().mkpath(QStringLiteral(RENKEI_SCREENSHOT_DIR));
        QVERIFY(shot.save(QStringLiteral(RENKEI_SCREENSHOT_DIR "/file_cards.png")));
    }

private:
    QTemporaryDir tmp_;
};

QTEST_MAIN(FilesTest)
#include "files_test.moc"
