// renkei-cli: `export ROOM [--from D] [--to D] [--layout L] -o FILE.pdf`, the headless twin of
// the app's 書き出し: the room's posts from the cache as a PDF (A4, Japanese), through the same
// painter as the app (ui/export/pdf_document.h), the pictures of image posts fetched from the
// server into memory (--no-images: none, each post's line only). A build without the GUI has
// no PDF writer.
#include <filesystem>
#include <iostream>
#include <memory>

#include "care/care_record_format.h"
#include "cli.h"
#include "export/export_document.h"
#include "session/session.h"

#ifdef RENKEI_HAVE_PDF
#include <QGuiApplication>

#include "export/pdf_document.h"
#endif

namespace renkei::cli {
#ifdef RENKEI_HAVE_PDF
namespace {

// The request of the command line, or nullopt after saying why on stderr.
std::optional<exporting::ExportRequest> exportRequest(const Args& args) {
    exporting::ExportRequest request;
    if (auto layout = args.get("--layout")) {
        auto known = exporting::layoutFromWire(*layout);
        if (!known) {
            std::cerr << "renkei-cli: --layout is timeline, support-record or physician-updates\n";
            return std::nullopt;
        }
        request.layout = *known;
    }
    if (!jstDayOption(args, "--from", request.from_ms) || !jstDayOption(args, "--to", request.to_ms, true)) {
        return std::nullopt;
    }
    if (request.from_ms && request.to_ms && *request.from_ms >= *request.to_ms) {
        std::cerr << "renkei-cli: --from must not be after --to\n";
        return std::nullopt;
    }
    if (!args.get("--output") || args.get("--output")->empty()) {
        std::cerr << "renkei-cli: export needs -o FILE.pdf\n";
        return std::nullopt;
    }
    return request;
}

// The pictures of the document's image posts, fetched and decoded in memory only; `missing`
// counts those that could not be (offline, gone, not a picture).
ui::pdf::Pictures fetchPictures(session::Session& s, const exporting::ExportDocument& doc, std::size_t& missing) {
    ui::pdf::Pictures pictures;
    for (const auto& mxc : exporting::imageSources(doc)) {
        auto media = s.fetchMedia(mxc);
        const QImage picture = media ? ui::pdf::printPicture(QByteArray::fromStdString(media->bytes),
                                                             QString::fromStdString(media->content_type))
                                     : QImage();
        if (picture.isNull()) {
            ++missing;
        } else {
            pictures.insert(QString::fromStdString(mxc), picture);
        }
    }
    return pictures;
}

}  // namespace
#endif

int checkExport(const Args& args) {
#ifndef RENKEI_HAVE_PDF
    (void)args;
    std::cerr << "renkei-cli: export: this build has no PDF writer (built without the GUI, "
                 "RENKEI_GUI=OFF); use a build with the desktop app\n";
    return kUsage;
#else
    return exportRequest(args) ? kOk : kUsage;
#endif
}

int cmdExport(session::Session& s, const Args& args) {
#ifndef RENKEI_HAVE_PDF
    (void)s;
    return checkExport(args);
#else
    auto request = exportRequest(args);
    if (!request) return kUsage;
    const std::string room = args.positional.at(0);
    auto doc = s.exportDocument(room, *request);
    if (!doc) return reportError("cannot export the room", doc.error());
    std::unique_ptr<QGuiApplication> app;
    if (QGuiApplication::instance() == nullptr) {
        // Headless by default: painting a PDF needs fonts, not a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "renkei-cli";
        static char* argv[] = {name, nullptr};
        app = std::make_unique<QGuiApplication>(argc, argv);
    }
    std::size_t missing = 0;
    const auto pictures = args.has("--no-images") ? ui::pdf::Pictures() : fetchPictures(s, *doc, missing);
    if (missing > 0) std::cerr << "renkei-cli: " << missing << " pictures could not be fetched; their posts say so\n";
    const std::string path = *args.get("--output");
    QString why;
    const int pages = ui::pdf::writePdf(*doc, QString::fromStdString(path), &why, {}, pictures);
    if (pages == 0) {
        // Not the path: a file may be named after the patient.
        return reportError("cannot write the PDF", makeError(ErrorKind::Storage, why.toStdString()));
    }
    // Every export is logged; an export that cannot be logged is not kept.
    if (auto logged = s.recordExport(room, *request, doc->blocks.size(), "pdf"); !logged) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        return reportError("cannot record the export (the PDF was removed)", logged.error());
    }
    std::cout << "exported " << doc->blocks.size() << " posts on " << pages << " pages ("
              << exporting::toWire(request->layout) << ")\n";
    return kOk;
#endif
}

}  // namespace renkei::cli
